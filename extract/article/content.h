// Internal to extract/article/: turns a content subtree into typed blocks
// (boilerplate skipped, captions set apart) and, for pages without a site
// profile, finds the main-content container by Readability-style scoring.
//
//   BlockFilter filter{&profile_drops};
//   Content content;
//   BuildBlocks(FindMainContent(dom), filter, &content);
//
// Thread-safety: stateless functions.
#ifndef NEWSFACTS_EXTRACT_ARTICLE_CONTENT_H_
#define NEWSFACTS_EXTRACT_ARTICLE_CONTENT_H_

#include <string>
#include <vector>

#include "core/types.h"
#include "extract/article/dom.h"

namespace newsfacts {

struct Content {
  std::vector<Block> blocks;
  std::vector<std::string> captions;
};

struct BlockFilter {
  // Extra subtrees to skip (site profile drop selectors); may be null.
  const std::vector<Selector>* drop = nullptr;
  // Skip elements whose class/id look like boilerplate (share, related...).
  bool class_patterns = true;
  // Skip link-dense lists and divs (navigation, "related" link lists).
  bool link_density = true;
};

// True for elements never part of article text (script, nav, form, ...).
bool IsNonContentTag(const GumboNode* node);
// True when the element's class/id marks it as boilerplate.
bool LooksLikeBoilerplate(const GumboNode* node);

// Appends the blocks and captions of `root` to `out`, in document order.
void BuildBlocks(const GumboNode* root, const BlockFilter& filter,
                 Content* out);

// Best main-content container of the page (body when nothing scores).
// `also` receives sibling containers that look like content too, in
// document order, including the best one.
void FindMainContent(const Dom& dom, std::vector<const GumboNode*>* also);

// Drops empty blocks and later exact duplicates; joins with "\n\n".
void FinishBlocks(std::vector<Block>* blocks, std::string* text);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ARTICLE_CONTENT_H_
