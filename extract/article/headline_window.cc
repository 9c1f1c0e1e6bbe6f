#include "extract/article/headline_window.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

#include "core/strings.h"
#include "core/utf8.h"
#include "extract/article/boilerplate.h"
#include "extract/article/local_date.h"
#include "extract/article/metadata.h"
#include "extract/article/page_hints.h"

namespace newsfacts {
namespace {

// Lines kept before and after the headline. Bylines and dates sit within a
// few lines of the <h1>; further down they belong to teasers and comments.
constexpr size_t kLinesBefore = 8;
constexpr size_t kLinesAfter = 40;
// A longer line (in characters, so that scripts of two- and three-byte
// letters are measured alike) is prose, whose dates are the story's, not the
// page's.
constexpr size_t kMaxDateLine = 120;
constexpr size_t kMaxBylineLine = 100;
constexpr size_t kMaxLines = 50000;
// A dateline opens one of the first lines after the headline, within its
// first bytes.
constexpr size_t kDatelineLines = 6;
constexpr size_t kDatelinePrefix = 28;

bool SkippedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
      return true;
    default:
      return false;
  }
}

struct Walk {
  std::vector<std::string> lines;
  const GumboNode* headline = nullptr;
  // The headline's ancestors: never pruned, whatever their class says
  // (<body class="pageLayout--related">).
  std::vector<const GumboNode*> headline_path;
  size_t headline_start = std::string::npos;
  size_t headline_end = std::string::npos;
};

void Collect(const GumboNode* node, Walk* walk, int depth) {
  if (depth > kMaxDomDepth || walk->lines.size() >= kMaxLines) return;
  // The window is full: the rest of the page is never read.
  if (walk->headline_end != std::string::npos &&
      walk->lines.size() >= walk->headline_end + kLinesAfter)
    return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    std::string line;
    bool pending = false;
    AppendCollapsed(node->v.text.text, &line, &pending);
    line = Trim(line);
    if (!line.empty()) walk->lines.push_back(std::move(line));
    return;
  }
  if (!IsElement(node) || SkippedTag(node->v.element.tag)) return;
  // Teasers, comments and "related" boxes carry other pages' dates and
  // names.
  if (IsOtherPagesBox(node) &&
      std::find(walk->headline_path.begin(), walk->headline_path.end(),
                node) == walk->headline_path.end())
    return;
  const bool is_headline = node == walk->headline;
  if (is_headline) walk->headline_start = walk->lines.size();
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    Collect(static_cast<const GumboNode*>(children.data[i]), walk, depth + 1);
  if (is_headline) walk->headline_end = walk->lines.size();
}

// "31.10.23" alone on a line: too ambiguous anywhere else.
std::string ShortYearDate(const std::string& line) {
  static const RE2 kShort(R"((\d{1,2})\.(\d{1,2})\.(\d{2}))");
  int d = 0, m = 0, y = 0;
  if (!RE2::FullMatch(line, kShort, &d, &m, &y)) return {};
  return NormalizeDate(std::to_string(2000 + y) + "-" +
                       (m < 10 ? "0" : "") + std::to_string(m) + "-" +
                       (d < 10 ? "0" : "") + std::to_string(d));
}

// What follows a byline marker at the start of `line`: "" when the line
// holds only the marker, nullopt-like `false` when there is no marker.
bool AfterMarker(const std::string& line, std::string* rest) {
  // Longest first so that "von:" is not read as "von".
  static constexpr std::string_view kMarkers[] = {
      "ein artikel von", "ein beitrag von", "ein bericht von",
      "geschrieben von", "verfasst von",    "written by",
      "posted by",       "reported by",     "escrito por",
      "publié par",      "écrit par",       "text und fotos",
      "text und foto",   "autorin",         "autor",
      "author",          "text",            "von",
      "by",              "por",             "par"};
  const std::string low = ToLowerAscii(line);
  for (std::string_view marker : kMarkers) {
    if (low.compare(0, marker.size(), marker) != 0) continue;
    size_t at = marker.size();
    if (at < low.size() && low[at] != ' ' && low[at] != ':') continue;
    while (at < line.size() && (line[at] == ' ' || line[at] == ':')) ++at;
    *rest = Trim(line.substr(at));
    return true;
  }
  return false;
}

