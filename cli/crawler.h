// Internal to cli/. The crawl engine behind `newsfacts crawl`: one pass
// over the frontier with one libcurl event loop (ingest/fetcher.h), the
// politeness and retry rules of ingest/scheduler.h, robots.txt per origin,
// feeds and sitemaps turned into article URLs, and every article stored
// through the same pipeline and Store::PutArticle path as `ingest`.
//
//   Crawler crawler(options, env, store, frontier, pipeline, warc);
//   Status s = crawler.RunPass(&stop, on_progress);
//   CrawlFigures f = crawler.figures();
//
// A pass: rows left in flight by a killed run are reset; seeds are made
// due; every due row is fetched (robots.txt first for each origin);
// redirects are followed hop by hop, each hop checked against robots.txt,
// the address policy and politeness; retries wait within the pass up to
// `max_retry_wait_micros`, longer waits are left in the frontier for the
// next run. The pass ends when nothing is due or in flight.
//
// Thread-safety: not thread-safe; one Crawler per process.
#ifndef NEWSFACTS_CLI_CRAWLER_H_
#define NEWSFACTS_CLI_CRAWLER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cli/pipeline.h"
#include "core/env.h"
#include "core/status.h"
#include "ingest/fetcher.h"
#include "ingest/scheduler.h"
#include "store/frontier.h"
#include "store/store.h"

namespace newsfacts {

class WarcWriter;

struct CrawlSeed {
  std::string url;
  std::string source;  // name of the source it belongs to; may be empty
};

struct CrawlOptions {
  std::vector<CrawlSeed> seeds;
  FetcherOptions fetcher;
  PolitenessOptions politeness;
  RetryPolicy retry;
  RefetchPolicy refetch;
  // Redirect hops followed per URL. Default: 5.
  int max_redirects = 5;
  // Article fetches per pass; 0 = no limit. Default: 0.
  int64_t max_pages = 0;
  // Articles whose feed or sitemap date is older are not queued; 0 = no
  // limit. Default: 0.
  int64_t max_article_age_seconds = 0;
  // How long robots.txt is trusted. Default: 24 h.
  int64_t robots_ttl_micros = 86'400'000'000;
  // Retries that would wait longer than this are left for the next run.
  // Default: 120 s.
  int64_t max_retry_wait_micros = 120'000'000;
  // A URL that used up its retry budget is due again after this. Default: 6 h.
  int64_t failed_retry_seconds = 6 * 3600;
  // Transfers in flight across all hosts. Default: 32.
  int max_parallel = 32;
  // Run the fact stages on stored articles. Default: true.
  bool facts = true;
};

struct CrawlFigures {
  int64_t queued = 0;        // URLs added to the frontier
  int64_t fetched = 0;       // responses received (any status)
  int64_t stored = 0;        // new articles
  int64_t replaced = 0;      // known articles whose page changed
  int64_t unchanged = 0;     // article pages identical to the stored copy
  int64_t not_modified = 0;  // 304 answers
  int64_t failed = 0;        // URLs that failed for this pass
  int64_t skipped = 0;       // robots.txt, too old, duplicate, blocked
  int64_t retried = 0;       // attempts scheduled again
  int64_t requests = 0;      // requests sent, robots.txt and hops included
};

class Crawler {
 public:
  // REQUIRES: every pointer but `warc` non-null and outliving the crawler.
  Crawler(CrawlOptions options, Env* env, Store* store, Frontier* frontier,
          const Pipeline* pipeline, WarcWriter* warc);
  ~Crawler();
  Crawler(const Crawler&) = delete;
  Crawler& operator=(const Crawler&) = delete;

  // Runs one pass. Stops starting new requests once *stop is set (signals)
  // and returns after the ones in flight. Fails only on infrastructure
  // errors (database); per-URL failures are counted and kept in the
  // frontier.
  Status RunPass(volatile bool* stop,
                 const std::function<void(const CrawlFigures&)>& progress);

  const CrawlFigures& figures() const { return figures_; }

 private:
  struct Impl;
  Impl* impl_;
  CrawlFigures figures_;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_CLI_CRAWLER_H_
