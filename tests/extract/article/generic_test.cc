// The generic method (no site profile) on small hand-written pages, and
// robustness on broken input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/types.h"
#include "extract/article/extractor.h"
#include "tests/extract/article/article_test_util.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::ExtractHtml;
using testing::kArticleBody;

const char kPara1[] =
    "The council met on Tuesday, and after a long debate it approved the "
    "budget for the coming year, with two members voting against it.";
const char kPara2[] =
    "Officials said the new plan would fund schools, roads and clinics, "
    "although critics argued that the figures were optimistic.";

std::string Page(const std::string& body) {
  return "<html lang=\"en\"><head><title>Budget passes | Example "
         "News</title></head><body>" +
         body + "</body></html>";
}

struct TextCase {
  const char* name;
  std::string body;
  std::vector<std::string> want_blocks;
};

TEST(ArticleGeneric, BuildsBlocksFromMainContent) {
  const std::string p1 = std::string("<p>") + kPara1 + "</p>";
  const std::string p2 = std::string("<p>") + kPara2 + "</p>";
  const std::vector<TextCase> cases = {
      {"plain", "<article>" + p1 + p2 + "</article>", {kPara1, kPara2}},
      {"navigation dropped",
       "<nav><ul><li><a href=/a>Home</a></li><li><a href=/b>World</a></li>"
       "</ul></nav><div class=story>" +
           p1 + p2 + "</div>",
       {kPara1, kPara2}},
      {"share and related dropped",
       "<div class=content>" + p1 +
           "<div class=share-tools>Share on Facebook</div>" + p2 +
           "<div class=related-articles><p>Other story about many "
           "things, with commas, and more</p></div></div>",
       {kPara1, kPara2}},
      {"figure caption not in text",
       "<div class=content>" + p1 +
           "<figure><img src=x.jpg><figcaption>A caption.</figcaption>"
           "</figure>" +
           p2 + "</div>",
       {kPara1, kPara2}},
      {"whitespace collapsed",
       "<div class=content><p>  The council\n\tmet&nbsp; on Tuesday, and "
       "after a long debate it approved the budget for the coming year, "
       "with two members voting against it. </p>" +
           p2 + "</div>",
       {kPara1, kPara2}},
      {"duplicate paragraph dropped",
       "<div class=content>" + p1 + p2 + p1 + "</div>",
       {kPara1, kPara2}},
      {"headings and list items kept",
       "<div class=content>" + p1 +
           "<h2>Next steps</h2><ul><li>Vote "
           "again</li></ul>" +
           p2 + "</div>",
       {kPara1, "Next steps", "Vote again", kPara2}},
      {"teaser link paragraph dropped",
       "<div class=content>" + p1 +
           "<p><a href=/other>Read also: Mayor opens the new bridge</a></p>" +
           p2 + "</div>",
       {kPara1, kPara2}},
      {"trailing heading of a dropped box removed",
       "<div class=content>" + p1 + p2 +
           "<h3>Related</h3><ul><li><a href=/x>Other story</a></li></ul>"
           "</div>",
       {kPara1, kPara2}},
      {"headline h1 not in text",
       "<div class=content><h1>Budget passes</h1>" + p1 + p2 + "</div>",
       {kPara1, kPara2}},
      {"theme wrappers named sidebar/lightbox still hold the article",
       "<div class=\"container penci_sidebar enable-lightbox\"><div "
       "class=theiaStickySidebar><article><h1>Budget passes</h1>"
       "<div class=entry-content>" +
           p1 + p2 + "</div></article></div></div>",
       {kPara1, kPara2}},
      {"share text paragraph, credit and author box dropped",
       "<article><h1>Budget passes</h1><div class=entry-content>"
       "<p class=dpsp-share-text>Sharing is caring!</p>" +
           p1 + "<div class=image-credit>Jo Doe | Example Photo</div>" + p2 +
           "</div><div class=post-author><h5>Ann Lee</h5><p>Ann Lee covers "
           "the city council, schools, and the budget for Example.</p></div>"
           "</article>",
       {kPara1, kPara2}},
      {"split container: the lead block beside the body block",
       "<div class=block-region-main><div class=lead-block><div "
       "class=field><p>" +
           std::string(kPara1) +
           "</p></div></div><div class=paragraphs><div class=item><div "
           "class=field><p>" +
           kPara2 + "</p><p>" + kPara2 + " Again, and again, later.</p><p>" +
           kPara1 + " Also, and more, this.</p></div></div></div></div>"
           "<div class=footer-links><a href=/a>About</a></div>",
       {kPara1, kPara2, std::string(kPara2) + " Again, and again, later.",
        std::string(kPara1) + " Also, and more, this."}},
  };
  for (const TextCase& c : cases) {
    SCOPED_TRACE(c.name);
    Result<Article> a = ExtractHtml(Page(c.body));
    ASSERT_TRUE(a.ok()) << a.status().message();
    std::vector<std::string> got;
    for (const Block& b : a->blocks) got.push_back(b.text);
    EXPECT_EQ(got, c.want_blocks);
  }
}

