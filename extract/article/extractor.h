// extract/article/: the only user of Gumbo. Turns a Document into an Article:
// metadata (JSON-LD, OpenGraph, <meta>, <time>), the main text as typed
// blocks, captions kept apart, and the posts of multi-article pages.
//
//   Result<std::unique_ptr<Extractor>> ex = Extractor::Create(
//       {.sites_dir = config_dir + "/sites"});
//   Result<Article> article = (*ex)->Extract(document);
//
// Site profiles (config/sites/*.toml) add keep/drop selectors for sites where
// the generic content scoring is not enough (Pangea CMS first).
//
// Thread-safety: an Extractor is immutable after Create(); Extract() is safe
// for concurrent use.
#ifndef NEWSFACTS_EXTRACT_ARTICLE_EXTRACTOR_H_
#define NEWSFACTS_EXTRACT_ARTICLE_EXTRACTOR_H_

#include <memory>
#include <string>

#include "core/status.h"
#include "core/types.h"

namespace newsfacts {

struct ExtractorOptions {
  // Folder of site profiles (*.toml). Default: empty = generic method only.
  std::string sites_dir;
};

class Extractor {
 public:
  static Result<std::unique_ptr<Extractor>> Create(
      const ExtractorOptions& options);
  virtual ~Extractor() = default;

  // REQUIRES: document.html is valid UTF-8.
  // Fails (InvalidArgument) on pages with no text at all.
  virtual Result<Article> Extract(const Document& document) const = 0;

 protected:
  Extractor() = default;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ARTICLE_EXTRACTOR_H_
