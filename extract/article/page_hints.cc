#include "extract/article/page_hints.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <optional>
#include <unordered_set>

#include "core/strings.h"
#include "core/types.h"
#include "extract/article/boilerplate.h"
#include "extract/article/content.h"
#include "extract/article/headline_window.h"
#include "extract/article/metadata.h"

namespace newsfacts {
namespace {

// Month names of the languages most common in our evaluation pages
// (English, German, French, Spanish, Italian, Dutch), lower case, with the
// month number. Prefixes of 3+ letters also match ("Okt.", "Sept").
struct MonthName {
  const char* name;
  int month;
};
constexpr MonthName kMonths[] = {
    {"january", 1},    {"januar", 1},    {"jänner", 1},    {"janvier", 1},
    {"enero", 1},      {"gennaio", 1},   {"januari", 1},   {"february", 2},
    {"februar", 2},    {"février", 2},   {"febrero", 2},   {"febbraio", 2},
    {"februari", 2},   {"march", 3},     {"märz", 3},      {"mars", 3},
    {"marzo", 3},      {"maart", 3},     {"april", 4},     {"avril", 4},
    {"abril", 4},      {"aprile", 4},    {"may", 5},       {"mai", 5},
    {"mayo", 5},       {"maggio", 5},    {"mei", 5},       {"june", 6},
    {"juni", 6},       {"juin", 6},      {"junio", 6},     {"giugno", 6},
    {"july", 7},       {"juli", 7},      {"juillet", 7},   {"julio", 7},
    {"luglio", 7},     {"august", 8},    {"août", 8},      {"agosto", 8},
    {"augustus", 8},   {"september", 9}, {"septembre", 9}, {"septiembre", 9},
    {"settembre", 9},  {"october", 10},  {"oktober", 10},  {"octobre", 10},
    {"octubre", 10},   {"ottobre", 10},  {"november", 11}, {"novembre", 11},
    {"noviembre", 11}, {"december", 12}, {"dezember", 12}, {"décembre", 12},
    {"diciembre", 12}, {"dicembre", 12}};

int MonthFromName(std::string_view word) {
  std::string w;
  for (char c : word)
    w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (w.size() < 3) return 0;
  for (const MonthName& m : kMonths) {
    std::string_view name = m.name;
    if (w == name) return m.month;
    if (w.size() >= 3 && w.size() < name.size() &&
        name.substr(0, w.size()) == w &&
        (w.size() >= 3 && m.month != 5))  // "mai"/"may" only in full
      return m.month;
  }
  return 0;
}

std::string Ymd(int y, int m, int d) {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool DateLikeMarkup(const GumboNode* n) {
  if (Attr(n, "class").empty() && Attr(n, "id").empty()) return false;
  std::string s(Attr(n, "class"));
  s += ' ';
  s += Attr(n, "id");
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view k : {"date", "time", "publish", "posted", "datum",
                             "byline", "meta", "dateline", "entry-info",
                             "submitted"}) {
    if (s.find(k) != std::string::npos) return true;
  }
  return false;
}

bool AuthorLikeMarkup(const GumboNode* n) {
  std::string s(Attr(n, "class"));
  s += ' ';
  s += Attr(n, "id");
  s += ' ';
  s += Attr(n, "data-testid");
  if (n->v.element.tag == GUMBO_TAG_A && IsAuthorArchiveHref(Attr(n, "href")))
    return true;
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s.find("author-bio") != std::string::npos ||
      s.find("authorbox") != std::string::npos ||
      s.find("author-box") != std::string::npos ||
      s.find("comment") != std::string::npos)
    return false;
  for (std::string_view k :
       {"author", "byline", "autor", "auteur", "writer", "creator"}) {
    if (s.find(k) != std::string::npos) return true;
  }
  return false;
}

// True when an <article> element encloses `n`.
bool InsideArticle(const GumboNode* n) {
  for (const GumboNode* p = n->parent; p != nullptr; p = p->parent) {
    if (p->type == GUMBO_NODE_ELEMENT && p->v.element.tag == GUMBO_TAG_ARTICLE)
      return true;
  }
  return false;
}

// A byline string looks like names: short, mostly capitalized words.
bool LooksLikeName(const std::string& s) {
  if (s.size() < 3 || s.size() > 60) return false;
  int words = 1 + static_cast<int>(std::count(s.begin(), s.end(), ' '));
  if (words > 5) return false;
  if (std::any_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == ':' ||
               c == '/' || c == '@' || c == '+' || c == '=';
      }))
    return false;
  return !std::ispunct(static_cast<unsigned char>(s[0]));
}

}  // namespace

