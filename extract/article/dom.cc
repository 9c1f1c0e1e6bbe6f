#include "extract/article/dom.h"

#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cstring>

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

bool IsJsonLd(std::string_view start_tag) {
  // Looks for the attribute value, not a parsed attribute: enough to keep
  // every <script type="application/ld+json"> and harmless when it keeps
  // more.
  std::string lower(start_tag);
  for (char& c : lower) c = LowerAscii(c);
  return lower.find("ld+json") != std::string::npos;
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

std::string_view Attr(const GumboNode* node, std::string_view name) {
  if (!IsElement(node)) return {};
  const GumboVector& attrs = node->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    if (name.size() == std::strlen(a->name) &&
        strncasecmp(a->name, name.data(), name.size()) == 0) {
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
    if (name.size() == std::strlen(a->name) &&
        strncasecmp(a->name, name.data(), name.size()) == 0) {
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


std::string StripUnparsedBodies(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t copied = 0;  // html[0, copied) is in `out`, or dropped on purpose
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (i + 1 >= html.size()) break;
    const char next = html[i + 1];
    if (next == '!' && html.substr(i, 4) == "<!--") {
      // Comment: "<!-->" and "<!--->" end at once; an unclosed comment runs
      // to the end, as for the tokenizer.
      size_t end;
      if (html.substr(i + 4, 1) == ">") {
        end = i + 5;
      } else if (html.substr(i + 4, 2) == "->") {
        end = i + 6;
      } else {
        size_t close = html.find("-->", i + 4);
        end = close == std::string_view::npos ? html.size() : close + 3;
      }
      out.append(html.substr(copied, i - copied));
      copied = i = end;
      continue;
    }
    if (next == '/' || !IsAsciiAlpha(next)) {
      ++i;
      continue;
    }
    size_t name_end = i + 1;
    while (name_end < html.size() && !IsHtmlSpace(html[name_end]) &&
           html[name_end] != '>' && html[name_end] != '/')
      ++name_end;
    std::string_view name = html.substr(i + 1, name_end - i - 1);
    size_t tag_end = TagEnd(html, i);
    if (tag_end == std::string_view::npos) break;
    const size_t body = tag_end + 1;
    enum { kKeep, kDrop } what = kKeep;
    size_t body_end = std::string_view::npos;
    if (EqualsNoCase(name, "script")) {
      body_end = FindEndTag(html, body, "script");
      what = IsJsonLd(html.substr(i, body - i)) ? kKeep : kDrop;
    } else if (EqualsNoCase(name, "style")) {
      body_end = FindEndTag(html, body, "style");
      what = kDrop;
    } else if (EqualsNoCase(name, "noscript")) {
      body_end = FindEndTag(html, body, "noscript");
      what = kDrop;
    } else if (EqualsNoCase(name, "textarea") || EqualsNoCase(name, "title") ||
               EqualsNoCase(name, "xmp")) {
      body_end = FindEndTag(html, body, name);  // raw text, kept as is
    } else if ((EqualsNoCase(name, "svg") || EqualsNoCase(name, "template") ||
                EqualsNoCase(name, "nav") || EqualsNoCase(name, "select")) &&
               html[tag_end - 1] != '/') {
      body_end = FindMatchingEndTag(html, body, name);
      what = kDrop;
    } else {
      i = body;
      continue;
    }
    if (body_end == std::string_view::npos) {
      // Unclosed: leave the rest to the parser.
      i = body;
      continue;
    }
    if (what == kDrop) {
      out.append(html.substr(copied, body - copied));
      copied = body_end;
    }
    i = body_end;
  }
  out.append(html.substr(std::min(copied, html.size())));
  return out;
}

Result<std::unique_ptr<Dom>> Dom::Parse(std::string_view html) {
  std::unique_ptr<Dom> dom(new Dom());
  GumboOptions options = kGumboDefaultOptions;
  // Parse errors are irrelevant to us; recording them costs time and memory.
  options.max_errors = 0;
  dom->source_ = StripUnparsedBodies(html);
  dom->output_ = gumbo_parse_with_options(&options, dom->source_.data(),
                                          dom->source_.size());
  if (dom->output_ == nullptr || dom->output_->root == nullptr) {
    return Status::Internal("HTML parser failed");
  }
  dom->head_ = ChildByTag(dom->output_->root, GUMBO_TAG_HEAD);
  dom->body_ = ChildByTag(dom->output_->root, GUMBO_TAG_BODY);
  return dom;
}

Dom::~Dom() {
  if (output_ != nullptr) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

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
