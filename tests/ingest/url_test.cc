#include "ingest/url.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace newsfacts {
namespace {

struct NormalizeCase {
  const char* in;
  const char* want;
};

TEST(NormalizeUrl, MakesOneSpellingPerPage) {
  const NormalizeCase cases[] = {
      // Case of scheme and host; the path keeps its case.
      {"HTTPS://WWW.RFERL.ORG/A/Story.html",
       "https://www.rferl.org/A/Story.html"},
      // Default ports go, others stay.
      {"http://example.com:80/x", "http://example.com/x"},
      {"https://example.com:443/x", "https://example.com/x"},
      {"https://example.com:8443/x", "https://example.com:8443/x"},
      {"http://example.com:443/x", "http://example.com:443/x"},
      // Fragment.
      {"https://example.com/a#comments", "https://example.com/a"},
      // Empty path.
      {"https://example.com", "https://example.com/"},
      {"https://example.com?q=1", "https://example.com/?q=1"},
      // Dot segments (RFC 3986 5.2.4).
      {"https://example.com/a/./b/../c", "https://example.com/a/c"},
      {"https://example.com/a/b/../../../c", "https://example.com/c"},
      // Tracking parameters; the rest keep their order.
      {"https://www.rferl.org/a/x/1.html?utm_source=tw&utm_medium=social",
       "https://www.rferl.org/a/x/1.html"},
      {"https://ex.com/p?b=2&fbclid=IwAR0&a=1&gclid=x",
       "https://ex.com/p?b=2&a=1"},
      {"https://ex.com/p?UTM_Campaign=z&id=7&mc_cid=1&mc_eid=2",
       "https://ex.com/p?id=7"},
      {"https://www.rferl.org/a/x/2.html?layout=amp&fb_comment_id=55",
       "https://www.rferl.org/a/x/2.html"},
      {"https://ex.com/p?ocid=x&cmpid=y", "https://ex.com/p"},
      // A parameter that only starts like one is kept.
      {"https://ex.com/p?layouts=3&utm=1", "https://ex.com/p?layouts=3&utm=1"},
      // Empty and valueless parameters other than trackers stay.
      {"https://ex.com/p?a&b=", "https://ex.com/p?a&b="},
      // IDN host: kept as given, lowercased.
      {"https://ПРЕЗИДЕНТ.РФ/news", "https://президент.рф/news"},
      // Raw non-ASCII in the path is percent-encoded as browsers do.
      {"https://www.svoboda.org/a/путин/1.html",
       "https://www.svoboda.org/a/%D0%BF%D1%83%D1%82%D0%B8%D0%BD/1.html"},
      // Surrounding whitespace (feed links are often indented).
      {"  \n https://ex.com/a \n", "https://ex.com/a"},
      // IPv6 literal.
      {"http://[::1]:80/x", "http://[::1]/x"},
  };
  for (const auto& c : cases) {
    Result<std::string> got = NormalizeUrl(c.in);
    ASSERT_OK(got);
    EXPECT_EQ(*got, c.want) << c.in;
  }
}

TEST(NormalizeUrl, IsIdempotent) {
  for (const char* url :
       {"HTTPS://Ex.COM:443/a/../b?utm_x=1&k=v#f", "https://ex.com",
        "https://президент.рф/a/путин?x=1"}) {
    Result<std::string> once = NormalizeUrl(url);
    ASSERT_OK(once);
    Result<std::string> twice = NormalizeUrl(*once);
    ASSERT_OK(twice);
    EXPECT_EQ(*once, *twice);
  }
}

TEST(NormalizeUrl, RejectsWhatCannotBeFetched) {
  for (const char* url : {"", "/a/relative.html", "relative", "mailto:x@y.org",
                          "javascript:void(0)", "ftp://ex.com/f", "http://",
                          "https://exa mple.com:x/"}) {
    EXPECT_FALSE(NormalizeUrl(url).ok()) << url;
  }
}

TEST(ResolveUrl, FollowsRfc3986Section5) {
  // RFC 3986 5.4.1 "normal examples" against base http://a/b/c/d;p?q.
  const std::string base = "http://a/b/c/d;p?q";
  const NormalizeCase cases[] = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {";x", "http://a/b/c/;x"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../g", "http://a/g"},
      // 5.4.2 abnormal examples.
      {"../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {"g/../h", "http://a/b/c/h"},
  };
  for (const auto& c : cases) {
    Result<std::string> got = ResolveUrl(base, c.in);
    ASSERT_OK(got);
    EXPECT_EQ(*got, c.want) << c.in;
  }
}

TEST(ResolveUrl, HandlesFeedShapedLinks) {
  Result<std::string> got =
      ResolveUrl("https://www.rferl.org/api/zq", "  /a/story/33.html\n");
  ASSERT_OK(got);
  EXPECT_EQ(*got, "https://www.rferl.org/a/story/33.html");
  EXPECT_FALSE(ResolveUrl("not a base", "/x").ok());
  EXPECT_FALSE(ResolveUrl("/relative/base", "/x").ok());
}

TEST(UrlParts, HostOriginPathAndQuery) {
  EXPECT_EQ(UrlHost("https://WWW.RFERL.org:8080/a?b#c"), "www.rferl.org");
  EXPECT_EQ(UrlHost("http://[2001:db8::1]:8080/"), "2001:db8::1");
  EXPECT_EQ(UrlHost("file:///tmp/x.xml"), "");
  EXPECT_EQ(UrlHost("no url"), "");
  EXPECT_EQ(UrlOrigin("HTTPS://WWW.RFERL.org:443/a?b#c"),
            "https://www.rferl.org");
  EXPECT_EQ(UrlOrigin("http://127.0.0.2:8080/robots.txt"),
            "http://127.0.0.2:8080");
  EXPECT_EQ(UrlOrigin("file:///tmp/x.xml"), "");
  EXPECT_EQ(UrlPathAndQuery("https://ex.com/a/b?c=d&e#frag"), "/a/b?c=d&e");
  EXPECT_EQ(UrlPathAndQuery("https://ex.com"), "/");
  EXPECT_EQ(UrlPathAndQuery("https://ex.com?x"), "/?x");
  EXPECT_EQ(UrlPathAndQuery("relative"), "");
}

TEST(RegistrableDomain, UsesThePublicSuffixList) {
  EXPECT_EQ(RegistrableDomain("www.rferl.org"), "rferl.org");
  EXPECT_EQ(RegistrableDomain("news.bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(RegistrableDomain("rferl.org"), "rferl.org");
  EXPECT_EQ(RegistrableDomain("WWW.Svoboda.ORG"), "svoboda.org");
  EXPECT_EQ(RegistrableDomain("127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(RegistrableDomain("co.uk"), "co.uk");
}

TEST(DedupKey, PangeaArticlesShareTheirNumericId) {
  const std::string a = *NormalizeUrl(
      "https://www.rferl.org/a/russia-protest-arrests/33012345.html");
  const std::string b = *NormalizeUrl(
      "https://rferl.org/a/other-slug-after-edit/33012345.html?utm_source=x");
  const std::string c = *NormalizeUrl("https://www.rferl.org/a/33012345.html");
  EXPECT_EQ(DedupKey(a), "pangea:rferl.org:33012345");
  EXPECT_EQ(DedupKey(b), DedupKey(a));
  EXPECT_EQ(DedupKey(c), DedupKey(a));
  // Another site's article with the same number is another article.
  EXPECT_EQ(DedupKey("https://www.voanews.com/a/x/33012345.html"),
            "pangea:voanews.com:33012345");
}

TEST(DedupKey, OtherUrlsAreTheirOwnKey) {
  for (const char* url :
       {"https://www.rferl.org/z/330", "https://www.rferl.org/a/slug/abc.html",
        "https://www.rferl.org/a/x/y/123.html", "https://ex.com/a/.html",
        "https://ex.com/news/2024/01/story.html",
        "https://www.rferl.org/a//123.html"}) {
    EXPECT_EQ(DedupKey(url), url);
  }
}

}  // namespace
}  // namespace newsfacts
