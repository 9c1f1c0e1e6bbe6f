// Metadata read around the visible headline: the title choice between <h1>
// and the metadata title, and dates/bylines printed next to the headline.
#include <gtest/gtest.h>

#include <string>
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

struct Case {
  std::string name;
  std::string html;
  std::string want;
};

TEST(ArticleHeadline, TitleChoice) {
  const std::vector<Case> cases = {
      {"visible h1 beats an SEO og:title",
       "<html><head><meta property=og:title content=\"Budget: what it "
       "means for you | Example\"></head><body><h1>Council approves the "
       "budget</h1>",
       "Council approves the budget"},
      {"h1 contained in og:title keeps the shorter h1",
       "<html><head><meta property=og:title content=\"Politics: Council "
       "approves the budget\"></head><body><h1>Council approves the "
       "budget</h1>",
       "Council approves the budget"},
      {"kicker element inside the h1 is dropped for the og:title",
       "<html><head><meta property=og:title content=\"Council approves the "
       "budget\"></head><body><h1><span>Politics |</span> Council approves "
       "the budget</h1>",
       "Council approves the budget"},
      {"h1 sharing no word with a headline-like og:title is a widget",
       "<html><head><meta property=og:title content=\"Council approves the "
       "budget for next year\"></head><body><h1>Impressum</h1>",
       "Council approves the budget for next year"},
      {"h1 beats a section-name og:title that shares no word",
       "<html><head><meta property=og:title content=\"About Us\"></head>"
       "<body><h1>The strategic think tank</h1>",
       "The strategic think tank"},
      {"site-name h1 (same as og:site_name) is skipped",
       "<html><head><meta property=og:site_name content=\"Daily Planet\">"
       "<meta property=og:title content=\"Council approves the budget\">"
       "</head><body><h1>Daily Planet</h1>",
       "Council approves the budget"},
      {"site-name h1 (same as the host name) is skipped",
       "<html><head><link rel=canonical href=\"https://www.dailyplanet.com/"
       "a/1\"><title>Council approves the budget</title></head><body>"
       "<h1>dailyplanet</h1>",
       "Council approves the budget"},
      {"logo h1 is skipped",
       "<html><head><title>Council approves the budget</title></head><body>"
       "<h1 class=site-title><a href=/>Metro Weekly Blog</a></h1>",
       "Council approves the budget"},
      {"the <title> part StripSiteName removes is a site h1",
       "<html><head><title>Council approves the budget | Metro Weekly Blog"
       "</title></head><body><h1>Metro Weekly Blog</h1>",
       "Council approves the budget"},
      {"twice-escaped entities in og:title are decoded",
       "<html><head><meta property=og:title content=\"Rock &amp;#038; Roll "
       "&amp;#8211; the long night of the guitars\"></head><body>",
       "Rock & Roll \u2013 the long night of the guitars"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<Article> a = ExtractHtml(c.html + kArticleBody + "</body></html>");
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_EQ(a->title, c.want);
  }
}

TEST(ArticleHeadline, DateNearHeadline) {
  const std::vector<Case> cases = {
      {"date line under the h1 inside a share-bar container",
       "<div class=intro__socialSharing><h1>Council approves the budget</h1>"
       "<p>01. November 2021 | Politics</p></div>",
       "2021-11-01"},
      {"place and date under the h1",
       "<h1>Council approves the budget</h1><div><span>Lübeck, 31. März "
       "2003</span></div>",
       "2003-03-31"},
      {"two-digit year alone on a line",
       "<h1>Council approves the budget</h1><div>By Ann Lee <span>|</span>"
       "<span>31.10.23</span></div>",
       "2023-10-31"},
      {"kicker date above the h1 when none follows",
       "<p>14. Februar 2012</p><h1>Council approves the budget</h1>",
       "2012-02-14"},
      {"Drupal 'submitted' line",
       "<h1>Council approves the budget</h1><div class=submitted>Saved by "
       "<span>ann</span> on 24 July 2017 - 18:55</div>",
       "2017-07-24"},
      {"no h1, no date", "<p>Nothing here</p>", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<Article> a =
        ExtractHtml("<html><body>" + c.html + kArticleBody + "</body></html>");
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_EQ(a->published, c.want);
  }
}

TEST(ArticleHeadline, BylineNearHeadline) {
  const std::vector<Case> cases = {
      {"marker and name in one line", "<p>von Andreas Berg</p>",
       "Andreas Berg"},
      {"marker alone, name in the next line",
       "<div>Ein Artikel von <strong>Paula Stern</strong> | 27.01.2022</div>",
       "Paula Stern"},
      {"written by with a link", "<p><em>Written by: <a href=x>Julie "
       "Moss</a></em></p>",
       "Julie Moss"},
      {"lower-case words after the marker are no name",
       "<p>by the way, nothing</p>", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto dom = Dom::Parse("<html><body><h1>Council approves the budget</h1>" +
                          c.html + kArticleBody + "</body></html>");
    ASSERT_TRUE(dom.ok());
    std::vector<std::string> got = BylineNearHeadline(ReadHeadlineWindow(**dom));
    std::vector<std::string> want;
    if (!c.want.empty()) want.push_back(c.want);
    EXPECT_EQ(got, want);
  }
}

TEST(ArticleHeadline, SplitAuthorsConjunctionsAndOutlets) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases =
      {
          {"Lars Fink und Alina Bauer", {"Lars Fink", "Alina Bauer"}},
          {"Ana Ruiz y Pedro Gil", {"Ana Ruiz", "Pedro Gil"}},
          {"Glen Hart And Bo Carl For The Sunday Paper",
           {"Glen Hart", "Bo Carl"}},
          {"Aureliana \u00b7 in Feelings", {"Aureliana"}},
          {"Follow", {}},
      };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(SplitAuthors(in), want) << in;
  }
}

}  // namespace
}  // namespace newsfacts
