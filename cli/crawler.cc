// The crawl engine (cli/crawler.h): event loop, robots.txt per origin,
// redirects hop by hop, retries, and the hand-off of articles to the
// pipeline and the store.
#include "cli/crawler.h"

#include <algorithm>
#include <climits>
#include <ctime>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/log.h"
#include "ingest/feeds.h"
#include "ingest/ingest.h"
#include "ingest/robots.h"
#include "ingest/url.h"
#include "ingest/warc.h"

namespace newsfacts {
namespace {

constexpr char kFileOrigin[] = "file://";
constexpr int64_t kMicros = 1'000'000;
constexpr int64_t kTick = 200'000;  // longest sleep of the loop
constexpr int kMaxRobotsRedirects = 5;  // RFC 9309 2.3.1.2

bool IsHttp(std::string_view url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

std::string OriginOf(const std::string& url) {
  if (url.rfind("file:", 0) == 0) return kFileOrigin;
  return UrlOrigin(url);
}

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (what ingest/feeds.h gives) as
// Unix seconds; nullopt when not in that form.
std::optional<int64_t> IsoToUnix(std::string_view iso) {
  std::tm tm{};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  const std::string str(iso);
  const int n =
      std::sscanf(str.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s);
  if (n != 3 && n != 6) return std::nullopt;
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return static_cast<int64_t>(timegm(&tm));
}

UrlKind GuessSeedKind(const std::string& url) {
  std::string lower = url;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower.find("sitemap") != std::string::npos) return UrlKind::kSitemap;
  return UrlKind::kFeed;
}

struct Task {
  FrontierRow row;
  std::string url;  // the hop being fetched
  int hops = 0;
  std::vector<std::string> visited;
  int64_t not_before = 0;  // micros
};

struct RobotsState {
  enum { kNone, kFetching, kReady, kRetry } state = kNone;
  RobotsRules rules = RobotsRules::AllowAll();
  int64_t expires = 0;
  int64_t retry_at = 0;
  int attempts = 0;
  std::string url;  // current robots.txt hop; empty = <origin>/robots.txt
  int hops = 0;
};

struct HostQueue {
  std::deque<Task> ready;
  std::vector<Task> waiting;
  RobotsState robots;
};

struct InFlight {
  std::string origin;
  bool robots = false;
  Task task;
};

}  // namespace

struct Crawler::Impl {
  Impl(CrawlOptions o, Env* e, Store* s, Frontier* f, const Pipeline* p,
       WarcWriter* w, CrawlFigures* fig)
      : options(std::move(o)),
        env(e),
        store(s),
        frontier(f),
        pipeline(p),
        warc(w),
        figures(fig),
        hosts(options.politeness),
        rng(static_cast<uint64_t>(e->NowMicros())) {}

  CrawlOptions options;
  Env* env;
  Store* store;
  Frontier* frontier;
  const Pipeline* pipeline;
  WarcWriter* warc;
  CrawlFigures* figures;
  std::unique_ptr<Fetcher> fetcher;
  HostScheduler hosts;
  std::map<std::string, HostQueue> queues;
  std::unordered_map<uint64_t, InFlight> in_flight;
  uint64_t next_id = 1;
  std::mt19937_64 rng;
  int64_t articles_started = 0;
  Status fatal;
  bool warned_warc = false;

  int64_t NowSeconds() const { return env->NowMicros() / kMicros; }
  double Jitter() { return std::uniform_real_distribution<double>(0, 1)(rng); }

  void Fatal(const Status& s) {
    if (fatal.ok()) fatal = s;
  }

  bool ArticlesBlocked() const {
    return options.max_pages > 0 && articles_started >= options.max_pages;
  }

  void Enqueue(Task t) {
    HostQueue& q = queues[OriginOf(t.url)];
    if (t.not_before > env->NowMicros()) {
      q.waiting.push_back(std::move(t));
    } else if (t.hops > 0) {
      q.ready.push_front(std::move(t));  // a redirect goes on at once
    } else {
      q.ready.push_back(std::move(t));
    }
  }

  void Finish(const FrontierUpdate& u) {
    Status s = frontier->Finish(u);
    if (!s.ok()) Fatal(s);
  }

