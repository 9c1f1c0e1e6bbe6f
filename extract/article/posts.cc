#include "extract/article/posts.h"

#include "extract/article/content.h"
#include "extract/article/metadata.h"

namespace newsfacts {

std::vector<PostParts> SplitPosts(const Dom& dom, const SiteProfile& profile,
                                  std::string* headline) {
  std::vector<PostParts> posts;
  // The post opened by the last `post` container, until its headline.
  const PostParts* untitled_container_post = nullptr;
  const GumboNode* scope = dom.body() != nullptr ? dom.body() : dom.root();
  auto current = [&]() -> PostParts& {
    if (posts.empty()) posts.emplace_back();
    return posts.back();
  };
  ForEachElement(scope, [&](const GumboNode* n) {
    if (IsNonContentTag(n) && n->v.element.tag != GUMBO_TAG_TIME &&
        n->v.element.tag != GUMBO_TAG_HEADER)
      return false;
    for (const Selector& drop : profile.drop) {
      if (drop.Matches(n)) return false;
    }
    if (profile.post.Matches(n)) {
      posts.emplace_back();
      untitled_container_post = &posts.back();
      return true;
    }
    if (profile.title.Matches(n)) {
      std::string title = NodeText(n);
      if (headline->empty()) *headline = title;
      if (!posts.empty() && untitled_container_post == &posts.back()) {
        posts.back().title = std::move(title);
      } else {
        PostParts post;
        post.title = std::move(title);
        posts.push_back(std::move(post));
      }
      untitled_container_post = nullptr;
      return false;
    }
    for (const Selector& content : profile.content) {
      if (content.Matches(n)) {
        current().content.push_back(n);
        return false;
      }
    }
    if (profile.date.Matches(n)) {
      PostParts& post = current();
      if (post.published.empty())
        post.published = NormalizeDate(Attr(n, "datetime"));
      return false;
    }
    if (profile.byline.Matches(n)) {
      AddUnique(SplitAuthors(NodeText(n)), &current().authors);
      return false;
    }
    // Lead images sit between the headline and the text.
    if (n->v.element.tag == GUMBO_TAG_FIGURE && !posts.empty()) {
      Content c;
      BlockFilter filter;
      BuildBlocks(n, filter, &c);
      for (std::string& cap : c.captions)
        current().captions.push_back(std::move(cap));
      return false;
    }
    return true;
  });
  std::vector<PostParts> kept;
  for (PostParts& p : posts) {
    if (!p.content.empty()) kept.push_back(std::move(p));
  }
  return kept;
}

}  // namespace newsfacts
