// `newsfacts reextract`: runs extraction again over the raw pages kept in
// the database, after the rules or the extractor changed, without fetching
// or reading anything else.
#include <cstdio>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "core/log.h"
#include "ingest/ingest.h"
#include "store/store.h"

namespace newsfacts {

namespace {

Result<std::vector<int64_t>> ArticleIds(Store& store,
                                        const std::vector<int64_t>& only) {
  if (!only.empty()) return only;
  Result<QueryResult> r = store.Query("SELECT id FROM articles ORDER BY id");
  if (!r.ok()) return r.status();
  std::vector<int64_t> ids;
  for (const auto& row : r->rows) {
    if (const auto* id = std::get_if<int64_t>(&row[0])) ids.push_back(*id);
  }
  return ids;
}

// Re-extracts one stored article and writes it back.
Status Reextract(const Pipeline& pipeline, Store& store, int64_t id) {
  Result<Document> doc = store.StoredDocument(id);
  if (!doc.ok()) return doc.status();
  Result<DecodedText> decoded = DecodeToUtf8(doc->raw, doc->content_type);
  if (!decoded.ok()) return decoded.status().WithContext(doc->source);
  doc->html = std::move(decoded->utf8);
  doc->charset = std::move(decoded->charset);
  Result<PipelineOutput> out = pipeline.Process(*doc);
  if (!out.ok()) return out.status().WithContext(doc->source + ": extract");
  Result<PutOutcome> put = store.PutArticle(*doc, out->article, out->facts,
                                            {.even_if_unchanged = true});
  if (!put.ok()) return put.status().WithContext(doc->source + ": store");
  return Status::OK();
}

}  // namespace

int RunReextract(const GlobalArgs& global, const ReextractArgs& args) {
  const std::string config_dir = ResolveConfigDir(global.config_dir);
  auto pipeline = Pipeline::Create({.config_dir = config_dir});
  if (!pipeline.ok()) {
    Log(LogLevel::kError) << pipeline.status().ToString();
    return kExitFatal;
  }
  auto store = Store::Open(args.db, {});
  if (!store.ok()) {
    Log(LogLevel::kError) << store.status().ToString();
    return kExitFatal;
  }
  Result<std::vector<int64_t>> ids = ArticleIds(**store, args.ids);
  if (!ids.ok()) {
    Log(LogLevel::kError) << ids.status().ToString();
    return kExitFatal;
  }
  auto run = (*store)->BeginRun("reextract", "");
  if (!run.ok()) {
    Log(LogLevel::kError) << run.status().ToString();
    return kExitFatal;
  }
  volatile bool stop = false;
  StopOnSignals(&stop);
  RunFigures figures;
  {
    Progress progress(global.quiet);
    const auto total = static_cast<int64_t>(ids->size());
    for (int64_t id : *ids) {
      if (stop) break;
      ++figures.read;
      Status s = Reextract(**pipeline, **store, id);
      if (s.ok()) {
        ++figures.replaced;
      } else {
        ++figures.failed;
        Log(LogLevel::kError) << "article " << id << ": " << s.message();
      }
      progress.Update(figures.read, total, "article " + std::to_string(id));
    }
  }
  Status finished = (*store)->FinishRun(*run, figures);
  if (!finished.ok()) {
    Log(LogLevel::kError) << finished.ToString();
    return kExitFatal;
  }
  if (!global.quiet) {
    std::fprintf(stderr, "newsfacts: reextracted %lld, failed %lld%s\n",
                 static_cast<long long>(figures.replaced),
                 static_cast<long long>(figures.failed),
                 stop ? " (interrupted)" : "");
  }
  return figures.failed == 0 && !stop ? kExitOk : kExitSomeFailed;
}

}  // namespace newsfacts