  void Fail(const Task& t, const std::string& why) {
    ++figures->failed;
    Log(LogLevel::kWarning) << t.row.url << ": failed: " << why;
    FrontierUpdate u;
    u.url = t.row.url;
    u.state = "failed";
    u.next_attempt = NowSeconds() + options.failed_retry_seconds;
    u.attempts = t.row.attempts;
    u.last_error = why;
    Finish(u);
  }

  void Skip(const Task& t, const std::string& why) {
    ++figures->skipped;
    Log(LogLevel::kInfo) << t.row.url << ": skipped: " << why;
    FrontierUpdate u;
    u.url = t.row.url;
    u.state = "done";
    u.next_attempt = NowSeconds() + options.refetch.max_micros / kMicros;
    u.last_error = why;
    Finish(u);
  }

  // Leaves the row for a later run, unclaimed.
  void Postpone(const Task& t, int64_t until_micros, const std::string& why) {
    FrontierUpdate u;
    u.url = t.row.url;
    u.state = "new";
    u.next_attempt = (until_micros + kMicros - 1) / kMicros;
    u.attempts = t.row.attempts;
    u.last_error = why;
    Finish(u);
  }

  void Retry(Task t, const std::string& why, std::string_view retry_after) {
    ++t.row.attempts;
    if (t.row.attempts >= options.retry.max_attempts) {
      Fail(t, why + " (after " + std::to_string(t.row.attempts) +
                  " attempts)");
      return;
    }
    const int64_t now = env->NowMicros();
    const int64_t delay =
        RetryDelayMicros(options.retry, t.row.attempts, retry_after, now,
                         Jitter());
    ++figures->retried;
    Log(LogLevel::kInfo) << t.url << ": " << why << "; retry in "
                         << delay / 1000 << " ms";
    Postpone(t, now + delay, why);
    if (delay > options.max_retry_wait_micros) return;  // next run
    t.not_before = now + delay;
    Enqueue(std::move(t));
  }

  void Done(const Task& t, const FetchResult& r, const std::string& hash,
            bool changed) {
    FrontierUpdate u;
    u.url = t.row.url;
    u.state = "done";
    u.etag = r.Header("etag");
    u.last_modified = r.Header("last-modified");
    u.content_hash = hash;
    u.final_url = t.url;
    u.last_fetched = NowSeconds();
    if (t.row.kind == UrlKind::kFeed || t.row.kind == UrlKind::kSitemap) {
      const int64_t interval = NextRefetchMicros(
          options.refetch, t.row.refetch_interval * kMicros, changed);
      u.refetch_interval = std::max<int64_t>(1, interval / kMicros);
      u.next_attempt = NowSeconds() + u.refetch_interval;
    }
    Finish(u);
  }

  // --- starting requests ---------------------------------------------------

  void StartFetch(const std::string& origin, FetchRequest request,
                  InFlight f) {
    const int64_t now = env->NowMicros();
    hosts.OnStart(origin, now);
    ++figures->requests;
    request.id = next_id++;
    in_flight.emplace(request.id, std::move(f));
    fetcher->Start(std::move(request));
  }

  void StartRobots(const std::string& origin, HostQueue& q) {
    q.robots.state = RobotsState::kFetching;
    FetchRequest req;
    req.url = q.robots.url.empty() ? origin + "/robots.txt" : q.robots.url;
    StartFetch(origin, std::move(req), InFlight{origin, true, {}});
  }

  void StartTask(const std::string& origin, Task t) {
    if (t.hops == 0) {
      Status s = frontier->Claim(t.row.url, NowSeconds());
      if (!s.ok()) {
        Fatal(s);
        return;
      }
      if (t.row.kind == UrlKind::kArticle) ++articles_started;
    }
    FetchRequest req;
    req.url = t.url;
    if (t.hops == 0) {
      req.if_none_match = t.row.etag;
      req.if_modified_since = t.row.last_modified;
    }
    StartFetch(origin, std::move(req), InFlight{origin, false, std::move(t)});
  }

