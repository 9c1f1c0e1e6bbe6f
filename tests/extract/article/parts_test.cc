// Unit specifications of the article module's building blocks: date
// normalization, byline splitting, selectors and site-profile loading.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/types.h"
#include "extract/article/dom.h"
#include "extract/article/extractor.h"
#include "extract/article/metadata.h"
#include "extract/article/site_profile.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

TEST(ArticleDates, NormalizesToIsoWithOffset) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2022-03-23T09:41:26+00:00", "2022-03-23T09:41:26+00:00"},
      {"2022-03-23 09:41:26Z", "2022-03-23T09:41:26+00:00"},
      {"2022-03-23T09:41:26.123Z", "2022-03-23T09:41:26+00:00"},
      {"2022-03-23T09:41:26+0100", "2022-03-23T09:41:26+01:00"},
      {"2022-03-23T09:41-05:00", "2022-03-23T09:41:00-05:00"},
      {"2022-03-23", "2022-03-23"},
      {"0001-01-01T00:00:00", ""},
      {"0001-01-01 00:00:00Z", ""},
      {"yesterday", ""},
      {"", ""},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(NormalizeDate(in), want) << in;
  }
}

TEST(ArticleAuthors, SplitsBylinesIntoPeople) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"By Reid Standish", {"Reid Standish"}},
      {"Ann Lee and Bo Chen", {"Ann Lee", "Bo Chen"}},
      {"By Ann Lee, Bo Chen & Cy Dorn", {"Ann Lee", "Bo Chen", "Cy Dorn"}},
      {"Ann Lee | Staff Writer", {"Ann Lee"}},
      {"Ann Lee, ann@example.com", {"Ann Lee"}},
      {"Ann Lee, ANN LEE", {"Ann Lee"}},
      {"  By  ", {}},
      // Services, desks and agencies are not authors.
      {"Olena Marchenko and VOA Ukrainian Service", {"Olena Marchenko"}},
      {"By Ann Lee, Reuters", {"Ann Lee"}},
      {"RFE/RL's Kazakh Service", {}},
      {"AP", {}},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(SplitAuthors(in), want) << in;
  }
}

TEST(ArticleSelector, MatchesTagClassIdAttrAndDescendant) {
  // data-* attributes survive the pre-parse strip only when asked for, as
  // the extractor does for the attributes its site profiles test.
  auto dom = Dom::Parse(
      "<div class='content-floated-wrap x'><div class=wsw id=main>"
      "<p data-k=v>a</p><time pubdate datetime=d>t</time></div></div>"
      "<div class=wsw>b</div><h1 class='title pg-title'>T</h1>",
      {"data-k"});
  ASSERT_TRUE(dom.ok());
  const std::vector<std::pair<std::string, size_t>> cases = {
      {".wsw", 2},         {".content-floated-wrap .wsw", 1},
      {"div.wsw#main", 1}, {"#main p", 1},
      {"p[data-k]", 1},    {"p[data-k=v]", 1},
      {"p[data-k=w]", 0},  {"time[pubdate]", 1},
      {"h1.pg-title", 1},  {"h1.title.pg-title", 1},
      {"h2.pg-title", 0},  {".wsw, h1", 3},
  };
  for (const auto& [text, count] : cases) {
    Result<Selector> sel = Selector::Parse(text);
    ASSERT_TRUE(sel.ok()) << text;
    EXPECT_EQ((*dom)->Select(*sel).size(), count) << text;
  }
  auto stripped = Dom::Parse("<p data-k=v>a</p>");
  ASSERT_TRUE(stripped.ok());
  EXPECT_TRUE((*stripped)->Select(*Selector::Parse("p[data-k]")).empty());
  std::vector<std::string> names;
  Selector::Parse("div[data-role=x] p[data-k], .a")->AddAttributeNames(&names);
  EXPECT_EQ(names, (std::vector<std::string>{"data-role", "data-k"}));
  for (const std::string bad : {"", "p >", ".", "a,,b", "div!"}) {
    EXPECT_FALSE(Selector::Parse(bad).ok()) << bad;
  }
}

TEST(ArticleSiteProfile, PangeaProfileLoadsAndMatches) {
  Result<std::vector<SiteProfile>> profiles =
      LoadSiteProfiles(testing::ConfigDir() + "/sites");
  ASSERT_TRUE(profiles.ok()) << profiles.status().message();
  EXPECT_NE(MatchProfile(*profiles, "https://www.rferl.org/a/1.html", ""),
            nullptr);
  EXPECT_NE(MatchProfile(*profiles, "", "<div class=\"content-floated-wrap\">"),
            nullptr);
  EXPECT_EQ(MatchProfile(*profiles, "https://notrferl.org/a", "<p>x</p>"),
            nullptr);
  EXPECT_EQ(MatchProfile(*profiles, "https://example.com/", "<p>x</p>"),
            nullptr);
}

TEST(ArticleSiteProfile, MalformedProfileNamesTheFile) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"not toml", "[detect\nhosts = 1"},
      {"no detection", "[select]\ntitle = \"h1\""},
      {"bad selector", "[detect]\nhosts=[\"a.org\"]\n[select]\ntitle=\"h1!\""},
      {"bad kind", "[detect]\nhosts=[\"a.org\"]\n[kinds]\npg-x = \"movie\""},
      {"wrong type", "[detect]\nhosts=[1]"},
  };
  for (const auto& [name, text] : cases) {
    SCOPED_TRACE(name);
    testing::TempDir dir;
    testing::WriteFileOrDie(dir.File("broken.toml"), text);
    auto ex = Extractor::Create({.sites_dir = dir.path()});
    ASSERT_FALSE(ex.ok());
    EXPECT_EQ(ex.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(ex.status().message().find("broken.toml"), std::string::npos)
        << ex.status().message();
  }
}

TEST(ArticleSiteProfile, EmptySitesDirMeansGenericOnly) {
  auto ex = Extractor::Create({});
  ASSERT_TRUE(ex.ok());
  auto missing = Extractor::Create({.sites_dir = "/nonexistent/sites"});
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace newsfacts