// Names start with a capital letter; a letter of a script without case
// (Chinese, Arabic, Georgian...) counts as one.
bool Capitalized(const std::string& name) {
  if (name.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(name.data(), i, static_cast<int32_t>(name.size()), c);
  if (c < 0) return false;
  if (u_isupper(c) || u_istitle(c)) return true;
  return u_isalpha(c) && !u_hasBinaryProperty(c, UCHAR_CASED);
}

// Every word of a name is capitalized except name particles ("von",
// "de la"); a lower-case word means the marker began a phrase ("von
// Atemschutzmaske über Exit-Strategie").
bool LooksLikePersonName(const std::string& name) {
  if (!Capitalized(name) || name.size() > 60) return false;
  if (std::count(name.begin(), name.end(), ' ') >= 5) return false;
  if (std::any_of(name.begin(), name.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == ':' ||
               c == '/' || c == '@' || c == '?' || c == '!';
      }))
    return false;
  bool person = true;
  ForEachPiece(name, ' ', [&person](std::string_view word) {
    if (Capitalized(std::string(word))) return true;
    person = IsNameParticle(word);
    return person;
  });
  return person;
}

std::vector<std::string> NamesIn(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty() || text.size() > kMaxBylineLine) return out;
  for (std::string& name : SplitAuthors(text)) {
    // One doubtful part makes the whole line doubtful.
    if (!LooksLikePersonName(name)) return {};
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace

HeadlineWindow ReadHeadlineWindow(const Dom& dom) {
  HeadlineWindow window;
  const GumboNode* body = dom.body();
  if (body == nullptr) return window;
  Walk walk;
  static const Selector h1 = *Selector::Parse("h1");
  for (const GumboNode* n : dom.Select(h1, body)) {
    if (NodeText(n, 16).size() >= 8) {
      walk.headline = n;
      break;
    }
  }
  if (walk.headline == nullptr) return window;
  for (const GumboNode* n = walk.headline; n != nullptr && IsElement(n);
       n = n->parent)
    walk.headline_path.push_back(n);
  Collect(body, &walk, 0);
  if (walk.headline_end == std::string::npos) return window;
  window.language = PageLanguage(dom);
  const size_t begin = walk.headline_start > kLinesBefore
                           ? walk.headline_start - kLinesBefore
                           : 0;
  const size_t end = std::min(walk.lines.size(), walk.headline_end + kLinesAfter);
  for (size_t i = begin; i < walk.headline_start; ++i)
    window.lines.push_back(std::move(walk.lines[i]));
  window.after_headline = window.lines.size();
  for (size_t i = walk.headline_end; i < end; ++i)
    window.lines.push_back(std::move(walk.lines[i]));
  return window;
}

std::string DateNearHeadline(const HeadlineWindow& window) {
  auto date_in = [&window](const std::string& line) -> std::string {
    if (CodePointCount(line) > kMaxDateLine) return {};
    std::string d = ParseTextDate(line);
    if (d.empty()) d = ShortYearDate(line);
    if (d.empty()) d = LocalDate(line, window.language);
    return d;
  };
  for (size_t i = window.after_headline; i < window.lines.size(); ++i) {
    std::string d = date_in(window.lines[i]);
    if (!d.empty()) return d;
  }
  // Kicker lines and date bars above the headline, nearest first.
  for (size_t i = window.after_headline; i-- > 0;) {
    std::string d = date_in(window.lines[i]);
    if (!d.empty()) return d;
  }
  // A dateline that opens the first paragraphs ("27.1.2022 - Bei der
  // Erinnerung ...", "Lübeck, 31. März 2003. Der ..."): a date at the very
  // start of a longer line.
  for (size_t i = window.after_headline;
       i < window.lines.size() && i < window.after_headline + kDatelineLines;
       ++i) {
    const std::string& line = window.lines[i];
    if (CodePointCount(line) <= kMaxDateLine) continue;
    size_t cut = std::min(line.size(), kDatelinePrefix);
    while (cut < line.size() && (line[cut] & 0xC0) == 0x80) ++cut;
    const std::string_view head = std::string_view(line).substr(0, cut);
    std::string d = ParseTextDate(head);
    if (d.empty()) d = LocalDate(head, window.language);
    if (!d.empty()) return d;
  }
  return {};
}

std::vector<std::string> BylineNearHeadline(const HeadlineWindow& window) {
  const std::vector<std::string>& lines = window.lines;
  for (size_t i = window.after_headline; i < lines.size(); ++i) {
    std::string rest;
    if (lines[i].size() > kMaxBylineLine || !AfterMarker(lines[i], &rest))
      continue;
    if (rest.empty() && i + 1 < lines.size()) rest = lines[i + 1];
    std::vector<std::string> names = NamesIn(rest);
    if (!names.empty()) return names;
  }
  return {};
}

}  // namespace newsfacts
