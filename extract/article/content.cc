#include "extract/article/content.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace newsfacts {
namespace {

// Siblings of the best container scoring at least this share of its score
// are content too (Readability uses 0.2).
constexpr double kSiblingShare = 0.2;

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
    "akismet",       "wpdiscuz"};
constexpr std::string_view kWeakBoilerplate[] = {
    "sidebar",   "footer",  "banner",    "menu",     "nav",       "widget",
    "byline",    "author",  "masthead",  "header",   "hidden",    "tags",
    "meta",      "rail",    "aside",     "print",    "dateline",  "timestamp",
    "modal",     "popup",   "read-more", "readmore", "load-more", "showmore",
    "show-more", "tooltip", "toolbar",   "sponsor",  "cta"};
constexpr std::string_view kContentHints[] = {"article", "body", "content",
                                              "entry",   "main", "post",
                                              "story",   "text", "wsw"};

std::string ClassAndId(const GumboNode* node) {
  std::string s(Attr(node, "class"));
  s.push_back(' ');
  s.append(Attr(node, "id"));
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ContainsAny(std::string_view s, const std::string_view* begin,
                 const std::string_view* end) {
  for (auto it = begin; it != end; ++it) {
    if (s.find(*it) != std::string_view::npos) return true;
  }
  return false;
}

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

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

// Text and link-text byte counts per element, computed once bottom-up so
// that link-density checks stay linear in page size.
struct Stats {
  size_t direct = 0;  // text in the element's own text nodes
  size_t text = 0;
  size_t links = 0;
  size_t commas = 0;
};
using StatsMap = std::unordered_map<const GumboNode*, Stats>;

bool Skipped(const GumboNode* node, const BlockFilter& filter) {
  if (IsNonContentTag(node) || IsHidden(node)) return true;
  if (filter.class_patterns && LooksLikeBoilerplate(node)) return true;
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
      if (!std::isspace(static_cast<unsigned char>(c))) ++st.text;
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

std::string CaptionText(const GumboNode* figcaption) {
  Result<Selector> sel = Selector::Parse(".caption");
  const GumboNode* inner = nullptr;
  ForEachElement(figcaption, [&](const GumboNode* n) {
    if (inner == nullptr && n != figcaption && sel->Matches(n)) inner = n;
    return inner == nullptr;
  });
  return NodeText(inner != nullptr ? inner : figcaption);
}

class Walker {
 public:
  Walker(const BlockFilter& filter, const StatsMap& stats, Content* out)
      : filter_(filter), stats_(stats), out_(out) {}

  void Walk(const GumboNode* node, int depth) {
    if (depth > kMaxDomDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      AppendCollapsed(node->v.text.text, &buf_, &pending_);
      return;
    }
    if (!IsElement(node)) return;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_FIGCAPTION) {
      AddCaption(CaptionText(node));
      return;
    }
    if (tag == GUMBO_TAG_FIGURE) {
      HarvestCaptions(node);
      return;
    }
    if (depth > 0 && Skipped(node, filter_)) {
      // Profile drops such as inline image embeds still carry captions.
      if (DroppedByProfile(node)) HarvestCaptions(node);
      return;
    }
    if (tag == GUMBO_TAG_H1 && depth > 0) return;  // the headline
    if (tag == GUMBO_TAG_BR) {
      pending_ = true;
      return;
    }
    if (depth > 0 && filter_.link_density && IsLinkList(node)) return;
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) pending_ = true;
    const GumboVector& children = node->v.element.children;
    if (!IsBlockTag(tag)) {
      for (unsigned i = 0; i < children.length; ++i)
        Walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) pending_ = true;
      return;
    }
    Flush();
    BlockKind saved = kind_;
    if (IsHeading(tag))
      kind_ = BlockKind::kHeading;
    else if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT)
      kind_ = kind_ == BlockKind::kQuote ? kind_ : BlockKind::kListItem;
    else if (tag == GUMBO_TAG_BLOCKQUOTE)
      kind_ = BlockKind::kQuote;
    else if (tag == GUMBO_TAG_TR)
      kind_ = BlockKind::kTable;
    for (unsigned i = 0; i < children.length; ++i)
      Walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    Flush();
    kind_ = saved;
  }

  void Flush() {
    std::string text = Trim(buf_);
    buf_.clear();
    pending_ = false;
    if (!text.empty()) out_->blocks.push_back(Block{kind_, std::move(text)});
  }

 private:
  bool DroppedByProfile(const GumboNode* node) const {
    if (filter_.drop == nullptr || IsNonContentTag(node)) return false;
    for (const Selector& sel : *filter_.drop)
      if (sel.Matches(node)) return true;
    return false;
  }

  void HarvestCaptions(const GumboNode* node) {
    ForEachElement(node, [&](const GumboNode* n) {
      if (n->v.element.tag != GUMBO_TAG_FIGCAPTION) return true;
      AddCaption(CaptionText(n));
      return false;
    });
  }

  bool IsLinkList(const GumboNode* node) const {
    GumboTag tag = node->v.element.tag;
    if (tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL && tag != GUMBO_TAG_DIV &&
        tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_TABLE &&
        tag != GUMBO_TAG_DL)
      return false;
    auto it = stats_.find(node);
    if (it == stats_.end() || it->second.text == 0) return false;
    return it->second.links * 10 > it->second.text * 6;
  }

  void AddCaption(std::string text) {
    if (text.empty()) return;
    if (std::find(out_->captions.begin(), out_->captions.end(), text) ==
        out_->captions.end())
      out_->captions.push_back(std::move(text));
  }

  const BlockFilter& filter_;
  const StatsMap& stats_;
  Content* out_;
  std::string buf_;
  bool pending_ = false;
  BlockKind kind_ = BlockKind::kParagraph;
};

