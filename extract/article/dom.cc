#include "extract/article/dom.h"

#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/strings.h"

namespace newsfacts {
namespace {

bool IsSpaceAt(std::string_view s, size_t i, size_t* width) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v') {
    *width = 1;
    return true;
  }
  // U+00A0 no-break space and U+200B zero-width space count as blanks.
  if (c == 0xC2 && i + 1 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *width = 2;
    return true;
  }
  if (c == 0xE2 && i + 2 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x8B) {
    *width = 3;
    return true;
  }
  return false;
}

void CollectText(const GumboNode* node, std::string* out, bool* pending,
                 int depth, size_t limit) {
  if (depth > kMaxDomDepth || out->size() > limit) return;
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      AppendCollapsed(node->v.text.text, out, pending);
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) {
        return;
      }
      if (tag == GUMBO_TAG_BR) *pending = true;
      const GumboVector& children = node->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        CollectText(static_cast<const GumboNode*>(children.data[i]), out,
                    pending, depth + 1, limit);
      }
      return;
    }
    default:
      return;
  }
}

const GumboNode* ChildByTag(const GumboNode* node, GumboTag tag) {
  if (node == nullptr || !IsElement(node)) return nullptr;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (IsElement(child) && child->v.element.tag == tag) return child;
  }
  return nullptr;
}

bool MatchesSimple(const GumboNode* node, const SimpleSelector& s) {
  if (!IsElement(node)) return false;
  if (!s.tag.empty() && s.tag != "*" && TagName(node) != s.tag) return false;
  if (!s.id.empty() && Attr(node, "id") != s.id) return false;
  for (const std::string& cls : s.classes) {
    if (!HasClass(node, cls)) return false;
  }
  for (const auto& [name, value] : s.attrs) {
    if (!HasAttr(node, name)) return false;
    if (!value.empty() && Attr(node, name) != value) return false;
  }
  return true;
}

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

Result<SimpleSelector> ParseSimple(std::string_view text) {
  SimpleSelector s;
  size_t i = 0;
  auto ident = [&]() {
    size_t start = i;
    while (i < text.size() && IsIdentChar(text[i])) ++i;
    return std::string(text.substr(start, i - start));
  };
  if (i < text.size() && (IsIdentChar(text[i]) || text[i] == '*')) {
    if (text[i] == '*') {
      s.tag = "*";
      ++i;
    } else {
      s.tag = ident();
      for (char& c : s.tag) c = static_cast<char>(std::tolower(c));
    }
  }
  while (i < text.size()) {
    char c = text[i++];
    if (c == '.') {
      std::string cls = ident();
      if (cls.empty()) break;
      s.classes.push_back(std::move(cls));
    } else if (c == '#') {
      s.id = ident();
      if (s.id.empty()) break;
    } else if (c == '[') {
      size_t close = text.find(']', i);
      if (close == std::string_view::npos) break;
      std::string_view inner = text.substr(i, close - i);
      i = close + 1;
      size_t eq = inner.find('=');
      std::string name(inner.substr(0, eq));
      std::string value;
      if (eq != std::string_view::npos) {
        value = std::string(inner.substr(eq + 1));
        if (value.size() >= 2 &&
            (value.front() == '"' || value.front() == '\''))
          value = value.substr(1, value.size() - 2);
      }
      s.attrs.emplace_back(std::move(name), std::move(value));
    } else {
      return Status::InvalidArgument("bad selector: " + std::string(text));
    }
  }
  if (i < text.size() ||
      (s.tag.empty() && s.id.empty() && s.classes.empty() && s.attrs.empty())) {
    return Status::InvalidArgument("bad selector: " + std::string(text));
  }
  return s;
}


// --- StripUnparsedBodies ---------------------------------------------------

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char LowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

// Position of the '>' that ends the tag starting at `lt` (quoted attribute
// values skipped), or npos when the tag never ends.
size_t TagEnd(std::string_view html, size_t lt) {
  size_t i = lt + 1;
  while (i < html.size()) {
    char c = html[i];
    if (c == '>') return i;
    if (c == '=') {
      ++i;
      while (i < html.size() && IsHtmlSpace(html[i])) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        size_t close = html.find(html[i], i + 1);
        if (close == std::string_view::npos) return close;
        i = close + 1;
      }
      continue;
    }
    ++i;
  }
  return std::string_view::npos;
}

