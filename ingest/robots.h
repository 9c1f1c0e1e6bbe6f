// robots.txt (RFC 9309, "Robots Exclusion Protocol"): parsing and matching.
//
// The crawler fetches /robots.txt once per origin (UrlOrigin), turns the
// response into RobotsRules with RobotsForStatus, caches them with an expiry,
// and asks Allowed(UrlPathAndQuery(url)) before every request, redirect hops
// included.
//
//   RobotsRules rules = RobotsForStatus(status, body, "newsfacts");
//   if (rules.retry_later()) ScheduleRobotsRetry();  // nothing allowed now
//   if (!rules.Allowed("/api/zrqiteuuir")) Skip();    // use the sitemaps
//   double delay = rules.crawl_delay_seconds().value_or(configured_delay);
//   for (const std::string& sitemap : rules.sitemaps()) { /* seed it */ }
//
// What is implemented, by section of RFC 9309:
//  - 2.1/2.2.1: records are grouped by `user-agent` lines; several
//    user-agent lines in a row open one group; groups naming the same agent
//    are merged; the crawler's product token matches case-insensitively
//    against the agent names (a name matches when it equals the token, or
//    the token starts with it followed by "/", so "newsfacts/1.0" finds
//    "newsfacts"); without a matching group the `*` group applies; with
//    neither, everything is allowed.
//  - 2.2.2: the most specific (longest) matching rule wins; on equal length
//    `allow` wins; "/robots.txt" is always allowed; an empty `disallow`
//    value allows everything.
//  - 2.2.3: `*` matches any sequence of characters and a final `$` anchors
//    the end of the path.
//  - 2.1/2.2.2: paths are compared after percent-encoding normalization:
//    octets outside the unreserved set are percent-encoded, escapes of
//    unreserved characters are decoded, and hex digits are upper-cased on
//    both sides (so "/%7Ea" and "/~a" are one path, but "%2F" stays apart
//    from "/").
//  - 2.3: a UTF-8 BOM is skipped; LF, CR and CRLF end lines; `#` starts a
//    comment; unknown keys are ignored; lines without a colon are ignored
//    (common misspellings like "dissallow" are not guessed).
//  - 2.5: only the first 500 KiB are parsed; a rule cut at the limit is
//    dropped.
// Outside the RFC but universal: `crawl-delay` (of the group that applies)
// and `sitemap` lines (which are global, whatever group they sit in).
//
// Thread-safety: a RobotsRules is immutable after construction; const
// methods are safe for concurrent use. Copyable (a cache holds copies).
#ifndef NEWSFACTS_INGEST_ROBOTS_H_
#define NEWSFACTS_INGEST_ROBOTS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacts {

class RobotsRules {
 public:
  // RFC 9309 2.5: parsers must read at least 500 KiB; we read exactly that.
  static constexpr size_t kMaxParseBytes = 500 * 1024;

  // Parses a robots.txt body for the crawler whose product token is
  // `user_agent_token` (e.g. "newsfacts"; a full "newsfacts/1.0 (+url)"
  // User-Agent header value also works: the token is its part before the
  // first "/" or space). Never fails: garbage parses to "allow all".
  static RobotsRules Parse(std::string_view body,
                           std::string_view user_agent_token);
  // Everything allowed (robots.txt missing: 4xx).
  static RobotsRules AllowAll();
  // Nothing allowed (robots.txt unreachable: 5xx, network errors).
  static RobotsRules DisallowAll();

  // True when the crawler may fetch `path_and_query` ("/a/b?c=d"; what
  // UrlPathAndQuery gives). An empty argument is treated as "/".
  bool Allowed(std::string_view path_and_query) const;

  // The `crawl-delay` of the group that applies, in seconds, when it has
  // one that parses as a non-negative number. The caller caps it.
  std::optional<double> crawl_delay_seconds() const { return crawl_delay_; }

  // Absolute URLs from `sitemap:` lines, in file order, duplicates removed.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

  // True for rules made by RobotsForStatus from a server error or an
  // unreachable robots.txt: nothing is allowed meanwhile and the caller
  // should fetch robots.txt again soon (with backoff) instead of caching
  // these rules for the usual expiry.
  bool retry_later() const { return retry_later_; }

  // Number of allow/disallow rules in the group that applies (tests, logs).
  size_t rule_count() const { return rules_.size(); }

 private:
  friend RobotsRules RobotsForStatus(int http_status, std::string_view body,
                                     std::string_view user_agent_token);
  struct Rule {
    std::string pattern;  // percent-normalized; may hold '*' and final '$'
    bool allow = false;
  };

  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
  bool disallow_all_ = false;
  bool retry_later_ = false;
};

// The rules implied by fetching /robots.txt (RFC 9309 2.3.1), after the
// caller has followed up to five redirects:
//  - 2xx: the body is parsed;
//  - 3xx (redirects not followed or too many), 4xx except 429: "unavailable",
//    everything allowed (2.3.1.3);
//  - 429, 5xx, and 0 (meaning the server could not be reached: DNS failure,
//    connection refused, timeout): "unreachable", everything disallowed and
//    retry_later() set (2.3.1.4). 429 is treated as a server error because
//    it asks for a slower crawl, not "no rules here".
// Policy for the caller: retry an unreachable robots.txt with backoff; RFC
// 9309 2.4 allows falling back to the last good copy, and after 30 days of
// unreachability a crawler may treat the site as having no rules.
RobotsRules RobotsForStatus(int http_status, std::string_view body,
                            std::string_view user_agent_token);

}  // namespace newsfacts

#endif  // NEWSFACTS_INGEST_ROBOTS_H_