  // Starts what politeness allows; lowers *wake to the next time something
  // could start. Returns false when no queued task can ever start in this
  // pass (only articles left and --max-pages reached).
  bool StartWhatCan(int64_t now, int64_t* wake) {
    bool startable = false;
    for (auto& [origin, q] : queues) {
      for (size_t i = 0; i < q.waiting.size();) {
        if (q.waiting[i].not_before <= now) {
          q.ready.push_back(std::move(q.waiting[i]));
          q.waiting.erase(q.waiting.begin() + i);
        } else {
          *wake = std::min(*wake, q.waiting[i].not_before);
          startable = true;
          ++i;
        }
      }
      if (q.ready.empty()) continue;
      bool any_open = false;
      for (const Task& t : q.ready) {
        if (t.hops > 0 || t.row.kind != UrlKind::kArticle || !ArticlesBlocked()) {
          any_open = true;
          break;
        }
      }
      if (!any_open) continue;
      startable = true;
      while ((int)in_flight.size() < options.max_parallel && !q.ready.empty()) {
        const int64_t ready_at = hosts.ReadyAt(origin);
        if (ready_at > now) {
          if (ready_at != INT64_MAX) *wake = std::min(*wake, ready_at);
          break;
        }
        if (origin != kFileOrigin) {
          RobotsState& rb = q.robots;
          if (rb.state == RobotsState::kFetching) break;
          if (rb.state == RobotsState::kRetry && rb.retry_at > now) {
            *wake = std::min(*wake, rb.retry_at);
            break;
          }
          if (rb.state != RobotsState::kReady || rb.expires <= now) {
            StartRobots(origin, q);
            break;
          }
        }
        // The first task that may start: hops and sources always, articles
        // until --max-pages.
        auto it = std::find_if(q.ready.begin(), q.ready.end(), [&](const Task& t) {
          return t.hops > 0 || t.row.kind != UrlKind::kArticle ||
                 !ArticlesBlocked();
        });
        if (it == q.ready.end()) break;
        Task t = std::move(*it);
        q.ready.erase(it);
        if (origin != kFileOrigin &&
            !q.robots.rules.Allowed(UrlPathAndQuery(t.url))) {
          Skip(t, "disallowed by robots.txt: " + t.url);
          continue;
        }
        StartTask(origin, std::move(t));
      }
    }
    return startable;
  }

  // --- handling results ----------------------------------------------------

  void Archive(const FetchResult& r) {
    if (warc == nullptr || r.error != FetchError::kNone || !IsHttp(r.url)) {
      return;
    }
    WarcExchange x;
    x.url = r.url;
    x.request_line_and_headers = r.request_head;
    x.status = r.http_status;
    x.response_headers_raw = r.response_head;
    x.body = r.body;
    x.body_decoded = !r.Header("content-encoding").empty();
    x.fetched_micros = r.finished_micros;
    x.ip = r.primary_ip;
    Status s = warc->WriteExchange(x);
    if (!s.ok() && !warned_warc) {
      warned_warc = true;
      Log(LogLevel::kError) << "WARC output: " << s.ToString();
    }
  }

  void Handle(FetchResult r) {
    auto it = in_flight.find(r.id);
    if (it == in_flight.end()) return;
    InFlight f = std::move(it->second);
    in_flight.erase(it);
    hosts.OnFinish(f.origin, env->NowMicros());
    Archive(r);
    if (r.error == FetchError::kNone) ++figures->fetched;
    if (f.robots) {
      HandleRobots(f.origin, r);
    } else {
      HandleTask(f.origin, std::move(f.task), r);
    }
  }