double ClassWeight(const GumboNode* node) {
  std::string s = ClassAndId(node);
  double w = 0;
  if (ContainsAny(s, std::begin(kContentHints), std::end(kContentHints)))
    w += 25;
  if (ContainsAny(s, std::begin(kStrongBoilerplate),
                  std::end(kStrongBoilerplate)) ||
      ContainsAny(s, std::begin(kWeakBoilerplate), std::end(kWeakBoilerplate)))
    w -= 25;
  if (Attr(node, "itemprop") == "articleBody") w += 50;
  return w;
}

}  // namespace

bool IsNonContentTag(const GumboNode* node) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
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
    default:
      return node->type == GUMBO_NODE_TEMPLATE;
  }
}

bool LooksLikeBoilerplate(const GumboNode* node) {
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_P ||
      tag == GUMBO_TAG_A || IsHeading(tag))
    return false;
  std::string s = ClassAndId(node);
  if (s.size() <= 1) return false;
  if (ContainsAny(s, std::begin(kStrongBoilerplate),
                  std::end(kStrongBoilerplate)))
    return true;
  return ContainsAny(s, std::begin(kWeakBoilerplate),
                     std::end(kWeakBoilerplate)) &&
         !ContainsAny(s, std::begin(kContentHints), std::end(kContentHints));
}

void BuildBlocks(const GumboNode* root, const BlockFilter& filter,
                 Content* out) {
  if (root == nullptr || !IsElement(root)) return;
  StatsMap stats;
  if (filter.link_density) ComputeStats(root, filter, &stats, 0);
  Walker walker(filter, stats, out);
  walker.Walk(root, 0);
  walker.Flush();
}

