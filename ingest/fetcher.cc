// The libcurl multi implementation of Fetcher (ingest/fetcher.h).
#include "ingest/fetcher.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <mutex>
#include <string>
#include <utility>

#include "core/strings.h"

namespace newsfacts {
namespace {

bool IsNonPublicV4(uint32_t a) {  // host byte order
  const uint8_t b0 = a >> 24, b1 = (a >> 16) & 0xff;
  return b0 == 0 ||                           // "this network"
         b0 == 10 ||                          // RFC 1918
         b0 == 127 ||                         // loopback
         (b0 == 100 && (b1 & 0xc0) == 64) ||  // CGNAT 100.64/10
         (b0 == 169 && b1 == 254) ||          // link-local
         (b0 == 172 && (b1 & 0xf0) == 16) ||  // RFC 1918
         (b0 == 192 && b1 == 168) ||          // RFC 1918
         (b0 == 192 && b1 == 0 && ((a >> 8) & 0xff) == 0) ||  // IETF 192.0.0/24
         (b0 == 198 && (b1 & 0xfe) == 18) ||  // benchmarking 198.18/15
         b0 >= 224;                           // multicast, reserved, broadcast
}

bool IsNonPublicV6(const in6_addr& a) {
  const uint8_t* b = a.s6_addr;
  static const uint8_t kZero[16] = {};
  if (std::memcmp(b, kZero, 15) == 0 && (b[15] == 0 || b[15] == 1)) {
    return true;  // :: and ::1
  }
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible: judge the IPv4 address.
  static const uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b, kMapped, 12) == 0 || std::memcmp(b, kZero, 12) == 0) {
    uint32_t v4 = (uint32_t(b[12]) << 24) | (uint32_t(b[13]) << 16) |
                  (uint32_t(b[14]) << 8) | b[15];
    return IsNonPublicV4(v4);
  }
  if ((b[0] & 0xfe) == 0xfc) return true;                 // fc00::/7 ULA
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return true;  // fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return true;  // fec0::/10 site
  if (b[0] == 0xff) return true;                           // multicast
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) {
    return true;  // 2001:db8::/32 documentation
  }
  return false;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  FetchResult result;
  size_t max_body = 0;
  bool allow_private = false;
  bool too_large = false;
  bool blocked = false;
  std::string blocked_ip;

  ~Transfer() {
    if (easy != nullptr) curl_easy_cleanup(easy);
    curl_slist_free_all(headers);
  }
};

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t bytes = size * n;
  if (t->result.body.size() + bytes > t->max_body) {
    t->too_large = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->result.body.append(data, bytes);
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t bytes = size * n;
  std::string_view line(data, bytes);
  // A new status line starts a new header block (e.g. after 100 Continue):
  // only the last block describes the response.
  if (line.substr(0, 5) == "HTTP/") {
    t->result.headers.clear();
    t->result.response_head.clear();
  }
  t->result.response_head.append(line);
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos && line.substr(0, 5) != "HTTP/") {
    t->result.headers.emplace_back(ToLowerAscii(TrimAsciiSpace(line.substr(0, colon))),
                                   std::string(TrimAsciiSpace(line.substr(colon + 1))));
  }
  return bytes;
}

int OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type == CURLINFO_HEADER_OUT) {
    static_cast<Transfer*>(user)->result.request_head.append(data, size);
  }
  return 0;
}

curl_socket_t OnOpenSocket(void* user, curlsocktype purpose,
                           curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  if (!t->allow_private) {
    char ip[INET6_ADDRSTRLEN] = "?";
    bool refuse = true;
    if (address->family == AF_INET) {
      const auto* sa = reinterpret_cast<const sockaddr_in*>(&address->addr);
      inet_ntop(AF_INET, &sa->sin_addr, ip, sizeof ip);
      refuse = IsNonPublicV4(ntohl(sa->sin_addr.s_addr));
    } else if (address->family == AF_INET6) {
      const auto* sa = reinterpret_cast<const sockaddr_in6*>(&address->addr);
      inet_ntop(AF_INET6, &sa->sin6_addr, ip, sizeof ip);
      refuse = IsNonPublicV6(sa->sin6_addr);
    }
    if (refuse) {
      t->blocked = true;
      t->blocked_ip = ip;
      return CURL_SOCKET_BAD;
    }
  }
  return socket(address->family, address->socktype, address->protocol);
}

FetchError Classify(CURLcode code, const Transfer& t) {
  switch (code) {
    case CURLE_OK:
      return FetchError::kNone;
    case CURLE_OPERATION_TIMEDOUT:
      return FetchError::kTimeout;
    case CURLE_FILESIZE_EXCEEDED:
      return FetchError::kTooLarge;
    case CURLE_WRITE_ERROR:
      return t.too_large ? FetchError::kTooLarge : FetchError::kOther;
    case CURLE_COULDNT_CONNECT:
      return t.blocked ? FetchError::kBlockedAddress : FetchError::kNetwork;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
      return t.blocked ? FetchError::kBlockedAddress : FetchError::kNetwork;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return FetchError::kBadUrl;
    default:
      return FetchError::kOther;
  }
}

class CurlFetcher : public Fetcher {
 public:
  CurlFetcher(const FetcherOptions& options, Env* env, CURLM* multi)
      : options_(options), env_(env), multi_(multi) {}

  ~CurlFetcher() override {
    for (auto& t : active_) curl_multi_remove_handle(multi_, t->easy);
    active_.clear();
    curl_multi_cleanup(multi_);
  }

