// Internal to extract/article/: the visible text lines around the page's
// headline, and the publication day and byline they state. Many pages print
// "01. November 2021 | Naturschutz" or "Ein Artikel von Jane Doe" right
// under the <h1> in markup that carries no date/author class, or inside
// containers whose class names look like boilerplate ("...__socialSharing").
//
//   HeadlineWindow window = ReadHeadlineWindow(dom);
//   std::string day = DateNearHeadline(window);        // "2021-11-01" or ""
//   std::vector<std::string> who = BylineNearHeadline(window);
//
// Thread-safety: stateless functions; a HeadlineWindow is a plain value.
#ifndef NEWSFACTS_EXTRACT_ARTICLE_HEADLINE_WINDOW_H_
#define NEWSFACTS_EXTRACT_ARTICLE_HEADLINE_WINDOW_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/article/dom.h"

namespace newsfacts {

struct HeadlineWindow {
  // Text nodes (whitespace-collapsed, non-empty) in document order, from a
  // few lines before the first substantial <h1> to a few dozen after it.
  std::vector<std::string> lines;
  // Index in `lines` of the first line after the headline.
  size_t after_headline = 0;
  // The page's language (PageLanguage()), for dates in its own words.
  std::string language;
};

// Empty when the page has no <h1> of at least 8 bytes.
HeadlineWindow ReadHeadlineWindow(const Dom& dom);

// The first day written in a line after the headline (then in the lines
// before it), in any language (LocalDate()); also accepts a line holding
// only "31.10.23".
std::string DateNearHeadline(const HeadlineWindow& window);

// Names after a byline marker ("By", "Von", "Ein Artikel von", "Written
// by:", "Por", "Par", "Autor:") in a line after the headline; the marker may
// be a line of its own, the names then follow in the next line.
std::vector<std::string> BylineNearHeadline(const HeadlineWindow& window);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ARTICLE_HEADLINE_WINDOW_H_
