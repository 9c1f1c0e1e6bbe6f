// Fallback metadata from page markup: visible dates, URL dates, bylines.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/types.h"
#include "extract/article/dom.h"
#include "extract/article/extractor.h"
#include "extract/article/page_hints.h"

namespace newsfacts {
namespace {

TEST(ArticleHints, ParsesWrittenDates) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Published 2019-10-16 at noon", "2019-10-16"},
      {"Stand: 16.10.2019, 18:15 Uhr", "2019-10-16"},
      {"Publiziert am 2. 2. 2022", "2022-02-02"},
      {"16. Oktober 2019", "2019-10-16"},
      {"Monday November 18, 2019 7:45 am PST", "2019-11-18"},
      {"Updated Oct. 5th, 2020", "2020-10-05"},
      {"3 mars 2021", "2021-03-03"},
      {"5 de mayo de 2022", "2022-05-05"},
      {"Lübeck, 31. März 2003", "2003-03-31"},  // non-ASCII month names
      {"le 5 août 2020", "2020-08-05"},
      {"no date here", ""},
      {"Issue 12.13.2020", ""},  // month 13 is no date
      {"32 May 2020", ""},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(ParseTextDate(in), want) << in;
  }
}

TEST(ArticleHints, DateFromUrlPath) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"https://nypost.com/2019/11/18/chinese-hunter/", "2019-11-18"},
      {"https://x.org/news/2021-05-03-budget.html", "2021-05-03"},
      {"https://x.org/a/31812345.html", ""},
      {"https://x.org/2019/99/99/x", ""},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(DateFromUrl(in), want) << in;
  }
}

TEST(ArticleHints, FirstBylineGivesAuthors) {
  auto dom = Dom::Parse(
      "<body><div class=byline>Monday November 18, 2019 by <a "
      "class=author-url href=/a/jr>Joe Rossignol</a></div><p>Text.</p>"
      "<div class=comments><span class=author>Troll</span></div>"
      "<div class=teaser><span class=author>Other Writer</span></div></body>");
  ASSERT_TRUE(dom.ok());
  EXPECT_EQ(FindBylines(**dom), std::vector<std::string>{"Joe Rossignol"});
}

TEST(ArticleHints, AuthorArchiveLinkIsAByline) {
  auto dom = Dom::Parse(
      "<body><header><a href=/>Home</a></header><p>Posted on 2020-01-05 by "
      "<a href=\"https://blog.example/author/jane-doe/\">Jane Doe</a></p>"
      "</body>");
  ASSERT_TRUE(dom.ok());
  EXPECT_EQ(FindBylines(**dom), std::vector<std::string>{"Jane Doe"});
}

TEST(ArticleHints, BylineInTheArticleFooterCounts) {
  // An <article>'s footer holds the byline; the page footer does not.
  auto dom = Dom::Parse(
      "<body class=\"single comments-open\"><article><p>Text.</p><footer "
      "class=post-footer>Posted by <a rel=author href=/u/gk>Gina Kress</a>"
      "</footer></article><footer><span class=author>Site Owner</span>"
      "</footer></body>");
  ASSERT_TRUE(dom.ok());
  EXPECT_EQ(FindBylines(**dom), std::vector<std::string>{"Gina Kress"});
  auto page = Dom::Parse(
      "<body><article><p>Text.</p></article><footer><span class=author>"
      "Site Owner</span></footer></body>");
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(FindBylines(**page).empty());
}

TEST(ArticleHints, MicrodataPersonIsAByline) {
  auto dom = Dom::Parse(
      "<body><p>Text.</p><p><em>Von <span itemscope "
      "itemtype=\"http://schema.org/Person\"><meta itemprop=name "
      "content=\"Cosima Lenz\">Cosima Lenz</span></em></p></body>");
  ASSERT_TRUE(dom.ok());
  EXPECT_EQ(FindBylines(**dom), std::vector<std::string>{"Cosima Lenz"});
}

TEST(ArticleHints, DatesFromRdfaAndHAtomAttributes) {
  auto rdfa = Dom::Parse(
      "<body><h1>T</h1><span property=\"schema:dateCreated\" "
      "content=\"2022-01-28T12:45:46+00:00\" class=rdf-meta></span>"
      "</body>");
  ASSERT_TRUE(rdfa.ok());
  EXPECT_EQ(FindVisibleDate(**rdfa, "https://x.org/a").substr(0, 10),
            "2022-01-28");
  auto hatom = Dom::Parse(
      "<body><h1>T</h1><span class=updated "
      "title=\"2013-04-04T18:52:11+00:00\"></span></body>");
  ASSERT_TRUE(hatom.ok());
  EXPECT_EQ(FindVisibleDate(**hatom, "https://x.org/a").substr(0, 10),
            "2013-04-04");
  // A tooltip title on an ordinary element is no date.
  auto plain = Dom::Parse(
      "<body><h1>T</h1><span class=updated title=\"Last change\">x</span>"
      "</body>");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(FindVisibleDate(**plain, "https://x.org/a"), "");
}

TEST(ArticleHints, ExtractorFallsBackToVisibleDateAndByline) {
  auto ex = Extractor::Create({});
  ASSERT_TRUE(ex.ok());
  Document doc;
  doc.html =
      "<html><body><h1>Budget passes</h1><p class=author>Erstellt von Anna "
      "Berg</p><span class=datum>12.03.2021</span><div class=text><p>The "
      "council met on Tuesday, and after a long debate it approved the "
      "budget for the coming year, with two members voting against it.</p>"
      "</div></body></html>";
  Result<Article> a = (*ex)->Extract(doc);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "2021-03-12");
  EXPECT_EQ(a->authors, std::vector<std::string>{"Anna Berg"});
  EXPECT_EQ(a->title, "Budget passes");
}

TEST(ArticleHints, TextWrittenStraightIntoDivIsFound) {
  auto ex = Extractor::Create({});
  ASSERT_TRUE(ex.ok());
  std::string lines;
  for (int i = 0; i < 6; ++i)
    lines +=
        "Apple plans to release a new notebook, according to analyst "
        "notes, with a new keyboard and a faster chip.<br><br>";
  Document doc;
  doc.html =
      "<html><body><div id=nav><a href=/1>One</a> <a href=/2>Two</a>"
      "</div><div class=article><h1>Title</h1><div class=content>" +
      lines +
      "</div></div><div class=sidebar><p>Other, unrelated "
      "teaser text that is long enough to count for scoring.</p>"
      "</div></body></html>";
  Result<Article> a = (*ex)->Extract(doc);
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->text.find("Apple plans to release"), std::string::npos);
  EXPECT_EQ(a->text.find("unrelated teaser"), std::string::npos);
  EXPECT_EQ(a->text.find("One"), std::string::npos);
}

}  // namespace
}  // namespace newsfacts
