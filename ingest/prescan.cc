// BOM, Content-Type and <meta> sniffing: the first three steps of the HTML
// Living Standard 13.2.3.1 "Determining the character encoding".

#include <cstdint>
#include <functional>

#include "core/strings.h"
#include "ingest/sniff.h"

namespace newsfacts::ingest_internal {
namespace {

// 13.2.3.2: "the first 1024 bytes" are all the prescan looks at.
constexpr size_t kPrescanBytes = 1024;

bool IsSpace(char c) {
  return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}
bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// ASCII case-insensitive "does `s` continue with `lower_word` at `pos`".
bool StartsWithAt(std::string_view s, size_t pos, std::string_view lower_word) {
  if (pos + lower_word.size() > s.size()) return false;
  for (size_t i = 0; i < lower_word.size(); ++i) {
    if (AsciiLower(s[pos + i]) != lower_word[i]) return false;
  }
  return true;
}

struct Attribute {
  std::string name;
  std::string value;
};

// 13.2.3.2 "get an attribute". Returns false when there is no further
// attribute in the tag or the bytes end first; *pos is left where the
// algorithm leaves it.
bool GetAttribute(std::string_view s, size_t* pos, Attribute* attr,
                  bool lower_value = true) {
  size_t& p = *pos;
  attr->name.clear();
  attr->value.clear();
  while (p < s.size() && (IsSpace(s[p]) || s[p] == '/')) ++p;
  if (p >= s.size() || s[p] == '>') return false;
  // Attribute name.
  while (true) {
    if (p >= s.size()) return false;
    const char c = s[p];
    if (c == '=' && !attr->name.empty()) {
      ++p;
      break;
    }
    if (IsSpace(c)) {
      while (p < s.size() && IsSpace(s[p])) ++p;
      if (p >= s.size()) return false;
      if (s[p] != '=') return true;  // a name without a value
      ++p;
      break;
    }
    if (c == '/' || c == '>') return true;
    attr->name.push_back(AsciiLower(c));
    ++p;
  }
  // Attribute value.
  while (p < s.size() && IsSpace(s[p])) ++p;
  if (p >= s.size()) return false;
  if (s[p] == '"' || s[p] == '\'') {
    const char quote = s[p];
    ++p;
    while (true) {
      if (p >= s.size()) return false;
      if (s[p] == quote) {
        ++p;
        return true;
      }
      attr->value.push_back(lower_value ? AsciiLower(s[p]) : s[p]);
      ++p;
    }
  }
  if (s[p] == '>') return true;
  while (p < s.size() && !IsSpace(s[p]) && s[p] != '>') {
    attr->value.push_back(lower_value ? AsciiLower(s[p]) : s[p]);
    ++p;
  }
  return p < s.size();
}

// Handles the attributes of one <meta> tag; returns the label it declares.
std::string ProcessMeta(std::string_view s, size_t* pos) {
  bool seen_http_equiv = false, seen_content = false, seen_charset = false;
  bool got_pragma = false;
  enum class NeedPragma { kUnset, kYes, kNo } need_pragma = NeedPragma::kUnset;
  std::string charset;
  Attribute attr;
  while (GetAttribute(s, pos, &attr)) {
    // Only the first occurrence of each attribute name counts.
    if (attr.name == "http-equiv") {
      if (seen_http_equiv) continue;
      seen_http_equiv = true;
      if (attr.value == "content-type") got_pragma = true;
    } else if (attr.name == "content") {
      if (seen_content) continue;
      seen_content = true;
      if (charset.empty()) {
        charset = CharsetFromMetaContent(attr.value);
        if (!charset.empty()) need_pragma = NeedPragma::kYes;
      }
    } else if (attr.name == "charset") {
      if (seen_charset) continue;
      seen_charset = true;
      charset = std::string(TrimAsciiSpace(attr.value));
      need_pragma = NeedPragma::kNo;
    }
  }
  if (need_pragma == NeedPragma::kUnset) return "";
  if (need_pragma == NeedPragma::kYes && !got_pragma) return "";
  // A label nobody knows does not end the prescan (the spec's "get an
  // encoding" failure); the next <meta> may do better.
  if (CanonicalCharset(charset).empty()) return "";
  return charset;
}

}  // namespace

std::string_view BomCharset(std::string_view bytes, size_t* bom_size) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
  *bom_size = 0;
  if (bytes.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) {
    *bom_size = 3;
    return "UTF-8";
  }
  if (bytes.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) {
    *bom_size = 2;
    return "UTF-16BE";
  }
  if (bytes.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) {
    *bom_size = 2;
    return "UTF-16LE";
  }
  return "";
}

