// The Extractor implementation: one Gumbo parse, then metadata, then either
// the matching site profile's selectors or the generic content scoring.
#include "extract/article/extractor.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/strings.h"
#include "extract/article/boilerplate.h"
#include "extract/article/content.h"
#include "extract/article/dom.h"
#include "extract/article/headline_window.h"
#include "extract/article/local_date.h"
#include "extract/article/metadata.h"
#include "extract/article/page_hints.h"
#include "extract/article/posts.h"
#include "extract/article/site_profile.h"

namespace newsfacts {
namespace {

// Below this much text a profile match is treated as a miss (e.g. a Pangea
// page type whose markup the profile does not describe).
constexpr size_t kMinProfileText = 1;

// Several kinds can match one page ("pg-media pg-prog"); the more specific
// one wins.
int KindRank(PageKind kind) {
  switch (kind) {
    case PageKind::kProgram:
      return 5;
    case PageKind::kLive:
      return 4;
    case PageKind::kGallery:
      return 3;
    case PageKind::kVideo:
      return 2;
    case PageKind::kOther:
      return 1;
    default:
      return 0;
  }
}

PageKind KindFromProfile(const Dom& dom, const SiteProfile& profile) {
  PageKind best = PageKind::kArticle;
  const GumboNode* body = dom.body();
  if (body == nullptr) return best;
  for (const auto& [cls, kind] : profile.kinds) {
    if (HasClass(body, cls) && KindRank(kind) > KindRank(best)) best = kind;
  }
  return best;
}

void AppendCaptions(std::vector<std::string> from,
                    std::vector<std::string>* to) {
  for (std::string& c : from) {
    if (std::find(to->begin(), to->end(), c) == to->end())
      to->push_back(std::move(c));
  }
}

// Fills blocks/text/captions/posts from the profile; false when the profile
// finds no text on this page.
bool ExtractWithProfile(const Dom& dom, const SiteProfile& profile,
                        Article* article) {
  std::string headline;
  std::vector<PostParts> parts = SplitPosts(dom, profile, &headline);
  if (parts.empty()) return false;
  BlockFilter filter;
  filter.drop = &profile.drop;
  std::vector<Post> posts;
  std::vector<Block> all_blocks;
  std::vector<std::string> authors;
  for (PostParts& part : parts) {
    Content content;
    for (const GumboNode* node : part.content)
      BuildBlocks(node, filter, &content);
    Post post;
    post.title = part.title;
    post.published = part.published;
    post.authors = part.authors;
    post.blocks = std::move(content.blocks);
    FinishBlocks(&post.blocks, &post.text);
    AppendCaptions(std::move(part.captions), &article->captions);
    AppendCaptions(std::move(content.captions), &article->captions);
    AddUnique(part.authors, &authors);
    if (post.text.empty()) continue;
    all_blocks.insert(all_blocks.end(), post.blocks.begin(), post.blocks.end());
    posts.push_back(std::move(post));
  }
  size_t total = 0;
  for (const Block& b : all_blocks) total += b.text.size();
  if (total < kMinProfileText) return false;
  if (!headline.empty()) article->title = headline;
  if (!authors.empty()) article->authors = std::move(authors);
  if (article->published.empty()) article->published = posts.front().published;
  article->blocks = std::move(all_blocks);
  FinishBlocks(&article->blocks, &article->text);
  if (posts.size() >= 2) article->posts = std::move(posts);
  return true;
}

void ExtractGeneric(const Dom& dom, Article* article) {
  const std::unordered_set<const GumboNode*> anchors =
      ArticleAnchorAncestors(dom.body() != nullptr ? dom.body() : dom.root());
  BlockFilter filter;
  filter.anchors = &anchors;
  std::vector<const GumboNode*> containers;
  FindMainContent(dom, filter, &containers);
  Content content;
  for (const GumboNode* node : containers) BuildBlocks(node, filter, &content);
  size_t total = 0;
  for (const Block& b : content.blocks) total += b.text.size();
  if (total < 200) {
    // Class patterns can be too eager on unusual markup; retry without.
    Content loose;
    filter.class_patterns = false;
    for (const GumboNode* node : containers) BuildBlocks(node, filter, &loose);
    size_t loose_total = 0;
    for (const Block& b : loose.blocks) loose_total += b.text.size();
    if (loose_total > total) content = std::move(loose);
  }
  // A lead outside the container (in the headline's header, or a block of
  // its own) opens the text unless the container already holds it.
  std::vector<Block> leads = FindLeads(dom, containers);
  if (!leads.empty()) {
    std::string all;
    for (const Block& b : content.blocks) all += b.text + " ";
    std::string lead;
    for (const Block& b : leads) lead += b.text + " ";
    if (all.find(lead) == std::string::npos) {
      std::erase_if(leads, [&](const Block& l) {
        return all.find(l.text) != std::string::npos;
      });
      content.blocks.insert(content.blocks.begin(), leads.begin(),
                            leads.end());
    }
  }
  article->blocks = std::move(content.blocks);
  AppendCaptions(std::move(content.captions), &article->captions);
  FinishBlocks(&article->blocks, &article->text);
  std::vector<Block> trimmed = article->blocks;
  TrimTrailer(&trimmed);
  TrimTail(&trimmed);
  if (trimmed.size() != article->blocks.size()) {
    std::string text;
    FinishBlocks(&trimmed, &text);
    // Never trim a page down to nothing (a heading alone is dropped).
    if (!text.empty()) {
      article->blocks = std::move(trimmed);
      article->text = std::move(text);
    }
  }
}

// Bylines and author boxes that the content container shares with the
// text: a short block that is only the authors' names (after a "By"-like
// word of any language), or a short bio that opens with an author's name
// followed by a verb ("Ann Lee is a reporter ...").
bool IsBylineBlock(const Block& block, const std::vector<std::string>& authors) {
  if (authors.empty() || block.text.size() > 400) return false;
  const std::string text = SqueezeName(block.text);
  if (text.empty()) return false;
  std::string names;
  size_t found = 0;
  for (const std::string& a : authors) {
    std::string n = SqueezeName(a);
    if (n.empty()) continue;
    names += n;
    if (text.find(n) != std::string::npos) ++found;
  }
  if (found == 0) return false;
  if (block.text.size() <= 120 && found == authors.size() &&
      text.size() <= names.size() + 16)
    return true;
  for (const std::string& a : authors) {
    if (block.text.rfind(a, 0) != 0) continue;
    std::string_view rest = std::string_view(block.text).substr(a.size());
    for (std::string_view verb : {" is a", " is an", " is the", " ist ",
                                  " es ", " est ", " è "}) {
      if (rest.rfind(verb, 0) == 0) return true;
    }
  }
  return false;
}

// "Badische Zeitung" as <meta name=author> is the publisher, not a person.
void DropPublisherNames(const std::string& site_name,
                        std::vector<std::string>* authors) {
  if (site_name.empty()) return;
  const std::string site = ToLowerAscii(site_name);
  std::erase_if(*authors, [&](const std::string& a) {
    const std::string l = ToLowerAscii(a);
    return l == site || site.find(l) != std::string::npos ||
           l.find(site) != std::string::npos;
  });
}

// "www.seelenradio.de" -> "seelenradio"; "" when `url` has no host.
std::string HostName(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  if (host.substr(0, 4) == "www.") host.remove_prefix(4);
  host = host.substr(0, host.find('.'));
  return ToLowerAscii(std::string(host));
}

// Blog and portal themes put the site's name in an <h1> (often the logo
// link) above the post's own headline.
bool IsSiteHeading(const GumboNode* h1, const std::string& text,
                   const PageMetadata& meta, const std::string& host) {
  const std::string low = ToLowerAscii(text);
  if (!meta.site_name.empty() && low == ToLowerAscii(meta.site_name)) return true;
  std::string squeezed;
  for (char c : low)
    if (std::isalnum(static_cast<unsigned char>(c))) squeezed.push_back(c);
  if (!host.empty() && squeezed == host) return true;
  // "My Blog" is the part of "Post | My Blog" that StripSiteName removes.
  if (meta.html_title.find(text) != std::string::npos &&
      StripSiteName(meta.html_title, meta.site_name).find(text) ==
          std::string::npos)
    return true;
  const std::string cls = ClassAndId(h1);
  for (std::string_view k : {"logo", "site-title", "sitename", "site-name",
                             "brand", "blog-title"}) {
    if (cls.find(k) != std::string::npos) return true;
  }
  return false;
}

// The visible headline is the cleanest title: <title>/og:title often add a
// site name or a kicker, and JSON-LD headlines are often an SEO variant.
// The metadata title stands when the page has no article <h1>.
std::string ChooseTitle(const Dom& dom, const PageMetadata& meta) {
  Result<Selector> h1 = Selector::Parse("h1");
  std::vector<const GumboNode*> h1s = dom.Select(*h1, dom.body());
  const std::string host = HostName(
      !meta.canonical_url.empty() ? meta.canonical_url : meta.og_url);
  std::string first_h1;
  for (size_t i = 0; i < h1s.size() && i < 5; ++i) {
    std::string text = NodeText(h1s[i]);
    if (text.size() < 8 || text.size() > 300) continue;
    if (IsSiteHeading(h1s[i], text, meta, host) || InFooterOrAside(h1s[i]))
      continue;
    if (meta.title.find(text) != std::string::npos) return text;
    // "Politics | Headline", "Kicker: Headline": the <h1> holds a kicker
    // element before the headline that the metadata title gives alone.
    if (meta.title.size() >= 20 && text.size() > meta.title.size() &&
        text.ends_with(meta.title)) {
      std::string_view kicker(text.data(), text.size() - meta.title.size());
      if (std::count(kicker.begin(), kicker.end(), ' ') <= 6)
        return meta.title;
    }
    if (first_h1.empty()) first_h1 = text;
  }
  // An <h1> that shares no word with the metadata title is a widget or
  // place heading ("Impressum", "Leggi anche:", "Brasília"), not the story's,
  // when the metadata title reads as a headline (four words or more, not a
  // section name such as "About Us").
  if (!first_h1.empty() && ReadsAsHeadline(meta.title) &&
      !SharesAWord(first_h1, meta.title))
    return meta.title;
  if (!first_h1.empty()) return first_h1;
  return meta.title;
}

class ExtractorImpl : public Extractor {
 public:
  explicit ExtractorImpl(std::vector<SiteProfile> profiles)
      : profiles_(std::move(profiles)) {
    // Attributes a profile's selectors test survive the pre-parse strip.
    for (const SiteProfile& p : profiles_) {
      for (const Selector& s : p.content) s.AddAttributeNames(&keep_attributes_);
      for (const Selector& s : p.drop) s.AddAttributeNames(&keep_attributes_);
      for (const Selector* s : {&p.post, &p.title, &p.date, &p.byline,
                                &p.section, &p.page_date})
        s->AddAttributeNames(&keep_attributes_);
    }
  }