  void HandleRobots(const std::string& origin, const FetchResult& r) {
    HostQueue& q = queues[origin];
    RobotsState& rb = q.robots;
    const int64_t now = env->NowMicros();
    if (r.error == FetchError::kNone && r.http_status >= 300 &&
        r.http_status < 400 && !r.location.empty() &&
        rb.hops < kMaxRobotsRedirects) {
      Result<std::string> next = NormalizeUrl(r.location);
      if (next.ok() && IsHttp(*next)) {
        ++rb.hops;
        rb.url = *next;
        rb.state = RobotsState::kNone;
        return;
      }
    }
    if (r.error == FetchError::kBlockedAddress ||
        r.error == FetchError::kBadUrl) {
      // Retrying cannot help: every URL of the origin fails the same way.
      rb.state = RobotsState::kNone;
      for (const Task& t : q.ready) Fail(t, r.status.message());
      for (const Task& t : q.waiting) Fail(t, r.status.message());
      q.ready.clear();
      q.waiting.clear();
      return;
    }
    const int status = r.error == FetchError::kNone ? r.http_status : 0;
    RobotsRules rules =
        RobotsForStatus(status, r.body, options.fetcher.user_agent);
    rb.url.clear();
    rb.hops = 0;
    if (!rules.retry_later()) {
      rb.state = RobotsState::kReady;
      rb.rules = std::move(rules);
      rb.expires = now + options.robots_ttl_micros;
      rb.attempts = 0;
      hosts.SetCrawlDelay(origin, rb.rules.crawl_delay_seconds());
      // The robots.txt request itself was counted with the old delay.
      hosts.DeferHost(origin, now + hosts.DelayMicros(origin));
      return;
    }
    ++rb.attempts;
    const std::string why =
        "robots.txt unreachable (" +
        (status != 0 ? "HTTP " + std::to_string(status)
                     : std::string(FetchErrorName(r.error))) +
        ")";
    const int64_t delay = RetryDelayMicros(
        options.retry, rb.attempts, r.Header("retry-after"), now, Jitter());
    if (status == 429 || status == 503) hosts.DeferHost(origin, now + delay);
    if (rb.attempts < options.retry.max_attempts &&
        delay <= options.max_retry_wait_micros) {
      Log(LogLevel::kInfo) << origin << ": " << why << "; retry in "
                           << delay / 1000 << " ms";
      rb.state = RobotsState::kRetry;
      rb.retry_at = now + delay;
      return;
    }
    // Give the origin up for this pass; its URLs stay queued for later.
    Log(LogLevel::kWarning) << origin << ": " << why
                            << "; its URLs are left for the next run";
    rb.state = RobotsState::kNone;
    rb.attempts = 0;
    const int64_t later = now + options.failed_retry_seconds * kMicros / 6;
    for (Task& t : q.ready) Postpone(t, later, why);
    for (Task& t : q.waiting) Postpone(t, later, why);
    figures->failed += static_cast<int64_t>(q.ready.size() + q.waiting.size());
    q.ready.clear();
    q.waiting.clear();
  }

  void HandleTask(const std::string& origin, Task t, const FetchResult& r) {
    if (r.error != FetchError::kNone) {
      if (IsRetryable(r.error, 0)) {
        Retry(std::move(t), r.status.message(), "");
      } else if (r.error == FetchError::kBlockedAddress) {
        ++t.row.attempts;
        Fail(t, r.status.message());
      } else {
        ++t.row.attempts;
        Fail(t, r.status.message());
      }
      return;
    }
    const int status = r.http_status;
    if (status >= 300 && status < 400 && status != 304) {
      FollowRedirect(std::move(t), r);
      return;
    }
    if (status == 304) {
      ++figures->not_modified;
      Log(LogLevel::kInfo) << t.url << ": not modified";
      Done(t, r, "", false);
      return;
    }
    if (IsRetryable(FetchError::kNone, status)) {
      const std::string retry_after = r.Header("retry-after");
      if ((status == 429 || status == 503) && !retry_after.empty()) {
        const int64_t now = env->NowMicros();
        if (std::optional<int64_t> wait = ParseRetryAfter(retry_after, now)) {
          hosts.DeferHost(origin, now + std::min(*wait, options.retry
                                                            .retry_after_cap_micros));
        }
      }
      Retry(std::move(t), "HTTP " + std::to_string(status), retry_after);
      return;
    }
    if (status < 200 || status >= 300) {
      ++t.row.attempts;
      Fail(t, "HTTP " + std::to_string(status));
      return;
    }
    if (t.row.kind == UrlKind::kArticle) {
      ProcessArticle(t, r);
    } else {
      ProcessSource(t, r);
    }
  }