std::string ParseTextDate(std::string_view text) {
  static const RE2 kIso(R"((\d{4})-(\d{2})-(\d{2}))");
  static const RE2 kDotted(R"((\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}))");
  // \pL, not \w: RE2's \w is ASCII only and would miss "März", "août".
  static const RE2 kDayMonth(
      R"((\d{1,2})\.?\s+(?:de\s+)?(\pL{3,10})\.?\s+(?:de\s+)?(\d{4}))");
  static const RE2 kMonthDay(
      R"((\pL{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))");
  // Every pattern needs digits: most short texts a page search passes in
  // have none, and four regex scans of each would dominate the search.
  if (text.find_first_of("0123456789") == std::string_view::npos) return {};
  // Typographic spaces ("4.&thinsp;2.&thinsp;2022", no-break spaces) read
  // as spaces: RE2's \s is ASCII only.
  std::string spaced;
  if (text.find("\xE2\x80") != std::string_view::npos ||
      text.find("\xC2\xA0") != std::string_view::npos) {
    spaced.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      const unsigned char c1 =
          i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
      const unsigned char c2 =
          i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
      if (c == 0xC2 && c1 == 0xA0) {
        spaced.push_back(' ');
        ++i;
      } else if (c == 0xE2 && c1 == 0x80 &&
                 ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF)) {
        spaced.push_back(' ');  // U+2000..U+200A, U+202F
        i += 2;
      } else {
        spaced.push_back(text[i]);
      }
    }
    text = spaced;
  }
  // The earliest match in the text wins.
  std::string best;
  size_t best_pos = std::string_view::npos;
  auto consider = [&](size_t pos, std::string date) {
    if (!date.empty() && pos < best_pos) {
      best_pos = pos;
      best = std::move(date);
    }
  };
  re2::StringPiece a, b, c;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece whole;
  {
    re2::StringPiece in = input;
    if (RE2::FindAndConsume(&in, kIso, &a, &b, &c))
      consider(a.data() - text.data(),
               Ymd(std::stoi(std::string(a)), std::stoi(std::string(b)),
                   std::stoi(std::string(c))));
  }
  {
    re2::StringPiece in = input;
    if (RE2::FindAndConsume(&in, kDotted, &a, &b, &c))
      consider(a.data() - text.data(),
               Ymd(std::stoi(std::string(c)), std::stoi(std::string(b)),
                   std::stoi(std::string(a))));
  }
  {
    re2::StringPiece in = input;
    while (RE2::FindAndConsume(&in, kDayMonth, &a, &b, &c)) {
      int m = MonthFromName(std::string_view(b.data(), b.size()));
      if (m == 0) continue;
      consider(a.data() - text.data(),
               Ymd(std::stoi(std::string(c)), m, std::stoi(std::string(a))));
      break;
    }
  }
  {
    re2::StringPiece in = input;
    while (RE2::FindAndConsume(&in, kMonthDay, &a, &b, &c)) {
      int m = MonthFromName(std::string_view(a.data(), a.size()));
      if (m == 0) continue;
      consider(a.data() - text.data(),
               Ymd(std::stoi(std::string(c)), m, std::stoi(std::string(b))));
      break;
    }
  }
  return best;
}

std::string DateFromUrl(std::string_view url) {
  static const RE2 kPath(
      R"([/_-](\d{4})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$))");
  std::string y, m, d;
  if (RE2::PartialMatch(re2::StringPiece(url.data(), url.size()), kPath, &y, &m,
                        &d))
    return Ymd(std::stoi(y), std::stoi(m), std::stoi(d));
  return {};
}

namespace {

// Publication date written in an attribute by RDFa (`property`), microdata
// (`itemprop`, on elements other than <time>, whose `datetime` is read
// separately) or hAtom (`class="published"`/`"updated"` with an ISO `title`).
std::string MachineDateAttr(const GumboNode* n) {
  static constexpr std::string_view kKeys[] = {
      "datepublished",        "schema:datepublished", "datecreated",
      "schema:datecreated",   "dc:date",              "dc:created",
      "dcterms:created",      "dcterms:issued",       "dc:date.issued",
      "article:published_time"};
  for (std::string_view attr : {"property", "itemprop"}) {
    std::string key = ToLowerAscii(Attr(n, attr));
    if (key.empty()) continue;
    for (std::string_view k : kKeys) {
      if (key != k) continue;
      std::string_view v = Attr(n, "content");
      if (v.empty()) v = Attr(n, "datetime");
      if (!v.empty()) return NormalizeDate(v);
    }
  }
  if (HasClass(n, "published") || HasClass(n, "updated")) {
    std::string_view v = Attr(n, "title");
    if (!v.empty()) return NormalizeDate(v);
  }
  return {};
}

}  // namespace

