#include "ingest/scheduler.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <string>

#include "core/strings.h"

namespace newsfacts {

int64_t HostScheduler::ReadyAt(const std::string& host) const {
  auto it = hosts_.find(host);
  if (it == hosts_.end()) return 0;
  if (it->second.in_flight >= std::max(1, options_.max_in_flight_per_host)) {
    return INT64_MAX;
  }
  return it->second.next_start;
}

void HostScheduler::OnStart(const std::string& host, int64_t now) {
  Host& h = hosts_[host];
  ++h.in_flight;
  // With several requests allowed at once, starts are still spaced.
  h.next_start = std::max(h.next_start, now + DelayMicros(host));
}

void HostScheduler::OnFinish(const std::string& host, int64_t now) {
  Host& h = hosts_[host];
  if (h.in_flight > 0) --h.in_flight;
  h.next_start = std::max(h.next_start, now + DelayMicros(host));
}

void HostScheduler::SetCrawlDelay(const std::string& host,
                                  std::optional<double> seconds) {
  Host& h = hosts_[host];
  if (!seconds.has_value() || !std::isfinite(*seconds) || *seconds < 0) {
    h.crawl_delay.reset();
    return;
  }
  const double micros = std::min(*seconds * 1e6,
                                 double(options_.max_crawl_delay_micros));
  h.crawl_delay = static_cast<int64_t>(micros);
}

void HostScheduler::DeferHost(const std::string& host, int64_t until) {
  Host& h = hosts_[host];
  h.next_start = std::max(h.next_start, until);
}

int64_t HostScheduler::DelayMicros(const std::string& host) const {
  auto it = hosts_.find(host);
  if (it != hosts_.end() && it->second.crawl_delay.has_value()) {
    return *it->second.crawl_delay;
  }
  return options_.delay_micros;
}

int HostScheduler::in_flight(const std::string& host) const {
  auto it = hosts_.find(host);
  return it == hosts_.end() ? 0 : it->second.in_flight;
}

bool IsRetryable(FetchError error, int http_status) {
  switch (error) {
    case FetchError::kTimeout:
    case FetchError::kNetwork:
      return true;
    case FetchError::kNone:
      return http_status == 408 || http_status == 429 ||
             (http_status >= 500 && http_status <= 599);
    default:
      return false;
  }
}

int64_t BackoffMicros(const RetryPolicy& policy, int attempts, double jitter) {
  const int exponent = std::clamp(attempts - 1, 0, 40);
  double delay = double(policy.base_micros) * std::ldexp(1.0, exponent);
  delay = std::min(delay, double(policy.max_micros));
  jitter = std::clamp(jitter, 0.0, 1.0);
  return static_cast<int64_t>(delay * (0.5 + 0.5 * jitter));
}

std::optional<int64_t> ParseRetryAfter(std::string_view value,
                                       int64_t now_micros) {
  value = TrimAsciiSpace(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return INT64_MAX / 4;  // absurd: capped later
    return std::stoll(std::string(value)) * 1'000'000;
  }
  // libcurl's date parser reads all three HTTP-date forms (RFC 9110 5.6.7).
  const time_t when = curl_getdate(std::string(value).c_str(), nullptr);
  if (when < 0) return std::nullopt;
  const int64_t delay = int64_t(when) * 1'000'000 - now_micros;
  return std::max<int64_t>(0, delay);
}

int64_t RetryDelayMicros(const RetryPolicy& policy, int attempts,
                         std::string_view retry_after, int64_t now_micros,
                         double jitter) {
  int64_t delay = BackoffMicros(policy, attempts, jitter);
  if (std::optional<int64_t> ra = ParseRetryAfter(retry_after, now_micros)) {
    delay = std::max(delay, std::min(*ra, policy.retry_after_cap_micros));
  }
  return delay;
}

int64_t NextRefetchMicros(const RefetchPolicy& policy, int64_t current,
                          bool changed) {
  int64_t next;
  if (current <= 0) {
    next = policy.initial_micros;
  } else if (changed) {
    next = current / 2;
  } else {
    next = current + current / 2;
  }
  return std::clamp(next, policy.min_micros,
                    std::max(policy.min_micros, policy.max_micros));
}

}  // namespace newsfacts