  void FollowRedirect(Task t, const FetchResult& r) {
    if (r.location.empty()) {
      Fail(t, "HTTP " + std::to_string(r.http_status) + " without Location");
      return;
    }
    Result<std::string> next = NormalizeUrl(r.location);
    if (!next.ok()) {
      Fail(t, "bad redirect target: " + next.status().message());
      return;
    }
    if (IsHttp(t.url) && !IsHttp(*next)) {
      Fail(t, "redirect to a non-HTTP URL refused: " + *next);
      return;
    }
    if (t.visited.empty()) t.visited.push_back(t.url);
    if (std::find(t.visited.begin(), t.visited.end(), *next) !=
        t.visited.end()) {
      Fail(t, "redirect loop at " + *next);
      return;
    }
    if (++t.hops > options.max_redirects) {
      Fail(t, "too many redirects (more than " +
                  std::to_string(options.max_redirects) + ")");
      return;
    }
    if (t.row.kind == UrlKind::kArticle) {
      const std::string key = DedupKey(*next);
      if (key != t.row.dedup_key) {
        Result<bool> known = frontier->KnownArticle(key);
        if (!known.ok()) {
          Fatal(known.status());
          return;
        }
        if (*known) {
          Skip(t, "redirects to an article known as " + *next);
          return;
        }
      }
    }
    t.visited.push_back(*next);
    t.url = *next;
    t.not_before = 0;
    Enqueue(std::move(t));
  }

  void ProcessArticle(Task& t, const FetchResult& r) {
    ReadOptions read;
    read.url = t.url;
    Result<Document> doc = DocumentFromBytes(
        t.row.url, r.body, r.Header("content-type"), read);
    if (!doc.ok()) {
      Fail(t, doc.status().message());
      return;
    }
    doc->requested_url = t.row.url;
    doc->final_url = t.url;
    doc->http_status = r.http_status;
    doc->etag = r.Header("etag");
    doc->last_modified = r.Header("last-modified");
    doc->fetch_time = NowSeconds();
    doc->origin = IsHttp(t.url) ? Origin::kHttp : Origin::kFile;
    const std::string hash = FrontierContentHash(doc->raw);
    Result<bool> seen = store->HasSamePage(*doc);
    if (!seen.ok()) {
      Fatal(seen.status());
      return;
    }
    if (*seen) {
      ++figures->unchanged;
      Log(LogLevel::kInfo) << t.row.url << ": unchanged";
      Done(t, r, hash, false);
      return;
    }
    Result<PipelineOutput> out = pipeline->Process(*doc);
    if (!out.ok()) {
      Fail(t, "extract: " + out.status().message());
      return;
    }
    Result<PutOutcome> put = store->PutArticle(*doc, out->article, out->facts);
    if (!put.ok()) {
      if (put.status().code() == Status::Code::kInvalidArgument) {
        Fail(t, "store: " + put.status().message());
      } else {
        Fatal(put.status());
      }
      return;
    }
    switch (*put) {
      case PutOutcome::kStored: ++figures->stored; break;
      case PutOutcome::kReplaced: ++figures->replaced; break;
      case PutOutcome::kUnchanged: ++figures->unchanged; break;
    }
    Log(LogLevel::kInfo) << t.row.url << ": "
                         << (*put == PutOutcome::kStored     ? "stored"
                             : *put == PutOutcome::kReplaced ? "replaced"
                                                             : "unchanged");
    Done(t, r, hash, true);
    RememberCanonical(t, out->article.canonical_url);
  }

  // The page's canonical URL is known now: finding it later in a feed or
  // sitemap must not fetch the same page again.
  void RememberCanonical(const Task& t, const std::string& canonical) {
    if (canonical.empty()) return;
    Result<std::string> n = NormalizeUrl(canonical);
    if (!n.ok() || *n == t.row.url || *n == t.url) return;
    if (IsHttp(t.url) != IsHttp(*n)) return;
    FrontierUrl u{*n, DedupKey(*n), UrlKind::kArticle, t.row.source, ""};
    Result<std::vector<size_t>> added = frontier->Add({u}, NowSeconds());
    if (!added.ok()) {
      Fatal(added.status());
      return;
    }
    if (added->empty()) return;
    FrontierUpdate done;
    done.url = *n;
    done.state = "done";
    done.final_url = t.url;
    done.last_error = "same page as " + t.row.url;
    Finish(done);
  }

