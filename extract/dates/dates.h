// extract/dates/: temporal expressions (DATE, TIME, DURATION, SET) with
// TIMEX3 values, relative ones resolved against the document date.
//
//   auto tagger = DateTagger::Create(config_dir + "/lang/en");
//   auto dates = (*tagger)->Tag(Analyze(text, "en"), CivilDay{2022, 3, 23});
//
// Thread-safety: immutable after Create(); Tag() is safe for concurrent use.
#ifndef NEWSFACTS_EXTRACT_DATES_DATES_H_
#define NEWSFACTS_EXTRACT_DATES_DATES_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "extract/text/text.h"

namespace newsfacts {

class DateTagger {
 public:
  // `lang_dir` is one language's folder, e.g. config/lang/en.
  static Result<std::unique_ptr<DateTagger>> Create(
      const std::string& lang_dir);
  virtual ~DateTagger() = default;
  // Mentions in text order, non-overlapping. Without `doc_date`, values that
  // need one use X placeholders (XXXX-03-17).
  virtual std::vector<DateMention> Tag(
      const AnalyzedText& text, std::optional<CivilDay> doc_date) const = 0;

 protected:
  DateTagger() = default;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_DATES_DATES_H_
