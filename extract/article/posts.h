// Internal to extract/article/: splits a profiled page into its posts. A
// page carries one post per headline match; the content, date and bylines
// that follow a headline in document order belong to it. This works for
// single articles and for blogs/newsletters that repeat the article markup.
//
//   std::vector<PostParts> parts = SplitPosts(dom, profile);
//
// Thread-safety: stateless function.
#ifndef NEWSFACTS_EXTRACT_ARTICLE_POSTS_H_
#define NEWSFACTS_EXTRACT_ARTICLE_POSTS_H_

#include <string>
#include <vector>

#include "extract/article/dom.h"
#include "extract/article/site_profile.h"

namespace newsfacts {

struct PostParts {
  std::string title;
  std::string published;  // normalized
  std::vector<std::string> authors;
  std::vector<const GumboNode*> content;
  std::vector<std::string> captions;  // figcaptions outside `content`
};

// Posts in document order; content found before any headline opens an
// untitled post. Posts without content are dropped. An element matching the
// profile's `post` selector opens a post of its own, so a live-blog entry
// whose time or byline precedes its headline keeps them. `headline` gets
// the first headline of the page, even when no text follows it.
std::vector<PostParts> SplitPosts(const Dom& dom, const SiteProfile& profile,
                                  std::string* headline);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ARTICLE_POSTS_H_
