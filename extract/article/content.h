// Internal to extract/article/: turns a content subtree into typed blocks
// (boilerplate skipped, captions set apart) and, for pages without a site
// profile, finds the main-content container by Readability-style scoring.
//
//   std::vector<const GumboNode*> containers;
//   FindMainContent(dom, &containers);
//   Content content;
//   for (const GumboNode* n : containers) BuildBlocks(n, BlockFilter{},
//   &content); FinishBlocks(&content.blocks, &text);
//
// Thread-safety: stateless functions.
#ifndef NEWSFACTS_EXTRACT_ARTICLE_CONTENT_H_
#define NEWSFACTS_EXTRACT_ARTICLE_CONTENT_H_

#include <string>
#include <vector>

#include "core/types.h"
#include "extract/article/boilerplate.h"
#include "extract/article/dom.h"

namespace newsfacts {

struct Content {
  std::vector<Block> blocks;
  std::vector<std::string> captions;
};

// Appends the blocks and captions of `root` to `out`, in document order.
void BuildBlocks(const GumboNode* root, const BlockFilter& filter,
                 Content* out);

// Best main-content container of the page (body when nothing scores).
// `also` receives sibling containers that look like content too, in
// document order, including the best one.
// `filter` says what the scoring skips (its anchors protect the page's
// wrappers).
void FindMainContent(const Dom& dom, const BlockFilter& filter,
                     std::vector<const GumboNode*>* also);

// Leads (standfirst, teaser, excerpt) that the page sets between the
// headline and the start of the article text, outside what `containers`
// give: elements named like a lead in several languages ("lead", "intro",
// "chapo", "bajada", "perex", ...) or paragraphs in the headline's own
// <header>. Returned in document order as paragraph blocks (one per
// paragraph of the lead).
std::vector<Block> FindLeads(const Dom& dom,
                             const std::vector<const GumboNode*>& containers);

// Precision trim of the end of a generic extraction: the article's last
// words are a sentence; short trailing lines that are not (source and photo
// credits, "Contact:", "Share this article?", "Print recipe", a "Related"
// label) are the page's furniture. List items and table rows stay.
void TrimTail(std::vector<Block>* blocks);

// Cuts a "read more" trailer off the end of a generic extraction: a
// paragraph or heading that is a related-reading label ("Mehr zum Thema",
// "Read more: ...", "Читайте также") in the last 40% of the text goes with
// all that follows when that is only a little text of short lines ending
// no sentence (teaser titles, credits).
void TrimTrailer(std::vector<Block>* blocks);

// Drops empty blocks and later exact duplicates; joins with "\n\n".
void FinishBlocks(std::vector<Block>* blocks, std::string* text);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ARTICLE_CONTENT_H_
