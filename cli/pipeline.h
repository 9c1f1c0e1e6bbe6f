// Internal to cli/. The pipeline orchestrator: runs the stages in order on
// one Document (extract/article, then the fact stages), moves the values
// forward and times each stage.
//
//   auto pipeline = Pipeline::Create({.config_dir = dir});
//   Result<PipelineOutput> out = (*pipeline)->Process(document);
//
// Thread-safety: Process() is safe for concurrent use; the stage timers are
// atomic.
#ifndef NEWSFACTS_CLI_PIPELINE_H_
#define NEWSFACTS_CLI_PIPELINE_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"
#include "core/types.h"
#include "extract/article/extractor.h"
#include "extract/facts/tagger.h"

namespace newsfacts {

struct PipelineOptions {
  // Folder holding sites/ and lang/. REQUIRED.
  std::string config_dir;
  // Run the fact stages. Default: true.
  bool facts = true;
};

struct PipelineOutput {
  Article article;
  Facts facts;
};

struct StageTimes {
  std::atomic<int64_t> extract_micros{0};
  std::atomic<int64_t> facts_micros{0};
};

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(
      const PipelineOptions& options);
  Pipeline(const Pipeline&) = delete;  // owns the compiled stages
  Pipeline& operator=(const Pipeline&) = delete;

  Result<PipelineOutput> Process(const Document& document) const;

  // Facts for plain text (`newsfacts tag`).
  Facts Tag(std::string_view text, std::optional<CivilDay> date,
            std::string_view language) const;

  const StageTimes& times() const { return times_; }

 private:
  Pipeline(std::unique_ptr<Extractor> extractor, std::unique_ptr<Tagger> tagger)
      : extractor_(std::move(extractor)), tagger_(std::move(tagger)) {}

  Facts TagArticle(const Article& article) const;

  std::unique_ptr<Extractor> extractor_;
  std::unique_ptr<Tagger> tagger_;  // null when facts are off
  mutable StageTimes times_;
};

// Where config/ is: `flag` if given, else $NEWSFACTS_CONFIG_DIR, else the
// folder next to the binary's build tree, else the compiled-in source path.
std::string ResolveConfigDir(const std::string& flag);

}  // namespace newsfacts

#endif  // NEWSFACTS_CLI_PIPELINE_H_
