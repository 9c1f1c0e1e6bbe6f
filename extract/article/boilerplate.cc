#include "extract/article/boilerplate.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/strings.h"

namespace newsfacts {
namespace {

// Substrings of class/id that mark a subtree as not article text. Strong
// ones apply everywhere; weak ones are ignored when the same class/id also
// says "content" (e.g. "article-body sidebar-none").
constexpr std::string_view kStrongBoilerplate[] = {
    "share",         "social",
    "comment",       "newsletter",
    "subscri",       "cookie",
    "related",       "promo",
    "advert",        "breadcrumb",
    "sr-only",       "caption",
    "disclaimer",    "outbrain",
    "taboola",       "recommend",
    "signup",        "sign-up",
    "paywall",       "visually-hidden",
    "screen-reader", "skip-link",
    "lightbox",      "pagination",
    "ymla",          "responsive-indicator",
    "donate",        "more-stories",
    "most-popular",  "trending",
    "ad-slot",       "ad-container",
    "ads-",          "-ads",
    "dfp",           "nl-promo",
    "disqus",        "respond",
    "next-prev",     "prev-next",
    "akismet",       "wpdiscuz"};
// Compounds whose weak word would otherwise be excused by the content hint
// in the same name ("post", "entry"): never article text, though they hold
// the date and byline that page hints read.
constexpr std::string_view kNotText[] = {
    "credit",        "post-meta",
    "entry-meta",    "article-meta",
    "post-author",   "author-bio",
    "author-box",    "about-author",
    "author-info",   "post-tags",
    "entry-tags",    "entry-footer",
    "post-footer",   "article-footer"};
constexpr std::string_view kWeakBoilerplate[] = {
    "sidebar",   "footer",  "banner",    "menu",     "nav",       "widget",
    "byline",    "author",  "masthead",  "header",   "hidden",    "tags",
    "meta",      "rail",    "aside",     "print",    "dateline",  "timestamp",
    "modal",     "popup",   "read-more", "readmore", "load-more", "showmore",
    "show-more", "tooltip", "toolbar",   "sponsor",  "cta"};
constexpr std::string_view kContentHints[] = {"article", "body", "content",
                                              "entry",   "main", "post",
                                              "story",   "text", "wsw"};

// The lists above as one-pass matchers (ClassAndId strings of every element
// are checked against them).
bool IsStrongBoilerplate(std::string_view s) {
  static const SubstringSet set(kStrongBoilerplate);
  return set.FoundIn(s);
}
bool IsNotText(std::string_view s) {
  static const SubstringSet set(kNotText);
  return set.FoundIn(s);
}
bool IsWeakBoilerplate(std::string_view s) {
  static const SubstringSet set(kWeakBoilerplate);
  return set.FoundIn(s);
}
bool HasContentHint(std::string_view s) {
  static const SubstringSet set(kContentHints);
  return set.FoundIn(s);
}

// True when `node` or an element under it is a `tag`.
bool Holds(const GumboNode* node, GumboTag tag) {
  bool found = false;
  ForEachElement(node, [&](const GumboNode* n) {
    if (n->v.element.tag == tag) found = true;
    return !found;
  });
  return found;
}

// Paragraph text below this is too little to say where the article is.
constexpr size_t kMinRichText = 400;
// Paragraph text an element needs at the least to count as article text.
constexpr size_t kMinRichElement = 200;
// Share of the page's paragraph text that makes an element article text.
constexpr double kRichShare = 0.25;
// An inline hover card holds a picture and at least this many links, at
// most this many levels inside a paragraph.
constexpr int kMinCardLinks = 2;
constexpr int kMaxCardDepth = 6;

bool IsCommentThread(const GumboNode* node) {
  static const SubstringSet kThread(
      {"comment", "disqus", "respond", "discussion", "replies", "forum"});
  return kThread.FoundIn(ClassAndId(node));
}

// Non-link text inside <p> elements under `node`. When `rich` is set,
// every element outside comment threads holding at least `rich` of it is
// added to `*rich_out`. Script, style and similar never-text elements
// count nothing.
size_t ParagraphText(const GumboNode* node, bool in_p, size_t rich,
                     bool in_comments,
                     std::unordered_set<const GumboNode*>* rich_out,
                     int depth) {
  if (depth > kMaxDomDepth) return 0;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    if (!in_p) return 0;
    size_t n = 0;
    for (char c : std::string_view(node->v.text.text))
      if (!IsAsciiSpace(c)) ++n;
    return n;
  }
  if (!IsElement(node)) return 0;
  GumboTag t = node->v.element.tag;
  if (t == GUMBO_TAG_A || t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE ||
      t == GUMBO_TAG_NAV || t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_ASIDE ||
      t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_SELECT)
    return 0;
  in_p = in_p || t == GUMBO_TAG_P;
  if (rich_out != nullptr && !in_comments && IsCommentThread(node))
    in_comments = true;
  size_t sum = 0;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    sum += ParagraphText(static_cast<const GumboNode*>(children.data[i]), in_p,
                         rich, in_comments, rich_out, depth + 1);
  if (rich_out != nullptr && !in_comments && sum >= rich)
    rich_out->insert(node);
  return sum;
}

}  // namespace

