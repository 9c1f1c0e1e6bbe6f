// Internal to extract/article/: what is not article text. Tag and
// class/id patterns for boilerplate (share bars, related links, comments),
// hidden elements, and per-element text/link statistics used both to drop
// link lists and to score main-content candidates.
//
//   BlockFilter filter;
//   StatsMap stats;
//   ComputeStats(body, filter, &stats, 0);
//   if (Skipped(node, filter)) ...
//
// Thread-safety: stateless functions.
#ifndef NEWSFACTS_EXTRACT_ARTICLE_BOILERPLATE_H_
#define NEWSFACTS_EXTRACT_ARTICLE_BOILERPLATE_H_

#include <cstddef>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/article/dom.h"

namespace newsfacts {

struct BlockFilter {
  // Extra subtrees to skip (site profile drop selectors); may be null.
  const std::vector<Selector>* drop = nullptr;
  // Skip elements whose class/id look like boilerplate (share, related...).
  bool class_patterns = true;
  // Skip link-dense lists and divs (navigation, "related" link lists).
  bool link_density = true;
  // Elements that hold the article's anchors (its headline, articleBody,
  // <main>): never skipped for their class/id, because themes put words
  // like "sidebar" or "lightbox" on the wrappers of the whole page. May be
  // null.
  const std::unordered_set<const GumboNode*>* anchors = nullptr;
};

// The ancestors (inclusive) of the page's article anchors: body <h1>s that
// are not site logos, [itemprop=articleBody] and <main>; and the chain of
// elements that each hold at least half of the page's paragraph text (the
// article, whatever its class says), stopping at comment threads.
std::unordered_set<const GumboNode*> ArticleAnchorAncestors(
    const GumboNode* body);

// The element's class and id, lower-cased, joined by a space: what the
// class/id vocabularies are matched against.
std::string ClassAndId(const GumboNode* node);
// True for elements never part of article text (script, nav, aside, ...).
bool IsNonContentTag(const GumboNode* node);
// True when the element's class/id marks it as boilerplate.
bool LooksLikeBoilerplate(const GumboNode* node);
// True when the element sits in a teaser, comment or "related" box: an
// ancestor is <aside>/<footer>, has a strong boilerplate class/id, or is
// one item of a list whose items carry dates. Dates there are never the
// page's own.
bool InTeaserOrComments(const GumboNode* node);
// The same test for the element alone (for top-down walks that prune).
bool IsTeaserOrCommentsBox(const GumboNode* node);
// Narrower, for text near the headline, where meta bars mix the page's date
// with share and comment-count widgets: comment sections, "related" /
// "most read" boxes and dated list items only.
bool IsOtherPagesBox(const GumboNode* node);
// hidden attribute or display:none / visibility:hidden inline style.
bool IsHidden(const GumboNode* node);
bool IsHeading(GumboTag tag);
// Whether `filter` leaves the element (and its subtree) out.
bool Skipped(const GumboNode* node, const BlockFilter& filter);
// Readability-style class/id weight: +25 content-like, -25 boilerplate.
double ClassWeight(const GumboNode* node);

// Text and link-text byte counts per element, computed once bottom-up so
// that link-density checks stay linear in page size.
struct Stats {
  size_t direct = 0;  // text in the element's own text nodes
  size_t text = 0;
  size_t links = 0;
  size_t commas = 0;
};
using StatsMap = std::unordered_map<const GumboNode*, Stats>;

// Fills `map` for every element under `node` not skipped by `filter`.
Stats ComputeStats(const GumboNode* node, const BlockFilter& filter,
                   StatsMap* map, int depth);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ARTICLE_BOILERPLATE_H_
