// Crawl sources: RSS/Atom feeds, XML and text sitemaps, feed links in HTML.
//
// The crawler fetches a seed, asks SniffSource what it is, and turns it into
// article URLs (ParseFeed, ParseSitemap) or more seeds (sitemap indexes,
// FeedLinksInHtml on a site's home page).
//
//   switch (SniffSource(body, content_type)) {
//     case SourceKind::kFeed: {
//       Result<std::vector<FeedItem>> items = ParseFeed(body, feed_url);
//       ...
//     }
//     case SourceKind::kSitemap:
//     case SourceKind::kSitemapIndex:
//       Status s = ParseSitemap(body, sitemap_url, [&](SitemapEntry e) {
//         if (e.is_sitemap) QueueSitemap(e.url); else QueueArticle(e.url);
//       });
//   }
//
// XML is read with libxml2, safely: no entity substitution, no DTD loading,
// no network (XML_PARSE_NONET), libxml2's entity-amplification guard on, so
// external entities (XXE) are never read and "billion laughs" documents fail
// fast instead of exhausting memory. Malformed XML gives Corruption naming
// the line and column; it never crashes. Sitemaps are streamed with
// xmlTextReader (memory stays flat however many URLs a sitemap holds,
// beyond the input bytes themselves); feeds are small and parsed to a tree.
//
// URLs come out resolved against the document's base (xml:base in Atom,
// else `base_url`) but NOT normalized: call NormalizeUrl before queueing.
// Dates come out as ISO 8601 UTC "YYYY-MM-DDTHH:MM:SSZ" (or "YYYY-MM-DD"
// when the source gives only a day), "" when absent or unparsable.
//
// Thread-safety: free functions with no shared mutable state; safe for
// concurrent use (libxml2 is initialized once, thread-safely).
#ifndef NEWSFACTS_INGEST_FEEDS_H_
#define NEWSFACTS_INGEST_FEEDS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace newsfacts {

struct FeedItem {
  std::string url;        // absolute, not normalized
  std::string title;      // text, entities decoded, whitespace collapsed
  std::string published;  // ISO 8601 UTC, or ""
  std::string updated;    // ISO 8601 UTC (Atom <updated>), or ""
  std::string id;         // <guid> / <id> / rdf:about as given, or ""
};

// Parses an RSS 2.0 (<rss><channel><item>), RSS 1.0 (RDF <item> siblings of
// <channel>) or Atom (<feed><entry>) document. Item links: RSS <link>, else
// a <guid isPermaLink> that is a URL; Atom <link rel="alternate"> (or a link
// without rel; entries with only self/edit/enclosure links are skipped).
// Dates: RSS <pubDate> (RFC
// 822/1123, two-digit years and named zones accepted), <dc:date>
// (ISO 8601), Atom <published>, <updated>. Items without a usable URL are
// skipped. A gzip body is inflated first (cap 64 MiB). Fails with
// Corruption on malformed XML and with InvalidArgument on well-formed XML
// that is not a feed.
Result<std::vector<FeedItem>> ParseFeed(std::string_view xml,
                                        std::string_view base_url);

struct SitemapEntry {
  std::string url;                    // <loc>, absolute, not normalized
  std::string lastmod;                // ISO 8601 UTC, or ""
  std::string news_publication_date;  // news:publication_date, ISO 8601 UTC
  std::string news_title;             // news:title, or ""
  bool is_sitemap = false;            // true for entries of a <sitemapindex>
};

struct SitemapOptions {
  // Gzip sitemaps larger than this once inflated are refused (a small bomb
  // cannot exhaust memory). The sitemaps protocol caps files at 50 MB.
  // Default: 100 MiB.
  size_t max_decoded_bytes = 100u << 20;
};

// Streams the entries of a sitemap to `on_entry`, in document order:
// <urlset><url> entries (with the Google News extension,
// http://www.google.com/schemas/sitemap-news/0.9) and <sitemapindex>
// <sitemap> entries (is_sitemap = true). Gzip bodies (detected by their
// magic bytes, whatever the Content-Type) are inflated first. A body that
// is not XML is read as a plain-text sitemap: one absolute http(s) URL per
// line, other lines ignored. Entries seen before a parse error have already
// been delivered when the Corruption status is returned.
Status ParseSitemap(std::string_view bytes, std::string_view base_url,
                    const std::function<void(SitemapEntry)>& on_entry);
Status ParseSitemap(std::string_view bytes, std::string_view base_url,
                    const std::function<void(SitemapEntry)>& on_entry,
                    const SitemapOptions& options);

enum class SourceKind { kFeed, kSitemap, kSitemapIndex, kHtml, kUnknown };
const char* SourceKindName(SourceKind kind);  // "feed", "sitemap", ...

// Guesses what a fetched seed is from its first bytes (the root element of
// XML; gzip bodies are inflated to look), falling back to the Content-Type
// header: <rss>, <rdf:RDF>, <feed> -> kFeed; <urlset> -> kSitemap;
// <sitemapindex> -> kSitemapIndex; HTML markup or text/html -> kHtml;
// text/plain whose first line is an http(s) URL -> kSitemap; else kUnknown.
SourceKind SniffSource(std::string_view bytes, std::string_view content_type);

// The feeds a page advertises: href of each
// <link rel="alternate" type="application/rss+xml" | "application/atom+xml"
// | "application/rdf+xml" href=...> before <body> (rel is a space-separated,
// case-insensitive token list), resolved against `base_url` (or the page's
// <base href>), in document order, duplicates removed. A light tokenizer,
// not an HTML parser; comments and <script> contents are skipped.
std::vector<std::string> FeedLinksInHtml(std::string_view html,
                                         std::string_view base_url);

}  // namespace newsfacts

#endif  // NEWSFACTS_INGEST_FEEDS_H_