std::string ClassAndId(const GumboNode* node) {
  const std::string_view cls = Attr(node, "class");
  const std::string_view id = Attr(node, "id");
  std::string s;
  s.reserve(cls.size() + 1 + id.size());
  s.append(cls);
  s.push_back(' ');
  s.append(id);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

namespace {

// The class/id as the boilerplate vocabularies see it: CMS state flags
// that contain a boilerplate word but say nothing about the element
// (Drupal's "node--promoted": promoted to the front page) are blanked.
std::string BoilerplateName(const GumboNode* node) {
  std::string s = ClassAndId(node);
  for (std::string_view flag : {"promoted"}) {
    for (size_t at = s.find(flag); at != std::string::npos;
         at = s.find(flag, at))
      s.replace(at, flag.size(), flag.size(), ' ');
  }
  return s;
}

}  // namespace

bool IsHidden(const GumboNode* node) {
  if (HasAttr(node, "hidden")) return true;
  std::string_view style = Attr(node, "style");
  if (!style.empty()) {
    std::string s;
    for (char c : style)
      if (c != ' ') s.push_back(static_cast<char>(std::tolower(c)));
    if (s.find("display:none") != std::string::npos ||
        s.find("visibility:hidden") != std::string::npos)
      return true;
  }
  return false;
}

bool IsHeading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
         t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

std::unordered_set<const GumboNode*> ArticleAnchorAncestors(
    const GumboNode* body) {
  std::unordered_set<const GumboNode*> out;
  ForEachElement(body, [&](const GumboNode* n) {
    GumboTag t = n->v.element.tag;
    bool anchor = t == GUMBO_TAG_MAIN || Attr(n, "itemprop") == "articleBody";
    if (t == GUMBO_TAG_H1) {
      std::string s = ClassAndId(n);
      anchor = s.find("logo") == std::string::npos &&
               s.find("site") == std::string::npos &&
               s.find("brand") == std::string::npos;
    }
    if (anchor) {
      for (const GumboNode* a = n; a != nullptr && IsElement(a) &&
                                   out.insert(a).second;
           a = a->parent) {
      }
    }
    return t != GUMBO_TAG_H1;
  });
  // Elements that hold much of the page's paragraph text are the article
  // (or a part of it, split in chunks) whatever their names say
  // ("node--promoted", "paywall-content", "grid--adrail"), except comment
  // threads, which can outweigh a short post.
  const size_t total = ParagraphText(body, false, 0, false, nullptr, 0);
  if (total < kMinRichText) return out;
  const size_t rich =
      std::max(kMinRichElement, static_cast<size_t>(total * kRichShare));
  ParagraphText(body, false, rich, false, &out, 0);
  return out;
}

namespace {

bool IsInlineCard(const GumboNode* node) {
  if (node->v.element.tag != GUMBO_TAG_SPAN) return false;
  // A hover card (a person's or company's picture with links to other
  // stories) sits in an inline element inside a paragraph: a span that
  // holds a picture and several links of its own. Prose never does.
  int links = 0;
  bool picture = false;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(children.data[i]);
    if (!IsElement(c)) continue;
    GumboTag t = c->v.element.tag;
    if (t == GUMBO_TAG_A) ++links;
    if (t == GUMBO_TAG_IMG) picture = true;
  }
  if (!picture || links < kMinCardLinks) return false;
  int up = 0;
  for (const GumboNode* a = node->parent;
       a != nullptr && IsElement(a) && up < kMaxCardDepth; a = a->parent, ++up)
    if (a->v.element.tag == GUMBO_TAG_P) return true;
  return false;
}

}  // namespace

bool Skipped(const GumboNode* node, const BlockFilter& filter) {
  if (IsNonContentTag(node) || IsHidden(node) || IsInlineCard(node))
    return true;
  if (filter.class_patterns &&
      (LooksLikeBoilerplate(node) ||
       IsNotText(ClassAndId(node))) &&
      (filter.anchors == nullptr || !filter.anchors->contains(node)))
    return true;
  if (filter.drop != nullptr) {
    for (const Selector& sel : *filter.drop)
      if (sel.Matches(node)) return true;
  }
  return false;
}

