#include "extract/article/dom.h"

#include <strings.h>

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

Result<std::unique_ptr<Dom>> Dom::Parse(std::string_view html) {
  std::unique_ptr<Dom> dom(new Dom());
  GumboOptions options = kGumboDefaultOptions;
  // Parse errors are irrelevant to us; recording them costs time and memory.
  options.max_errors = 0;
  dom->output_ = gumbo_parse_with_options(&options, html.data(), html.size());
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
