// robots.txt parsing and matching (RFC 9309). Written by hand: Debian has no
// packaged C/C++ robots.txt library (Google's robotstxt is not packaged).

#include "ingest/robots.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/strings.h"

namespace newsfacts {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

// RFC 9309 2.2.2: paths and patterns are compared after percent-encoding
// normalization (RFC 3986 6.2.2): escapes of unreserved characters are
// decoded, other escapes get upper-case hex, and bytes that may not appear
// in a URL (non-ASCII, spaces, controls) are encoded.
std::string PercentNormalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && HexDigitValue(s[i + 1]) >= 0 &&
        HexDigitValue(s[i + 2]) >= 0) {
      const auto v = static_cast<unsigned char>(HexDigitValue(s[i + 1]) * 16 +
                                                HexDigitValue(s[i + 2]));
      if (IsUnreserved(v)) {
        out.push_back(static_cast<char>(v));
      } else {
        out.push_back('%');
        out.push_back(kHex[v >> 4]);
        out.push_back(kHex[v & 15]);
      }
      i += 2;
    } else if (c >= 0x80 || c <= 0x20 || c == 0x7f) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// RFC 9309 2.2.3: '*' matches any sequence, a final '$' the end of the path;
// everything else matches itself, anchored at the start of the path. Keeps
// the set of path positions the pattern prefix can end at (as Google's
// robotstxt does), so matching is O(pattern x path) with no backtracking.
bool PatternMatches(std::string_view pattern, std::string_view path) {
  const bool anchored_end = !pattern.empty() && pattern.back() == '$';
  if (anchored_end) pattern.remove_suffix(1);
  std::vector<size_t> positions{0};
  std::vector<size_t> next;
  for (const char pc : pattern) {
    if (positions.empty()) return false;
    next.clear();
    if (pc == '*') {
      // From the smallest reachable position, every later one is reachable.
      for (size_t p = positions.front(); p <= path.size(); ++p) {
        next.push_back(p);
      }
    } else {
      for (const size_t p : positions) {
        if (p < path.size() && path[p] == pc) next.push_back(p + 1);
      }
    }
    positions.swap(next);
  }
  if (positions.empty()) return false;
  if (!anchored_end) return true;
  for (const size_t p : positions) {
    if (p == path.size()) return true;
  }
  return false;
}

// The product token of a User-Agent value: its leading run of letters,
// '_' and '-' (RFC 9309 2.2.1), lowercased; "*" for the wildcard.
std::string ProductToken(std::string_view value) {
  value = TrimAsciiSpace(value);
  if (!value.empty() && value.front() == '*') return "*";
  std::string out;
  for (const char c : value) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    c == '_' || c == '-';
    if (!ok) break;
    out.push_back(AsciiLower(c));
  }
  return out;
}

struct Line {
  std::string key;  // lowercased
  std::string_view value;
};

// Splits `body` into key/value lines: BOM skipped, LF/CR/CRLF line ends,
// comments removed, lines without ':' dropped.
std::vector<Line> SplitLines(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  bool cut = false;
  if (body.size() > RobotsRules::kMaxParseBytes) {
    body = body.substr(0, RobotsRules::kMaxParseBytes);
    cut = true;
  }
  std::vector<Line> lines;
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find_first_of("\r\n", start);
    const bool last = end == std::string_view::npos;
    if (last) end = body.size();
    // A line cut by the size limit may have lost part of its value.
    if (last && cut) break;
    std::string_view line = body.substr(start, end - start);
    start = end + 1;
    if (!last && body[end] == '\r' && start < body.size() &&
        body[start] == '\n') {
      ++start;
    }
    const size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    Line l;
    for (const char c : TrimAsciiSpace(line.substr(0, colon))) {
      l.key.push_back(AsciiLower(c));
    }
    l.value = TrimAsciiSpace(line.substr(colon + 1));
    lines.push_back(std::move(l));
  }
  return lines;
}