  void AddArticle(const Task& t, const std::string& url,
                  const std::string& date, std::vector<FrontierUrl>* found) {
    Result<std::string> n = NormalizeUrl(url);
    if (!n.ok()) return;
    if (IsHttp(t.url) && !IsHttp(*n)) return;  // an HTTP feed naming file://
    if (options.max_article_age_seconds > 0 && !date.empty()) {
      std::optional<int64_t> when = IsoToUnix(date);
      if (when && *when < NowSeconds() - options.max_article_age_seconds) {
        ++figures->skipped;
        return;
      }
    }
    found->push_back({*n, DedupKey(*n), UrlKind::kArticle,
                      t.row.source.empty() ? t.row.url : t.row.source, date});
  }

  void AddSource(const Task& t, const std::string& url, UrlKind kind,
                 std::vector<FrontierUrl>* found) {
    Result<std::string> n = NormalizeUrl(url);
    if (!n.ok()) return;
    if (IsHttp(t.url) && !IsHttp(*n)) return;
    found->push_back({*n, *n, kind,
                      t.row.source.empty() ? t.row.url : t.row.source, ""});
  }

  void ProcessSource(Task& t, const FetchResult& r) {
    const std::string hash = FrontierContentHash(r.body);
    const bool changed = hash != t.row.content_hash;
    std::vector<FrontierUrl> found;
    const SourceKind kind = SniffSource(r.body, r.Header("content-type"));
    switch (kind) {
      case SourceKind::kFeed: {
        Result<std::vector<FeedItem>> items = ParseFeed(r.body, t.url);
        if (!items.ok()) {
          ++t.row.attempts;
          Fail(t, items.status().message());
          return;
        }
        for (const FeedItem& item : *items) {
          AddArticle(t, item.url,
                     !item.published.empty() ? item.published : item.updated,
                     &found);
        }
        break;
      }
      case SourceKind::kSitemap:
      case SourceKind::kSitemapIndex: {
        Status s = ParseSitemap(r.body, t.url, [&](SitemapEntry e) {
          if (e.is_sitemap) {
            AddSource(t, e.url, UrlKind::kSitemap, &found);
          } else {
            AddArticle(t, e.url,
                       !e.news_publication_date.empty()
                           ? e.news_publication_date
                           : e.lastmod,
                       &found);
          }
        });
        if (!s.ok()) {
          Log(LogLevel::kWarning) << t.url << ": " << s.ToString();
          if (found.empty()) {
            ++t.row.attempts;
            Fail(t, s.message());
            return;
          }
        }
        break;
      }
      case SourceKind::kHtml: {
        // A site root: its advertised feeds and robots.txt's sitemaps.
        for (const std::string& feed : FeedLinksInHtml(r.body, t.url)) {
          AddSource(t, feed, UrlKind::kFeed, &found);
        }
        auto q = queues.find(OriginOf(t.url));
        if (q != queues.end()) {
          for (const std::string& sm : q->second.robots.rules.sitemaps()) {
            AddSource(t, sm, UrlKind::kSitemap, &found);
          }
        }
        break;
      }
      case SourceKind::kUnknown:
        ++t.row.attempts;
        Fail(t, "neither a feed, a sitemap nor an HTML page");
        return;
    }
    Log(LogLevel::kInfo) << t.url << ": " << SourceKindName(kind) << " with "
                         << found.size() << " links";
    Result<std::vector<size_t>> added = frontier->Add(found, NowSeconds());
    if (!added.ok()) {
      Fatal(added.status());
      return;
    }
    for (size_t i : *added) {
      ++figures->queued;
      Task nt;
      nt.row.url = found[i].url;
      nt.row.dedup_key = found[i].dedup_key;
      nt.row.kind = found[i].kind;
      nt.row.state = "new";
      nt.row.source = found[i].source;
      nt.row.published = found[i].published;
      nt.url = found[i].url;
      Enqueue(std::move(nt));
    }
    Done(t, r, hash, changed);
  }

