// `newsfacts crawl`: configuration, the one-crawl-per-database lock, the
// pass loop (--once / --every), progress and the summary.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/crawl_config.h"
#include "cli/crawler.h"
#include "cli/inputs.h"
#include "cli/pipeline.h"
#include "core/env.h"
#include "core/log.h"
#include "ingest/warc.h"
#include "store/frontier.h"
#include "store/store.h"

namespace newsfacts {
namespace {

// An exclusive flock on "<db>-crawl.lock": the kernel drops it when the
// process dies, so a crawl killed with -9 never leaves the database locked.
class CrawlLock {
 public:
  ~CrawlLock() {
    if (fd_ >= 0) close(fd_);
  }
  Status Acquire(const std::string& db) {
    const std::string path = db + "-crawl.lock";
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
      return Status::IOError(path + ": " + std::strerror(errno));
    }
    if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      if (errno == EWOULDBLOCK) {
        return Status::Unavailable(db +
                                   ": database is locked by a running crawl");
      }
      return Status::IOError(path + ": " + std::strerror(errno));
    }
    return Status::OK();
  }

 private:
  int fd_ = -1;
};

class CrawlProgress {
 public:
  CrawlProgress(bool quiet, Env* env)
      : enabled_(!quiet && isatty(STDERR_FILENO)),
        env_(env),
        start_(env->NowMicros()) {}
  ~CrawlProgress() {
    if (drawn_) std::fputs("\r\033[K", stderr);
  }
  void Update(const CrawlFigures& f) {
    if (!enabled_) return;
    const double secs = (env_->NowMicros() - start_) / 1e6;
    std::fprintf(stderr,
                 "\r\033[Kqueued %lld  fetched %lld  stored %lld  unchanged "
                 "%lld  errors %lld  %.1f req/s",
                 (long long)f.queued, (long long)f.fetched,
                 (long long)f.stored, (long long)(f.unchanged + f.not_modified),
                 (long long)f.failed, secs > 0 ? f.requests / secs : 0.0);
    std::fflush(stderr);
    drawn_ = true;
  }

 private:
  bool enabled_;
  Env* env_;
  int64_t start_;
  bool drawn_ = false;
};

Result<CrawlConfig> BuildConfig(const CrawlArgs& args) {
  CrawlConfig config = DefaultCrawlConfig();
  if (!args.config.empty()) {
    Result<CrawlConfig> loaded = LoadCrawlConfig(args.config);
    if (!loaded.ok()) return loaded.status();
    config = std::move(*loaded);
  }
  if (!args.db.empty()) config.db = args.db;
  if (!args.every.empty()) {
    Result<int64_t> every = ParseDuration(args.every);
    if (!every.ok()) return every.status().WithContext("--every");
    config.every_micros = *every;
  }
  if (args.once) config.every_micros = 0;
  for (const std::string& seed : args.seeds) {
    config.options.seeds.push_back({seed, ""});
  }
  if (args.delay >= 0) {
    config.options.politeness.delay_micros =
        static_cast<int64_t>(args.delay * 1e6);
  }
  if (args.max_pages >= 0) config.options.max_pages = args.max_pages;
  if (!args.user_agent.empty()) {
    config.options.fetcher.user_agent = args.user_agent;
  }
  if (args.allow_private) config.options.fetcher.allow_private_addresses = true;
  if (!args.warc_out.empty()) config.warc_out = args.warc_out;
  if (!args.facts) config.options.facts = false;
  if (config.options.seeds.empty()) {
    return Status::InvalidArgument(
        "crawl: no seeds (give --seed URL or [[source]] seeds in --config)");
  }
  return config;
}

void PrintSummary(const CrawlFigures& f, double seconds, bool interrupted) {
  std::fprintf(
      stderr,
      "newsfacts crawl: queued %lld, fetched %lld, stored %lld, replaced "
      "%lld, unchanged %lld, not modified %lld, skipped %lld, failed %lld "
      "(%lld retries); %lld requests in %.1f s (%.1f/s)%s\n",
      (long long)f.queued, (long long)f.fetched, (long long)f.stored,
      (long long)f.replaced, (long long)f.unchanged, (long long)f.not_modified,
      (long long)f.skipped, (long long)f.failed, (long long)f.retried,
      (long long)f.requests, seconds, seconds > 0 ? f.requests / seconds : 0.0,
      interrupted ? " (interrupted)" : "");
}

}  // namespace