namespace {

// Class/id words of page regions whose dates are not the article's. Weaker
// than LooksLikeBoilerplate(), which also counts "meta", "byline" and
// "timestamp" as boilerplate: the very classes of date lines.
bool OffArticleRegion(const GumboNode* n) {
  if (Attr(n, "class").empty() && Attr(n, "id").empty()) return false;
  std::string s = ToLowerAscii(Attr(n, "class"));
  s += ' ';
  s += ToLowerAscii(Attr(n, "id"));
  if (s.size() <= 1) return false;
  for (std::string_view k :
       {"sidebar", "footer", "widget", "menu", "navbar", "navigation", "-nav",
        "_nav", "nav-", "nav_", "topbar", "top-bar", "masthead", "teaser",
        "popup", "modal", "rail", "banner"}) {
    if (s.find(k) != std::string::npos) return true;
  }
  return false;
}

// Above this much text an element named like a sidebar or menu is a page
// wrapper, not the region itself.
constexpr size_t kMaxRegionText = 1500;

// Whether a top-down date walk leaves out `n` and its subtree: teasers,
// comments and "related" boxes, except the ancestors of the article's own
// anchors (<body class="pageLayout--related">) and an <aside>/<footer>
// inside the <article> that is no box of other pages (a "meta" aside
// holding the article's date).
bool PruneForDates(const GumboNode* n,
                   const std::unordered_set<const GumboNode*>& anchors) {
  if (anchors.count(n) != 0) return false;
  if (!IsTeaserOrCommentsBox(n)) return false;
  // The article itself, typed as such in microdata or RDFa, whatever its
  // class ("node--promoted").
  for (std::string_view attr : {"itemtype", "typeof"}) {
    const std::string_view type = Attr(n, attr);
    if (type.find("Article") != std::string_view::npos ||
        type.find("BlogPosting") != std::string_view::npos)
      return false;
  }
  const GumboTag t = n->v.element.tag;
  if ((t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FOOTER) && InsideArticle(n) &&
      !IsOtherPagesBox(n)) {
    std::string s = ToLowerAscii(Attr(n, "class"));
    s += ' ';
    s += ToLowerAscii(Attr(n, "id"));
    for (std::string_view k : {"share", "social", "comment", "newsletter",
                               "related", "promo", "advert", "author"}) {
      if (s.find(k) != std::string::npos) return true;
    }
    return false;
  }
  return true;
}

// Words that label the publication date in the languages of our pages
// ("Veröffentlicht am 16.08.2019", "Erschienen am: 01.11.2023", "Publié
// le"). "Updated"/"Aktualisiert" are not among them.
constexpr std::string_view kPublishedLabels[] = {
    "veröffentlicht", "erschienen",  "publiziert",  "published",
    "posted on",      "publié",      "publicado",   "pubblicato",
    "gepubliceerd",   "opublikowano", "publicerad", "publisert",
    "julkaistu",      "publicat",    "yayınlanma",  "опубликовано",
    "Опубликовано",   "публикация",  "Публикация",  "дата публикации",
    "Дата публикации", "发布时间",   "发表时间"};

// A date right after a publication label in a short text of the page
// (text nodes outside scripts, navigation and teasers); the label may end
// one text node and the date begin the next.
std::string LabeledDate(const GumboNode* body,
                        const std::unordered_set<const GumboNode*>& anchors) {
  std::string found;
  bool label_pending = false;
  std::function<void(const GumboNode*, int)> walk = [&](const GumboNode* node,
                                                         int depth) {
    if (!found.empty() || depth > kMaxDomDepth) return;
    if (node->type == GUMBO_NODE_TEXT) {
      const std::string text = NodeText(node);
      if (text.empty()) return;
      if (label_pending) {
        label_pending = false;
        if (text.size() <= 60) found = ParseTextDate(text);
        if (!found.empty()) return;
      }
      if (text.size() > 200) return;
      // A label names a date in the same text or is all but alone.
      if (text.size() > 40 &&
          std::none_of(text.begin(), text.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
          }))
        return;
      // ASCII case folding suffices: the labels' other letters are lower
      // case already, Cyrillic ones are listed in both cases.
      const std::string low = ToLowerAscii(text);
      for (std::string_view label : kPublishedLabels) {
        const size_t at = low.find(label);
        if (at == std::string::npos) continue;
        std::string_view rest =
            std::string_view(low).substr(at + label.size());
        size_t cut = std::min<size_t>(rest.size(), 48);
        while (cut < rest.size() && (rest[cut] & 0xC0) == 0x80) ++cut;
        rest = rest.substr(0, cut);
        found = ParseTextDate(rest);
        if (found.empty() && Trim(rest).size() <= 4) label_pending = true;
        return;
      }
      return;
    }
    if (!IsElement(node)) return;
    const GumboTag t = node->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NAV ||
        t == GUMBO_TAG_A || t == GUMBO_TAG_FORM || PruneForDates(node, anchors))
      return;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length && found.empty(); ++i)
      walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
  };
  walk(body, 0);
  return found;
}

