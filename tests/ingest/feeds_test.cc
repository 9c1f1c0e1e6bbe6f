#include "ingest/feeds.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/source_util.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::ReadFileOrDie;

std::string Source(const std::string& name) {
  return ReadFileOrDie(testing::TestdataDir() + "/sources/" + name);
}

constexpr char kFeedUrl[] = "https://www.example-pangea.org/api/zqiteuuir";

TEST(ParseFeed, Rss2ItemsWithLinksTitlesAndDates) {
  Result<std::vector<FeedItem>> items = ParseFeed(Source("rss2.xml"), kFeedUrl);
  ASSERT_OK(items);
  ASSERT_EQ(items->size(), 4u);  // the item without any URL is skipped
  const FeedItem& first = (*items)[0];
  EXPECT_EQ(first.url,
            "https://www.example-pangea.org/a/court-sentences-activist/"
            "33012345.html");
  EXPECT_EQ(first.title, "Court Sentences Activist To Five Years & A Fine");
  EXPECT_EQ(first.published, "2026-11-28T15:02:31Z");  // +0300 to UTC
  EXPECT_EQ(first.id, "https://www.example-pangea.org/a/33012345.html");

  // Relative link, CDATA title, two-digit year and no seconds.
  EXPECT_EQ((*items)[1].url,
            "https://www.example-pangea.org/a/dozens-detained-minsk/"
            "33012346.html");
  EXPECT_EQ((*items)[1].title, "Dozens Detained At <Rally> In Minsk");
  EXPECT_EQ((*items)[1].published, "2026-11-27T09:15:00Z");

  // A permalink guid stands in for the link; dc:date with an offset.
  EXPECT_EQ((*items)[2].url,
            "https://www.example-pangea.org/a/guid-only/33012347.html");
  EXPECT_EQ((*items)[2].published, "2026-11-26T12:00:00Z");

  // An unparsable date is left empty, the item kept.
  EXPECT_EQ((*items)[3].title, "Bad date");
  EXPECT_EQ((*items)[3].published, "");
}

TEST(ParseFeed, AtomAlternateLinksAgainstXmlBase) {
  Result<std::vector<FeedItem>> items =
      ParseFeed(Source("atom.xml"), "https://news.example.com/feeds/atom.xml");
  ASSERT_OK(items);
  ASSERT_EQ(items->size(), 2u);  // the enclosure-only entry is no page
  const FeedItem& first = (*items)[0];
  EXPECT_EQ(first.url,
            "https://news.example.com/world/2026/11/28/talks-resume");
  EXPECT_EQ(first.title, "Talks resume in Geneva & Vienna");
  EXPECT_EQ(first.published, "2026-11-28T08:30:00Z");
  EXPECT_EQ(first.updated, "2026-11-28T11:00:00Z");
  EXPECT_EQ(first.id, "tag:news.example.com,2026:1");
  // An entry's own xml:base, relative to the feed's.
  EXPECT_EQ((*items)[1].url, "https://news.example.com/other/story-2");
  EXPECT_EQ((*items)[1].published, "");
  EXPECT_EQ((*items)[1].updated, "2026-11-27");
}

TEST(ParseFeed, Rss1RdfItemsNextToTheChannel) {
  Result<std::vector<FeedItem>> items =
      ParseFeed(Source("rss1.rdf"), "https://blog.example.net/index.rdf");
  ASSERT_OK(items);
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[0].url, "https://blog.example.net/2026/11/first");
  EXPECT_EQ((*items)[0].title, "First post");
  EXPECT_EQ((*items)[0].published, "2026-11-20T08:00:00Z");
  // No <link>: rdf:about is the item's URL.
  EXPECT_EQ((*items)[1].url, "https://blog.example.net/2026/11/second");
  EXPECT_EQ((*items)[1].id, "https://blog.example.net/2026/11/second");
  EXPECT_EQ((*items)[1].published, "2026-11-21");
}

