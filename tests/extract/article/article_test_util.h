// Helpers shared by the article tests: extraction of an HTML string with the
// generic method (no site profiles), the metadata read from an HTML string,
// and a body paragraph long enough to be the page's content.
#ifndef NEWSFACTS_TESTS_EXTRACT_ARTICLE_ARTICLE_TEST_UTIL_H_
#define NEWSFACTS_TESTS_EXTRACT_ARTICLE_ARTICLE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>

#include "core/status.h"
#include "core/types.h"
#include "extract/article/dom.h"
#include "extract/article/extractor.h"
#include "extract/article/metadata.h"

namespace newsfacts::testing {

inline constexpr char kArticleBody[] =
    "<div class=text><p>The council met on Tuesday, and after a long debate "
    "it approved the budget for the coming year, with two members voting "
    "against it and one abstaining.</p></div>";

inline Result<Article> ExtractHtml(const std::string& html) {
  auto ex = Extractor::Create({});
  if (!ex.ok()) return ex.status();
  Document doc;
  doc.html = html;
  return (*ex)->Extract(doc);
}

// The page metadata of `html`; a page Gumbo cannot parse fails the test.
inline PageMetadata MetadataOf(const std::string& html) {
  auto dom = Dom::Parse(html);
  if (!dom.ok()) {
    ADD_FAILURE() << dom.status().ToString();
    return {};
  }
  return ReadMetadata(**dom);
}

}  // namespace newsfacts::testing

#endif  // NEWSFACTS_TESTS_EXTRACT_ARTICLE_ARTICLE_TEST_UTIL_H_
