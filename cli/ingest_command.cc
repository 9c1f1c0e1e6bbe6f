// `newsfacts ingest` and `newsfacts extract`: read pages, run the pipeline,
// then store the results or print them as JSON lines.
#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/json_output.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "core/log.h"
#include "store/store.h"

namespace newsfacts {

namespace {

std::string JoinArgs(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& p : paths) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

const char* OutcomeName(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::kStored: return "stored";
    case PutOutcome::kReplaced: return "replaced";
    case PutOutcome::kUnchanged: return "unchanged";
  }
  return "stored";
}

Result<std::unique_ptr<Pipeline>> MakePipeline(const GlobalArgs& global,
                                               bool facts) {
  const std::string config_dir = ResolveConfigDir(global.config_dir);
  Log(LogLevel::kDebug) << "config: " << config_dir;
  auto pipeline = Pipeline::Create({.config_dir = config_dir, .facts = facts});
  if (!pipeline.ok()) {
    return pipeline.status().WithContext("configuration " + config_dir);
  }
  return pipeline;
}

}  // namespace

int RunIngest(const GlobalArgs& global, const IngestArgs& args) {
  auto pipeline = MakePipeline(global, args.facts);
  if (!pipeline.ok()) {
    Log(LogLevel::kError) << pipeline.status().ToString();
    return kExitFatal;
  }
  auto store = Store::Open(args.db, {});
  if (!store.ok()) {
    Log(LogLevel::kError) << store.status().ToString();
    return kExitFatal;
  }
  auto run = (*store)->BeginRun("ingest", JoinArgs(args.paths));
  if (!run.ok()) {
    Log(LogLevel::kError) << run.status().ToString();
    return kExitFatal;
  }

  volatile bool stop = false;
  StopOnSignals(&stop);
  RunFigures figures;
  Progress progress(global.quiet);
  InputTally tally = ForEachDocument(
      args.paths, args.url,
      [&](const Document& doc) -> Status {
        // A page read before, byte for byte, needs no extraction.
        Result<bool> seen = (*store)->HasSamePage(doc);
        if (!seen.ok()) return seen.status().WithContext("store");
        if (*seen) {
          ++figures.unchanged;
          Log(LogLevel::kInfo) << doc.source << ": unchanged";
          return Status::OK();
        }
        Result<PipelineOutput> out = (*pipeline)->Process(doc);
        if (!out.ok()) return out.status().WithContext("extract");
        Result<PutOutcome> put =
            (*store)->PutArticle(doc, out->article, out->facts);
        if (!put.ok()) return put.status().WithContext("store");
        switch (*put) {
          case PutOutcome::kStored: ++figures.stored; break;
          case PutOutcome::kReplaced: ++figures.replaced; break;
          case PutOutcome::kUnchanged: ++figures.unchanged; break;
        }
        Log(LogLevel::kInfo) << doc.source << ": " << OutcomeName(*put);
        return Status::OK();
      },
      [&](int64_t done, int64_t total, const std::string& source) {
        progress.Update(done, total, source);
      },
      &stop);
  figures.read = tally.read;
  figures.failed = tally.failed;
  Status finished = (*store)->FinishRun(*run, figures);
  if (!finished.ok()) {
    Log(LogLevel::kError) << finished.ToString();
    return kExitFatal;
  }
  if (!global.quiet) {
    std::fprintf(stderr,
                 "newsfacts: read %lld, stored %lld, replaced %lld, unchanged "
                 "%lld, failed %lld%s\n",
                 static_cast<long long>(figures.read),
                 static_cast<long long>(figures.stored),
                 static_cast<long long>(figures.replaced),
                 static_cast<long long>(figures.unchanged),
                 static_cast<long long>(figures.failed),
                 stop ? " (interrupted)" : "");
  }
  if (stop) return kExitSomeFailed;
  return figures.failed == 0 ? kExitOk : kExitSomeFailed;
}

int RunExtract(const GlobalArgs& global, const ExtractArgs& args) {
  auto pipeline = MakePipeline(global, args.facts);
  if (!pipeline.ok()) {
    Log(LogLevel::kError) << pipeline.status().ToString();
    return kExitFatal;
  }
  volatile bool stop = false;
  StopOnSignals(&stop);
  InputTally tally = ForEachDocument(
      args.paths, args.url,
      [&](const Document& doc) -> Status {
        Result<PipelineOutput> out = (*pipeline)->Process(doc);
        if (!out.ok()) return out.status().WithContext("extract");
        std::cout << ArticleToJson(doc.source, out->article, out->facts,
                                   args.facts)
                  << '\n';
        return Status::OK();
      },
      nullptr, &stop);
  std::cout.flush();
  if (!std::cout.good()) {
    Log(LogLevel::kError) << "writing to stdout failed";
    return kExitFatal;
  }
  Log(LogLevel::kInfo) << "extracted " << tally.read - tally.failed
                       << " pages, " << tally.failed << " failed; extract "
                       << (*pipeline)->times().extract_micros / 1000
                       << " ms, facts "
                       << (*pipeline)->times().facts_micros / 1000 << " ms";
  return tally.failed == 0 && !stop ? kExitOk : kExitSomeFailed;
}

}  // namespace newsfacts