TEST(ParseFeed, LegacyCharsetDeclaredInTheXmlDeclaration) {
  const std::string xml = testing::Encode(
      "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n"
      "<rss version=\"2.0\"><channel><item><title>Суд над активистом</title>"
      "<link>https://www.svoboda.org/a/1.html</link></item></channel></rss>",
      "windows-1251");
  Result<std::vector<FeedItem>> items = ParseFeed(xml, "");
  ASSERT_OK(items);
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ((*items)[0].title, "Суд над активистом");
}

TEST(ParseFeed, GzipFeed) {
  Result<std::vector<FeedItem>> items =
      ParseFeed(testing::GzipBytes(Source("rss1.rdf")), "");
  ASSERT_OK(items);
  EXPECT_EQ(items->size(), 2u);
}

TEST(ParseFeed, MalformedXmlNamesLineAndColumn) {
  Result<std::vector<FeedItem>> items =
      ParseFeed(Source("malformed-feed.xml"), kFeedUrl);
  ASSERT_FALSE(items.ok());
  EXPECT_EQ(items.status().code(), Status::Code::kCorruption);
  EXPECT_NE(items.status().message().find("line 6, column"), std::string::npos)
      << items.status().message();
}

TEST(ParseFeed, TruncatedAndEmptyInputsFailCleanly) {
  const std::string rss = Source("rss2.xml");
  for (size_t cut :
       {size_t{0}, size_t{1}, size_t{40}, rss.size() / 2, rss.size() - 10}) {
    Result<std::vector<FeedItem>> items = ParseFeed(rss.substr(0, cut), "");
    EXPECT_FALSE(items.ok()) << cut;
  }
}