  Result<Article> Extract(const Document& document) const override {
    try {
      return ExtractImpl(document);
    } catch (const std::exception& e) {
      return Status::Internal(std::string("article extraction failed: ") +
                              e.what());
    }
  }

 private:
  Result<Article> ExtractImpl(const Document& document) const {
    Result<std::unique_ptr<Dom>> dom_or =
        Dom::Parse(document.html, keep_attributes_);
    if (!dom_or.ok()) return dom_or.status();
    const Dom& dom = **dom_or;
    PageMetadata meta = ReadMetadata(dom);
    Article article;
    article.canonical_url = meta.canonical_url;
    article.url =
        !meta.canonical_url.empty() ? meta.canonical_url : meta.og_url;
    article.title = meta.title;
    article.authors = meta.authors;
    article.published = meta.published;
    article.modified = meta.modified;
    article.language = meta.language;
    article.section = meta.section;
    article.tags = meta.tags;
    if (meta.og_type == "video" || meta.og_type == "video.other")
      article.kind = PageKind::kVideo;

    std::string_view url = !document.final_url.empty()
                               ? std::string_view(document.final_url)
                           : !document.requested_url.empty()
                               ? std::string_view(document.requested_url)
                               : std::string_view(article.url);
    const SiteProfile* profile = MatchProfile(profiles_, url, document.html);
    bool done = false;
    if (profile != nullptr) {
      PageKind kind = KindFromProfile(dom, *profile);
      if (kind != PageKind::kArticle) article.kind = kind;
      if (article.section.empty()) {
        if (const GumboNode* s = dom.SelectFirst(profile->section))
          article.section = NodeText(s);
      }
      done = ExtractWithProfile(dom, *profile, &article);
      if (article.published.empty()) {
        for (const GumboNode* t : dom.Select(profile->page_date)) {
          if (InTeaserOrComments(t)) continue;
          article.published = NormalizeDate(Attr(t, "datetime"));
          break;
        }
      }
    }
    if (!done) {
      ExtractGeneric(dom, &article);
      article.title = CleanTitle(ChooseTitle(dom, meta));
    }
    if (!done) {
      article.published =
          ChoosePublished(dom, url, article.published, article.modified);
    }
    if (article.published.empty())
      article.published = FindVisibleDate(dom, url);
    // A day in the URL path written compactly ("/2024/0315/"), then a date
    // line in the page's own words ("15 березня 2024", "2024年3月15日").
    if (article.published.empty())
      article.published = CompactDateInUrl(url);
    if (article.published.empty())
      article.published = LocalDateInMarkup(dom, PageLanguage(dom));
    DropPublisherNames(meta.site_name, &article.authors);
    if (article.authors.empty()) article.authors = FindBylines(dom);
    DropPublisherNames(meta.site_name, &article.authors);
    if (article.authors.empty())
      article.authors = BylineNearHeadline(ReadHeadlineWindow(dom));
    DropPublisherNames(meta.site_name, &article.authors);
    if (!done) {
      const size_t before = article.blocks.size();
      std::erase_if(article.blocks, [&](const Block& b) {
        return IsBylineBlock(b, article.authors);
      });
      if (article.blocks.size() != before)
        FinishBlocks(&article.blocks, &article.text);
    }
    if (article.text.empty()) {
      return Status::InvalidArgument("no article text");
    }
    return article;
  }

  std::vector<SiteProfile> profiles_;
  std::vector<std::string> keep_attributes_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(
    const ExtractorOptions& options) {
  std::vector<SiteProfile> profiles;
  if (!options.sites_dir.empty()) {
    Result<std::vector<SiteProfile>> loaded =
        LoadSiteProfiles(options.sites_dir);
    if (!loaded.ok()) return loaded.status();
    profiles = std::move(*loaded);
  }
  return std::unique_ptr<Extractor>(new ExtractorImpl(std::move(profiles)));
}

}  // namespace newsfacts