TEST(ArticleGeneric, DatesNeverFromTeasersOrComments) {
  // No structured date: the visible one must be the article's, not a
  // teaser's or a comment's that come first in the document.
  const std::string html = Page(
      "<ul class=latest><li><time datetime=2020-01-02>Jan 2</time> <a "
      "href=/a>Other story</a></li><li><time datetime=2020-01-03>Jan 3"
      "</time> <a href=/b>Another story</a></li></ul>"
      "<div class=comments><p>Great piece!</p><time datetime=2020-02-01>"
      "Feb 1</time></div><article><h1>Budget passes</h1><time "
      "datetime=2021-03-04T10:00:00Z>2 hours ago</time><p>" +
      std::string(kPara1) + "</p><p>" + kPara2 + "</p></article>");
  Result<Article> a = ExtractHtml(html);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "2021-03-04T10:00:00+00:00");
}

TEST(ArticleGeneric, BylineAndAuthorBioBlocksLeaveTheText) {
  const std::string html =
      "<html><head><title>Budget passes</title><meta name=author "
      "content=\"Ann Lee\"></head><body><article><h1>Budget passes</h1>"
      "<div class=story><p>By Ann Lee</p><p>" +
      std::string(kPara1) + "</p><p>" + kPara2 +
      "</p><p>Ann Lee is a reporter for Example News.</p></div></article>"
      "</body></html>";
  Result<Article> a = ExtractHtml(html);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->authors, std::vector<std::string>{"Ann Lee"});
  EXPECT_EQ(a->text, std::string(kPara1) + "\n\n" + kPara2);
}

TEST(ArticleGeneric, BlockKindsFollowMarkup) {
  Result<Article> a = ExtractHtml(
      Page(std::string("<div class=content><p>") + kPara1 +
           "</p><h3>Reaction</h3><blockquote><p>We are pleased, said the "
           "mayor.</p></blockquote><ol><li>First item</li></ol><p>" +
           kPara2 + "</p></div>"));
  ASSERT_TRUE(a.ok());
  std::vector<BlockKind> kinds;
  for (const Block& b : a->blocks) kinds.push_back(b.kind);
  EXPECT_EQ(kinds,
            (std::vector<BlockKind>{BlockKind::kParagraph, BlockKind::kHeading,
                                    BlockKind::kQuote, BlockKind::kListItem,
                                    BlockKind::kParagraph}));
  EXPECT_EQ(a->text, a->blocks[0].text + "\n\n" + a->blocks[1].text + "\n\n" +
                         a->blocks[2].text + "\n\n" + a->blocks[3].text +
                         "\n\n" + a->blocks[4].text);
}