std::optional<double> ParseDelay(std::string_view value) {
  const std::string text(value);
  char* end = nullptr;
  const double d = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !std::isfinite(d) || d < 0) return std::nullopt;
  return d;
}

}  // namespace

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules rules;
  rules.disallow_all_ = true;
  return rules;
}

RobotsRules RobotsRules::Parse(std::string_view body,
                               std::string_view user_agent_token) {
  const std::string token = ProductToken(user_agent_token);

  // Each group: its agents, then its rules. Groups for the same agent are
  // merged by collecting from every group that names it (2.2.1).
  struct Group {
    std::vector<std::string> agents;
    std::vector<Rule> rules;
    std::optional<double> crawl_delay;
  };
  std::vector<Group> groups;
  bool in_agent_lines = false;
  RobotsRules out;
  for (const Line& line : SplitLines(body)) {
    if (line.key == "user-agent") {
      if (!in_agent_lines) groups.emplace_back();
      in_agent_lines = true;
      groups.back().agents.push_back(ProductToken(line.value));
      continue;
    }
    if (line.key == "sitemap") {
      // Sitemaps belong to no group and do not end one.
      const std::string url(line.value);
      if (!url.empty() && std::find(out.sitemaps_.begin(), out.sitemaps_.end(),
                                    url) == out.sitemaps_.end()) {
        out.sitemaps_.push_back(url);
      }
      continue;
    }
    const bool allow = line.key == "allow";
    const bool disallow = line.key == "disallow";
    const bool delay = line.key == "crawl-delay";
    if (!allow && !disallow && !delay) continue;  // unknown keys are ignored
    in_agent_lines = false;
    if (groups.empty()) continue;  // rules before any user-agent line
    Group& group = groups.back();
    if (delay) {
      if (!group.crawl_delay) group.crawl_delay = ParseDelay(line.value);
      continue;
    }
    if (line.value.empty()) continue;  // "Disallow:" allows everything
    std::string pattern = PercentNormalize(line.value);
    if (pattern.front() != '/' && pattern.front() != '*') {
      pattern.insert(pattern.begin(), '/');
    }
    group.rules.push_back({std::move(pattern), allow});
  }

  auto collect = [&](std::string_view agent) {
    bool found = false;
    for (const Group& g : groups) {
      if (std::find(g.agents.begin(), g.agents.end(), agent) ==
          g.agents.end()) {
        continue;
      }
      found = true;
      out.rules_.insert(out.rules_.end(), g.rules.begin(), g.rules.end());
      if (!out.crawl_delay_) out.crawl_delay_ = g.crawl_delay;
    }
    return found;
  };
  if (token.empty() || !collect(token)) collect("*");
  return out;
}

bool RobotsRules::Allowed(std::string_view path_and_query) const {
  if (path_and_query.empty()) path_and_query = "/";
  // 2.2.2: "/robots.txt" itself is always allowed.
  if (path_and_query == "/robots.txt") return true;
  if (disallow_all_) return false;
  if (rules_.empty()) return true;
  const std::string path = PercentNormalize(path_and_query);
  size_t best_length = 0;
  bool best_allow = true;
  bool matched = false;
  for (const Rule& rule : rules_) {
    if (!PatternMatches(rule.pattern, path)) continue;
    const size_t length = rule.pattern.size();
    if (!matched || length > best_length ||
        (length == best_length && rule.allow)) {
      best_length = length;
      best_allow = rule.allow;
      matched = true;
    }
  }
  return !matched || best_allow;
}

RobotsRules RobotsForStatus(int http_status, std::string_view body,
                            std::string_view user_agent_token) {
  if (http_status >= 200 && http_status < 300) {
    return RobotsRules::Parse(body, user_agent_token);
  }
  if (http_status == 429 || http_status >= 500 || http_status <= 0) {
    RobotsRules rules = RobotsRules::DisallowAll();
    rules.retry_later_ = true;
    return rules;
  }
  return RobotsRules::AllowAll();
}

}  // namespace newsfacts
