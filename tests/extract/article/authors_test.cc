// Author rules: JSON-LD @graph references, name particles, byline labels.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/types.h"
#include "extract/article/dom.h"
#include "extract/article/extractor.h"
#include "extract/article/headline_window.h"
#include "extract/article/metadata.h"
#include "tests/extract/article/article_test_util.h"

namespace newsfacts {
namespace {

using testing::ExtractHtml;
using testing::kArticleBody;

TEST(ArticleAuthors, JsonLdAuthorByIdInGraph) {
  const std::string jsonld = R"({"@context":"https://schema.org","@graph":[
    {"@type":"NewsArticle","@id":"https://x.example/a#article",
     "headline":"Council approves the budget",
     "author":{"@id":"https://x.example/#/schema/person/1"}},
    {"@type":"Person","@id":"https://x.example/#/schema/person/1",
     "name":"Marta Kowalska"},
    {"@type":"Organization","@id":"https://x.example/#org","name":"X News"}
  ]})";
  Result<Article> a = ExtractHtml(
      "<html><head><script type=\"application/ld+json\">" + jsonld +
      "</script></head><body><h1>Council approves the budget</h1>" + kArticleBody +
      "</body></html>");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->authors, std::vector<std::string>{"Marta Kowalska"});
}

TEST(ArticleAuthors, JsonLdIdToOrganizationGivesNoAuthor) {
  const std::string jsonld = R"({"@graph":[
    {"@type":"NewsArticle","headline":"Council approves the budget",
     "author":{"@id":"#org"}},
    {"@type":"Organization","@id":"#org","name":"X News"}]})";
  Result<Article> a = ExtractHtml(
      "<html><head><script type=\"application/ld+json\">" + jsonld +
      "</script></head><body><h1>Council approves the budget</h1>" + kArticleBody +
      "</body></html>");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_TRUE(a->authors.empty());
}

TEST(ArticleAuthors, SplitAuthorsLabelsAndParticles) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases =
      {
          {"Auteur: Claire Dubois", {"Claire Dubois"}},
          {"Autores: Ana Ruiz y Pedro Gil", {"Ana Ruiz", "Pedro Gil"}},
          {"Text von Lars Fink", {"Lars Fink"}},
          {"Ein Beitrag von Paula Stern", {"Paula Stern"}},
          // "von" inside one name is a particle, not a "by".
          {"Walter von Aachen", {"Walter von Aachen"}},
          // After a date the "von" is the byline marker.
          {"27.01.2022 von Paula Stern", {"Paula Stern"}},
          // A dateline's weekday that ran into the name is cut off.
          {"Alex Doe Thursday", {"Alex Doe"}},
          {"Von Lena Kurz Donnerstag", {"Lena Kurz"}},
      };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(SplitAuthors(in), want) << in;
  }
}

TEST(ArticleAuthors, BylineWithADoubtfulPartIsDropped) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases =
      {
          {"<p>von Walter von Aachen</p>", {"Walter von Aachen"}},
          // The marker starts a phrase: a lower-case word that is no name
          // particle makes the line no byline.
          {"<p>von Atemschutzmaske über Exit-Strategie</p>", {}},
          {"<p>By Ann Lee and Who Knows?</p>", {}},
      };
  for (const auto& [html, want] : cases) {
    auto dom = Dom::Parse("<html><body><h1>Council approves the budget</h1>" +
                          html + kArticleBody + "</body></html>");
    ASSERT_TRUE(dom.ok());
    EXPECT_EQ(BylineNearHeadline(ReadHeadlineWindow(**dom)), want) << html;
  }
}

}  // namespace
}  // namespace newsfacts