// Start of the first "</name" (case-insensitive) at or after `from` that is
// followed by a space, '/' or '>', as the HTML tokenizer ends raw text.
size_t FindEndTag(std::string_view html, size_t from, std::string_view name) {
  size_t i = from;
  while ((i = html.find("</", i)) != std::string_view::npos) {
    size_t after = i + 2 + name.size();
    if (after < html.size() && EqualsNoCase(html.substr(i + 2, name.size()), name) &&
        (IsHtmlSpace(html[after]) || html[after] == '/' || html[after] == '>'))
      return i;
    i += 2;
  }
  return std::string_view::npos;
}

// For elements with nested markup (svg, template): the end tag that closes
// the element opened just before `from`, counting nested start tags of the
// same name.
size_t FindMatchingEndTag(std::string_view html, size_t from,
                          std::string_view name) {
  int depth = 1;
  size_t i = from;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    const size_t name_at = i + (closing ? 2 : 1);
    const size_t after = name_at + name.size();
    if (after < html.size() && EqualsNoCase(html.substr(name_at, name.size()), name) &&
        (IsHtmlSpace(html[after]) || html[after] == '/' || html[after] == '>')) {
      if (closing) {
        if (--depth == 0) return i;
      } else {
        size_t end = TagEnd(html, i);
        if (end == std::string_view::npos) return end;
        if (html[end - 1] != '/') ++depth;
        i = end;
        continue;
      }
    }
    ++i;
  }
  return std::string_view::npos;
}

}  // namespace

bool IsElement(const GumboNode* node) {
  return node != nullptr && (node->type == GUMBO_NODE_ELEMENT ||
                             node->type == GUMBO_NODE_TEMPLATE);
}

std::string_view TagName(const GumboNode* node) {
  if (!IsElement(node)) return {};
  if (node->v.element.tag != GUMBO_TAG_UNKNOWN) {
    return gumbo_normalized_tagname(node->v.element.tag);
  }
  // Unknown tags (custom elements) keep their source spelling; good enough
  // for matching since selectors are written lower-case.
  GumboStringPiece piece = node->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return std::string_view(piece.data, piece.length);
}

namespace {

// An attribute's NUL-terminated name equals `name`, ASCII case aside; the
// first byte rules out most attributes before any scan of the name.
bool NameIs(const char* attr, std::string_view name) {
  if (name.empty()) return attr[0] == '\0';
  return (attr[0] | 0x20) == (name[0] | 0x20) &&
         strncasecmp(attr, name.data(), name.size()) == 0 &&
         attr[name.size()] == '\0';
}

}  // namespace

std::string_view Attr(const GumboNode* node, std::string_view name) {
  if (!IsElement(node)) return {};
  const GumboVector& attrs = node->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    if (NameIs(a->name, name)) {
      return a->value;
    }
  }
  return {};
}

bool HasAttr(const GumboNode* node, std::string_view name) {
  if (!IsElement(node)) return false;
  const GumboVector& attrs = node->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    if (NameIs(a->name, name)) {
      return true;
    }
  }
  return false;
}

bool HasClass(const GumboNode* node, std::string_view cls) {
  std::string_view list = Attr(node, "class");
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && std::isspace(static_cast<unsigned char>(list[i])))
      ++i;
    size_t start = i;
    while (i < list.size() &&
           !std::isspace(static_cast<unsigned char>(list[i])))
      ++i;
    if (list.substr(start, i - start) == cls && i > start) return true;
  }
  return false;
}

void AppendCollapsed(std::string_view text, std::string* out,
                     bool* pending_space) {
  size_t i = 0;
  while (i < text.size()) {
    size_t width = 0;
    if (IsSpaceAt(text, i, &width)) {
      *pending_space = true;
      i += width;
      continue;
    }
    size_t start = i;
    while (i < text.size() && !IsSpaceAt(text, i, &width)) ++i;
    if (*pending_space && !out->empty() && out->back() != ' ') {
      out->push_back(' ');
    }
    *pending_space = false;
    out->append(text.substr(start, i - start));
  }
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && s[b] == ' ') ++b;
  while (e > b && s[e - 1] == ' ') --e;
  return std::string(s.substr(b, e - b));
}

