// URL normalization and resolution on top of liburiparser (RFC 3986), and
// registrable domains from libpsl.

#include "ingest/url.h"

#include <libpsl.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <uriparser/Uri.h>

#include <array>
#include <cstring>

#include "core/strings.h"

namespace newsfacts {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

// uriparser accepts only RFC 3986 characters, while real links carry raw
// UTF-8 (IDN hosts, Cyrillic slugs), spaces and the odd '|' or '^'. Such
// bytes are percent-encoded the way browsers do before parsing; tabs and
// newlines inside a URL are removed (WHATWG URL parsing does the same).
std::string EncodeForParsing(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  for (const char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    const bool bad = c >= 0x80 || c <= 0x20 || c == 0x7f || c == '"' ||
                     c == '<' || c == '>' || c == '\\' || c == '^' ||
                     c == '`' || c == '{' || c == '|' || c == '}';
    if (bad) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

// Decodes the escapes EncodeForParsing made in a host (non-ASCII bytes),
// so IDN hosts come back as written.
std::string DecodeHighBytes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = HexDigitValue(s[i + 1]), lo = HexDigitValue(s[i + 2]);
      if (hi >= 8 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// Lowercases a host; non-ASCII hosts through ICU's root-locale case map.
std::string LowerHost(std::string_view host) {
  bool ascii = true;
  for (const char c : host)
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return ToLowerAscii(host);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(host.data(), static_cast<int32_t>(host.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Owns a parsed UriUriA.
class ParsedUri {
 public:
  ParsedUri() { std::memset(&uri_, 0, sizeof(uri_)); }
  ~ParsedUri() {
    if (parsed_) uriFreeUriMembersA(&uri_);
  }
  ParsedUri(const ParsedUri&) = delete;
  ParsedUri& operator=(const ParsedUri&) = delete;

  // Parses `text`, which must outlive this object.
  bool Parse(const std::string& text) {
    const char* error_pos = nullptr;
    parsed_ =
        uriParseSingleUriExA(&uri_, text.data(), text.data() + text.size(),
                             &error_pos) == URI_SUCCESS;
    return parsed_;
  }
  UriUriA* get() { return &uri_; }
  // Marks `uri_` as filled by a uriparser call other than Parse.
  void set_filled() { parsed_ = true; }

 private:
  UriUriA uri_;
  bool parsed_ = false;
};

bool HasRange(const UriTextRangeA& r) { return r.first != nullptr; }

Result<std::string> ToString(const UriUriA* uri) {
  int chars = 0;
  if (uriToStringCharsRequiredA(uri, &chars) != URI_SUCCESS) {
    return Status::InvalidArgument("URL cannot be written back");
  }
  std::string out(static_cast<size_t>(chars) + 1, '\0');
  if (uriToStringA(out.data(), uri, chars + 1, nullptr) != URI_SUCCESS) {
    return Status::InvalidArgument("URL cannot be written back");
  }
  out.resize(std::strlen(out.c_str()));
  return out;
}

// The parts of a syntactically valid absolute URL, split by hand (the text
// has been checked by uriparser first).
struct UrlParts {
  std::string_view scheme;
  bool has_authority = false;
  std::string_view userinfo;  // without '@'
  std::string_view host;      // with brackets for IPv6 literals
  std::string_view port;      // without ':'
  std::string_view path;
  bool has_query = false;
  std::string_view query;  // without '?'
};

UrlParts Split(std::string_view url) {
  UrlParts p;
  const size_t hash = url.find('#');
  if (hash != std::string_view::npos) url = url.substr(0, hash);
  const size_t colon = url.find(':');
  p.scheme = url.substr(0, colon);
  std::string_view rest = url.substr(colon + 1);
  if (rest.substr(0, 2) == "//") {
    p.has_authority = true;
    rest.remove_prefix(2);
    const size_t end = rest.find_first_of("/?");
    std::string_view authority = rest.substr(0, end);
    rest =
        end == std::string_view::npos ? std::string_view() : rest.substr(end);
    const size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
      p.userinfo = authority.substr(0, at);
      authority.remove_prefix(at + 1);
    }
    const size_t bracket = authority.rfind(']');
    const size_t port_colon = authority.rfind(':');
    if (port_colon != std::string_view::npos &&
        (bracket == std::string_view::npos || port_colon > bracket)) {
      p.port = authority.substr(port_colon + 1);
      authority = authority.substr(0, port_colon);
    }
    p.host = authority;
  }
  const size_t q = rest.find('?');
  p.path = rest.substr(0, q);
  if (q != std::string_view::npos) {
    p.has_query = true;
    p.query = rest.substr(q + 1);
  }
  return p;
}

bool IsDefaultPort(std::string_view scheme, std::string_view port) {
  return port.empty() || (scheme == "http" && port == "80") ||
         (scheme == "https" && port == "443");
}

bool IsTrackingParameter(std::string_view name) {
  const std::string lower = ToLowerAscii(name);
  if (lower.rfind("utm_", 0) == 0) return true;
  static constexpr std::array<std::string_view, 9> kNames = {
      "fbclid", "gclid",  "mc_cid",        "mc_eid", "ocid",
      "cmpid",  "layout", "fb_comment_id", "dclid"};
  for (const std::string_view n : kNames) {
    if (lower == n) return true;
  }
  return false;
}

std::string FilterQuery(std::string_view query) {
  std::string out;
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view param = query.substr(start, end - start);
    const std::string_view name = param.substr(0, param.find('='));
    if (!param.empty() && !IsTrackingParameter(name)) {
      if (!out.empty()) out.push_back('&');
      out.append(param);
    }
    start = end + 1;
  }
  return out;
}

struct Normalized {
  std::string text;  // as uriparser writes it back
  // uriparser writes IPv6 literals in full ("0000:...:0001"); the host as
  // written in the input ("[::1]") is kept here for those.
  std::string ip6_host;
};

// Parses and syntax-normalizes (case of scheme and host, dot segments)
// `url`.
Result<Normalized> ParseNormalized(std::string_view url) {
  const std::string encoded = EncodeForParsing(TrimAsciiSpace(url));
  ParsedUri uri;
  if (!uri.Parse(encoded)) {
    return Status::InvalidArgument("not a valid URL: " + std::string(url));
  }
  if (!HasRange(uri.get()->scheme)) {
    return Status::InvalidArgument("not an absolute URL: " + std::string(url));
  }
  Normalized out;
  if (uri.get()->hostData.ip6 != nullptr) {
    const UriTextRangeA& h = uri.get()->hostText;
    out.ip6_host =
        "[" + ToLowerAscii(std::string_view(h.first, h.afterLast - h.first)) +
        "]";
  }
  if (uriNormalizeSyntaxExA(uri.get(), URI_NORMALIZE_SCHEME |
                                           URI_NORMALIZE_HOST |
                                           URI_NORMALIZE_PATH) != URI_SUCCESS) {
    return Status::InvalidArgument("URL cannot be normalized: " +
                                   std::string(url));
  }
  Result<std::string> text = ToString(uri.get());
  if (!text.ok()) return text.status();
  out.text = std::move(*text);
  return out;
}

// The host of `n` for output: IDN bytes restored, lowercased, IPv6 as
// written.
std::string HostOf(const Normalized& n, const UrlParts& p) {
  if (!n.ip6_host.empty()) return n.ip6_host;
  return LowerHost(DecodeHighBytes(p.host));
}

const psl_ctx_t* Psl() {
  // psl_latest reads the list installed with libpsl (newest of the system
  // copy and the built-in one); it is immutable and shared by all threads.
  static const psl_ctx_t* const ctx = [] {
    const psl_ctx_t* latest = psl_latest(nullptr);
    return latest != nullptr ? latest : psl_builtin();
  }();
  return ctx;
}

bool IsIpLiteral(std::string_view host) {
  if (host.find(':') != std::string_view::npos) return true;  // IPv6
  if (host.empty()) return false;
  for (const char c : host) {
    if (!(c == '.' || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Result<std::string> NormalizeUrl(std::string_view url) {
  Result<Normalized> n = ParseNormalized(url);
  if (!n.ok()) return n.status();
  const UrlParts p = Split(n->text);
  if (p.scheme != "http" && p.scheme != "https" && p.scheme != "file") {
    return Status::InvalidArgument("unsupported URL scheme '" +
                                   std::string(p.scheme) +
                                   "': " + std::string(url));
  }
  if (p.scheme != "file" && p.host.empty()) {
    return Status::InvalidArgument("URL has no host: " + std::string(url));
  }
  std::string out(p.scheme);
  out += ':';
  if (p.has_authority) {
    out += "//";
    if (!p.userinfo.empty()) {
      out.append(p.userinfo);
      out += '@';
    }
    out += HostOf(*n, p);
    if (!IsDefaultPort(p.scheme, p.port)) {
      out += ':';
      out.append(p.port);
    }
  }
  if (p.path.empty() && p.has_authority) {
    out += '/';
  } else {
    out.append(p.path);
  }
  if (p.has_query) {
    const std::string query = FilterQuery(p.query);
    if (!query.empty()) {
      out += '?';
      out += query;
    }
  }
  return out;
}

Result<std::string> ResolveUrl(std::string_view base, std::string_view ref) {
  const std::string base_text = EncodeForParsing(TrimAsciiSpace(base));
  const std::string ref_text = EncodeForParsing(TrimAsciiSpace(ref));
  ParsedUri base_uri, ref_uri, out;
  if (!base_uri.Parse(base_text) || !HasRange(base_uri.get()->scheme)) {
    return Status::InvalidArgument("not an absolute base URL: " +
                                   std::string(base));
  }
  if (!ref_uri.Parse(ref_text)) {
    return Status::InvalidArgument("not a valid URL reference: " +
                                   std::string(ref));
  }
  const int rc = uriAddBaseUriExA(out.get(), ref_uri.get(), base_uri.get(),
                                  URI_RESOLVE_STRICTLY);
  out.set_filled();
  if (rc != URI_SUCCESS) {
    return Status::InvalidArgument("cannot resolve '" + std::string(ref) +
                                   "' against " + std::string(base));
  }
  return ToString(out.get());
}

std::string UrlHost(std::string_view url) {
  Result<Normalized> n = ParseNormalized(url);
  if (!n.ok()) return "";
  std::string host = HostOf(*n, Split(n->text));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return host;
}

std::string UrlOrigin(std::string_view url) {
  Result<Normalized> n = ParseNormalized(url);
  if (!n.ok()) return "";
  const UrlParts p = Split(n->text);
  if (p.host.empty()) return "";
  std::string out(p.scheme);
  out += "://";
  out += HostOf(*n, p);
  if (!IsDefaultPort(p.scheme, p.port)) {
    out += ':';
    out.append(p.port);
  }
  return out;
}

std::string UrlPathAndQuery(std::string_view url) {
  const std::string encoded = EncodeForParsing(TrimAsciiSpace(url));
  ParsedUri uri;
  if (!uri.Parse(encoded) || !HasRange(uri.get()->scheme)) return "";
  const UrlParts p = Split(encoded);
  std::string out(p.path.empty() ? "/" : std::string(p.path));
  if (p.has_query) {
    out += '?';
    out.append(p.query);
  }
  return out;
}

std::string RegistrableDomain(std::string_view host) {
  const std::string lower = LowerHost(host);
  if (lower.empty() || IsIpLiteral(lower)) return lower;
  const char* domain = psl_registrable_domain(Psl(), lower.c_str());
  if (domain == nullptr) return lower;
  return std::string(domain);
}

std::string DedupKey(std::string_view normalized_url) {
  const UrlParts p = Split(normalized_url);
  if ((p.scheme == "http" || p.scheme == "https") &&
      p.path.substr(0, 3) == "/a/" && p.path.size() > 8 &&
      p.path.substr(p.path.size() - 5) == ".html") {
    // "/a/<slug>/<id>.html" or "/a/<id>.html"
    std::string_view rest = p.path.substr(3, p.path.size() - 3 - 5);
    const size_t slash = rest.find('/');
    if (slash != std::string_view::npos) {
      const std::string_view slug = rest.substr(0, slash);
      rest = rest.substr(slash + 1);
      if (slug.empty() || rest.find('/') != std::string_view::npos) {
        return std::string(normalized_url);
      }
    }
    if (AllDigits(rest)) {
      std::string host(p.host);
      if (host.size() >= 2 && host.front() == '[')
        host = host.substr(1, host.size() - 2);
      return "pangea:" + RegistrableDomain(host) + ":" + std::string(rest);
    }
  }
  return std::string(normalized_url);
}

}  // namespace newsfacts
