// Crawl scheduling rules as pure functions of a clock: per-host politeness,
// retry backoff with jitter, Retry-After, and adaptive refetch intervals for
// feeds and sitemaps. No I/O: the crawler (cli/crawler.cc) feeds them times
// from Env::NowMicros(), and tests feed them a manual clock.
//
//   HostScheduler hosts({.delay_micros = 5'000'000});
//   if (hosts.ReadyAt(origin) <= now) { hosts.OnStart(origin, now); ... }
//   ... on completion: hosts.OnFinish(origin, env->NowMicros());
//
//   RetryPolicy policy;
//   int64_t wait = RetryDelayMicros(policy, attempts, retry_after, now, jitter);
//
// Thread-safety: HostScheduler is not thread-safe; the functions are pure.
#ifndef NEWSFACTS_INGEST_SCHEDULER_H_
#define NEWSFACTS_INGEST_SCHEDULER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/fetcher.h"

namespace newsfacts {

struct PolitenessOptions {
  // Gap between the end of one request to a host and the start of the next,
  // when robots.txt gives no Crawl-delay. Default: 5 s.
  int64_t delay_micros = 5'000'000;
  // robots.txt Crawl-delay is honoured up to this. Default: 30 s.
  int64_t max_crawl_delay_micros = 30'000'000;
  // Requests in flight to one host at once. Default: 1.
  int max_in_flight_per_host = 1;
};

// Per-host (per origin) politeness. Every request counts: robots.txt,
// redirect hops, retries. The next request to a host may start `delay`
// after the previous one *finished*, so the gap between two request
// arrivals at the server is never below the delay.
class HostScheduler {
 public:
  explicit HostScheduler(const PolitenessOptions& options)
      : options_(options) {}

  // Earliest time a new request to `host` may start; INT64_MAX while the
  // host already has max_in_flight_per_host requests running.
  int64_t ReadyAt(const std::string& host) const;
  void OnStart(const std::string& host, int64_t now);
  // REQUIRES: a matching OnStart.
  void OnFinish(const std::string& host, int64_t now);

  // Crawl-delay from robots.txt, in seconds (capped); nullopt = the
  // configured delay.
  void SetCrawlDelay(const std::string& host,
                     std::optional<double> crawl_delay_seconds);
  // Nothing starts on `host` before `until` (429/503 with Retry-After).
  void DeferHost(const std::string& host, int64_t until);

  // The delay that applies to `host` now.
  int64_t DelayMicros(const std::string& host) const;
  int in_flight(const std::string& host) const;

 private:
  struct Host {
    int64_t next_start = 0;
    int in_flight = 0;
    std::optional<int64_t> crawl_delay;
  };
  PolitenessOptions options_;
  std::map<std::string, Host> hosts_;
};

struct RetryPolicy {
  // Attempts per URL within the budget, the first included. Default: 4.
  int max_attempts = 4;
  // Backoff before the 2nd attempt; doubles each time. Default: 2 s.
  int64_t base_micros = 2'000'000;
  // Backoff never exceeds this. Default: 5 min.
  int64_t max_micros = 300'000'000;
  // Retry-After is honoured up to this; a longer one is capped. Default: 1 h.
  int64_t retry_after_cap_micros = 3'600'000'000;
};

// Whether a failed fetch is worth another attempt: timeouts and network
// errors, HTTP 408, 429 and 5xx. Too large, blocked addresses and other
// 4xx are final.
bool IsRetryable(FetchError error, int http_status);

// Exponential backoff with jitter before attempt `attempts` + 1, where
// `attempts` >= 1 were made: base * 2^(attempts-1), capped at max, then
// scaled into [50%, 100%] by `jitter` in [0, 1).
int64_t BackoffMicros(const RetryPolicy& policy, int attempts, double jitter);

// Parses a Retry-After value (RFC 9110 10.2.3): delay-seconds or an
// HTTP-date (IMF-fixdate, RFC 850 and asctime forms). Returns the delay
// from `now_micros` (0 for a date in the past), nullopt when unparsable.
std::optional<int64_t> ParseRetryAfter(std::string_view value,
                                       int64_t now_micros);

// The wait before the next attempt: the backoff, or the Retry-After delay
// (capped) when that is longer.
int64_t RetryDelayMicros(const RetryPolicy& policy, int attempts,
                         std::string_view retry_after, int64_t now_micros,
                         double jitter);

struct RefetchPolicy {
  // First interval of a new feed or sitemap. Default: 1 h.
  int64_t initial_micros = 3'600'000'000;
  // Bounds. Default: 10 min and 24 h.
  int64_t min_micros = 600'000'000;
  int64_t max_micros = 86'400'000'000;
};

// Adaptive refetch interval of a feed or sitemap: halved when its content
// changed since the last fetch, grown by half when it did not, kept within
// the bounds; 0 (unknown) starts at the initial interval.
int64_t NextRefetchMicros(const RefetchPolicy& policy, int64_t current,
                          bool changed);

}  // namespace newsfacts

#endif  // NEWSFACTS_INGEST_SCHEDULER_H_