std::string CharsetFromContentType(std::string_view content_type) {
  size_t semi = content_type.find(';');
  while (semi != std::string_view::npos) {
    std::string_view rest = content_type.substr(semi + 1);
    size_t next = std::string_view::npos;
    std::string_view param = rest;
    // A ';' inside a quoted value does not end the parameter.
    bool quoted = false;
    for (size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] == '"') quoted = !quoted;
      if (rest[i] == ';' && !quoted) {
        next = semi + 1 + i;
        param = rest.substr(0, i);
        break;
      }
    }
    const size_t eq = param.find('=');
    if (eq != std::string_view::npos) {
      std::string_view name = TrimAsciiSpace(param.substr(0, eq));
      if (name.size() == 7 && StartsWithAt(name, 0, "charset")) {
        std::string_view value = TrimAsciiSpace(param.substr(eq + 1));
        if (value.size() >= 2 &&
            (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front()) {
          value = value.substr(1, value.size() - 2);
        }
        return std::string(TrimAsciiSpace(value));
      }
    }
    semi = next;
  }
  return "";
}

std::string CharsetFromMetaContent(std::string_view s) {
  size_t p = 0;
  while (true) {
    // Find "charset" (case-insensitive) from p.
    size_t found = std::string_view::npos;
    for (size_t i = p; i + 7 <= s.size(); ++i) {
      if (StartsWithAt(s, i, "charset")) {
        found = i;
        break;
      }
    }
    if (found == std::string_view::npos) return "";
    p = found + 7;
    while (p < s.size() && IsSpace(s[p])) ++p;
    if (p >= s.size()) return "";
    if (s[p] != '=') continue;  // "charset" not followed by '=': look again
    ++p;
    while (p < s.size() && IsSpace(s[p])) ++p;
    if (p >= s.size()) return "";
    if (s[p] == '"' || s[p] == '\'') {
      const size_t close = s.find(s[p], p + 1);
      if (close == std::string_view::npos) return "";
      return std::string(s.substr(p + 1, close - p - 1));
    }
    size_t end = p;
    while (end < s.size() && !IsSpace(s[end]) && s[end] != ';') ++end;
    return std::string(s.substr(p, end - p));
  }
}