TEST(ParseFeed, WellFormedXmlThatIsNotAFeed) {
  Result<std::vector<FeedItem>> items =
      ParseFeed(Source("news-sitemap.xml"), "");
  ASSERT_FALSE(items.ok());
  EXPECT_EQ(items.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(items.status().message().find("<urlset>"), std::string::npos);
}

// XXE: external entities are neither read from disk nor fetched.
TEST(ParseFeed, ExternalEntitiesAreNeverLoaded) {
  Result<std::vector<FeedItem>> items = ParseFeed(Source("xxe-feed.xml"), "");
  if (!items.ok()) return;  // refusing the document is fine too
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ((*items)[0].title, "Leak:");
  EXPECT_EQ((*items)[0].title.find("root:"), std::string::npos);
  EXPECT_EQ((*items)[0].url, "https://example.com/a");
}

// Billion laughs: nested entities are not expanded (1e9 "lol"s would be 3 GB).
TEST(ParseFeed, EntityExpansionIsNotPerformed) {
  Result<std::vector<FeedItem>> items =
      ParseFeed(Source("billion-laughs-feed.xml"), "");
  if (!items.ok()) return;  // libxml2 may refuse the document outright
  for (const FeedItem& item : *items) {
    EXPECT_LT(item.title.size(), 100u);
  }
}

TEST(SniffSource, RootElementThenContentType) {
  EXPECT_EQ(SniffSource(Source("rss2.xml"), "text/xml"), SourceKind::kFeed);
  EXPECT_EQ(SniffSource(Source("rss1.rdf"), ""), SourceKind::kFeed);
  EXPECT_EQ(SniffSource(Source("atom.xml"), "application/octet-stream"),
            SourceKind::kFeed);
  EXPECT_EQ(SniffSource(Source("news-sitemap.xml"), "text/html"),
            SourceKind::kSitemap);
  EXPECT_EQ(SniffSource(Source("sitemap-index.xml"), ""),
            SourceKind::kSitemapIndex);
  EXPECT_EQ(SniffSource(testing::GzipBytes(Source("sitemap-index.xml")),
                        "application/x-gzip"),
            SourceKind::kSitemapIndex);
  EXPECT_EQ(SniffSource(Source("home.html"), ""), SourceKind::kHtml);
  EXPECT_EQ(SniffSource("<div>fragment</div>", "text/html; charset=utf-8"),
            SourceKind::kHtml);
  EXPECT_EQ(SniffSource(Source("sitemap.txt"), "text/plain"),
            SourceKind::kSitemap);
  EXPECT_EQ(SniffSource("{\"a\": 1}", "application/json"),
            SourceKind::kUnknown);
  EXPECT_EQ(SniffSource("", ""), SourceKind::kUnknown);
  EXPECT_EQ(
      SniffSource("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<rss>", ""),
      SourceKind::kFeed);
  EXPECT_STREQ(SourceKindName(SourceKind::kSitemapIndex), "sitemap index");
}

TEST(FeedLinksInHtml, AlternateFeedLinksInTheHead) {
  const std::vector<std::string> links =
      FeedLinksInHtml(Source("home.html"), "https://www.example-pangea.org/");
  // Not found: the one in <title>, in a comment, in a <script> string, in
  // <body>, the stylesheet and the hreflang alternate. The duplicate goes.
  EXPECT_EQ(links, (std::vector<std::string>{
                       "https://www.example-pangea.org/api/zqiteuuir",
                       "https://www.example-pangea.org/atom.xml?a=1&b=2"}));
}

TEST(FeedLinksInHtml, BaseHrefAndNoLinks) {
  const std::string html =
      "<html><head><base href=\"https://cdn.example.org/en/\">"
      "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"rss.xml\">"
      "</head></html>";
  EXPECT_EQ(FeedLinksInHtml(html, "https://www.example.org/"),
            (std::vector<std::string>{"https://cdn.example.org/en/rss.xml"}));
  EXPECT_TRUE(FeedLinksInHtml("<html><head></head><body>x</body></html>",
                              "https://www.example.org/")
                  .empty());
  EXPECT_TRUE(FeedLinksInHtml("<link rel=alternate type=application/rss+xml",
                              "https://www.example.org/")
                  .empty());
}

struct DateCase {
  const char* in;
  const char* want;
};

TEST(FeedDates, Rfc822AsInRssPubDate) {
  const DateCase cases[] = {
      {"Sat, 28 Nov 2026 18:02:31 GMT", "2026-11-28T18:02:31Z"},
      {"Sat, 28 Nov 2026 18:02:31 +0300", "2026-11-28T15:02:31Z"},
      {"28 Nov 2026 18:02 -0500", "2026-11-28T23:02:00Z"},
      {"Sat, 28 Nov 26 23:30:00 EST", "2026-11-29T04:30:00Z"},
      {"Mon, 1 Jan 2024 00:00:00 PDT", "2024-01-01T07:00:00Z"},
      {"Thu, 29 Feb 2024 12:00:00 Z", "2024-02-29T12:00:00Z"},
      {"Sat,28 Nov 2026 18:02:31 +03:00", "2026-11-28T15:02:31Z"},
      {"Saturday, 28 November 2026 18:02:31 UT", "2026-11-28T18:02:31Z"},
      {"Fri, 29 Feb 2025 12:00:00 GMT", ""},  // no such day
      {"Sat, 28 Nov 2026 25:00:00 GMT", ""},
      {"yesterday", ""},
      {"", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ingest_internal::Rfc822DateToIso(c.in), c.want) << c.in;
  }
}

TEST(FeedDates, W3cDatetimeAsInSitemapsAndAtom) {
  const DateCase cases[] = {
      {"2026-11-28T18:02:31+03:00", "2026-11-28T15:02:31Z"},
      {"2026-11-28T18:02:31.123Z", "2026-11-28T18:02:31Z"},
      {"2026-11-28T18:02Z", "2026-11-28T18:02:00Z"},
      {"2026-11-28T23:30:00-0100", "2026-11-29T00:30:00Z"},
      {"2026-11-28T18:02:31", "2026-11-28T18:02:31Z"},
      {" 2026-11-28 ", "2026-11-28"},
      {"2026-11", "2026-11"},
      {"2026", "2026"},
      {"2026-13-01", ""},
      {"2026-11-28T18", ""},
      {"28.11.2026", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ingest_internal::W3cDateToIso(c.in), c.want) << c.in;
  }
  EXPECT_EQ(ingest_internal::AnyDateToIso("Sat, 28 Nov 2026 18:02:31 GMT"),
            "2026-11-28T18:02:31Z");
}

}  // namespace
}  // namespace newsfacts