std::string NodeText(const GumboNode* node, size_t max_bytes) {
  std::string out;
  bool pending = false;
  if (node != nullptr) CollectText(node, &out, &pending, 0, max_bytes);
  return Trim(out);
}

Result<Selector> Selector::Parse(std::string_view text) {
  Selector sel;
  sel.text_ = std::string(text);
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view alt = text.substr(start, comma - start);
    std::vector<SimpleSelector> chain;
    size_t i = 0;
    while (i < alt.size()) {
      while (i < alt.size() && std::isspace(static_cast<unsigned char>(alt[i])))
        ++i;
      size_t b = i;
      while (i < alt.size() &&
             !std::isspace(static_cast<unsigned char>(alt[i])))
        ++i;
      if (i > b) {
        Result<SimpleSelector> simple = ParseSimple(alt.substr(b, i - b));
        if (!simple.ok()) return simple.status();
        chain.push_back(std::move(*simple));
      }
    }
    if (chain.empty()) {
      return Status::InvalidArgument("empty selector in: " + sel.text_);
    }
    sel.alternatives_.push_back(std::move(chain));
    start = comma + 1;
  }
  return sel;
}

void Selector::AddAttributeNames(std::vector<std::string>* names) const {
  for (const auto& chain : alternatives_) {
    for (const SimpleSelector& simple : chain) {
      for (const auto& attr : simple.attrs) names->push_back(attr.first);
    }
  }
}

bool Selector::Matches(const GumboNode* node) const {
  for (const auto& chain : alternatives_) {
    if (!MatchesSimple(node, chain.back())) continue;
    // Greedy ancestor matching is exact for descendant-only chains.
    int k = static_cast<int>(chain.size()) - 2;
    const GumboNode* cur = node->parent;
    while (k >= 0 && cur != nullptr) {
      if (MatchesSimple(cur, chain[k])) --k;
      cur = cur->parent;
    }
    if (k < 0) return true;
  }
  return false;
}

bool IsAuthorArchiveHref(std::string_view href) {
  // WordPress and most CMSs link bylines to an author archive.
  for (std::string_view path :
       {"/author/", "/autor/", "/autoren/", "/auteur/", "/authors/"}) {
    if (href.find(path) != std::string_view::npos) return true;
  }
  return false;
}

namespace {

// The attributes the extraction stages read (Attr/HasAttr in
// extract/article): every other one goes before Gumbo tokenizes and copies
// it (src, alt, aria-*, srcset, data-*, on* handlers...). A stage that
// starts reading an attribute lists it here; site-profile selectors add
// theirs through `keep`. `href` is read on <link>s and for author archives
// only (IsAuthorArchiveHref), so other links lose it: a sixth of a typical
// page's markup.
constexpr std::string_view kReadAttributes[] = {
    "class",    "id",        "style",    "hidden",     "lang",
    "title",    "rel",       "type",     "name",       "content",
    "property", "itemprop",  "itemscope", "itemtype",  "typeof",
    "datetime", "pubdate",   "http-equiv", "data-testid"};

bool IsDroppedAttribute(std::string_view tag, std::string_view name,
                        std::string_view value,
                        const std::vector<std::string>& keep) {
  for (const std::string& k : keep) {
    if (EqualsNoCase(name, k)) return false;
  }
  if (EqualsNoCase(name, "href")) {
    return !EqualsNoCase(tag, "link") && !IsAuthorArchiveHref(value);
  }
  for (std::string_view read : kReadAttributes) {
    if (EqualsNoCase(name, read)) return false;
  }
  return true;
}

// Scans the attributes of the start tag whose name ends at `name_end` as
// the tokenizer does (quoted values may hold '>'), calling
// `fn(name, value, end)` for each, with `end` the position after the
// attribute and its value. Returns the position after the tag's '>', or
// npos when the tag never ends.
template <typename Fn>
size_t ForEachAttribute(std::string_view html, size_t name_end, Fn&& fn) {
  size_t i = name_end;
  while (i < html.size()) {
    while (i < html.size() && (IsHtmlSpace(html[i]) || html[i] == '/')) ++i;
    if (i >= html.size()) break;
    if (html[i] == '>') return i + 1;
    const size_t attr = i;
    ++i;  // a leading '=' belongs to the name
    while (i < html.size() && !IsHtmlSpace(html[i]) && html[i] != '/' &&
           html[i] != '>' && html[i] != '=')
      ++i;
    const std::string_view name = html.substr(attr, i - attr);
    std::string_view value;
    size_t j = i;
    while (j < html.size() && IsHtmlSpace(html[j])) ++j;
    if (j < html.size() && html[j] == '=') {
      ++j;
      while (j < html.size() && IsHtmlSpace(html[j])) ++j;
      if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
        const size_t close = html.find(html[j], j + 1);
        if (close == std::string_view::npos) break;
        value = html.substr(j + 1, close - j - 1);
        i = close + 1;
      } else {
        const size_t v = j;
        while (j < html.size() && !IsHtmlSpace(html[j]) && html[j] != '>') ++j;
        value = html.substr(v, j - v);
        i = j;
      }
    }
    fn(name, value, i);
  }
  return std::string_view::npos;
}

