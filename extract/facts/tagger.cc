#include "extract/facts/tagger.h"

#include <filesystem>
#include <map>

#include "extract/counts/counts.h"
#include "extract/dates/dates.h"
#include "extract/entities/entities.h"
#include "extract/text/text.h"

namespace newsfacts {

namespace {
// Creates one stage for a language folder; leaves *out null when the
// folder has no resources for it.
template <typename Stage>
Status CreateStage(const std::string& path, std::unique_ptr<Stage>* out) {
  auto stage = Stage::Create(path);
  if (stage.ok()) {
    *out = std::move(*stage);
    return Status::OK();
  }
  if (stage.status().code() == Status::Code::kNotFound) return Status::OK();
  return stage.status();
}

struct LanguageStages {
  std::unique_ptr<EntityTagger> entities;
  std::unique_ptr<DateTagger> dates;
  std::unique_ptr<CountTagger> counts;
};
}  // namespace

struct Tagger::Impl {
  std::string default_language;
  std::map<std::string, LanguageStages, std::less<>> languages;
};

Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger::~Tagger() = default;

Result<std::unique_ptr<Tagger>> Tagger::Create(const TaggerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->default_language = options.default_language;
  std::error_code ec;
  std::filesystem::directory_iterator dir(options.lang_dir, ec);
  if (ec) {
    return Status::NotFound("language resources: " + options.lang_dir + ": " +
                            ec.message());
  }
  for (const auto& entry : dir) {
    if (!entry.is_directory()) continue;
    const std::string lang = entry.path().filename().string();
    const std::string path = entry.path().string();
    // A language may have resources for some stages only (dates before
    // entities, say); a stage whose resources are missing (NotFound) is
    // skipped for it. Any other failure, such as a rule that does not
    // compile, stops start-up.
    LanguageStages stages;
    NF_RETURN_IF_ERROR(CreateStage<EntityTagger>(path, &stages.entities));
    NF_RETURN_IF_ERROR(CreateStage<DateTagger>(path, &stages.dates));
    NF_RETURN_IF_ERROR(CreateStage<CountTagger>(path, &stages.counts));
    impl->languages.emplace(lang, std::move(stages));
  }
  auto def = impl->languages.find(impl->default_language);
  if (def == impl->languages.end() || !def->second.entities ||
      !def->second.dates || !def->second.counts) {
    return Status::NotFound("no complete resources for the default language '" +
                            impl->default_language + "' in " +
                            options.lang_dir);
  }
  return std::unique_ptr<Tagger>(new Tagger(std::move(impl)));
}

Facts Tagger::Tag(std::string_view text, std::optional<CivilDay> doc_date,
                  std::string_view language) const {
  // "en-US" uses "en"; unknown languages fall back to the default one.
  std::string_view primary = language.substr(0, language.find_first_of("-_"));
  auto it = impl_->languages.find(primary);
  // Names, places and dates in the default language's lists still help on
  // a page in another language; its counting words do not ("die" is no
  // verb of killing on a German page), so a named language without
  // resources gets no counts.
  bool foreign = false;
  if (it == impl_->languages.end()) {
    foreign = !primary.empty();
    it = impl_->languages.find(impl_->default_language);
    primary = impl_->default_language;
  }
  const LanguageStages& stages = it->second;
  AnalyzedText at = Analyze(text, primary);
  Facts facts;
  if (stages.entities) facts.entities = stages.entities->Tag(at);
  if (stages.dates) facts.dates = stages.dates->Tag(at, doc_date);
  if (stages.counts && !foreign) {
    facts.counts = stages.counts->Tag(at, facts.entities, facts.dates);
  }
  return facts;
}

}  // namespace newsfacts
