#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/feeds.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::ReadFileOrDie;

std::string Source(const std::string& name) {
  return ReadFileOrDie(testing::TestdataDir() + "/sources/" + name);
}

constexpr char kSitemapUrl[] = "https://www.example-pangea.org/sitemap.xml";

Status Collect(std::string_view bytes, std::vector<SitemapEntry>* out,
               const SitemapOptions& options = {}) {
  return ParseSitemap(
      bytes, kSitemapUrl,
      [out](SitemapEntry e) { out->push_back(std::move(e)); }, options);
}

TEST(ParseSitemap, GoogleNewsSitemap) {
  std::vector<SitemapEntry> entries;
  ASSERT_OK(Collect(Source("news-sitemap.xml"), &entries));
  ASSERT_EQ(entries.size(), 3u);  // the <url> without <loc> is skipped
  const SitemapEntry& first = entries[0];
  EXPECT_EQ(first.url,
            "https://www.example-pangea.org/a/court-sentences-activist/"
            "33012345.html");
  EXPECT_EQ(first.lastmod, "2026-11-28T15:10:00Z");
  EXPECT_EQ(first.news_publication_date, "2026-11-28T15:02:31Z");
  // news:title, not image:title; image:loc is not the entry's loc.
  EXPECT_EQ(first.news_title, "Court Sentences Activist To Five Years");
  EXPECT_FALSE(first.is_sitemap);

  EXPECT_EQ(entries[1].url,
            "https://www.example-pangea.org/a/dozens-detained-minsk/"
            "33012346.html");
  EXPECT_EQ(entries[1].lastmod, "");
  EXPECT_EQ(entries[1].news_publication_date, "2026-11-27");
  EXPECT_EQ(entries[1].news_title, "Dozens Detained & Beaten");

  EXPECT_EQ(entries[2].url, "https://www.example-pangea.org/z/330");
  EXPECT_EQ(entries[2].lastmod, "2026-11-01");
  EXPECT_EQ(entries[2].news_title, "");
}

TEST(ParseSitemap, SitemapIndexEntriesAreSitemaps) {
  std::vector<SitemapEntry> entries;
  ASSERT_OK(Collect(Source("sitemap-index.xml"), &entries));
  ASSERT_EQ(entries.size(), 3u);
  for (const SitemapEntry& e : entries) EXPECT_TRUE(e.is_sitemap) << e.url;
  EXPECT_EQ(entries[0].url, "https://www.example-pangea.org/sitemap_news.xml");
  EXPECT_EQ(entries[0].lastmod, "2026-11-28T18:30:00Z");
  EXPECT_EQ(entries[1].url,
            "https://www.example-pangea.org/sitemap_2026_11.xml.gz");
  // A relative <loc> (against the protocol, but seen) is resolved.
  EXPECT_EQ(entries[2].url,
            "https://www.example-pangea.org/sitemap_2026_10.xml.gz");
}

TEST(ParseSitemap, GzipSitemapIsInflatedWhateverItsName) {
  std::vector<SitemapEntry> entries;
  ASSERT_OK(Collect(testing::GzipBytes(Source("news-sitemap.xml")), &entries));
  EXPECT_EQ(entries.size(), 3u);
}

TEST(ParseSitemap, GzipBombIsRefused) {
  // 64 MiB of spaces inside a urlset compress to about 64 KiB.
  std::string xml = "<urlset>" + std::string(64u << 20, ' ') + "</urlset>";
  const std::string gz = testing::GzipBytes(xml);
  xml.clear();
  xml.shrink_to_fit();
  std::vector<SitemapEntry> entries;
  SitemapOptions options;
  options.max_decoded_bytes = 1u << 20;
  const Status s = Collect(gz, &entries, options);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("limit"), std::string::npos) << s.ToString();
  EXPECT_TRUE(entries.empty());
}

TEST(ParseSitemap, PlainTextSitemap) {
  std::vector<SitemapEntry> entries;
  ASSERT_OK(Collect(Source("sitemap.txt"), &entries));
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].url, "https://www.example-pangea.org/a/one/1.html");
  EXPECT_EQ(entries[2].url, "https://www.example-pangea.org/a/three/3.html");
  // CRLF line ends.
  entries.clear();
  ASSERT_OK(Collect("https://ex.com/a\r\nhttps://ex.com/b\r\n", &entries));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].url, "https://ex.com/a");
}

TEST(ParseSitemap, TruncatedXmlIsCorruptionWithPosition) {
  std::vector<SitemapEntry> entries;
  const Status s = Collect(Source("truncated-sitemap.xml"), &entries);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("line "), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("column "), std::string::npos) << s.message();
  // Whatever was delivered before the error is a real, complete entry.
  EXPECT_LE(entries.size(), 2u);
  for (const SitemapEntry& e : entries) {
    EXPECT_NE(e.url.find(".html"), std::string::npos) << e.url;
  }
}

TEST(ParseSitemap, NotASitemap) {
  std::vector<SitemapEntry> entries;
  Status s = Collect(Source("rss2.xml"), &entries);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("<rss>"), std::string::npos) << s.message();
  EXPECT_FALSE(Collect("", &entries).ok());
  EXPECT_FALSE(Collect("   \n", &entries).ok());
  EXPECT_TRUE(entries.empty());
}

TEST(ParseSitemap, EntityExpansionIsNotPerformed) {
  std::vector<SitemapEntry> entries;
  const Status s = Collect(Source("billion-laughs-sitemap.xml"), &entries);
  for (const SitemapEntry& e : entries) EXPECT_LT(e.url.size(), 200u);
  if (s.ok()) EXPECT_LE(entries.size(), 1u);
}

TEST(ParseSitemap, ExternalEntitiesAreNeverLoaded) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE urlset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<url><loc>https://ex.com/&x;</loc></url></urlset>";
  std::vector<SitemapEntry> entries;
  const Status s = Collect(xml, &entries);
  for (const SitemapEntry& e : entries) {
    EXPECT_EQ(e.url.find("root"), std::string::npos) << e.url;
  }
  if (s.ok()) {
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].url, "https://ex.com/");
  }
}

// A sitemap at the protocol's limit (50,000 URLs) and twice that: streamed
// entry by entry; the callback sees each one once, in order.
TEST(ParseSitemap, LargeSitemapIsStreamed) {
  constexpr int kUrls = 100000;
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (int i = 0; i < kUrls; ++i) {
    xml += "<url><loc>https://www.example-pangea.org/a/story-" +
           std::to_string(i) + "/" + std::to_string(30000000 + i) +
           ".html</loc><lastmod>2026-11-28</lastmod></url>\n";
  }
  xml += "</urlset>\n";
  int count = 0;
  bool in_order = true;
  const Status s =
      ParseSitemap(testing::GzipBytes(xml), kSitemapUrl, [&](SitemapEntry e) {
        const std::string want =
            "/" + std::to_string(30000000 + count) + ".html";
        in_order =
            in_order && e.url.size() > want.size() &&
            e.url.compare(e.url.size() - want.size(), want.size(), want) == 0;
        ++count;
      });
  ASSERT_OK(s);
  EXPECT_EQ(count, kUrls);
  EXPECT_TRUE(in_order);
}

}  // namespace
}  // namespace newsfacts
