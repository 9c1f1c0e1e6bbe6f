// extract/entities/: named entities (PERSON, ORG, LOC, NORP) from RE2 rules
// and gazetteers in config/lang/<code>/, with one canonical name per entity
// in the document (longest form; acronyms map to their expansion).
//
//   auto tagger = EntityTagger::Create(config_dir + "/lang/en");
//   std::vector<Entity> found = (*tagger)->Tag(Analyze(text, "en"));
//
// Thread-safety: immutable after Create(); Tag() is safe for concurrent use.
#ifndef NEWSFACTS_EXTRACT_ENTITIES_ENTITIES_H_
#define NEWSFACTS_EXTRACT_ENTITIES_ENTITIES_H_

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "extract/text/text.h"

namespace newsfacts {

class EntityTagger {
 public:
  // `lang_dir` is one language's folder, e.g. config/lang/en.
  // Packaged gazetteers (iso-codes, CLDR, GeoNames) are read from
  // `share_dir`; where they are missing the hand lists still work.
  static Result<std::unique_ptr<EntityTagger>> Create(
      const std::string& lang_dir, const std::string& share_dir = "/usr/share");
  virtual ~EntityTagger() = default;
  // Mentions in text order, non-overlapping, each with `rule` set.
  virtual std::vector<Entity> Tag(const AnalyzedText& text) const = 0;

 protected:
  EntityTagger() = default;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ENTITIES_ENTITIES_H_
