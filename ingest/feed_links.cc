// Feed discovery: <link rel="alternate" type="application/rss+xml" href>
// in a page's <head>, found with the charset prescan's tag tokenizer.

#include <algorithm>

#include "core/strings.h"
#include "ingest/feeds.h"
#include "ingest/sniff.h"
#include "ingest/url.h"

namespace newsfacts {
namespace {

bool HasRelToken(std::string_view rel, std::string_view token) {
  const std::string lower = ToLowerAscii(rel);
  size_t p = 0;
  while (p < lower.size()) {
    while (p < lower.size() && (lower[p] == ' ' || lower[p] == '\t' ||
                                lower[p] == '\n' || lower[p] == '\r')) {
      ++p;
    }
    size_t end = p;
    while (end < lower.size() && lower[end] != ' ' && lower[end] != '\t' &&
           lower[end] != '\n' && lower[end] != '\r') {
      ++end;
    }
    if (std::string_view(lower).substr(p, end - p) == token) return true;
    p = end;
  }
  return false;
}

bool IsFeedType(std::string_view type) {
  const std::string t = ToLowerAscii(TrimAsciiSpace(type.substr(0, type.find(';'))));
  return t == "application/rss+xml" || t == "application/atom+xml" ||
         t == "application/rdf+xml";
}

// Attribute values in HTML may carry character references; hrefs in the
// wild use these few.
std::string DecodeBasicEntities(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'},  {"&#38;", '&'}, {"&quot;", '"'},
      {"&#39;", '\''}, {"&lt;", '<'},  {"&gt;", '>'}};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool replaced = false;
    if (s[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (s.substr(i, entity.size()) == entity) {
          out.push_back(c);
          i += entity.size() - 1;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(s[i]);
  }
  return out;
}

std::string AttributeOf(const ingest_internal::HtmlTag& tag,
                        std::string_view name) {
  for (const auto& [n, v] : tag.attributes) {
    if (n == name) return v;
  }
  return "";
}

}  // namespace

std::vector<std::string> FeedLinksInHtml(std::string_view html,
                                         std::string_view base_url) {
  std::string base(base_url);
  std::vector<std::string> hrefs;
  ingest_internal::ForEachHtmlTag(
      html, [&](const ingest_internal::HtmlTag& tag) {
        if (tag.name == "body" || (tag.end_tag && tag.name == "head")) {
          return false;
        }
        if (tag.end_tag) return true;
        if (tag.name == "base") {
          const std::string href =
              DecodeBasicEntities(AttributeOf(tag, "href"));
          if (!href.empty()) {
            Result<std::string> abs =
                base.empty() ? NormalizeUrl(href) : ResolveUrl(base, href);
            if (abs.ok()) base = *abs;
          }
          return true;
        }
        if (tag.name != "link") return true;
        if (!HasRelToken(AttributeOf(tag, "rel"), "alternate")) return true;
        if (!IsFeedType(AttributeOf(tag, "type"))) return true;
        const std::string href =
            DecodeBasicEntities(TrimAsciiSpace(AttributeOf(tag, "href")));
        if (!href.empty()) hrefs.push_back(href);
        return true;
      });
  std::vector<std::string> out;
  for (const std::string& href : hrefs) {
    Result<std::string> abs =
        base.empty() ? Result<std::string>(href) : ResolveUrl(base, href);
    if (!abs.ok()) continue;
    if (std::find(out.begin(), out.end(), *abs) == out.end()) {
      out.push_back(*abs);
    }
  }
  return out;
}

}  // namespace newsfacts
