// Politeness, backoff, Retry-After and adaptive refetch on a manual clock.
#include "ingest/scheduler.h"

#include <gtest/gtest.h>

#include <climits>

namespace newsfacts {
namespace {

constexpr int64_t kSec = 1'000'000;

TEST(HostScheduler, OneRequestAtATimeAndDelayAfterEachEnd) {
  HostScheduler hosts({.delay_micros = 2 * kSec});
  int64_t now = 1000 * kSec;
  EXPECT_LE(hosts.ReadyAt("https://a"), now);
  hosts.OnStart("https://a", now);
  // Busy host: nothing else starts, whatever the clock says.
  EXPECT_EQ(hosts.ReadyAt("https://a"), INT64_MAX);
  // Another host is independent.
  EXPECT_LE(hosts.ReadyAt("https://b"), now);
  now += 5 * kSec;  // a slow response
  hosts.OnFinish("https://a", now);
  EXPECT_EQ(hosts.ReadyAt("https://a"), now + 2 * kSec);
}

TEST(HostScheduler, CrawlDelayReplacesTheDelayAndIsCapped) {
  HostScheduler hosts(
      {.delay_micros = 1 * kSec, .max_crawl_delay_micros = 10 * kSec});
  hosts.SetCrawlDelay("h", 3.5);
  EXPECT_EQ(hosts.DelayMicros("h"), 3'500'000);
  hosts.SetCrawlDelay("h", 3600.0);
  EXPECT_EQ(hosts.DelayMicros("h"), 10 * kSec);
  hosts.SetCrawlDelay("h", std::nullopt);
  EXPECT_EQ(hosts.DelayMicros("h"), 1 * kSec);
  EXPECT_EQ(hosts.DelayMicros("other"), 1 * kSec);
}

TEST(HostScheduler, SeveralInFlightStillSpaceTheStarts) {
  HostScheduler hosts({.delay_micros = kSec, .max_in_flight_per_host = 2});
  hosts.OnStart("h", 0);
  EXPECT_EQ(hosts.ReadyAt("h"), kSec);
  hosts.OnStart("h", kSec);
  EXPECT_EQ(hosts.ReadyAt("h"), INT64_MAX);
  hosts.OnFinish("h", kSec + 10);
  EXPECT_EQ(hosts.ReadyAt("h"), 2 * kSec + 10);
  EXPECT_EQ(hosts.in_flight("h"), 1);
}

TEST(HostScheduler, DeferHostHoldsBackUntilThen) {
  HostScheduler hosts({.delay_micros = kSec});
  hosts.DeferHost("h", 60 * kSec);
  EXPECT_EQ(hosts.ReadyAt("h"), 60 * kSec);
  hosts.OnStart("h", 60 * kSec);
  hosts.OnFinish("h", 61 * kSec);
  EXPECT_EQ(hosts.ReadyAt("h"), 62 * kSec);
}

TEST(Retry, RetryableFailures) {
  EXPECT_TRUE(IsRetryable(FetchError::kTimeout, 0));
  EXPECT_TRUE(IsRetryable(FetchError::kNetwork, 0));
  EXPECT_TRUE(IsRetryable(FetchError::kNone, 429));
  EXPECT_TRUE(IsRetryable(FetchError::kNone, 503));
  EXPECT_TRUE(IsRetryable(FetchError::kNone, 500));
  EXPECT_TRUE(IsRetryable(FetchError::kNone, 408));
  EXPECT_FALSE(IsRetryable(FetchError::kNone, 404));
  EXPECT_FALSE(IsRetryable(FetchError::kNone, 200));
  EXPECT_FALSE(IsRetryable(FetchError::kTooLarge, 0));
  EXPECT_FALSE(IsRetryable(FetchError::kBlockedAddress, 0));
}

TEST(Retry, BackoffDoublesWithJitterAndIsCapped) {
  RetryPolicy p{.base_micros = 2 * kSec, .max_micros = 10 * kSec};
  EXPECT_NEAR(BackoffMicros(p, 1, 0.999999), 2 * kSec, 2);  // ~ base
  EXPECT_EQ(BackoffMicros(p, 1, 0.0), kSec);          // half of base
  EXPECT_EQ(BackoffMicros(p, 2, 0.0), 2 * kSec);
  EXPECT_EQ(BackoffMicros(p, 3, 0.0), 4 * kSec);
  EXPECT_EQ(BackoffMicros(p, 4, 0.0), 5 * kSec);   // 16 s capped to 10 s, half
  EXPECT_EQ(BackoffMicros(p, 60, 0.0), 5 * kSec);  // no overflow
  for (double j : {0.0, 0.3, 0.7, 0.99}) {
    const int64_t d = BackoffMicros(p, 2, j);
    EXPECT_GE(d, 2 * kSec);
    EXPECT_LE(d, 4 * kSec);
  }
}

// RFC 9110 10.2.3: delay-seconds or an HTTP-date.
TEST(Retry, ParsesRetryAfterSecondsAndDates) {
  const int64_t now = 784111777LL * kSec;  // Sun, 06 Nov 1994 08:49:37 GMT
  EXPECT_EQ(ParseRetryAfter("120", now), 120 * kSec);
  EXPECT_EQ(ParseRetryAfter(" 0 ", now), 0);
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:50:37 GMT", now), 60 * kSec);
  EXPECT_EQ(ParseRetryAfter("Sunday, 06-Nov-94 08:51:37 GMT", now),
            120 * kSec);  // RFC 850
  EXPECT_EQ(ParseRetryAfter("Sun Nov  6 08:52:37 1994", now),
            180 * kSec);  // asctime
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:00:00 GMT", now), 0);  // past
  EXPECT_FALSE(ParseRetryAfter("soon", now).has_value());
  EXPECT_FALSE(ParseRetryAfter("", now).has_value());
  EXPECT_FALSE(ParseRetryAfter("-5", now).has_value());
}

TEST(Retry, RetryAfterLongerThanBackoffWinsButIsCapped) {
  RetryPolicy p{.base_micros = kSec, .retry_after_cap_micros = 30 * kSec};
  EXPECT_EQ(RetryDelayMicros(p, 1, "10", 0, 0.0), 10 * kSec);
  EXPECT_EQ(RetryDelayMicros(p, 1, "86400", 0, 0.0), 30 * kSec);
  EXPECT_EQ(RetryDelayMicros(p, 1, "", 0, 0.0), kSec / 2);
  EXPECT_EQ(RetryDelayMicros(p, 1, "garbage", 0, 0.0), kSec / 2);
  // A short Retry-After does not cut the backoff.
  EXPECT_EQ(RetryDelayMicros(p, 5, "1", 0, 0.0), 8 * kSec);
}

TEST(Refetch, ShorterWhenChangedLongerWhenNotWithinBounds) {
  RefetchPolicy p{.initial_micros = 60 * kSec,
                  .min_micros = 20 * kSec,
                  .max_micros = 100 * kSec};
  EXPECT_EQ(NextRefetchMicros(p, 0, true), 60 * kSec);
  EXPECT_EQ(NextRefetchMicros(p, 60 * kSec, true), 30 * kSec);
  EXPECT_EQ(NextRefetchMicros(p, 30 * kSec, true), 20 * kSec);  // floor
  EXPECT_EQ(NextRefetchMicros(p, 60 * kSec, false), 90 * kSec);
  EXPECT_EQ(NextRefetchMicros(p, 90 * kSec, false), 100 * kSec);  // ceiling
}

}  // namespace
}  // namespace newsfacts