// The ancestors (inclusive) of the page's <h1>s and <main>: the article's
// own containers, never pruned for their class. Cheaper than
// ArticleAnchorAncestors(), which also weighs paragraph text.
std::unordered_set<const GumboNode*> HeadlineAncestors(const GumboNode* body) {
  std::unordered_set<const GumboNode*> out;
  ForEachElement(body, [&](const GumboNode* n) {
    const GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NAV)
      return false;
    if (t == GUMBO_TAG_H1 || t == GUMBO_TAG_MAIN) {
      for (const GumboNode* p = n; p != nullptr && IsElement(p); p = p->parent)
        if (!out.insert(p).second) break;
    }
    return true;
  });
  return out;
}

}  // namespace

std::string FindVisibleDate(const Dom& dom, std::string_view url) {
  const GumboNode* body = dom.body() != nullptr ? dom.body() : dom.root();
  const std::unordered_set<const GumboNode*> anchors = HeadlineAncestors(body);
  std::string found;
  ForEachElement(body, [&](const GumboNode* n) {
    if (!found.empty()) return false;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NAV)
      return false;
    if (PruneForDates(n, anchors)) return false;
    // The site's header and menus show today's date ("Mittwoch, 8. Juli
    // 2020"), sidebars and footers other pages' dates.
    // Page wrappers ("layoutTwoColumnsRightSidebar") hold far more text.
    if (anchors.count(n) == 0 && OffArticleRegion(n) &&
        NodeText(n, kMaxRegionText + 1).size() <= kMaxRegionText)
      return false;
    // RDFa and microdata on ordinary elements ("schema:dateCreated" on a
    // span) and hAtom microformats (<abbr class=published title=ISO>): both
    // carry the machine-readable date in an attribute.
    if (std::string d = MachineDateAttr(n); !d.empty()) {
      found = std::move(d);
      return false;
    }
    if (Attr(n, "itemprop") == "datePublished") {
      std::string_view v = Attr(n, "content");
      if (v.empty()) v = Attr(n, "datetime");
      found = NormalizeDate(v);
      if (found.empty()) found = ParseTextDate(NodeText(n));
      return false;
    }
    if (t == GUMBO_TAG_TIME) {
      found = NormalizeDate(Attr(n, "datetime"));
      if (found.empty()) found = ParseTextDate(NodeText(n));
      return false;
    }
    if (DateLikeMarkup(n) && anchors.count(n) == 0) {
      std::string text = NodeText(n, 301);
      if (text.size() < 300) {
        found = ParseTextDate(text);
        if (!found.empty()) return false;
      }
    }
    return true;
  });
  if (found.empty()) found = DateFromUrl(url);
  if (found.empty()) found = LabeledDate(body, anchors);
  if (found.empty()) found = DateNearHeadline(ReadHeadlineWindow(dom));
  if (!found.empty()) return found;
  // Last resort: a short element outside navigation and footers that holds
  // nothing but a date line ("Publiziert am 2.2.2022").
  ForEachElement(body, [&](const GumboNode* n) {
    if (!found.empty()) return false;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NAV ||
        t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_A ||
        (anchors.count(n) == 0 &&
         (LooksLikeBoilerplate(n) || IsTeaserOrCommentsBox(n))))
      return false;
    if (t != GUMBO_TAG_P && t != GUMBO_TAG_SPAN && t != GUMBO_TAG_DIV &&
        t != GUMBO_TAG_SMALL && t != GUMBO_TAG_LI && t != GUMBO_TAG_EM &&
        t != GUMBO_TAG_STRONG && t != GUMBO_TAG_B && t != GUMBO_TAG_I &&
        !(t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6) && t != GUMBO_TAG_HEADER)
      return true;
    std::string text = NodeText(n, 81);
    if (text.size() > 80) return true;
    found = ParseTextDate(text);
    return found.empty();
  });
  return found;
}

