// extract/facts/: runs the fact stages (entities, dates, counts) over one
// text and returns their Facts. This is what `newsfacts tag` and the
// pipeline call; each stage stays a pure function of text, language
// resources and the document date.
//
//   Result<std::unique_ptr<Tagger>> t = Tagger::Create({.lang_dir = dir});
//   Facts f = (*t)->Tag(article.text, CivilDay::FromIso(article.published));
//
// Thread-safety: immutable after Create(); Tag() is safe for concurrent use.
#ifndef NEWSFACTS_EXTRACT_FACTS_TAGGER_H_
#define NEWSFACTS_EXTRACT_FACTS_TAGGER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/types.h"

namespace newsfacts {

struct TaggerOptions {
  // Folder holding one sub-folder of resources per language (config/lang).
  std::string lang_dir;
  // Language used when Tag() is given none. Default: "en".
  std::string default_language = "en";
};

class Tagger {
 public:
  // Loads and compiles every language's resources; fails naming the file
  // and line of a rule that does not compile.
  static Result<std::unique_ptr<Tagger>> Create(const TaggerOptions& options);
  ~Tagger();
  Tagger(const Tagger&) = delete;  // owns compiled rule sets
  Tagger& operator=(const Tagger&) = delete;

  // Facts found in `text` (valid UTF-8). Relative dates resolve against
  // `doc_date` when given. Spans are UTF-8 byte offsets into `text`.
  Facts Tag(std::string_view text, std::optional<CivilDay> doc_date,
            std::string_view language = "") const;

 private:
  struct Impl;
  explicit Tagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_FACTS_TAGGER_H_
