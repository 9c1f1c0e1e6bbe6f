// Frontier: the crawler's durable state, one row per normalized URL in the
// `frontier` table of the same database as the articles (schema v2). A
// crawl killed at any point resumes from here: rows left `in_flight` by a
// dead run go back to `new` (ResetInFlight), and an article page written
// again is recognised by Store::HasSamePage / PutArticle, so nothing is
// stored twice and nothing is lost.
//
//   auto frontier = Frontier::Open("newsfacts.db", {});
//   (*frontier)->ResetInFlight(run_started_seconds);
//   (*frontier)->AddSeed({.url = feed, .kind = UrlKind::kFeed}, now);
//   for (FrontierRow& row : *(*frontier)->Due(now, 1000)) { ... }
//
// States: new (to fetch; next_attempt may lie in the future for a retry),
// in_flight (claimed by the running crawl), done, failed (retry budget
// spent; due again after next_attempt). Feeds and sitemaps in state done
// are due again at next_attempt (their adaptive refetch interval).
// Times are Unix seconds.
//
// Thread-safety: not thread-safe (one SQLite connection). Non-copyable: it
// owns the connection.
#ifndef NEWSFACTS_STORE_FRONTIER_H_
#define NEWSFACTS_STORE_FRONTIER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace newsfacts {

enum class UrlKind { kArticle, kFeed, kSitemap, kRobots };
const char* UrlKindName(UrlKind kind);  // "article", "feed", ...

struct FrontierUrl {
  std::string url;        // REQUIRED: normalized (ingest/url.h)
  std::string dedup_key;  // empty = url
  UrlKind kind = UrlKind::kArticle;
  std::string source;     // the seed or source name it came from
  std::string published;  // date the feed or sitemap gave, if any
};

struct FrontierRow {
  std::string url;
  std::string dedup_key;
  UrlKind kind = UrlKind::kArticle;
  std::string state;  // new, in_flight, done, failed
  int64_t next_attempt = 0;
  int attempts = 0;
  std::string last_error;
  std::string etag;
  std::string last_modified;
  std::string content_hash;
  int64_t last_fetched = 0;
  int64_t refetch_interval = 0;  // seconds; feeds and sitemaps
  std::string source;
  std::string final_url;
  std::string published;
};

// How a fetch ended, for Frontier::Finish.
struct FrontierUpdate {
  std::string url;
  std::string state;  // done, failed or new (retry at next_attempt)
  int64_t next_attempt = 0;
  int attempts = 0;
  std::string last_error;  // empty clears it
  // Validators and content of a successful fetch; empty values leave the
  // stored ones as they are.
  std::string etag;
  std::string last_modified;
  std::string content_hash;
  std::string final_url;
  int64_t last_fetched = 0;  // 0 leaves it
  int64_t refetch_interval = 0;  // 0 leaves it
};

// FNV-1a 64 of `bytes` as 16 hex digits, the same hash the store keeps for
// pages: a feed or sitemap whose hash did not change did not change.
std::string FrontierContentHash(std::string_view bytes);

class Frontier {
 public:
  // Opens (creating and migrating) the database at `path`.
  static Result<std::unique_ptr<Frontier>> Open(const std::string& path,
                                                const StoreOptions& options);
  virtual ~Frontier() = default;
  Frontier(const Frontier&) = delete;
  Frontier& operator=(const Frontier&) = delete;

  // Rows claimed before `run_started` and never finished go back to `new`.
  // Returns how many.
  virtual Result<int64_t> ResetInFlight(int64_t run_started) = 0;

  // Adds URLs not known yet; an article whose dedup key is already known
  // under another URL is not added. One transaction. Returns the indices
  // (into `urls`) of the rows added.
  virtual Result<std::vector<size_t>> Add(const std::vector<FrontierUrl>& urls,
                                          int64_t now) = 0;

  // Adds a seed, or makes a known one due now (seeds are fetched on every
  // run); keeps its validators and refetch interval.
  virtual Status AddSeed(const FrontierUrl& url, int64_t now) = 0;

  // Rows due at `now`: new rows whose next_attempt has come, failed rows
  // whose next_attempt has come, feeds and sitemaps due for a refetch.
  // Feeds, sitemaps and robots first, then articles in order of arrival.
  virtual Result<std::vector<FrontierRow>> Due(int64_t now, int limit) = 0;

  virtual Result<std::optional<FrontierRow>> Get(std::string_view url) = 0;

  // True when an article with this dedup key is known (any state).
  virtual Result<bool> KnownArticle(std::string_view dedup_key) = 0;

  // Marks a row in_flight at `now`.
  virtual Status Claim(std::string_view url, int64_t now) = 0;
  virtual Status Finish(const FrontierUpdate& update) = 0;

  // Rows per state, e.g. {"done", 12}.
  virtual Result<std::vector<std::pair<std::string, int64_t>>> CountByState() =
      0;

 protected:
  Frontier() = default;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_STORE_FRONTIER_H_