bool InFooterOrAside(const GumboNode* n) {
  for (const GumboNode* p = n->parent; p != nullptr; p = p->parent) {
    if (p->type == GUMBO_NODE_ELEMENT && (p->v.element.tag == GUMBO_TAG_FOOTER ||
                                          p->v.element.tag == GUMBO_TAG_ASIDE))
      return true;
  }
  return false;
}

std::string ShiftUtcToDay(std::string_view utc, std::string_view day) {
  if (utc.size() != 25 || !utc.ends_with("+00:00") || utc[10] != 'T')
    return {};
  const std::optional<CivilDay> from = CivilDay::FromIso(utc);
  const std::optional<CivilDay> to = CivilDay::FromIso(day);
  if (!from || !to) return {};
  const int64_t diff = DaysFromCivil(*to) - DaysFromCivil(*from);
  int hh = 0, mm = 0, ss = 0;
  if (std::sscanf(std::string(utc.substr(11, 8)).c_str(), "%2d:%2d:%2d", &hh,
                  &mm, &ss) != 3)
    return {};
  int offset = 0;  // hours
  if (diff == 1 && hh >= 10) {
    offset = 24 - hh;
  } else if (diff == -1 && hh < 10) {
    offset = -(hh + 1);
  } else {
    return {};
  }
  const int local = hh + offset + (diff == 1 ? -24 : 24);
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%sT%02d:%02d:%02d%c%02d:00",
                to->ToIso().c_str(), local, mm, ss, offset < 0 ? '-' : '+',
                offset < 0 ? -offset : offset);
  return buf;
}

std::string ChoosePublished(const Dom& dom, std::string_view url,
                            const std::string& published,
                            const std::string& modified) {
  if (published.empty()) return published;
  std::string shown = DateNearHeadline(ReadHeadlineWindow(dom));
  if (shown.empty()) shown = DateFromUrl(url);
  if (shown.empty()) shown = FindVisibleDate(dom, url);
  const std::optional<CivilDay> p = CivilDay::FromIso(published);
  const std::optional<CivilDay> s = CivilDay::FromIso(shown);
  if (!p || !s || *p == *s) return published;
  if (const std::optional<CivilDay> m = CivilDay::FromIso(modified);
      m && *m == *s && DaysFromCivil(*m) > DaysFromCivil(*p))
    return modified;
  std::string shifted = ShiftUtcToDay(published, shown);
  return shifted.empty() ? published : shifted;
}

