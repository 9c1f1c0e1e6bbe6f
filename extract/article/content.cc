#include "extract/article/content.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <unicode/unistr.h>

namespace newsfacts {
namespace {

// Siblings of the best container scoring at least this share of its score
// are content too (Readability uses 0.2).
constexpr double kSiblingShare = 0.2;
// An ancestor at most this many levels above the best container that
// scores at least this share of it becomes the container (split content:
// a lead block beside the body block). Below a best score of 10 the scores
// are too thin to compare.
constexpr int kAncestorLevels = 4;
constexpr double kAncestorShare = 0.7;
// A container scoring at least this share of the best one, in a cousin
// at most this many levels up, is another chunk of the same article.
constexpr int kCousinLevels = 3;
constexpr double kCousinShare = 0.5;
constexpr double kCousinMaxLinkDensity = 0.25;
// Trailing lines shorter than this that do not end a sentence are trimmed,
// at most this many.
constexpr size_t kShortTailLine = 80;
constexpr int kMaxTailTrim = 3;
// A "read more" trailer starts after this share of the body's text, on a
// line at most kTrailerLine bytes long; what follows it goes when it is
// only teaser-like lines (each under kTrailerTeaserLine bytes, ending no
// sentence) adding up to at most kTrailerRest bytes and kTrailerRestShare
// of the text before the trailer.
constexpr double kTrailerFrom = 0.6;
constexpr size_t kTrailerLine = 160;
constexpr size_t kTrailerTeaserLine = 160;
constexpr size_t kTrailerRest = 1500;
constexpr double kTrailerRestShare = 0.3;
// A "More ... stories" label is at most this long (bytes).
constexpr size_t kMoreStoriesLine = 60;
// Text (bytes) a candidate needs for its full content-like class bonus.
constexpr double kFullHintText = 500;
// A label before a teaser link ("Read more:", "SEE ALSO:") is at most this
// long (bytes).
constexpr size_t kMaxLinkLabel = 32;

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
        tag != GUMBO_TAG_DL && tag != GUMBO_TAG_P && tag != GUMBO_TAG_LI)
      return false;
    auto it = stats_.find(node);
    if (it == stats_.end() || it->second.text == 0) return false;
    if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_LI) {
      // A paragraph or item that is (almost) all link is a teaser
      // ("Read more: ..."), not article text.
      const Stats& st = it->second;
      if (st.links * 10 >= st.text * 9) return true;
      if (st.links * 10 < st.text * 6) return false;
      // Mostly link: a label and a teaser ("SEE MORE: <a>Other story</a>")
      // or a run of teaser links with tags between them ("<a>A</a>
      // [VIDEO] | <a>B</a> [INSIGHT]"); prose with links has more words of
      // its own.
      int anchors = 0;
      std::string own;
      OwnText(node, &own, &anchors, 0);
      const std::string label = Trim(own);
      if (anchors >= 2 && st.links * 4 >= st.text * 3) return true;
      return anchors >= 1 && label.size() <= kMaxLinkLabel &&
             !label.empty() && label.back() == ':';
    }
    return it->second.links * 10 > it->second.text * 6;
  }

  // Text outside links (and the number of links) in an inline subtree.
  static void OwnText(const GumboNode* node, std::string* out, int* anchors,
                      int depth) {
    if (depth > kMaxDomDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      out->append(node->v.text.text);
      return;
    }
    if (!IsElement(node) || IsNonContentTag(node)) return;
    if (node->v.element.tag == GUMBO_TAG_A) {
      ++*anchors;
      return;
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
      OwnText(static_cast<const GumboNode*>(children.data[i]), out, anchors,
              depth + 1);
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

// Class/id words of a lead (standfirst) in the languages of the news the
// pipeline reads: English, German, French, Spanish, Italian, Czech,
// Portuguese, Russian transliterations.
constexpr std::string_view kLeadWords[] = {
    "lead",     "intro",      "teaser",    "excerpt",     "summary",
    "abstract", "standfirst", "subtitle",  "sub-title",   "subtitulo",
    "subhead",  "subline",    "deck",      "chapo",       "chapeau",
    "perex",    "bajada",     "sapo",      "entradilla",  "sottotitolo",
    "anrisser", "vorspann",   "occhiello", "lide",
    "podzagolovok", "anons"};
// A lead is a sentence or a short paragraph, not a wrapper of the article.
constexpr size_t kMinLeadText = 140;
constexpr int kMinLeadSentences = 2;
// Lead elements taken at most (a kicker line and a standfirst).
constexpr int kMaxLeads = 2;
constexpr size_t kMaxLeadText = 1200;
// A paragraph this long after the headline means the body has begun.
constexpr size_t kBodyStartText = 200;
// Elements looked at after the headline before giving up.
constexpr int kLeadWindow = 400;

bool HasLeadName(const GumboNode* node) {
  const std::string s = ClassAndId(node);
  if (s.size() <= 1) return false;
  // "leader-board" ads, "teaser-list" link lists and the lead media
  // (picture, video) of a story are no leads.
  for (std::string_view w : {"leader", "list", "media", "video", "image",
                             "photo", "asset", "slide", "carousel", "gallery",
                             "caption"}) {
    if (s.find(w) != std::string::npos) return false;
  }
  for (std::string_view w : kLeadWords)
    if (s.find(w) != std::string::npos) return true;
  return false;
}

// Sentence ends: . ! ? : or an ellipsis, maybe closed by a quote, then a
// space or the end.
int SentenceEnds(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t j = i;
    if (s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == ':') {
      j = i + 1;
    } else if (s.compare(i, 3, "\xE2\x80\xA6") == 0) {  // U+2026
      j = i + 3;
    } else {
      continue;
    }
    if (j < s.size() && (s[j] == '"' || s[j] == '\'')) ++j;
    if (s.compare(j, 3, "\xE2\x80\x9D") == 0 ||  // U+201D
        s.compare(j, 3, "\xE2\x80\x9C") == 0)    // U+201C
      j += 3;
    if (s.compare(j, 2, "\xC2\xBB") == 0) j += 2;  // U+00BB
    if (j >= s.size() || s[j] == ' ') ++n;
    i = j - 1;
  }
  return n;
}

// Text and link-text bytes (non-space) of a subtree.
void CountText(const GumboNode* node, bool in_link, size_t* text,
               size_t* links, int depth) {
  if (depth > kMaxDomDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    for (char c : std::string_view(node->v.text.text)) {
      if (std::isspace(static_cast<unsigned char>(c))) continue;
      ++*text;
      if (in_link) ++*links;
    }
    return;
  }
  if (!IsElement(node) || IsNonContentTag(node)) return;
  in_link = in_link || node->v.element.tag == GUMBO_TAG_A;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    CountText(static_cast<const GumboNode*>(children.data[i]), in_link, text,
              links, depth + 1);
}

}  // namespace

