#include "ingest/robots.h"

#include <gtest/gtest.h>

#include <string>

namespace newsfacts {
namespace {

// Shaped like a Pangea site's robots.txt: API feeds and search closed to
// everyone, one bot shut out, sitemaps announced at the end.
constexpr char kPangeaLike[] =
    "# robots.txt for www.example-pangea.org\r\n"
    "User-agent: *\r\n"
    "Disallow: /api/\r\n"
    "Disallow: /s?k=\r\n"
    "Disallow: /*?layout=\r\n"
    "Allow: /api/podcast/\r\n"
    "\r\n"
    "User-agent: BadBot\r\n"
    "Disallow: /\r\n"
    "\r\n"
    "Sitemap: https://www.example-pangea.org/sitemap.xml\r\n"
    "Sitemap: https://www.example-pangea.org/sitemap_news.xml\r\n";

TEST(RobotsRules, PangeaLikeFileClosesTheApiFeeds) {
  const RobotsRules rules = RobotsRules::Parse(kPangeaLike, "newsfacts");
  EXPECT_FALSE(rules.Allowed("/api/zrqiteuuir"));
  EXPECT_FALSE(rules.Allowed("/api/"));
  EXPECT_TRUE(rules.Allowed("/api"));  // a prefix of the rule, not a match
  EXPECT_TRUE(rules.Allowed("/api/podcast/123"));
  EXPECT_FALSE(rules.Allowed("/s?k=navalny"));
  EXPECT_TRUE(rules.Allowed("/s"));
  EXPECT_FALSE(rules.Allowed("/a/story/1.html?layout=amp"));
  EXPECT_TRUE(rules.Allowed("/a/story/1.html"));
  EXPECT_TRUE(rules.Allowed("/"));
  EXPECT_EQ(rules.sitemaps(),
            (std::vector<std::string>{
                "https://www.example-pangea.org/sitemap.xml",
                "https://www.example-pangea.org/sitemap_news.xml"}));
  EXPECT_FALSE(rules.crawl_delay_seconds().has_value());
  EXPECT_FALSE(rules.retry_later());

  const RobotsRules bad = RobotsRules::Parse(kPangeaLike, "BadBot/2.1");
  EXPECT_FALSE(bad.Allowed("/"));
  EXPECT_FALSE(bad.Allowed("/a/story/1.html"));
  EXPECT_TRUE(bad.Allowed("/robots.txt"));
}

// RFC 9309 2.2.1: the crawler's group is the one naming its product token,
// case-insensitively; other groups do not apply, '*' only without one.
TEST(RobotsRules, Rfc9309_2_2_1_GroupSelection) {
  constexpr char kBody[] =
      "user-agent: ExampleBot\n"
      "disallow: /only-example\n"
      "\n"
      "user-agent: *\n"
      "disallow: /everyone\n";
  const RobotsRules example = RobotsRules::Parse(kBody, "examplebot");
  EXPECT_FALSE(example.Allowed("/only-example"));
  EXPECT_TRUE(example.Allowed("/everyone"));  // '*' group does not apply
  const RobotsRules other = RobotsRules::Parse(kBody, "newsfacts");
  EXPECT_TRUE(other.Allowed("/only-example"));
  EXPECT_FALSE(other.Allowed("/everyone"));
  // A full User-Agent header value works as the token.
  const RobotsRules full =
      RobotsRules::Parse(kBody, "ExampleBot/3.0 (+https://example.org/bot)");
  EXPECT_FALSE(full.Allowed("/only-example"));
}

TEST(RobotsRules, Rfc9309_2_2_1_SeveralAgentLinesShareOneGroup) {
  constexpr char kBody[] =
      "User-Agent: alpha\n"
      "User-Agent: newsfacts\n"
      "User-Agent: beta\n"
      "Disallow: /shared\n"
      "User-Agent: gamma\n"
      "Disallow: /gamma\n";
  const RobotsRules rules = RobotsRules::Parse(kBody, "newsfacts");
  EXPECT_FALSE(rules.Allowed("/shared"));
  EXPECT_TRUE(rules.Allowed("/gamma"));
  EXPECT_EQ(rules.rule_count(), 1u);
}

TEST(RobotsRules, Rfc9309_2_2_1_GroupsForTheSameAgentAreMerged) {
  constexpr char kBody[] =
      "user-agent: newsfacts\n"
      "disallow: /first\n"
      "user-agent: other\n"
      "disallow: /other\n"
      "user-agent: NewsFacts\n"
      "disallow: /second\n";
  const RobotsRules rules = RobotsRules::Parse(kBody, "newsfacts");
  EXPECT_FALSE(rules.Allowed("/first"));
  EXPECT_FALSE(rules.Allowed("/second"));
  EXPECT_TRUE(rules.Allowed("/other"));
}

TEST(RobotsRules, Rfc9309_2_2_1_NoMatchingGroupAllowsEverything) {
  const RobotsRules rules =
      RobotsRules::Parse("user-agent: someone\ndisallow: /\n", "newsfacts");
  EXPECT_TRUE(rules.Allowed("/anything"));
  // Rules before any user-agent line belong to no group.
  const RobotsRules orphan =
      RobotsRules::Parse("disallow: /\nuser-agent: *\nallow: /x\n", "nf");
  EXPECT_TRUE(orphan.Allowed("/y"));
}

// RFC 9309 2.2.2: the longest match wins; on a tie, allow wins.
TEST(RobotsRules, Rfc9309_2_2_2_LongestMatchWins) {
  constexpr char kBody[] =
      "user-agent: *\n"
      "disallow: /news\n"
      "allow: /news/public\n"
      "disallow: /news/public/drafts\n"
      "allow: /tie\n"
      "disallow: /tie\n"
      "disallow: /tie2\n"
      "allow: /tie2\n";
  const RobotsRules rules = RobotsRules::Parse(kBody, "newsfacts");
  EXPECT_FALSE(rules.Allowed("/news"));
  EXPECT_FALSE(rules.Allowed("/news/x"));
  EXPECT_TRUE(rules.Allowed("/news/public/a"));
  EXPECT_FALSE(rules.Allowed("/news/public/drafts/a"));
  EXPECT_TRUE(rules.Allowed("/tie"));
  EXPECT_TRUE(rules.Allowed("/tie2"));
  EXPECT_TRUE(rules.Allowed("/other"));
}

TEST(RobotsRules, Rfc9309_2_2_2_EmptyDisallowAndRobotsTxtItself) {
  const RobotsRules rules =
      RobotsRules::Parse("user-agent: *\ndisallow:\n", "newsfacts");
  EXPECT_TRUE(rules.Allowed("/anything"));
  const RobotsRules all =
      RobotsRules::Parse("user-agent: *\ndisallow: /\n", "nf");
  EXPECT_FALSE(all.Allowed("/"));
  EXPECT_FALSE(all.Allowed(""));
  EXPECT_TRUE(all.Allowed("/robots.txt"));
}

// RFC 9309 2.2.3: '*' any sequence, '$' end of path.
TEST(RobotsRules, Rfc9309_2_2_3_SpecialCharacters) {
  constexpr char kBody[] =
      "user-agent: *\n"
      "disallow: /*.pdf$\n"
      "disallow: /private*/notes\n"
      "disallow: /exact$\n"
      "allow: /*.pdf$keep\n";
  const RobotsRules rules = RobotsRules::Parse(kBody, "newsfacts");
  EXPECT_FALSE(rules.Allowed("/files/report.pdf"));
  EXPECT_TRUE(rules.Allowed("/files/report.pdf?download=1"));
  EXPECT_TRUE(rules.Allowed("/files/report.pdfx"));
  EXPECT_FALSE(rules.Allowed("/private-2024/notes"));
  EXPECT_FALSE(rules.Allowed("/private/a/b/notes/x"));
  EXPECT_TRUE(rules.Allowed("/privatenotes"));
  EXPECT_FALSE(rules.Allowed("/exact"));
  EXPECT_TRUE(rules.Allowed("/exact/"));
  EXPECT_TRUE(rules.Allowed("/exactly"));
}

TEST(RobotsRules, WildcardsDoNotBacktrackExponentially) {
  std::string pattern = "/";
  for (int i = 0; i < 200; ++i) pattern += "*a";
  const RobotsRules rules =
      RobotsRules::Parse("user-agent: *\ndisallow: " + pattern + "b$\n", "nf");
  EXPECT_TRUE(rules.Allowed("/" + std::string(5000, 'a')));
}

// RFC 9309 2.2.2 with RFC 3986 6.2.2: percent-encoding is normalized on
// both sides before matching.
TEST(RobotsRules, Rfc9309_2_2_2_PercentEncodingNormalization) {
  constexpr char kBody[] =
      "user-agent: *\n"
      "disallow: /%7Euser/\n"
      "disallow: /путин\n"
      "disallow: /a%2fb\n";
  const RobotsRules rules = RobotsRules::Parse(kBody, "newsfacts");
  EXPECT_FALSE(rules.Allowed("/~user/page"));
  EXPECT_FALSE(rules.Allowed("/%7euser/page"));
  EXPECT_FALSE(rules.Allowed("/%D0%BF%D1%83%D1%82%D0%B8%D0%BD/1.html"));
  EXPECT_FALSE(rules.Allowed("/%d0%bf%d1%83%d1%82%d0%b8%d0%bd"));
  EXPECT_FALSE(rules.Allowed("/a%2Fb"));
  EXPECT_TRUE(rules.Allowed("/a/b"));  // an encoded '/' is not a '/'
}

// RFC 9309 2.3: BOM, line ends, comments, unknown keys.
TEST(RobotsRules, Rfc9309_2_3_FileFormat) {
  const std::string body =
      "\xEF\xBB\xBFuser-agent: * # everyone\r"
      "disallow: /cr-only # old Mac line ends\r"
      "unknown-key: whatever\n"
      "dissallow: /misspelled\n"
      "no colon here\n"
      "  Disallow :   /spaced   \n";
  const RobotsRules rules = RobotsRules::Parse(body, "newsfacts");
  EXPECT_FALSE(rules.Allowed("/cr-only"));
  EXPECT_FALSE(rules.Allowed("/spaced/x"));
  EXPECT_TRUE(rules.Allowed("/misspelled"));
  EXPECT_EQ(rules.rule_count(), 2u);
}

// RFC 9309 2.5: at least 500 KiB are parsed; we stop there.
TEST(RobotsRules, Rfc9309_2_5_ParsesOnlyTheFirst500KiB) {
  std::string body = "user-agent: *\ndisallow: /early\n";
  while (body.size() < RobotsRules::kMaxParseBytes + 1000) {
    body += "# padding padding padding padding padding padding padding\n";
  }
  body += "disallow: /late\n";
  const RobotsRules rules = RobotsRules::Parse(body, "newsfacts");
  EXPECT_FALSE(rules.Allowed("/early"));
  EXPECT_TRUE(rules.Allowed("/late"));
}

TEST(RobotsRules, CrawlDelayOfTheApplyingGroup) {
  constexpr char kBody[] =
      "user-agent: *\ncrawl-delay: 10\n\n"
      "user-agent: newsfacts\ncrawl-delay: 2.5\ndisallow: /x\n\n"
      "user-agent: slowbot\ncrawl-delay: soon\n";
  EXPECT_EQ(RobotsRules::Parse(kBody, "newsfacts").crawl_delay_seconds(), 2.5);
  EXPECT_EQ(RobotsRules::Parse(kBody, "other").crawl_delay_seconds(), 10.0);
  EXPECT_FALSE(
      RobotsRules::Parse(kBody, "slowbot").crawl_delay_seconds().has_value());
}

TEST(RobotsRules, SitemapLinesAreGlobalAndDeduplicated) {
  constexpr char kBody[] =
      "user-agent: a\n"
      "sitemap: https://ex.com/1.xml\n"
      "disallow: /a\n"
      "Sitemap: https://ex.com/2.xml\n"
      "SITEMAP: https://ex.com/1.xml\n";
  const RobotsRules rules = RobotsRules::Parse(kBody, "newsfacts");
  EXPECT_EQ(rules.sitemaps(),
            (std::vector<std::string>{"https://ex.com/1.xml",
                                      "https://ex.com/2.xml"}));
  EXPECT_TRUE(rules.Allowed("/a"));
  // A sitemap line between agent lines does not split the group.
  const RobotsRules grouped = RobotsRules::Parse(
      "user-agent: x\nsitemap: https://ex.com/s.xml\nuser-agent: newsfacts\n"
      "disallow: /g\n",
      "newsfacts");
  EXPECT_FALSE(grouped.Allowed("/g"));
}

TEST(RobotsRules, GarbageAllowsEverything) {
  const RobotsRules rules = RobotsRules::Parse(
      std::string("\x00\x01<html><body>Not found</body></html>", 38), "nf");
  EXPECT_TRUE(rules.Allowed("/x"));
}

// RFC 9309 2.3.1.3 and 2.3.1.4.
TEST(RobotsForStatus, StatusClassesDecideTheRules) {
  const std::string body = "user-agent: *\ndisallow: /x\n";
  const RobotsRules ok = RobotsForStatus(200, body, "newsfacts");
  EXPECT_FALSE(ok.Allowed("/x"));
  EXPECT_TRUE(ok.Allowed("/y"));
  EXPECT_FALSE(ok.retry_later());

  for (int status : {400, 401, 403, 404, 410, 301}) {
    const RobotsRules rules = RobotsForStatus(status, body, "newsfacts");
    EXPECT_TRUE(rules.Allowed("/x")) << status;
    EXPECT_FALSE(rules.retry_later()) << status;
  }
  for (int status : {500, 502, 503, 429, 0}) {
    const RobotsRules rules = RobotsForStatus(status, body, "newsfacts");
    EXPECT_FALSE(rules.Allowed("/y")) << status;
    EXPECT_TRUE(rules.Allowed("/robots.txt")) << status;
    EXPECT_TRUE(rules.retry_later()) << status;
  }
}

TEST(RobotsRules, FactoriesAndCopies) {
  EXPECT_TRUE(RobotsRules::AllowAll().Allowed("/a"));
  EXPECT_FALSE(RobotsRules::DisallowAll().Allowed("/a"));
  EXPECT_FALSE(RobotsRules::DisallowAll().retry_later());
  RobotsRules copy = RobotsRules::Parse(kPangeaLike, "nf");
  const RobotsRules again = copy;
  EXPECT_FALSE(again.Allowed("/api/x"));
}

}  // namespace
}  // namespace newsfacts