// Link relations no stage reads: <link> elements with only these go.
bool IsUnreadLink(std::string_view rel) {
  static constexpr std::string_view kUnread[] = {
      "stylesheet", "preload",    "prefetch", "dns-prefetch",
      "preconnect", "icon",       "shortcut", "apple-touch-icon",
      "manifest",   "modulepreload", "mask-icon", "apple-touch-icon-precomposed"};
  bool any = false;
  size_t i = 0;
  while (i < rel.size()) {
    while (i < rel.size() && IsHtmlSpace(rel[i])) ++i;
    const size_t start = i;
    while (i < rel.size() && !IsHtmlSpace(rel[i])) ++i;
    if (i == start) break;
    const std::string_view token = rel.substr(start, i - start);
    bool unread = false;
    for (std::string_view k : kUnread) unread = unread || EqualsNoCase(token, k);
    if (!unread) return false;
    any = true;
  }
  return any;
}

// Appends the start tag that begins at `lt` (its name ends at `name_end`)
// without dropped attributes; `*rel` and `*type` get those attributes'
// values. Returns the position after the tag's '>', or npos when the tag
// never ends (nothing is appended).
size_t AppendStartTag(std::string_view html, size_t lt, size_t name_end,
                      const std::vector<std::string>& keep,
                      std::string_view* rel, std::string_view* type,
                      std::string* out) {
  const std::string_view tag = html.substr(lt + 1, name_end - lt - 1);
  const size_t size_before = out->size();
  size_t copied = lt;
  size_t previous_end = name_end;  // end of the tag name or last attribute
  const size_t end = ForEachAttribute(
      html, name_end,
      [&](std::string_view name, std::string_view value, size_t attr_end) {
        if (EqualsNoCase(name, "rel")) *rel = value;
        if (EqualsNoCase(name, "type")) *type = value;
        if (IsDroppedAttribute(tag, name, value, keep)) {
          // Drops the attribute with the blanks before it; an attribute
          // glued to it (`a="1"b=2`) gets a blank of its own.
          out->append(html.substr(copied, previous_end - copied));
          copied = attr_end;
          if (attr_end < html.size() && !IsHtmlSpace(html[attr_end]) &&
              html[attr_end] != '>' && html[attr_end] != '/')
            out->push_back(' ');
        }
        previous_end = attr_end;
      });
  if (end == std::string_view::npos) {
    out->resize(size_before);
    return end;
  }
  out->append(html.substr(copied, end - copied));
  return end;
}

