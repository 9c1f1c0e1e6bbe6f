// extract/counts/: case counts (numbers of people, cases or incidents that
// something happened to) with qualifier, unit, subject, event, and the date
// and place the same sentence ties to them.
//
//   auto tagger = CountTagger::Create(config_dir + "/lang/en");
//   auto counts = (*tagger)->Tag(at, entities, dates);
//
// Thread-safety: immutable after Create(); Tag() is safe for concurrent use.
#ifndef NEWSFACTS_EXTRACT_COUNTS_COUNTS_H_
#define NEWSFACTS_EXTRACT_COUNTS_COUNTS_H_

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "extract/text/text.h"

namespace newsfacts {

class CountTagger {
 public:
  // `lang_dir` is one language's folder, e.g. config/lang/en.
  static Result<std::unique_ptr<CountTagger>> Create(
      const std::string& lang_dir);
  virtual ~CountTagger() = default;
  // `entities` and `dates` are the other stages' mentions in the same text
  // (used for subject, place and date).
  virtual std::vector<CaseCount> Tag(
      const AnalyzedText& text, const std::vector<Entity>& entities,
      const std::vector<DateMention>& dates) const = 0;

 protected:
  CountTagger() = default;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_COUNTS_COUNTS_H_