namespace {

// The <meta> part of the prescan over the first 1024 bytes `s`.
std::string PrescanMeta(std::string_view s) {
  size_t p = 0;
  while (p < s.size()) {
    if (StartsWithAt(s, p, "<!--")) {
      // The '>' of "-->" may share its dashes with "<!--" ("<!-->").
      const size_t close = s.find("-->", p + 2);
      if (close == std::string_view::npos) return "";
      p = close + 3;
      continue;
    }
    if (StartsWithAt(s, p, "<meta") && p + 5 < s.size() &&
        (IsSpace(s[p + 5]) || s[p + 5] == '/')) {
      p += 5;
      std::string label = ProcessMeta(s, &p);
      if (!label.empty()) return label;
      continue;
    }
    const bool open_tag =
        s[p] == '<' && p + 1 < s.size() && IsAsciiAlpha(s[p + 1]);
    const bool close_tag =
        StartsWithAt(s, p, "</") && p + 2 < s.size() && IsAsciiAlpha(s[p + 2]);
    if (open_tag || close_tag) {
      // Skip the tag name, then its attributes, so that a "<meta" inside an
      // attribute value is not mistaken for a tag.
      while (p < s.size() && !IsSpace(s[p]) && s[p] != '>') ++p;
      Attribute ignored;
      while (GetAttribute(s, &p, &ignored)) {
      }
      ++p;
      continue;
    }
    if (StartsWithAt(s, p, "<!") || StartsWithAt(s, p, "</") ||
        StartsWithAt(s, p, "<?")) {
      const size_t close = s.find('>', p + 2);
      if (close == std::string_view::npos) return "";
      p = close + 1;
      continue;
    }
    ++p;
  }
  return "";
}

// 13.2.3.2, last step ("get an XML encoding"): XHTML pages saved as .html
// often declare their charset only in <?xml ... encoding="..."?>.
std::string XmlDeclarationCharset(std::string_view s) {
  if (s.substr(0, 5) != "<?xml") return "";
  const size_t end = s.find('>');
  if (end == std::string_view::npos) return "";
  const std::string_view decl = s.substr(0, end);
  size_t p = decl.find("encoding");
  if (p == std::string_view::npos) return "";
  p += 8;
  auto skip_space = [&] {
    while (p < decl.size() && static_cast<unsigned char>(decl[p]) <= 0x20) ++p;
  };
  skip_space();
  if (p >= decl.size() || decl[p] != '=') return "";
  ++p;
  skip_space();
  if (p >= decl.size() || (decl[p] != '"' && decl[p] != '\'')) return "";
  const size_t close = decl.find(decl[p], p + 1);
  if (close == std::string_view::npos) return "";
  const std::string_view label = decl.substr(p + 1, close - p - 1);
  for (const char c : label) {
    if (static_cast<unsigned char>(c) <= 0x20) return "";
  }
  if (CanonicalCharset(label).empty()) return "";
  return std::string(label);
}

}  // namespace

std::string PrescanMetaCharset(std::string_view bytes) {
  const std::string_view s = bytes.substr(0, kPrescanBytes);
  std::string label = PrescanMeta(s);
  if (label.empty()) label = XmlDeclarationCharset(s);
  return label;
}

void ForEachHtmlTag(std::string_view html,
                    const std::function<bool(const HtmlTag&)>& fn) {
  const std::string_view s = html;
  size_t p = 0;
  HtmlTag tag;
  while (p < s.size()) {
    p = s.find('<', p);
    if (p == std::string_view::npos) return;
    if (StartsWithAt(s, p, "<!--")) {
      const size_t close = s.find("-->", p + 2);
      if (close == std::string_view::npos) return;
      p = close + 3;
      continue;
    }
    const bool end_tag = StartsWithAt(s, p, "</");
    const size_t name_start = p + (end_tag ? 2 : 1);
    if (name_start >= s.size() || !IsAsciiAlpha(s[name_start])) {
      if (StartsWithAt(s, p, "<!") || StartsWithAt(s, p, "<?") || end_tag) {
        const size_t close = s.find('>', p + 2);
        if (close == std::string_view::npos) return;
        p = close + 1;
      } else {
        ++p;
      }
      continue;
    }
    tag.name.clear();
    tag.attributes.clear();
    tag.end_tag = end_tag;
    p = name_start;
    while (p < s.size() && !IsSpace(s[p]) && s[p] != '>' && s[p] != '/') {
      tag.name.push_back(AsciiLower(s[p]));
      ++p;
    }
    Attribute attr;
    while (GetAttribute(s, &p, &attr, /*lower_value=*/false)) {
      if (!end_tag) tag.attributes.emplace_back(attr.name, attr.value);
    }
    if (p < s.size()) ++p;  // the '>'
    if (!fn(tag)) return;
    // Raw text elements: skip to their end tag so that markup inside a
    // script or style is not taken for tags.
    if (!end_tag && (tag.name == "script" || tag.name == "style" ||
                     tag.name == "textarea" || tag.name == "title")) {
      const std::string close = "</" + tag.name;
      size_t q = p;
      while (q < s.size() && !StartsWithAt(s, q, close)) {
        q = s.find('<', q + 1);
        if (q == std::string_view::npos) return;
      }
      p = q;
    }
  }
}

}  // namespace newsfacts::ingest_internal