// Appends text between tags with each run of two or more whitespace
// characters as one (a newline if the run has one): the stages collapse
// whitespace anyway, and indentation is a good part of many pages.
void AppendSqueezed(std::string_view text, std::string* out) {
  size_t i = 0;
  while (i < text.size()) {
    size_t run = i;
    while (run < text.size() && !IsHtmlSpace(text[run])) ++run;
    out->append(text.substr(i, run - i));
    if (run >= text.size()) break;
    size_t end = run;
    bool newline = false;
    while (end < text.size() && IsHtmlSpace(text[end])) {
      newline = newline || text[end] == '\n';
      ++end;
    }
    if (end - run == 1) {
      out->push_back(text[run]);
    } else {
      out->push_back(newline ? '\n' : ' ');
    }
    i = end;
  }
}

}  // namespace

std::string StripUnparsedBodies(std::string_view html,
                                const std::vector<std::string>& keep) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;  // html[0, i) has been handled
  while (i < html.size()) {
    const size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) {
      AppendSqueezed(html.substr(i), &out);
      break;
    }
    AppendSqueezed(html.substr(i, lt - i), &out);
    i = lt;
    const char next = html[lt + 1];
    if (next == '!' && html.substr(lt, 4) == "<!--") {
      // Comment: "<!-->" and "<!--->" end at once; an unclosed comment runs
      // to the end, as for the tokenizer.
      if (html.substr(lt + 4, 1) == ">") {
        i = lt + 5;
      } else if (html.substr(lt + 4, 2) == "->") {
        i = lt + 6;
      } else {
        const size_t close = html.find("-->", lt + 4);
        i = close == std::string_view::npos ? html.size() : close + 3;
      }
      continue;
    }
    if (!IsAsciiAlpha(next)) {
      // End tag, doctype, bogus comment or a lone '<': kept through its '>'
      // (a lone '<' is text and stays as it is).
      size_t gt = next == '/' || next == '!' || next == '?'
                      ? html.find('>', lt + 1)
                      : lt;
      if (gt == std::string_view::npos) gt = html.size() - 1;
      out.append(html.substr(lt, gt + 1 - lt));
      i = gt + 1;
      continue;
    }
    size_t name_end = lt + 1;
    while (name_end < html.size() && !IsHtmlSpace(html[name_end]) &&
           html[name_end] != '>' && html[name_end] != '/')
      ++name_end;
    const std::string_view name = html.substr(lt + 1, name_end - lt - 1);
    const size_t tag_start = out.size();
    std::string_view rel, type;
    const size_t body =
        AppendStartTag(html, lt, name_end, keep, &rel, &type, &out);
    if (body == std::string_view::npos) {
      // Unclosed tag: the rest is left to the parser.
      out.append(html.substr(lt));
      break;
    }
    i = body;
    if (EqualsNoCase(name, "link") && IsUnreadLink(rel)) {
      out.resize(tag_start);  // void element: nothing else to skip
      continue;
    }
    const bool self_closed = html[body - 2] == '/';
    enum { kDrop, kVerbatim } what;
    size_t body_end;
    if (EqualsNoCase(name, "script")) {
      body_end = FindEndTag(html, body, "script");
      if (ToLowerAscii(type).find("ld+json") == std::string::npos &&
          body_end != std::string_view::npos) {
        // Scripts other than JSON-LD go whole, end tag included.
        const size_t gt = html.find('>', body_end);
        if (gt != std::string_view::npos) {
          out.resize(tag_start);
          i = gt + 1;
          continue;
        }
      }
      what = kVerbatim;
    } else if (EqualsNoCase(name, "style") || EqualsNoCase(name, "noscript")) {
      body_end = FindEndTag(html, body, name);
      what = kDrop;
    } else if (EqualsNoCase(name, "textarea") || EqualsNoCase(name, "title") ||
               EqualsNoCase(name, "xmp")) {
      body_end = FindEndTag(html, body, name);  // raw text, kept as is
      what = kVerbatim;
    } else if ((EqualsNoCase(name, "pre") || EqualsNoCase(name, "listing")) &&
               !self_closed) {
      body_end = FindMatchingEndTag(html, body, name);  // whitespace counts
      what = kVerbatim;
    } else if ((EqualsNoCase(name, "svg") || EqualsNoCase(name, "template") ||
                EqualsNoCase(name, "nav") || EqualsNoCase(name, "select")) &&
               !self_closed) {
      body_end = FindMatchingEndTag(html, body, name);
      what = kDrop;
    } else {
      continue;
    }
    if (body_end == std::string_view::npos) {
      // Unclosed: the rest is left to the parser as it is.
      out.append(html.substr(body));
      break;
    }
    if (what == kVerbatim) out.append(html.substr(body, body_end - body));
    i = body_end;
  }
  return out;
}

