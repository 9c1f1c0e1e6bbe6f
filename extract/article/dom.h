// Internal to extract/article/: a thin read-only wrapper over one Gumbo parse
// tree, with the few queries the extractor needs (attributes, classes,
// normalized text, and a small CSS-like selector language).
//
//   Result<std::unique_ptr<Dom>> dom = Dom::Parse(html);
//   Selector sel = Selector::Parse(".content-floated-wrap .wsw");
//   for (const GumboNode* n : (*dom)->Select(sel)) { ... }
//
// Thread-safety: a Dom is immutable after Parse(); concurrent reads are safe.
#ifndef NEWSFACTS_EXTRACT_ARTICLE_DOM_H_
#define NEWSFACTS_EXTRACT_ARTICLE_DOM_H_

#include <gumbo.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace newsfacts {

// Deeper subtrees are ignored: protects the recursive walkers from
// pathological nesting without rejecting the page.
inline constexpr int kMaxDomDepth = 512;

bool IsElement(const GumboNode* node);
// Lower-case tag name ("div"); "" for non-elements.
std::string_view TagName(const GumboNode* node);
// Attribute value or "" when absent.
std::string_view Attr(const GumboNode* node, std::string_view name);
bool HasAttr(const GumboNode* node, std::string_view name);
// True when the whitespace-separated class list contains `cls` exactly.
bool HasClass(const GumboNode* node, std::string_view cls);

// True when a link target is an author archive ("/author/jane-doe"): the
// one thing the stages read in the href of an <a>.
bool IsAuthorArchiveHref(std::string_view href);

// Appends `text` to `out`, collapsing runs of whitespace (ASCII and no-break
// space) to one space; `*pending_space` carries state across calls.
void AppendCollapsed(std::string_view text, std::string* out,
                     bool* pending_space);
// Removes leading/trailing spaces.
std::string Trim(std::string_view s);
// Whitespace-normalized text of the subtree (script/style skipped). Stops
// soon after `max_bytes` so that probing many nested elements stays cheap.
std::string NodeText(const GumboNode* node, size_t max_bytes = SIZE_MAX);

// One compound selector: tag, .class (any number), #id, [attr], [attr=value].
struct SimpleSelector {
  std::string tag;
  std::string id;
  std::vector<std::string> classes;
  std::vector<std::pair<std::string, std::string>> attrs;  // value "" = any
  bool any_value_attr_only = true;
};

// Descendant chain ("a .b c"); a comma list gives alternatives.
class Selector {
 public:
  static Result<Selector> Parse(std::string_view text);
  bool Matches(const GumboNode* node) const;
  bool empty() const { return alternatives_.empty(); }
  const std::string& text() const { return text_; }
  // Appends the attribute names the selector tests ("[data-role=x]").
  void AddAttributeNames(std::vector<std::string>* names) const;

 private:
  std::vector<std::vector<SimpleSelector>> alternatives_;
  std::string text_;
};

// Copy of `html` without what the extractor never reads, so that Gumbo has
// less to tokenize: comments, scripts other than JSON-LD and <link>s to
// stylesheets, icons and preloads are dropped, and the bodies of style,
// noscript, template and svg elements are emptied (the start and end tags
// stay, so the tree keeps its shape), and so are those of nav and select,
// which every stage skips anyway. Start tags keep only the attributes a
// stage reads (class, id, style, the metadata ones, data-testid, those named
// in `keep_attributes`, and href on <link>s and author-archive links; src,
// alt, aria-*, srcset, on* handlers and other data-* go), and runs of
// whitespace between tags become one character (not inside pre, listing,
// textarea, title, xmp or JSON-LD). Tags are scanned with their quoted
// attribute values, and raw-text elements (script, style, textarea, title,
// xmp) end where the HTML tokenizer ends them, so markup inside attribute
// values or raw text never starts a cut. Hand-written: no library offers a tokenizer-level skip in
// front of Gumbo. Unclosed bodies and tags are kept as they are.
std::string StripUnparsedBodies(
    std::string_view html, const std::vector<std::string>& keep_attributes = {});

class GumboArena;  // dom.cc: the memory of one parse

class Dom {
 public:
  // Parses StripUnparsedBodies(html, keep_attributes); the tree's text
  // points into a copy owned by the Dom.
  static Result<std::unique_ptr<Dom>> Parse(
      std::string_view html,
      const std::vector<std::string>& keep_attributes = {});
  ~Dom();
  Dom(const Dom&) = delete;
  Dom& operator=(const Dom&) = delete;

  const GumboNode* root() const;  // the <html> element
  const GumboNode* head() const;  // may be null
  const GumboNode* body() const;  // may be null

  // Matching elements under `scope` (default: whole document) in document
  // order.
  std::vector<const GumboNode*> Select(const Selector& selector,
                                       const GumboNode* scope = nullptr) const;
  const GumboNode* SelectFirst(const Selector& selector,
                               const GumboNode* scope = nullptr) const;

 private:
  Dom() = default;
  std::string source_;  // Gumbo's string pieces point into it
  std::unique_ptr<GumboArena> arena_;  // owns every node of output_
  GumboOutput* output_ = nullptr;
  const GumboNode* head_ = nullptr;
  const GumboNode* body_ = nullptr;
};

// Calls `fn(node)` on every element under `node` (inclusive) in document
// order; `fn` returns false to skip the element's children.
template <typename Fn>
void ForEachElement(const GumboNode* node, Fn&& fn, int depth = 0) {
  if (node == nullptr || depth > kMaxDomDepth || !IsElement(node)) return;
  if (!fn(node)) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    ForEachElement(static_cast<const GumboNode*>(children.data[i]), fn,
                   depth + 1);
  }
}

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ARTICLE_DOM_H_