void FindMainContent(const Dom& dom, std::vector<const GumboNode*>* also) {
  also->clear();
  const GumboNode* body = dom.body() != nullptr ? dom.body() : dom.root();
  BlockFilter filter;
  StatsMap stats;
  ComputeStats(body, filter, &stats, 0);
  std::unordered_map<const GumboNode*, double> scores;
  std::vector<const GumboNode*> order;
  auto add = [&](const GumboNode* n, double s) {
    if (n == nullptr || !IsElement(n)) return;
    auto [it, inserted] = scores.emplace(n, 0.0);
    if (inserted) {
      GumboTag t = n->v.element.tag;
      double base =
          t == GUMBO_TAG_DIV || t == GUMBO_TAG_ARTICLE ? 5
          : t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD || t == GUMBO_TAG_BLOCKQUOTE
              ? 3
          : t == GUMBO_TAG_FORM || t == GUMBO_TAG_UL || t == GUMBO_TAG_OL ||
                  t == GUMBO_TAG_LI
              ? -3
              : 0;
      it->second = base + ClassWeight(n);
      order.push_back(n);
    }
    it->second += s;
  };
  ForEachElement(body, [&](const GumboNode* n) {
    auto st = stats.find(n);
    if (st == stats.end()) return false;  // skipped subtree
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_DIV && st->second.direct >= 100) {
      // Text written straight into a div (lines split by <br>) is a
      // paragraph run that Readability would wrap in <p>.
      double s = 1 + static_cast<double>(st->second.commas) +
                 std::min(3.0, static_cast<double>(st->second.direct) / 100.0);
      add(n, s);
      add(n->parent, s / 2);
      return true;
    }
    if (t != GUMBO_TAG_P && t != GUMBO_TAG_PRE && t != GUMBO_TAG_TD &&
        t != GUMBO_TAG_BLOCKQUOTE)
      return true;
    size_t len = st->second.text;
    if (len < 25) return true;
    double s = 1 + static_cast<double>(st->second.commas) +
               std::min(3.0, static_cast<double>(len) / 100.0);
    const GumboNode* p = n->parent;
    add(p, s);
    if (p != nullptr && p->parent != nullptr) {
      add(p->parent, s / 2);
      if (p->parent->parent != nullptr) add(p->parent->parent, s / 6);
    }
    return t != GUMBO_TAG_P;
  });
  const GumboNode* best = nullptr;
  double best_score = 0;
  for (const GumboNode* n : order) {
    const Stats& st = stats[n];
    double density = st.text ? static_cast<double>(st.links) / st.text : 0;
    double s = scores[n] * (1 - density);
    scores[n] = s;
    if (best == nullptr || s > best_score) {
      best = n;
      best_score = s;
    }
  }
  if (best == nullptr) {
    also->push_back(body);
    return;
  }
  const GumboNode* parent = best->parent;
  if (parent == nullptr || !IsElement(parent)) {
    also->push_back(best);
    return;
  }
  double threshold = std::max(10.0, best_score * kSiblingShare);
  const GumboVector& siblings = parent->v.element.children;
  for (unsigned i = 0; i < siblings.length; ++i) {
    const auto* sib = static_cast<const GumboNode*>(siblings.data[i]);
    if (!IsElement(sib)) continue;
    if (sib == best) {
      also->push_back(sib);
      continue;
    }
    auto st = stats.find(sib);
    if (st == stats.end()) continue;
    auto sc = scores.find(sib);
    if (sc != scores.end() && sc->second >= threshold) {
      also->push_back(sib);
      continue;
    }
    if (sib->v.element.tag == GUMBO_TAG_P) {
      double density = st->second.text ? static_cast<double>(st->second.links) /
                                             st->second.text
                                       : 1;
      if ((st->second.text > 80 && density < 0.25) ||
          (st->second.text > 0 && density == 0 && st->second.commas > 0))
        also->push_back(sib);
    }
  }
}

void FinishBlocks(std::vector<Block>* blocks, std::string* text) {
  std::unordered_set<std::string> seen;
  std::vector<Block> kept;
  kept.reserve(blocks->size());
  size_t total = 0;
  for (Block& b : *blocks) {
    if (b.text.empty()) continue;
    // Short repeated lines ("Advertisement") and repeated paragraphs both go.
    if (!seen.insert(b.text).second) continue;
    total += b.text.size() + 2;
    kept.push_back(std::move(b));
  }
  *blocks = std::move(kept);
  text->clear();
  text->reserve(total);
  for (size_t i = 0; i < blocks->size(); ++i) {
    if (i > 0) text->append("\n\n");
    text->append((*blocks)[i].text);
  }
}

}  // namespace newsfacts