TEST(ArticleGeneric, CaptionsKeptApartInDocumentOrder) {
  Result<Article> a = ExtractHtml(Page(
      std::string("<div class=content><figure><figcaption>First.</figcaption>"
                  "</figure><p>") +
      kPara1 + "</p><figure><figcaption>Second.</figcaption></figure><p>" +
      kPara2 + "</p><figure><figcaption>First.</figcaption></figure></div>"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->captions, (std::vector<std::string>{"First.", "Second."}));
}

TEST(ArticleGeneric, MetadataFromJsonLdGraphAndMeta) {
  const std::string html =
      "<html lang=\"de-DE\"><head><title>Budget passes - Example News</title>"
      "<link rel=canonical href=\"https://example.com/a/1\">"
      "<meta property=\"og:url\" content=\"https://example.com/og\">"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "<meta property=\"article:modified_time\" "
      "content=\"2021-05-02T10:00:00+0200\">"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org"
      "\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Example\"},"
      "{\"@type\":[\"NewsArticle\"],\"headline\":\"Budget passes\","
      "\"datePublished\":\"2021-05-01 08:30:00Z\",\"articleSection\":"
      "[\"Politics\"],\"author\":[{\"@type\":\"Person\",\"name\":\"Ann "
      "Lee\"},{\"@type\":\"Organization\",\"name\":\"Example News\"}]}]}"
      "</script></head><body><div class=content><p>" +
      std::string(kPara1) + "</p></div></body></html>";
  Result<Article> a = ExtractHtml(html);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->url, "https://example.com/a/1");
  EXPECT_EQ(a->canonical_url, "https://example.com/a/1");
  EXPECT_EQ(a->title, "Budget passes");
  EXPECT_EQ(a->authors, std::vector<std::string>{"Ann Lee"});
  EXPECT_EQ(a->published, "2021-05-01T08:30:00+00:00");
  EXPECT_EQ(a->modified, "2021-05-02T10:00:00+02:00");
  EXPECT_EQ(a->section, "Politics");
  EXPECT_EQ(a->language, "de-DE");
}

TEST(ArticleGeneric, TitleFallsBackToHtmlTitleWithoutSiteSuffix) {
  Result<Article> a = ExtractHtml(Page(std::string("<p>") + kPara1 + "</p>"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Budget passes");
}

TEST(ArticleGeneric, PageWithoutTextIsInvalidArgument) {
  for (const std::string html : {"", "<html></html>",
                                 "<html><body><nav><a href=/>Home</a></nav>"
                                 "</body></html>",
                                 "<script>var x = 1;</script>"}) {
    SCOPED_TRACE(html);
    Result<Article> a = ExtractHtml(html);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(a.status().message(), "no article text");
  }
}

TEST(ArticleGeneric, PageSwallowedByUnclosedNoscriptStillHasText) {
  // <div> left open inside <noscript> nests the whole page in it.
  Result<Article> a =
      ExtractHtml(std::string("<html><body><noscript><div id=nojs></noscript>"
                              "<div id=main><p>") +
                  kPara1 + "</p><p>" + kPara2 + "</p></div></body></html>");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text, std::string(kPara1) + "\n\n" + kPara2);
}

TEST(ArticleGeneric, NoscriptNoticeIsNotText) {
  Result<Article> a = ExtractHtml(
      Page(std::string("<noscript>Please enable JavaScript.</noscript><div "
                       "class=content><p>") +
           kPara1 + "</p></div>"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, kPara1);
}

TEST(ArticleGeneric, SurvivesBrokenHtml) {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += std::string("<p>") + kPara1 + "</p>";
  const std::vector<std::string> pages = {
      std::string("<html><body><div class=content><p>") + kPara1 + "<p>" +
          kPara2,                   // truncated, unclosed
      std::string("<p>") + kPara1,  // no html/body
      deep,                         // pathological nesting
      std::string("<div><p>") + kPara1 + "</span></td></table></p></div>",
  };
  for (const std::string& html : pages) {
    Result<Article> a = ExtractHtml(html);
    // Deep nesting may hide the text; what matters is a Status, no crash.
    if (a.ok()) {
      EXPECT_FALSE(a->text.empty());
    }
  }
  Result<Article> truncated = ExtractHtml(pages[0]);
  ASSERT_TRUE(truncated.ok());
  EXPECT_NE(truncated->text.find("critics argued"), std::string::npos);
}

}  // namespace
}  // namespace newsfacts