  void Start(FetchRequest request) override {
    auto t = std::make_unique<Transfer>();
    t->result.id = request.id;
    t->result.url = request.url;
    t->result.started_micros = env_->NowMicros();
    t->max_body = options_.max_body_bytes;
    t->allow_private = options_.allow_private_addresses;
    t->easy = curl_easy_init();
    if (t->easy == nullptr) {
      Fail(std::move(t), FetchError::kOther, "curl_easy_init failed");
      return;
    }
    if (!request.if_none_match.empty()) {
      t->headers = curl_slist_append(
          t->headers, ("If-None-Match: " + request.if_none_match).c_str());
    }
    if (!request.if_modified_since.empty()) {
      t->headers = curl_slist_append(
          t->headers,
          ("If-Modified-Since: " + request.if_modified_since).c_str());
    }
    CURL* e = t->easy;
    curl_easy_setopt(e, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options_.connect_timeout_ms));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS,
                     static_cast<long>(options_.total_timeout_ms));
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, br");
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(options_.max_body_bytes));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, OnDebug);
    curl_easy_setopt(e, CURLOPT_DEBUGDATA, t.get());
    curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);  // feeds OnDebug only
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, OnOpenSocket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t.get());
    if (t->headers != nullptr) curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
    CURLMcode mc = curl_multi_add_handle(multi_, e);
    if (mc != CURLM_OK) {
      Fail(std::move(t), FetchError::kOther, curl_multi_strerror(mc));
      return;
    }
    active_.push_back(std::move(t));
  }

  std::vector<FetchResult> Poll(int timeout_ms) override {
    int running = 0;
    curl_multi_perform(multi_, &running);
    if (done_.empty() && !active_.empty()) {
      curl_multi_poll(multi_, nullptr, 0, timeout_ms, nullptr);
      curl_multi_perform(multi_, &running);
    }
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* raw = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &raw);
      const CURLcode code = msg->data.result;
      curl_multi_remove_handle(multi_, msg->easy_handle);
      auto it = std::find_if(active_.begin(), active_.end(),
                             [&](const auto& p) { return p.get() == raw; });
      if (it == active_.end()) continue;
      std::unique_ptr<Transfer> t = std::move(*it);
      active_.erase(it);
      Finish(std::move(t), code);
    }
    std::vector<FetchResult> out;
    out.swap(done_);
    return out;
  }

  size_t in_flight() const override { return active_.size() + done_.size(); }

 private:
  void Fail(std::unique_ptr<Transfer> t, FetchError error,
            const std::string& why) {
    t->result.error = error;
    t->result.status = Status::IOError(t->result.url + ": " + why);
    t->result.finished_micros = env_->NowMicros();
    done_.push_back(std::move(t->result));
  }

  void Finish(std::unique_ptr<Transfer> t, CURLcode code) {
    FetchResult& r = t->result;
    r.finished_micros = env_->NowMicros();
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    r.http_status = static_cast<int>(status);
    char* ip = nullptr;
    if (curl_easy_getinfo(t->easy, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK &&
        ip != nullptr) {
      r.primary_ip = ip;
    }
    char* location = nullptr;
    if (curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_URL, &location) ==
            CURLE_OK &&
        location != nullptr) {
      r.location = location;
    }
    r.error = Classify(code, *t);
    // Belt and braces: the socket callback covers every connect, this
    // covers a reused connection whose address was never seen by it.
    if (r.error == FetchError::kNone && !t->allow_private &&
        !r.primary_ip.empty() && IsNonPublicAddress(r.primary_ip)) {
      r.error = FetchError::kBlockedAddress;
      t->blocked_ip = r.primary_ip;
    }
    if (r.error == FetchError::kNone) {
      if (r.http_status == 0) r.http_status = 200;  // file://
      r.status = Status::OK();
    } else {
      std::string why;
      switch (r.error) {
        case FetchError::kTooLarge:
          why = "too large (over " + std::to_string(t->max_body) + " bytes)";
          break;
        case FetchError::kBlockedAddress:
          why = "refused address " + t->blocked_ip +
                " (private, loopback or link-local; see "
                "--allow-private-addresses)";
          break;
        default:
          why = curl_easy_strerror(code);
      }
      r.status = Status::IOError(r.url + ": " + why);
      r.body.clear();  // never hand on a partial body
    }
    done_.push_back(std::move(r));
  }

  FetcherOptions options_;
  Env* env_;
  CURLM* multi_;
  std::vector<std::unique_ptr<Transfer>> active_;
  std::vector<FetchResult> done_;
};

}  // namespace

const char* FetchErrorName(FetchError error) {
  switch (error) {
    case FetchError::kNone: return "ok";
    case FetchError::kTimeout: return "timeout";
    case FetchError::kNetwork: return "network";
    case FetchError::kTooLarge: return "too large";
    case FetchError::kBlockedAddress: return "blocked address";
    case FetchError::kBadUrl: return "bad url";
    case FetchError::kOther: return "error";
  }
  return "error";
}

std::string FetchResult::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return "";
}

bool IsNonPublicAddress(std::string_view ip) {
  const std::string s(ip);
  in_addr v4;
  if (inet_pton(AF_INET, s.c_str(), &v4) == 1) {
    return IsNonPublicV4(ntohl(v4.s_addr));
  }
  in6_addr v6;
  if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) return IsNonPublicV6(v6);
  return true;
}

Result<std::unique_ptr<Fetcher>> Fetcher::Create(const FetcherOptions& options,
                                                 Env* env) {
  GlobalInit();
  if (options.max_body_bytes == 0) {
    return Status::InvalidArgument("fetcher: max_body_bytes must be > 0");
  }
  CURLM* multi = curl_multi_init();
  if (multi == nullptr) return Status::Internal("curl_multi_init failed");
  curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    static_cast<long>(std::max(1, options.max_connections)));
  return std::unique_ptr<Fetcher>(new CurlFetcher(
      options, env != nullptr ? env : Env::Default(), multi));
}

}  // namespace newsfacts