std::vector<Block> FindLeads(const Dom& dom,
                             const std::vector<const GumboNode*>& containers) {
  std::vector<Block> leads;
  const GumboNode* body = dom.body();
  if (body == nullptr) return leads;
  std::unordered_set<const GumboNode*> in_container(containers.begin(),
                                                    containers.end());
  const GumboNode* headline = nullptr;
  const GumboNode* headline_header = nullptr;
  bool done = false;
  int seen = 0;
  int found = 0;
  ForEachElement(body, [&](const GumboNode* n) {
    if (done) return false;
    GumboTag t = n->v.element.tag;
    if (headline == nullptr) {
      if (t != GUMBO_TAG_H1) return true;
      std::string cls = std::string(Attr(n, "class")) + " " +
                        std::string(Attr(n, "id"));
      if (cls.find("logo") != std::string::npos ||
          cls.find("site") != std::string::npos ||
          NodeText(n, 64).size() < 8)
        return false;
      headline = n;
      for (const GumboNode* a = n->parent; a != nullptr && IsElement(a);
           a = a->parent) {
        if (a->v.element.tag == GUMBO_TAG_HEADER) {
          headline_header = a;
          break;
        }
      }
      return false;
    }
    if (++seen > kLeadWindow) {
      done = true;
      return false;
    }
    if (t != GUMBO_TAG_HEADER &&
        (IsNonContentTag(n) || IsHidden(n) || LooksLikeBoilerplate(n) ||
         IsTeaserOrCommentsBox(n)))
      return false;
    bool named = HasLeadName(n);
    bool header_p = false;
    if (!named && t == GUMBO_TAG_P && headline_header != nullptr) {
      for (const GumboNode* a = n->parent; a != nullptr && IsElement(a);
           a = a->parent)
        if (a == headline_header) header_p = true;
    }
    if (!named && !header_p) {
      if (t == GUMBO_TAG_P || (t == GUMBO_TAG_DIV && in_container.contains(n))) {
        // The body has begun: a long paragraph, or the content container
        // itself (its own text is already there).
        if (in_container.contains(n) ||
            NodeText(n, kBodyStartText + 8).size() >= kBodyStartText) {
          done = true;
          return false;
        }
      }
      if (in_container.contains(n)) {
        done = true;
        return false;
      }
      return true;
    }
    if (t != GUMBO_TAG_P && t != GUMBO_TAG_DIV && t != GUMBO_TAG_H2 &&
        t != GUMBO_TAG_H3 && t != GUMBO_TAG_SPAN && t != GUMBO_TAG_SECTION &&
        t != GUMBO_TAG_STRONG && t != GUMBO_TAG_B)
      return true;
    size_t text = 0, links = 0;
    CountText(n, false, &text, &links, 0);
    if (text > kMaxLeadText) return true;  // a wrapper: look inside
    if (links * 10 > text * 3) return false;
    const std::string s = NodeText(n);
    // A one-line deck or kicker restates the headline; a lead tells the
    // story in sentences of its own.
    if (s.size() < kMinLeadText || SentenceEnds(s) < kMinLeadSentences)
      return false;
    Content lead;
    BuildBlocks(n, BlockFilter{}, &lead);
    for (Block& b : lead.blocks) {
      b.kind = BlockKind::kParagraph;
      leads.push_back(std::move(b));
    }
    if (++found >= kMaxLeads) done = true;
    return false;
  });
  return leads;
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

void FindMainContent(const Dom& dom, const BlockFilter& filter,
                     std::vector<const GumboNode*>* also) {
  also->clear();
  const GumboNode* body = dom.body() != nullptr ? dom.body() : dom.root();
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
      // A content-like name ("text", "story") is weak evidence on a small
      // box (a teaser's "t_text"): its bonus grows with the text held.
      double w = ClassWeight(n);
      if (w > 0) {
        auto st = stats.find(n);
        size_t text = st != stats.end() ? st->second.text : 0;
        w *= std::min(1.0, static_cast<double>(text) / kFullHintText);
      }
      it->second = base + w;
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
  // Split containers (a lead block beside the body block): an ancestor
  // close above the best container that scores nearly as well holds more of
  // the same article, so it becomes the container.
  {
    const GumboNode* a = best_score >= 10 ? best->parent : nullptr;
    for (int up = 0;
         up < kAncestorLevels && a != nullptr && IsElement(a) && a != body;
         ++up, a = a->parent) {
      auto sc = scores.find(a);
      if (sc != scores.end() && sc->second >= best_score * kAncestorShare) {
        best = a;
        best_score = std::max(best_score, sc->second);
        up = -1;  // measure further levels from the new container
      }
    }
  }
  // Article chunks (a body cut in two by an ad row or an inline box) sit in
  // cousin containers: when a close ancestor of the best container also
  // holds another container that scores nearly as well and the ancestor is
  // not link-heavy, the ancestor is the article.
  if (best_score >= 10) {
    const GumboNode* lowest = nullptr;
    int lowest_up = kCousinLevels + 1;
    for (const GumboNode* c : order) {
      if (c == best || scores[c] < best_score * kCousinShare) continue;
      // Levels from `best` up to the common ancestor with `c`.
      std::vector<const GumboNode*> chain;
      for (const GumboNode* a = best->parent;
           a != nullptr && IsElement(a) && a != body &&
           chain.size() < static_cast<size_t>(kCousinLevels);
           a = a->parent)
        chain.push_back(a);
      int up = 0;
      for (const GumboNode* a : chain) {
        ++up;
        if (a == c) break;  // `c` is an ancestor: handled above
        bool holds = false;
        for (const GumboNode* x = c->parent; x != nullptr && IsElement(x);
             x = x->parent) {
          if (x == a) holds = true;
          if (holds || x == body) break;
        }
        if (!holds) continue;
        bool under_best = false;
        for (const GumboNode* x = c; x != nullptr && IsElement(x);
             x = x->parent)
          if (x == best) under_best = true;
        if (!under_best && up < lowest_up) {
          lowest = a;
          lowest_up = up;
        }
        break;
      }
    }
    if (lowest != nullptr) {
      const Stats& st = stats[lowest];
      double density =
          st.text ? static_cast<double>(st.links) / st.text : 1.0;
      if (density < kCousinMaxLinkDensity) {
        best = lowest;
        best_score = std::max(best_score, scores.count(lowest) ? scores[lowest] : 0.0);
      }
    }
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

namespace {

// Whether a line ends like a sentence (or a quote closing one).
bool EndsSentence(const std::string& t) {
  size_t end = t.size();
  while (end > 0 && (t[end - 1] == ' ')) --end;
  if (end == 0) return false;
  const unsigned char last = static_cast<unsigned char>(t[end - 1]);
  return last == '.' || last == '!' || last == '"' || last == '\'' ||
         (end >= 3 && (t.compare(end - 3, 3, "\xE2\x80\x9D") == 0 ||
                       t.compare(end - 3, 3, "\xE2\x80\x9C") == 0 ||
                       t.compare(end - 3, 3, "\xE2\x80\xA6") == 0)) ||
         (end >= 2 && t.compare(end - 2, 2, "\xC2\xBB") == 0);
}

}  // namespace

void TrimTail(std::vector<Block>* blocks) {
  int trimmed = 0;
  while (blocks->size() > 1 && trimmed < kMaxTailTrim) {
    const Block& b = blocks->back();
    if (b.kind != BlockKind::kParagraph && b.kind != BlockKind::kHeading)
      break;
    const std::string& t = b.text;
    if (t.size() >= kShortTailLine) break;
    // Ends like a sentence (or a quote closing one): article text.
    if (t.find_first_not_of(' ') == std::string::npos || EndsSentence(t))
      break;
    blocks->pop_back();
    ++trimmed;
  }
}

namespace {

// Labels of the "read more" / "related" boxes news sites put after an
// article, case-folded, in the languages of the news the pipeline reads.
// Sources: the vocabulary of the extraction issue (#3) and the usual
// related-reading labels of each language's press (English, German,
// French, Spanish, Italian, Portuguese, Dutch, Russian, Ukrainian, Polish,
// Czech).
constexpr std::string_view kTrailerLabels[] = {
    // English
    "read more", "read also", "also read", "related", "related articles",
    "related stories", "related news", "related content", "related coverage",
    "more from", "more on this story", "more on this topic",
    "you may also like", "you might also like", "recommended",
    "see also", "further reading", "more stories", "more information",
    "most read", "most popular", "top stories", "popular now", "trending now",
    "editor's picks", "editors' picks", "editor’s picks", "don't miss",
    "don’t miss", "you may have missed", "in case you missed it",
    "latest news", "latest stories",
    // German
    "mehr zum thema", "lesen sie auch", "lesen sie mehr", "auch interessant",
    "das könnte sie auch interessieren", "das könnte sie interessieren",
    "weitere artikel", "weitere artikel zum thema", "artikel zum thema",
    "mehr dazu", "auch lesen", "lies auch", "lesetipp", "lesetipps",
    "unser lesetipp", "passend zum thema", "dies passt zum thema",
    "das passt zum thema", "weitere informationen",
    "das könnte dich auch interessieren",
    // French
    "à lire aussi", "lire aussi", "a lire aussi", "à lire également",
    "lire également", "sur le même sujet", "voir aussi",
    // Spanish
    "leer más", "lee también", "lea también", "te puede interesar",
    "le puede interesar", "también te puede interesar", "noticias relacionadas",
    "más información",
    // Italian
    "leggi anche", "potrebbe interessarti", "articoli correlati",
    // Portuguese
    "leia também", "leia mais", "veja também", "saiba mais",
    // Dutch
    "lees ook", "lees meer",
    // Russian, Ukrainian
    "читайте также", "также читайте", "читайте тоже", "по теме",
    "смотрите также", "читайте також", "також читайте", "дивіться також",
    // Polish, Czech
    "czytaj też", "czytaj także", "czytaj również", "zobacz też",
    "zobacz także", "čtěte také", "přečtěte si také", "související články",
};

// Case-folded text of `line` as UTF-8.
std::string Fold(std::string_view line) {
  std::string out;
  icu::UnicodeString::fromUTF8(
      icu::StringPiece(line.data(), static_cast<int32_t>(line.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

// "More <anything> stories" labels ("More great Example stories", "More
// news from Example"): a short line that opens with "more" and ends with a
// word for stories, in English.
bool IsMoreStoriesLabel(std::string_view f) {
  static constexpr std::string_view kStories[] = {"stories", "news",
                                                  "articles", "reads"};
  if (f.size() > kMoreStoriesLine || f.substr(0, 5) != "more ") return false;
  while (!f.empty() && (f.back() == ' ' || f.back() == ':')) f.remove_suffix(1);
  for (std::string_view w : kStories)
    if (f.size() > w.size() && f.substr(f.size() - w.size()) == w &&
        f[f.size() - w.size() - 1] == ' ')
      return true;
  return false;
}

// Whether a line is a trailer label: the label alone (with trailing
// punctuation or an arrow), or the label, a colon or bar, and a teaser
// title ("Read more: Other story").
bool IsTrailerLabel(std::string_view line) {
  if (line.empty() || line.size() > kTrailerLine) return false;
  const std::string folded = Fold(line);
  std::string_view f = folded;
  while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
  if (IsMoreStoriesLabel(f)) return true;
  for (std::string_view label : kTrailerLabels) {
    if (f.substr(0, label.size()) != label) continue;
    std::string_view rest = f.substr(label.size());
    // The label alone, maybe with ":", "|", dots, dashes or arrows.
    size_t i = 0;
    bool sep = false;
    while (i < rest.size()) {
      const unsigned char c = static_cast<unsigned char>(rest[i]);
      if (c == ' ' || c == '.' || c == '>' || c == '-') {
        ++i;
      } else if (c == ':' || c == '|') {
        sep = true;
        ++i;
      } else if (c >= 0x80 && (rest.substr(i, 3) == "\xE2\x80\xA6" ||  // ...
                               rest.substr(i, 3) == "\xE2\x80\xBA" ||  // >
                               rest.substr(i, 3) == "\xE2\x86\x92" ||  // ->
                               rest.substr(i, 3) == "\xE2\x80\x94" ||  // --
                               rest.substr(i, 3) == "\xE2\x80\x93")) {
        sep = true;
        i += 3;
      } else if (c >= 0x80 && rest.substr(i, 2) == "\xC2\xBB") {  // >>
        sep = true;
        i += 2;
      } else {
        break;
      }
    }
    if (i == rest.size()) return true;
    // "Read more: <title>" (a separator before more text); a label running
    // on into a sentence ("Related to this, ...") is article text.
    if (sep) return true;
  }
  return false;
}

}  // namespace

void TrimTrailer(std::vector<Block>* blocks) {
  const size_t n = blocks->size();
  if (n < 2) return;
  size_t total = 0;
  for (const Block& b : *blocks) total += b.text.size();
  // after[i]: bytes of blocks i..n-1.
  std::vector<size_t> after(n + 1, 0);
  for (size_t i = n; i-- > 0;)
    after[i] = after[i + 1] + (*blocks)[i].text.size();
  for (size_t i = 1; i < n; ++i) {
    const size_t before = total - after[i];
    if (before < kTrailerFrom * static_cast<double>(total)) continue;
    const Block& b = (*blocks)[i];
    if (b.kind != BlockKind::kParagraph && b.kind != BlockKind::kHeading)
      continue;
    if (!IsTrailerLabel(b.text)) continue;
    // What follows is teaser titles (or credits): short lines that end no
    // sentence, together short beside the article.
    const size_t rest = after[i + 1];
    bool drop = rest <= kTrailerRest &&
                rest <= kTrailerRestShare * static_cast<double>(before);
    for (size_t j = i + 1; j < n && drop; ++j) {
      const std::string& t = (*blocks)[j].text;
      drop = t.size() < kTrailerTeaserLine && !EndsSentence(t);
    }
    if (drop) {
      blocks->resize(i);
      return;
    }
  }
}

namespace {

// Labels that ad slots print above or inside themselves, case-folded, in
// the languages of the news the pipeline reads; subscription buttons; and
// the placeholders that script-only widgets leave in the text.
constexpr std::string_view kAdLabels[] = {
    "advertisement", "advertisements", "advert", "adverts", "ad",
    "sponsored", "sponsored content", "paid content", "story continues below",
    "story continues below advertisement", "article continues below",
    "article continues below advertisement", "continue reading below",
    "anzeige", "werbung", "publicité", "publicite", "publicidad",
    "publicidade", "pubblicità", "pubblicita", "advertentie", "reclame",
    "annonce", "reklama", "реклама", "subscribe", "subscribe now",
    "sign up", "sign up now", "this slideshow requires javascript",
    "javascript is required", "please enable javascript"};

// Whether the whole line is an ad label (maybe with trailing dots, dashes
// or a colon).
bool IsAdLabel(std::string_view line) {
  if (line.empty() || line.size() > 64) return false;
  std::string folded = Fold(line);
  while (!folded.empty() &&
         (folded.back() == ' ' || folded.back() == '.' ||
          folded.back() == ':' || folded.back() == '-'))
    folded.pop_back();
  size_t start = folded.find_first_not_of(" -");
  if (start == std::string::npos) return false;
  std::string_view f = std::string_view(folded).substr(start);
  for (std::string_view label : kAdLabels)
    if (f == label) return true;
  return false;
}

// Sentence openings of the calls to action that newsletter, subscription
// and app boxes put between or after paragraphs (imperatives addressed to
// the reader), case-folded, in the languages of the news the pipeline
// reads. News prose does not open a sentence this way.
constexpr std::string_view kCallsToAction[] = {
    "sign up", "subscribe to", "subscribe now", "subscribe for",
    "click here", "get the latest", "get access to", "follow us",
    "follow her on", "follow him on", "like us on", "have a tip?",
    "download our", "download the app", "like this story?",
    "share this article", "share this story", "share it with", "disclaimer:",
    "jetzt abonnieren", "abonnieren sie",
    "melden sie sich", "abonnez-vous", "inscrivez-vous", "suscríbete",
    "suscribete", "regístrate", "iscriviti", "подпишитесь", "підпишіться"};
constexpr std::string_view kSocialNetworks[] = {
    "twitter", "facebook", "instagram", "youtube", "tiktok", "linkedin",
    "telegram", "whatsapp"};
// A promotional paragraph is short.
constexpr size_t kMaxCallToAction = 320;

// Whether a paragraph is a promotional call to action: short, with a
// sentence that opens with one of kCallsToAction.
bool IsCallToAction(std::string_view line) {
  if (line.size() > kMaxCallToAction) return false;
  const std::string folded = Fold(line);
  std::string_view f = folded;
  size_t start = 0;
  while (start < f.size()) {
    while (start < f.size() && f[start] == ' ') ++start;
    std::string_view rest = f.substr(start);
    for (std::string_view cta : kCallsToAction)
      if (rest.substr(0, cta.size()) == cta) return true;
    // "Follow <outlet> on Twitter, Facebook and Instagram."
    if (rest.substr(0, 7) == "follow ") {
      std::string_view sentence = rest.substr(0, rest.find(". "));
      for (std::string_view net : kSocialNetworks)
        if (sentence.find(net) != std::string_view::npos) return true;
    }
    // Next sentence: after ". ", "! " or "? ".
    size_t next = std::string_view::npos;
    for (size_t i = start; i + 1 < f.size(); ++i) {
      if ((f[i] == '.' || f[i] == '!' || f[i] == '?') && f[i + 1] == ' ') {
        next = i + 1;
        break;
      }
    }
    if (next == std::string_view::npos) break;
    start = next;
  }
  return false;
}

// A picture's caption or credit left in the text flow carries a copyright
// sign ("Lee Elder in 1975. | (c) Getty Images"); prose does not. Only lines
// up to this long (bytes) are taken for one.
constexpr size_t kMaxCreditLine = 200;

bool IsCreditLine(std::string_view line) {
  return line.size() <= kMaxCreditLine &&
         line.find("\xC2\xA9") != std::string_view::npos;  // U+00A9
}

// A line of at most this many bytes and words that holds a clock time and
// a year ("20 Nov, 2019 05:47", "Updated: 18 Nov 2019 9:38 pm") is a
// timestamp of the page, not text (a sentence ends with a full stop, a
// label before more text with a colon).
constexpr size_t kMaxTimestampLine = 64;
constexpr int kMaxTimestampWords = 8;

bool IsTimestampLine(std::string_view line) {
  if (line.size() > kMaxTimestampLine || line.empty() || line.back() == ':' ||
      EndsSentence(std::string(line)))
    return false;
  int words = 0;
  bool time = false, year = false;
  auto digit = [&](size_t i) {
    return i < line.size() && line[i] >= '0' && line[i] <= '9';
  };
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] != ' ' && (i == 0 || line[i - 1] == ' ')) ++words;
    if (!digit(i) || (i > 0 && digit(i - 1))) continue;
    size_t j = i;
    while (digit(j)) ++j;
    const size_t run = j - i;
    // h:mm or hh:mm, not part of a longer number.
    if (run <= 2 && j < line.size() && line[j] == ':' && digit(j + 1) &&
        digit(j + 2) && !digit(j + 3))
      time = true;
    if (run == 4 && (line.compare(i, 2, "19") == 0 ||
                     line.compare(i, 2, "20") == 0))
      year = true;
  }
  return time && year && words <= kMaxTimestampWords;
}

// A repeated line of this many characters is a duplicated paragraph;
// shorter lines repeat in structured text (the same subheads, labels and
// notes in each section of a plan or guide, table headers) and stay.
constexpr size_t kDuplicateLine = 80;

// Whether a repeated line is a duplicated paragraph: at least
// kDuplicateLine characters, and not a question (an interview puts the
// same question to each of its guests).
bool IsDuplicateParagraph(std::string_view line) {
  size_t chars = 0;
  for (char c : line)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
  if (chars < kDuplicateLine) return false;
  size_t end = line.find_last_not_of(' ');
  return end == std::string_view::npos || line[end] != '?';
}

}  // namespace

void FinishBlocks(std::vector<Block>* blocks, std::string* text) {
  std::unordered_set<std::string> seen;
  std::vector<Block> kept;
  kept.reserve(blocks->size());
  size_t total = 0;
  for (Block& b : *blocks) {
    if (b.text.empty() || IsAdLabel(b.text)) continue;
    if (b.kind == BlockKind::kParagraph &&
        (IsCallToAction(b.text) || IsCreditLine(b.text)))
      continue;
    if ((b.kind == BlockKind::kParagraph || b.kind == BlockKind::kHeading) &&
        IsTimestampLine(b.text))
      continue;
    if (!seen.insert(b.text).second && IsDuplicateParagraph(b.text))
      continue;
    total += b.text.size() + 2;
    kept.push_back(std::move(b));
  }
  // A heading with nothing after it titled a box that was dropped
  // ("Related", "Comments").
  while (!kept.empty() && kept.back().kind == BlockKind::kHeading) {
    total -= kept.back().text.size() + 2;
    kept.pop_back();
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
