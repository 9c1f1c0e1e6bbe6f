// The libcurl fetcher (ingest/fetcher.h) against the test site: limits,
// decoding, the address policy, redirects left to the caller, conditional
// headers, resets and timeouts.
#include "ingest/fetcher.h"

#include <gtest/gtest.h>

#include "tests/crawl/test_site.h"
#include "tests/test_util.h"

namespace newsfacts::testing {
namespace {

FetchResult FetchOne(const std::string& url, FetcherOptions options,
                     const std::string& etag = "") {
  auto fetcher = Fetcher::Create(options);
  EXPECT_TRUE(fetcher.ok());
  (*fetcher)->Start({.id = 7, .url = url, .if_none_match = etag});
  std::vector<FetchResult> out;
  while (out.empty()) {
    for (FetchResult& r : (*fetcher)->Poll(100)) out.push_back(std::move(r));
  }
  EXPECT_EQ((*fetcher)->in_flight(), 0u);
  EXPECT_EQ(out[0].id, 7u);
  return std::move(out[0]);
}

FetcherOptions Local() {
  FetcherOptions o;
  o.allow_private_addresses = true;
  o.max_body_bytes = 2u << 20;
  return o;
}

TEST(Fetcher, DecodesGzipAndRecordsHeadersAndAddress) {
  TestSite site;
  ASSERT_TRUE(site.ok());
  FetchResult r = FetchOne(site.a() + "/gzip.html", Local());
  ASSERT_EQ(r.error, FetchError::kNone) << r.status.ToString();
  EXPECT_EQ(r.http_status, 200);
  EXPECT_NE(r.body.find("Story number 1008"), std::string::npos);
  EXPECT_EQ(r.Header("content-encoding"), "gzip");
  EXPECT_EQ(r.primary_ip, "127.0.0.1");
  EXPECT_NE(r.request_head.find("GET /gzip.html"), std::string::npos);
  EXPECT_NE(r.response_head.find("HTTP/1.1 200"), std::string::npos);
}

TEST(Fetcher, StopsBombsAndChunkedBodiesAtTheCap) {
  TestSite site;
  ASSERT_TRUE(site.ok());
  for (const char* path : {"/bomb.html", "/big.html"}) {
    FetchResult r = FetchOne(site.a() + path, Local());
    EXPECT_EQ(r.error, FetchError::kTooLarge) << path << r.status.ToString();
    EXPECT_TRUE(r.body.empty()) << path;
    EXPECT_NE(r.status.message().find("too large"), std::string::npos);
  }
}

TEST(Fetcher, ACutConnectionIsAnErrorNotAShortBody) {
  TestSite site;
  ASSERT_TRUE(site.ok());
  FetchResult r = FetchOne(site.a() + "/reset.html", Local());
  EXPECT_EQ(r.error, FetchError::kNetwork) << r.status.ToString();
  EXPECT_TRUE(r.body.empty());
}

TEST(Fetcher, TimesOut) {
  TestSite site;
  ASSERT_TRUE(site.ok());
  FetcherOptions o = Local();
  o.total_timeout_ms = 100;
  FetchResult r = FetchOne(site.a() + "/slow.html", o);
  EXPECT_EQ(r.error, FetchError::kTimeout) << r.status.ToString();
}

TEST(Fetcher, LeavesRedirectsToTheCallerWithTheResolvedTarget) {
  TestSite site;
  ASSERT_TRUE(site.ok());
  FetchResult r = FetchOne(site.a() + "/r1", Local());
  ASSERT_EQ(r.error, FetchError::kNone);
  EXPECT_EQ(r.http_status, 301);
  EXPECT_EQ(r.location, site.a() + "/r2");
  EXPECT_EQ(site.Hits(site.a_host(), "/r2"), 0);
}

TEST(Fetcher, SendsConditionalHeaders) {
  TestSite site;
  ASSERT_TRUE(site.ok());
  FetchResult r = FetchOne(site.a() + "/feed.xml", Local(), "\"feed-v1\"");
  ASSERT_EQ(r.error, FetchError::kNone);
  EXPECT_EQ(r.http_status, 304);
  EXPECT_TRUE(r.body.empty());
}

TEST(Fetcher, RefusesNonPublicAddressesByDefault) {
  TestSite site;
  ASSERT_TRUE(site.ok());
  for (const std::string& url : {site.a() + "/a/1002.html",
                                 site.b() + "/a/2002.html"}) {
    FetchResult r = FetchOne(url, FetcherOptions{});
    EXPECT_EQ(r.error, FetchError::kBlockedAddress) << url;
  }
  EXPECT_TRUE(site.Requests().empty());
}

TEST(Fetcher, ClassifiesAddresses) {
  for (const char* ip : {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.9.9",
                         "192.168.1.1", "169.254.169.254", "100.64.0.1",
                         "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1",
                         "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
                         "::ffff:127.0.0.1", "::ffff:10.0.0.1", "not an ip"}) {
    EXPECT_TRUE(IsNonPublicAddress(ip)) << ip;
  }
  for (const char* ip : {"8.8.8.8", "172.32.0.1", "192.169.0.1",
                         "2a00:1450:4001::200e", "::ffff:8.8.8.8"}) {
    EXPECT_FALSE(IsNonPublicAddress(ip)) << ip;
  }
}

TEST(Fetcher, ReadsFileUrls) {
  TempDir dir;
  WriteFileOrDie(dir.File("p.html"), "<p>hello</p>");
  FetchResult r = FetchOne("file://" + dir.File("p.html"), FetcherOptions{});
  ASSERT_EQ(r.error, FetchError::kNone) << r.status.ToString();
  EXPECT_EQ(r.http_status, 200);
  EXPECT_EQ(r.body, "<p>hello</p>");
  r = FetchOne("file://" + dir.File("missing.html"), FetcherOptions{});
  EXPECT_NE(r.error, FetchError::kNone);
}

TEST(Fetcher, RunsTransfersInParallel) {
  TestSite site;
  ASSERT_TRUE(site.ok());
  auto fetcher = Fetcher::Create(Local());
  ASSERT_TRUE(fetcher.ok());
  // Three slow pages (300 ms each) on one event loop.
  for (uint64_t id = 1; id <= 3; ++id) {
    (*fetcher)->Start({.id = id, .url = site.a() + "/slow.html"});
  }
  int done = 0;
  while ((*fetcher)->in_flight() > 0) {
    for (FetchResult& r : (*fetcher)->Poll(100)) {
      EXPECT_EQ(r.error, FetchError::kNone);
      ++done;
    }
  }
  EXPECT_EQ(done, 3);
  EXPECT_GE(site.MaxConcurrentSlow(), 2);
}

}  // namespace
}  // namespace newsfacts::testing