Stats ComputeStats(const GumboNode* node, const BlockFilter& filter,
                   StatsMap* map, int depth) {
  Stats st;
  if (depth > kMaxDomDepth) return st;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    std::string_view t = node->v.text.text;
    for (char c : t) {
      if (!IsAsciiSpace(c)) ++st.text;
      if (c == ',') ++st.commas;
    }
    return st;
  }
  if (!IsElement(node) || Skipped(node, filter)) return st;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    Stats c = ComputeStats(static_cast<const GumboNode*>(children.data[i]),
                           filter, map, depth + 1);
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT) st.direct += c.text;
    st.text += c.text;
    st.links += c.links;
    st.commas += c.commas;
  }
  if (node->v.element.tag == GUMBO_TAG_A) st.links = st.text;
  (*map)[node] = st;
  return st;
}

double ClassWeight(const GumboNode* node) {
  std::string s = BoilerplateName(node);
  double w = 0;
  if (HasContentHint(s)) w += 25;
  if (IsStrongBoilerplate(s) || IsWeakBoilerplate(s)) w -= 25;
  if (Attr(node, "itemprop") == "articleBody") w += 50;
  return w;
}

bool IsNonContentTag(const GumboNode* node) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TIME:
      return true;
    case GUMBO_TAG_HEADER:
      return true;
    case GUMBO_TAG_NOSCRIPT:
      // An unclosed element inside <noscript> makes the parser nest the rest
      // of the page in it; such a noscript holds paragraphs and is kept.
      return !Holds(node, GUMBO_TAG_P);
    default:
      return node->type == GUMBO_NODE_TEMPLATE;
  }
}

bool IsTeaserOrCommentsBox(const GumboNode* a) {
  if (!IsElement(a)) return false;
  GumboTag t = a->v.element.tag;
  if (t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FOOTER) return true;
  if (t == GUMBO_TAG_LI) {
    // One item of a list of dated items (teasers, schedules, comments).
    int dated = 0;
    const GumboNode* list = a->parent;
    if (list != nullptr && IsElement(list)) {
      const GumboVector& items = list->v.element.children;
      for (unsigned i = 0; i < items.length && dated < 2; ++i) {
        const auto* item = static_cast<const GumboNode*>(items.data[i]);
        if (!IsElement(item) || item->v.element.tag != GUMBO_TAG_LI) continue;
        bool has_time = false;
        ForEachElement(item, [&](const GumboNode* n) {
          if (n->v.element.tag == GUMBO_TAG_TIME) has_time = true;
          return !has_time;
        });
        if (has_time) ++dated;
      }
    }
    if (dated >= 2) return true;
  }
  std::string s = BoilerplateName(a);
  return s.size() > 1 && IsStrongBoilerplate(s);
}

bool IsOtherPagesBox(const GumboNode* node) {
  if (!IsElement(node)) return false;
  if (node->v.element.tag == GUMBO_TAG_LI) return IsTeaserOrCommentsBox(node);
  static const SubstringSet kOther({"comments", "related", "most-read",
                                    "mostread", "most-popular", "recommend",
                                    "more-stories", "trending", "outbrain",
                                    "taboola"});
  std::string s = ClassAndId(node);
  return s.size() > 1 && kOther.FoundIn(s);
}

bool InTeaserOrComments(const GumboNode* node) {
  for (const GumboNode* a = node;
       a != nullptr && IsElement(a) && a->v.element.tag != GUMBO_TAG_BODY;
       a = a->parent) {
    if (IsTeaserOrCommentsBox(a)) return true;
  }
  return false;
}

bool LooksLikeBoilerplate(const GumboNode* node) {
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_A ||
      IsHeading(tag))
    return false;
  std::string s = BoilerplateName(node);
  if (s.size() <= 1) return false;
  // An embedded post ("social-embed" around a tweet's blockquote) is quoted
  // by the story: its text is part of the article.
  if (s.find("embed") != std::string::npos && Holds(node, GUMBO_TAG_BLOCKQUOTE))
    return false;
  if (IsStrongBoilerplate(s))
    return true;
  // Paragraphs only go for strong patterns ("share-text"): a weak word on a
  // <p> is too often styling ("meta-description", "text-header").
  if (tag == GUMBO_TAG_P) return false;
  return IsWeakBoilerplate(s) && !HasContentHint(s);
}

}  // namespace newsfacts