namespace {

// A footer of the article rather than of the page: inside <article> or
// <main>, or named for the article ("article-footer", "entry-footer").
bool ArticleFooter(const GumboNode* footer) {
  for (const GumboNode* p = footer->parent; p != nullptr; p = p->parent) {
    if (p->type == GUMBO_NODE_ELEMENT && (p->v.element.tag == GUMBO_TAG_ARTICLE ||
                                          p->v.element.tag == GUMBO_TAG_MAIN))
      return true;
  }
  const std::string cls = ToLowerAscii(Attr(footer, "class"));
  return cls.find("article") != std::string::npos ||
         cls.find("entry") != std::string::npos ||
         cls.find("post") != std::string::npos;
}

// Explicit author labels, lower case, longest first.
constexpr std::string_view kBylineLabels[] = {
    "written by:", "geschrieben von:", "verfasst von:", "escrito por:",
    "written by",  "geschrieben von",  "verfasst von",  "escrito por",
    "authors:",    "author:",          "autorin:",      "autoren:",
    "autor:",      "auteurs :",        "auteur :",      "auteurs:",
    "auteur:",     "autore:",          "autores:",      "автор:",
    "Автор:",      "text:"};

// Names after an explicit author label ("Author: Jane Doe", "<em>Written
// by: <a>Jane Doe</a></em>") in a text of the page outside navigation,
// teasers and comments; the names may be the next text node.
std::vector<std::string> LabeledByline(const GumboNode* body) {
  std::vector<std::string> out;
  bool pending = false;
  bool done = false;
  auto take = [&](const std::string& text) {
    if (text.empty() || text.size() > 80) return;
    std::vector<std::string> names = SplitAuthors(text);
    if (names.empty()) return;
    for (const std::string& n : names) {
      const unsigned char c = static_cast<unsigned char>(n[0]);
      if (!LooksLikeName(n) || std::islower(c) || std::ispunct(c)) return;
    }
    out = std::move(names);
    done = true;
  };
  std::function<void(const GumboNode*, int)> walk = [&](const GumboNode* node,
                                                         int depth) {
    if (done || depth > kMaxDomDepth) return;
    if (node->type == GUMBO_NODE_TEXT) {
      const std::string text = NodeText(node);
      if (text.empty()) return;
      if (pending) {
        pending = false;
        take(text);
        if (done) return;
      }
      if (text.size() > 100) return;
      // Every label starts with one of these bytes (0xD0: Cyrillic А/а).
      if (std::string_view("aAeEgGtTvVwW\xD0").find(text[0]) ==
          std::string_view::npos)
        return;
      const std::string low = ToLowerAscii(text);
      for (std::string_view label : kBylineLabels) {
        if (low.rfind(label, 0) != 0) continue;
        const std::string rest = Trim(std::string_view(text).substr(
            std::min(text.size(), label.size())));
        if (rest.empty())
          pending = true;
        else
          take(rest);
        return;
      }
      return;
    }
    if (!IsElement(node)) return;
    const GumboTag t = node->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NAV ||
        t == GUMBO_TAG_FORM || t == GUMBO_TAG_ASIDE ||
        (t == GUMBO_TAG_FOOTER && !ArticleFooter(node)))
      return;
    // List items are not pruned for their dates: an article's footer may
    // list "Author:", "Published:" and "Updated:" items.
    if (t != GUMBO_TAG_BODY && t != GUMBO_TAG_FOOTER && t != GUMBO_TAG_LI &&
        (IsTeaserOrCommentsBox(node) ||
         Attr(node, "class").find("comment") != std::string_view::npos))
      return;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length && !done; ++i)
      walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
  };
  walk(body, 0);
  return out;
}

}  // namespace

std::vector<std::string> FindBylines(const Dom& dom) {
  const GumboNode* body = dom.body() != nullptr ? dom.body() : dom.root();
  std::vector<std::string> out;
  bool stop = false;
  ForEachElement(body, [&](const GumboNode* n) {
    if (stop || out.size() >= 4) return false;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NAV ||
        t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FORM)
      return false;
    // The page footer holds site credits; an <article>'s own footer is
    // where many themes put "Posted by".
    if (t == GUMBO_TAG_FOOTER && !InsideArticle(n)) return false;
    // <body class="... comments-open"> describes the page, not a comment.
    std::string_view cls = Attr(n, "class");
    if (t != GUMBO_TAG_BODY && cls.find("comment") != std::string_view::npos)
      return false;
    // A schema.org Person in microdata outside comments is the byline's
    // author ("Von <span itemscope itemtype=.../Person>").
    const bool person = HasAttr(n, "itemscope") &&
                        Attr(n, "itemtype").ends_with("schema.org/Person");
    bool hit = Attr(n, "rel") == "author" || Attr(n, "itemprop") == "author" ||
               person || AuthorLikeMarkup(n);
    if (!hit) return true;
    std::string text;
    if (Attr(n, "itemprop") == "author" || person) {
      // Prefer the nested name over the whole author card.
      Result<Selector> name = Selector::Parse("[itemprop=name]");
      const GumboNode* inner = dom.SelectFirst(*name, n);
      text = inner != nullptr && !Attr(inner, "content").empty()
                 ? std::string(Attr(inner, "content"))
                 : NodeText(inner != nullptr ? inner : n, 201);
    } else {
      text = NodeText(n, 201);
    }
    if (text.size() > 200) return true;  // a container: look deeper
    std::vector<std::string> names;
    for (std::string& s : SplitAuthors(text))
      if (LooksLikeName(s)) names.push_back(std::move(s));
    AddUnique(names, &out);
    // The first byline is the article's; later ones belong to teasers,
    // comments or author boxes. A byline without names (a date line with
    // a nested author link) is searched further down.
    if (!out.empty()) stop = true;
    return out.empty();
  });
  if (out.empty()) out = LabeledByline(body);
  return out;
}

}  // namespace newsfacts