int RunCrawl(const GlobalArgs& global, const CrawlArgs& args) {
  Result<CrawlConfig> config = BuildConfig(args);
  if (!config.ok()) {
    Log(LogLevel::kError) << config.status().ToString();
    return config.status().code() == Status::Code::kInvalidArgument
               ? kExitUsage
               : kExitFatal;
  }
  CrawlLock lock;
  Status locked = lock.Acquire(config->db);
  if (!locked.ok()) {
    Log(LogLevel::kError) << locked.ToString();
    return kExitFatal;
  }
  const std::string config_dir = ResolveConfigDir(global.config_dir);
  auto pipeline = Pipeline::Create(
      {.config_dir = config_dir, .facts = config->options.facts});
  if (!pipeline.ok()) {
    Log(LogLevel::kError)
        << pipeline.status().WithContext("configuration " + config_dir)
               .ToString();
    return kExitFatal;
  }
  auto store = Store::Open(config->db, {});
  if (!store.ok()) {
    Log(LogLevel::kError) << store.status().ToString();
    return kExitFatal;
  }
  auto frontier = Frontier::Open(config->db, {});
  if (!frontier.ok()) {
    Log(LogLevel::kError) << frontier.status().ToString();
    return kExitFatal;
  }
  std::unique_ptr<WarcWriter> warc;
  if (!config->warc_out.empty()) {
    auto w = WarcWriter::Open(config->warc_out, "newsfacts");
    if (!w.ok()) {
      Log(LogLevel::kError) << w.status().ToString();
      return kExitFatal;
    }
    warc = std::move(*w);
  }

  volatile bool stop = false;
  StopOnSignals(&stop);
  Env* env = Env::Default();
  std::string run_args;
  for (const CrawlSeed& s : config->options.seeds) {
    run_args += (run_args.empty() ? "" : " ") + s.url;
  }
  for (;;) {
    const int64_t pass_start = env->NowMicros();
    auto run = (*store)->BeginRun("crawl", run_args);
    if (!run.ok()) {
      Log(LogLevel::kError) << run.status().ToString();
      return kExitFatal;
    }
    Crawler crawler(config->options, env, store->get(), frontier->get(),
                    pipeline->get(), warc.get());
    Status pass;
    {
      CrawlProgress progress(global.quiet, env);
      pass = crawler.RunPass(
          &stop, [&](const CrawlFigures& f) { progress.Update(f); });
    }
    const CrawlFigures& f = crawler.figures();
    RunFigures figures;
    figures.read = f.fetched;
    figures.stored = f.stored;
    figures.replaced = f.replaced;
    figures.unchanged = f.unchanged;
    figures.failed = f.failed;
    figures.queued = f.queued;
    figures.fetched = f.fetched;
    figures.not_modified = f.not_modified;
    figures.skipped = f.skipped;
    Status finished = (*store)->FinishRun(*run, figures);
    if (!global.quiet) {
      PrintSummary(f, (env->NowMicros() - pass_start) / 1e6, stop);
    }
    if (!pass.ok()) {
      Log(LogLevel::kError) << pass.ToString();
      return kExitFatal;
    }
    if (!finished.ok()) {
      Log(LogLevel::kError) << finished.ToString();
      return kExitFatal;
    }
    if (config->every_micros <= 0 || stop) break;
    const int64_t next = pass_start + config->every_micros;
    while (!stop && env->NowMicros() < next) {
      env->SleepForMicros(
          std::min<int64_t>(200'000, next - env->NowMicros()));
    }
    if (stop) break;
  }
  if (warc != nullptr) {
    Status closed = warc->Close();
    if (!closed.ok()) Log(LogLevel::kError) << closed.ToString();
  }
  return stop ? kExitSomeFailed : kExitOk;
}

}  // namespace newsfacts
