// Fetcher: many HTTP(S) and file:// transfers in parallel on one libcurl
// multi handle, driven by the caller's event loop. It fetches exactly one URL
// per request: redirects are not followed (the crawler follows them itself so
// robots.txt and the address check run on every hop; `location` gives the
// resolved target).
//
//   auto fetcher = Fetcher::Create({.user_agent = "newsfacts/0.1"});
//   (*fetcher)->Start({.id = 1, .url = "https://www.rferl.org/robots.txt"});
//   while ((*fetcher)->in_flight() > 0) {
//     for (FetchResult& r : (*fetcher)->Poll(100)) Handle(r);
//   }
//
// Limits, per transfer: connect and total timeouts; a cap on the body after
// content decoding (gzip, br), enforced as bytes arrive, so chunked bodies
// and decompression bombs stop at the cap with kTooLarge instead of
// producing a truncated page; a connection cut before the announced end is
// an error (kNetwork), never a short body.
//
// Address policy: unless `allow_private_addresses`, every socket the
// transfer opens is checked after DNS resolution, before connecting:
// loopback, private (RFC 1918, CGNAT), link-local, unique-local (fc00::/7),
// multicast, unspecified and IPv4-mapped forms of these are refused
// (kBlockedAddress).
//
// Thread-safety: not thread-safe; one Fetcher per event loop. Non-copyable:
// owns the curl handles.
#ifndef NEWSFACTS_INGEST_FETCHER_H_
#define NEWSFACTS_INGEST_FETCHER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/env.h"
#include "core/status.h"

namespace newsfacts {

struct FetcherOptions {
  // Sent as User-Agent. Default: "newsfacts/0.1".
  std::string user_agent = "newsfacts/0.1";
  // Default: 10 s.
  int64_t connect_timeout_ms = 10000;
  // Whole transfer, headers and body. Default: 30 s.
  int64_t total_timeout_ms = 30000;
  // Largest body accepted, counted after content decoding. Default: 8 MiB.
  size_t max_body_bytes = 8u << 20;
  // Connect to loopback/private/link-local addresses. Default: false.
  bool allow_private_addresses = false;
  // Total connections kept open across hosts. Default: 64.
  int max_connections = 64;
};

struct FetchRequest {
  uint64_t id = 0;  // the caller's handle, returned in the FetchResult
  std::string url;
  // Conditional GET validators from the previous fetch; empty = not sent.
  std::string if_none_match;
  std::string if_modified_since;
};

enum class FetchError {
  kNone,            // an HTTP response (any status) or a file was read
  kTimeout,         // connect or total timeout
  kNetwork,         // DNS, refused, reset, truncated body: worth retrying
  kTooLarge,        // body above max_body_bytes (after decoding)
  kBlockedAddress,  // resolved to an address the policy refuses
  kBadUrl,          // unsupported scheme or malformed URL
  kOther,           // anything else (TLS, bad content encoding, file errors)
};
const char* FetchErrorName(FetchError error);

struct FetchResult {
  uint64_t id = 0;
  std::string url;           // as requested
  FetchError error = FetchError::kNone;
  Status status;             // OK iff error == kNone
  int http_status = 0;       // 200 for a file:// read
  HeaderList headers;        // of the response, names lower-cased
  std::string body;          // content-encoding removed
  std::string location;      // redirect target, resolved; empty if none
  std::string primary_ip;    // address actually connected to
  // For archives: the request line and headers as sent, and the response
  // status line and headers as received (CRLF line ends).
  std::string request_head;
  std::string response_head;
  int64_t started_micros = 0;
  int64_t finished_micros = 0;

  // First value of header `name` (lower-case), or empty.
  std::string Header(std::string_view name) const;
};

// True for addresses refused by the default policy (see above). `ip` is a
// numeric IPv4 or IPv6 address; anything unparsable counts as refused.
bool IsNonPublicAddress(std::string_view ip);

class Fetcher {
 public:
  // `env` gives the clock for started/finished times; null = Env::Default().
  static Result<std::unique_ptr<Fetcher>> Create(const FetcherOptions& options,
                                                 Env* env = nullptr);
  virtual ~Fetcher() = default;
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Queues a transfer; it starts on the next Poll. A request that cannot
  // even be set up comes back from the next Poll as a failed result.
  virtual void Start(FetchRequest request) = 0;

  // Moves transfers forward, waiting up to `timeout_ms` for activity, and
  // returns the ones that finished (possibly none).
  virtual std::vector<FetchResult> Poll(int timeout_ms) = 0;

  // Transfers started and not yet returned by Poll.
  virtual size_t in_flight() const = 0;

 protected:
  Fetcher() = default;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_INGEST_FETCHER_H_
