// URL normalization, resolution and de-duplication keys for the crawler.
//
// Every URL the crawler queues goes through NormalizeUrl first, so that one
// page reached by several spellings (upper-case host, default port, a
// fragment, tracking parameters) is one frontier row. DedupKey goes one step
// further for Pangea sites (rferl.org, voanews.com, ...), whose article URLs
// carry a numeric id: `/a/<slug>/<id>.html` and `/a/<id>.html` name the same
// article whatever the slug, so they share one key.
//
//   Result<std::string> url =
//       NormalizeUrl("HTTPS://WWW.RFERL.ORG:443/a/x/1.html?utm_source=t#top");
//   // -> "https://www.rferl.org/a/x/1.html"
//   Result<std::string> abs = ResolveUrl("https://www.rferl.org/a/b/", "../c");
//   // -> "https://www.rferl.org/a/c"
//   std::string key = DedupKey(*url);  // "pangea:rferl.org:1"
//
// RFC 3986 parsing, reference resolution and dot-segment removal are done by
// liburiparser; the registrable domain ("eTLD+1") comes from libpsl and the
// Public Suffix List installed with it.
//
// Thread-safety: free functions with no shared mutable state; safe for
// concurrent use.
#ifndef NEWSFACTS_INGEST_URL_H_
#define NEWSFACTS_INGEST_URL_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace newsfacts {

// Normalizes an absolute URL:
//  - scheme and host lowercased (IDN hosts are kept as given, lowercased;
//    no punycode conversion), empty path of an http(s) URL becomes "/";
//  - default ports dropped (":80" for http, ":443" for https);
//  - fragment dropped;
//  - dot segments removed ("/a/./b/../c" -> "/a/c", RFC 3986 5.2.4);
//  - tracking query parameters removed: `utm_*`, `fbclid`, `gclid`,
//    `mc_cid`, `mc_eid`, `ocid`, `cmpid`, `fb_comment_id` and Pangea's
//    `layout` (names compared case-insensitively); the other parameters keep
//    their order and spelling; a query left empty loses its "?".
// Percent-encoding and case elsewhere are left alone (no sorting, no
// re-encoding), so the result stays a URL the server understands.
// Fails with InvalidArgument on text that is not an absolute URL with a
// scheme, and on schemes other than http, https and file.
Result<std::string> NormalizeUrl(std::string_view url);

// Resolves `ref` against the absolute URL `base` (RFC 3986 section 5.2), e.g.
// a feed item's link against the feed URL. The result is not normalized;
// pass it to NormalizeUrl before queueing. Surrounding whitespace in `ref`
// is ignored (feeds often indent their links). Fails with InvalidArgument
// when either part does not parse or `base` is not absolute.
Result<std::string> ResolveUrl(std::string_view base, std::string_view ref);

// The host of an absolute URL, lowercased, without port or brackets around
// IPv6 literals ("" when the URL has no host or does not parse).
std::string UrlHost(std::string_view url);

// "scheme://host[:port]" with scheme and host lowercased and a default port
// dropped; the key for per-host politeness and robots.txt caching.
// "" when the URL does not parse or has no host.
std::string UrlOrigin(std::string_view url);

// The path and query of an absolute URL as they appear in it ("/a/b?x=1"),
// "/" for an empty path; what robots.txt rules are matched against.
// "" when the URL does not parse.
std::string UrlPathAndQuery(std::string_view url);

// The registrable domain of a host (public suffix + one label, via libpsl):
// "www.rferl.org" -> "rferl.org", "news.bbc.co.uk" -> "bbc.co.uk". IP
// addresses and hosts that are themselves a public suffix come back as given
// (lowercased).
std::string RegistrableDomain(std::string_view host);

// The key under which a page is stored once. REQUIRES: `normalized_url` came
// from NormalizeUrl. For Pangea article URLs (path `/a/<slug>/<digits>.html`
// or `/a/<digits>.html`, query ignored) the key is "pangea:<registrable
// domain>:<digits>"; for every other URL it is the normalized URL itself.
std::string DedupKey(std::string_view normalized_url);

}  // namespace newsfacts

#endif  // NEWSFACTS_INGEST_URL_H_