  bool Idle() const {
    for (const auto& [origin, q] : queues) {
      if (!q.ready.empty() || !q.waiting.empty()) return false;
    }
    return true;
  }
};

Crawler::Crawler(CrawlOptions options, Env* env, Store* store,
                 Frontier* frontier, const Pipeline* pipeline,
                 WarcWriter* warc)
    : impl_(new Impl(std::move(options), env, store, frontier, pipeline, warc,
                     &figures_)) {}

Crawler::~Crawler() { delete impl_; }

Status Crawler::RunPass(
    volatile bool* stop,
    const std::function<void(const CrawlFigures&)>& progress) {
  Impl& m = *impl_;
  auto fetcher = Fetcher::Create(m.options.fetcher, m.env);
  if (!fetcher.ok()) return fetcher.status();
  m.fetcher = std::move(*fetcher);
  m.queues.clear();
  m.in_flight.clear();
  m.articles_started = 0;
  // Politeness for local files makes no sense: nobody is on the other end.
  m.hosts.SetCrawlDelay(kFileOrigin, 0.0);

  const int64_t start = m.NowSeconds();
  Result<int64_t> reset = m.frontier->ResetInFlight(start + 1);
  if (!reset.ok()) return reset.status();
  if (*reset > 0) {
    Log(LogLevel::kInfo) << *reset
                         << " URLs left in flight by an earlier run requeued";
  }
  for (const CrawlSeed& seed : m.options.seeds) {
    Result<std::string> n = NormalizeUrl(seed.url);
    if (!n.ok()) {
      Log(LogLevel::kError) << "seed " << seed.url << ": "
                            << n.status().ToString();
      ++m.figures->failed;
      continue;
    }
    FrontierUrl u{*n, *n, GuessSeedKind(*n),
                  seed.source.empty() ? *n : seed.source, ""};
    NF_RETURN_IF_ERROR(m.frontier->AddSeed(u, start));
  }
  // Retries an earlier pass scheduled within its own wait budget belong to
  // a pass: when that pass was killed, this one waits for them and finishes
  // them, rather than leaving them to the run after.
  const int64_t horizon = start + m.options.max_retry_wait_micros / kMicros;
  Result<std::vector<FrontierRow>> due = m.frontier->Due(horizon, INT_MAX);
  if (!due.ok()) return due.status();
  for (FrontierRow& row : *due) {
    const bool pending_retry = row.state == "new" && row.attempts > 0;
    if (row.next_attempt > start && !pending_retry) continue;
    Task t;
    t.url = row.url;
    if (row.next_attempt > start) t.not_before = row.next_attempt * kMicros;
    t.row = std::move(row);
    m.Enqueue(std::move(t));
  }

  int64_t last_progress = 0;
  for (;;) {
    if (!m.fatal.ok()) break;
    const int64_t now = m.env->NowMicros();
    int64_t wake = now + kTick;
    bool startable = false;
    if (!*stop) startable = m.StartWhatCan(now, &wake);
    if (m.in_flight.empty()) {
      if (*stop || m.Idle() || !startable) break;
    }
    if (!m.fatal.ok()) break;
    const int64_t wait = std::clamp<int64_t>(wake - m.env->NowMicros(), 0, kTick);
    std::vector<FetchResult> results;
    if (m.fetcher->in_flight() > 0) {
      results = m.fetcher->Poll(static_cast<int>((wait + 999) / 1000));
    } else if (wait > 0) {
      m.env->SleepForMicros(wait);
    }
    for (FetchResult& r : results) m.Handle(std::move(r));
    if (progress && m.env->NowMicros() - last_progress > 250'000) {
      last_progress = m.env->NowMicros();
      progress(figures_);
    }
  }
  // On a fatal error, let the transfers in flight end before returning so
  // no handle outlives the loop; their rows are reset by the next run.
  while (m.fetcher->in_flight() > 0) m.fetcher->Poll(100);
  m.fetcher.reset();
  if (progress) progress(figures_);
  return m.fatal;
}

}  // namespace newsfacts