// Bump allocator for one Gumbo parse. Gumbo makes a few hundred thousand
// small allocations per page (a buffer per token, a node per text run) and
// frees them one by one at the end; from an arena both are nearly free, and
// the whole tree goes at once with the Dom. Gumbo never reallocates in place
// (it allocates, copies and frees), so frees can be no-ops: what a page
// wastes that way is bounded by its own parse and released with it.
class GumboArena {
 public:
  static void* Allocate(void* arena, size_t size) {
    return static_cast<GumboArena*>(arena)->Take(size);
  }
  static void Free(void* /*arena*/, void* /*ptr*/) {}

 private:
  static constexpr size_t kAlign = 16;  // as malloc on x86-64 and arm64
  static constexpr size_t kFirstBlock = 64 << 10;
  static constexpr size_t kMaxBlock = 4 << 20;

  void* Take(size_t size) {
    size = size == 0 ? kAlign : (size + kAlign - 1) & ~(kAlign - 1);
    if (size > remaining_) {
      // Not zeroed: Gumbo initializes what it allocates, as with malloc.
      const size_t block = std::max(size, next_block_);
      next_block_ = std::min(next_block_ * 2, kMaxBlock);
      blocks_.emplace_back(new std::byte[block]);
      cursor_ = blocks_.back().get();
      remaining_ = block;
    }
    void* p = cursor_;
    cursor_ += size;
    remaining_ -= size;
    return p;
  }

  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* cursor_ = nullptr;
  size_t remaining_ = 0;
  size_t next_block_ = kFirstBlock;
};

Result<std::unique_ptr<Dom>> Dom::Parse(
    std::string_view html, const std::vector<std::string>& keep_attributes) {
  std::unique_ptr<Dom> dom(new Dom());
  dom->arena_ = std::make_unique<GumboArena>();
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &GumboArena::Allocate;
  options.deallocator = &GumboArena::Free;
  options.userdata = dom->arena_.get();
  // Parse errors are irrelevant to us; recording them costs time and memory.
  options.max_errors = 0;
  dom->source_ = StripUnparsedBodies(html, keep_attributes);
  dom->output_ = gumbo_parse_with_options(&options, dom->source_.data(),
                                          dom->source_.size());
  if (dom->output_ == nullptr || dom->output_->root == nullptr) {
    return Status::Internal("HTML parser failed");
  }
  dom->head_ = ChildByTag(dom->output_->root, GUMBO_TAG_HEAD);
  dom->body_ = ChildByTag(dom->output_->root, GUMBO_TAG_BODY);
  return dom;
}

// The tree lives in the arena: no gumbo_destroy_output walk.
Dom::~Dom() = default;

const GumboNode* Dom::root() const { return output_->root; }
const GumboNode* Dom::head() const { return head_; }
const GumboNode* Dom::body() const { return body_; }

std::vector<const GumboNode*> Dom::Select(const Selector& selector,
                                          const GumboNode* scope) const {
  std::vector<const GumboNode*> out;
  if (selector.empty()) return out;
  ForEachElement(scope != nullptr ? scope : root(), [&](const GumboNode* n) {
    if (selector.Matches(n)) out.push_back(n);
    return true;
  });
  return out;
}

const GumboNode* Dom::SelectFirst(const Selector& selector,
                                  const GumboNode* scope) const {
  const GumboNode* found = nullptr;
  ForEachElement(scope != nullptr ? scope : root(), [&](const GumboNode* n) {
    if (found != nullptr) return false;
    if (selector.Matches(n)) found = n;
    return found == nullptr;
  });
  return found;
}

}  // namespace newsfacts
