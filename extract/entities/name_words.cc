#include "extract/entities/name_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "core/strings.h"

namespace newsfacts {
namespace {

// A possessive cut off a word: "'s", with a typographic apostrophe, and in
// capitals ("FRANCE'S", only after a word in capitals).
constexpr std::string_view kPossessives[] = {"'s", "\xE2\x80\x99s", "'S",
                                             "\xE2\x80\x99S"};

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i,
          static_cast<int32_t>(s.size()), c);
  return c;
}

// u_isupper(c) || u_istitle(c), without the ICU calls for ASCII (where the
// only such letters are A-Z).
bool UpperOrTitle(UChar32 c) {
  if (c >= 0 && c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(c) || u_istitle(c);
}

bool AllCaps(std::string_view s) {
  int32_t i = 0;
  int letters = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    // ASCII letters are the ASCII members of u_isalpha and u_isupper.
    if (p[i] < 0x80) {
      const uint8_t a = p[i++];
      if (a >= 'a' && a <= 'z') return false;
      letters += a >= 'A' && a <= 'Z';
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (u_isalpha(c)) {
      if (!u_isupper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

// "U.S" or "U.N" : single letters joined by dots.
bool IsInitialism(std::string_view s) {
  if (s.size() < 3) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool letter = std::isupper(static_cast<unsigned char>(s[i])) != 0;
    if ((i % 2 == 0) != letter) return false;
    if (i % 2 == 1 && s[i] != '.') return false;
  }
  return true;
}

// "T" in "James T. Kirk": one capital letter, its dot, then a capitalized
// word.
bool MiddleInitial(const AnalyzedText& at, size_t t, std::string_view s) {
  if (s.size() != 1 || !std::isupper(static_cast<unsigned char>(s[0]))) {
    return false;
  }
  if (t + 2 >= at.tokens.size()) return false;
  std::string_view next = at.Slice(at.tokens[t + 2].span);
  return !next.empty() && std::isupper(static_cast<unsigned char>(next[0]));
}

bool IsArabicArticle(std::string_view s) {
  for (std::string_view a : {"al", "el", "ad", "as", "ash", "at", "an", "ar",
                             "az", "ul", "ud", "ut"}) {
    if (s == a) return true;
  }
  return false;
}

// A listed name goes on past words first..n: their text is a key prefix.
bool MayContinueAt(const AnalyzedText& at, const std::vector<Word>& w,
                   size_t first, size_t n, const Lexicon& lex) {
  std::string buf;
  return lex.MayContinue(WordsText(at, w, first, n, buf));
}

}  // namespace

std::string_view WordsText(const AnalyzedText& at, const std::vector<Word>& w,
                           size_t a, size_t b, std::string& buf) {
  std::string_view s = std::string_view(at.text).substr(
      w[a].span.begin, w[b].span.end - w[a].span.begin);
  bool clean = true;
  for (size_t i = 0; i < s.size() && clean; ++i) {
    char c = s[i];
    clean = !(c == '\t' || c == '\n' || c == '\r' ||
              static_cast<unsigned char>(c) == 0xE2 ||
              (c == ' ' && i + 1 < s.size() && s[i + 1] == ' '));
  }
  if (clean) return s;
  buf = NormalizeSpaces(s);
  return buf;
}

bool IsPatronymicTail(std::string_view w) {
  for (std::string_view p : {"kyzy", "uulu", "qizi", "ogly", "oglu", "kizi"}) {
    if (w == p) return true;
  }
  return false;
}

bool IsPersonParticle(std::string_view w) {
  for (std::string_view p : {"de", "da", "do", "dos", "del", "della", "di",
                             "van", "von", "ter", "bin", "ibn"}) {
    if (w == p) return true;
  }
  return false;
}

bool OnlySpaces(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// Some letter: ASCII, or any non-ASCII byte (the scripts news copy uses
// outside ASCII are letters far more often than symbols).
bool HasLetter(std::string_view s) {
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalpha(u)) return true;
  }
  return false;
}

std::vector<Word> BuildWords(const AnalyzedText& at, const Lexicon& lex) {
  std::vector<Word> out;
  out.reserve(at.tokens.size());
  size_t sentence = 0;
  for (size_t t = 0; t < at.tokens.size(); ++t) {
    const Token& tok = at.tokens[t];
    Word w;
    w.span = tok.span;
    w.is_word = tok.kind != TokenKind::kPunct;
    std::string_view s = at.Slice(w.span);
    if (w.is_word) {
      // "FRANCE'S" in a line in capitals too.
      for (std::string_view suffix : kPossessives) {
        if (s.size() > suffix.size() + 0 &&
            s.substr(s.size() - suffix.size()) == suffix &&
            (suffix.back() == 's' ||
             AllCaps(s.substr(0, s.size() - suffix.size())))) {
          w.span.end -= suffix.size();
          w.possessive = true;
          break;
        }
      }
      s = at.Slice(w.span);
      // Glue the dot back onto "U.S" and list abbreviations ("Gen", "St").
      if (!w.possessive && t + 1 < at.tokens.size() &&
          at.tokens[t + 1].span.begin == w.span.end &&
          at.Slice(at.tokens[t + 1].span) == "." &&
          (IsInitialism(s) || lex.IsAbbreviation(s) ||
           MiddleInitial(at, t, s))) {
        w.span.end = at.tokens[t + 1].span.end;
        ++t;
      }
    }
    // Arabic article glued by a hyphen: "al-Assad", "el-Sisi", "al-Tanf"
    // are one capitalized name word.
    bool article_name = false;
    if (w.is_word && !w.possessive && t + 2 < at.tokens.size() &&
        IsArabicArticle(at.Slice(w.span)) &&
        at.Slice(at.tokens[t + 1].span) == "-" &&
        at.tokens[t + 1].span.begin == w.span.end &&
        at.tokens[t + 2].span.begin == at.tokens[t + 1].span.end &&
        at.tokens[t + 2].kind == TokenKind::kWord) {
      std::string_view next = at.Slice(at.tokens[t + 2].span);
      UChar32 c = FirstCodePoint(next);
      if (u_isupper(c)) {
        w.span.end = at.tokens[t + 2].span.end;
        t += 2;
        article_name = true;
        for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
          std::string_view s2 = at.Slice(w.span);
          if (s2.size() > suffix.size() &&
              s2.substr(s2.size() - suffix.size()) == suffix) {
            w.span.end -= suffix.size();
            w.possessive = true;
            break;
          }
        }
      }
    }
    w.text = at.Slice(w.span);
    while (sentence + 1 < at.sentences.size() &&
           w.span.begin >= at.sentences[sentence + 1].begin) {
      ++sentence;
    }
    w.sentence = sentence;
    if (w.is_word) {
      UChar32 c = FirstCodePoint(w.text);
      w.cap = UpperOrTitle(c) || article_name;
      w.all_caps = AllCaps(w.text);
    }
    out.push_back(w);
  }
  // Sentence starts and title-case lines.
  size_t i = 0;
  while (i < out.size()) {
    size_t j = i;
    while (j < out.size() && out[j].sentence == out[i].sentence) ++j;
    int words = 0, lower = 0, lettered = 0, capitals = 0;
    bool seen_word = false;
    for (size_t k = i; k < j; ++k) {
      if (!out[k].is_word) continue;
      if (!seen_word) out[k].sentence_start = true;
      seen_word = true;
      ++words;
      if (HasLetter(out[k].text)) {
        ++lettered;
        capitals += out[k].all_caps || out[k].text.size() == 1;
      }
      // One lower-case content word is enough to rule a heading out.
      if (lower == 0 && !out[k].cap && !lex.IsConnector(out[k].text)) {
        std::string upper(out[k].text);
        upper[0] = static_cast<char>(
            std::toupper(static_cast<unsigned char>(upper[0])));
        if (!lex.IsStopword(upper)) ++lower;
      }
    }
    // A byline ("By Rachel Okafor, KXAN News") is no heading.
    bool byline = false;
    for (size_t k = i; k < j; ++k) {
      if (!out[k].is_word) continue;
      byline = out[k].text == "By";
      break;
    }
    // A heading opens its line: "10.06 3. Dennis Mitchell (U.S.) 10.14"
    // inside a results line is none (no number before it on the line).
    size_t line_start = at.text.rfind('\n', out[i].span.begin);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::string_view before_on_line =
        at.text.substr(line_start, out[i].span.begin - line_start);
    bool own_line = std::none_of(
        before_on_line.begin(), before_on_line.end(),
        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
    bool heading = words >= 2 && lower == 0 && !byline && own_line &&
                   at.text.substr(out[j - 1].span.begin, 1) != ".";
    bool caps_line = lettered >= 2 && capitals == lettered;
    if (caps_line) {
      // A line with prices or percentages is a table row, not a headline
      // ("HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%").
      size_t from = at.text.rfind('\n', out[i].span.begin);
      from = from == std::string_view::npos ? 0 : from + 1;
      size_t to = at.text.find('\n', out[i].span.begin);
      if (to == std::string_view::npos) to = at.text.size();
      for (size_t c = from; c < to && caps_line; ++c) {
        caps_line = !(at.text[c] == '%' ||
                      (at.text[c] == '.' && c > from && c + 1 < to &&
                       std::isdigit(static_cast<unsigned char>(at.text[c - 1])) &&
                       std::isdigit(static_cast<unsigned char>(at.text[c + 1]))));
      }
    }
    for (size_t k = i; k < j; ++k) {
      out[k].heading = heading;
      out[k].caps_line = caps_line;
    }
    i = j;
  }
  return out;
}

size_t ChunkEnd(const AnalyzedText& at, const std::vector<Word>& w,
                size_t first, const Lexicon& lex) {
  size_t j = first;
  bool org_head = lex.IsOrgSuffix(w[first].text);
  bool crossed_prep = false;
  auto gap = [&](size_t a, size_t b) {
    std::string_view g =
        at.text.substr(w[a].span.end, w[b].span.begin - w[a].span.end);
    if (w[a].possessive) {  // the cut-off 's belongs to the word
      for (std::string_view suffix : kPossessives) {
        if (g.substr(0, suffix.size()) == suffix)
          g.remove_prefix(suffix.size());
      }
    }
    return g;
  };
  auto same_line = [&](size_t a, size_t b) {
    return w[a].sentence == w[b].sentence || w[a].text.back() == '.';
  };
  // "U.S. Attorney's Office": a title's possessive before an organization
  // head word names that office and does not end the chunk.
  auto office_of_title = [&](size_t k) {
    return w[k].cap && lex.IsTitleTail(w[k].text) && k + 1 < w.size() &&
           w[k + 1].is_word && w[k + 1].cap && lex.IsOrgSuffix(w[k + 1].text);
  };
  // "St James's University Hospital", "St Mary's Church": a saint's
  // possessive before a head word names the place or body.
  auto saints_own = [&](size_t k) {
    return k > first && k + 1 < w.size() &&
           (w[k - 1].text == "St" || w[k - 1].text == "St." ||
            w[k - 1].text == "Saint") &&
           w[k + 1].is_word && w[k + 1].cap &&
           (lex.IsOrgSuffix(w[k + 1].text) || lex.IsLocSuffix(w[k + 1].text) ||
            w[k + 1].text == "Cathedral");
  };
  while (j + 1 < w.size() &&
         (!w[j].possessive || lex.IsPossessiveHead(w[j].text) ||
          office_of_title(j) || saints_own(j))) {
    size_t n = j + 1;
    if (!same_line(j, n)) break;
    std::string_view g = gap(j, n);
    if (!OnlySpaces(g)) break;
    if (w[n].is_word && w[n].cap) {
      j = n;
      org_head = org_head || lex.IsOrgSuffix(w[n].text);
      continue;
    }
    // "Tsai Ing-wen", "Moon Jae-in", "Cheuk Hau-yip": a romanized Chinese
    // or Korean given name whose second syllable is written in lower case,
    // after a family name in the same chunk.
    if (!w[n].is_word && g.empty() && w[n].text == "-" && j > first &&
        n + 1 < w.size() && w[n + 1].is_word && !w[n + 1].cap &&
        gap(n, n + 1).empty() && w[j].text.size() <= 5 &&
        (w[n + 1].text.size() <= 3 ||
         (w[n + 1].text.size() <= 5 && !lex.IsCommonWord(w[n + 1].text))) &&
        w[j - 1].is_word && w[j - 1].cap &&
        w[j - 1].text.size() <= 6 &&
        std::all_of(w[n + 1].text.begin(), w[n + 1].text.end(), [](char c) {
          return c >= 'a' && c <= 'z';
        }) &&
        (n + 2 >= w.size() || w[n + 2].text != "-")) {
      j = n + 1;
      continue;
    }
    // "Tehreek-e-Insaf", "Jamaat-e-Islami", "Lashkar-e-Taiba": a Persian
    // or Urdu name joined by a lower-case particle between hyphens.
    if (!w[n].is_word && g.empty() && w[n].text == "-" && n + 3 < w.size() &&
        w[n + 1].is_word && !w[n + 1].cap && w[n + 1].text.size() <= 2 &&
        w[n + 2].text == "-" && w[n + 3].is_word && w[n + 3].cap &&
        gap(n, n + 1).empty() && gap(n + 1, n + 2).empty() &&
        gap(n + 2, n + 3).empty()) {
      j = n + 3;
      continue;
    }
    // Glued punctuation between capitalized words: RFE/RL, Nagorno-Karabakh,
    // "Wisconsin–Madison" (en dash).
    if (!w[n].is_word && g.empty() && n + 1 < w.size() &&
        (w[n].text == "/" || w[n].text == "-" || w[n].text == "&" ||
         w[n].text == "\xE2\x80\x93") &&
        w[n + 1].is_word && w[n + 1].cap && gap(n, n + 1).empty()) {
      j = n + 1;
      continue;
    }
    // Joaquín "El Chapo" Guzmán, Margaret Ellen "Peggy" Dunleavy: a
    // nickname in quotes between a given name and the family name.
    if (!w[n].is_word && !g.empty() &&
        (w[n].text == "\"" || w[n].text == "\xE2\x80\x9C")) {
      bool given = false;
      for (size_t k = first; k <= j && !given; ++k) {
        given = w[k].is_word && lex.IsGivenName(w[k].text);
      }
      size_t q = n + 1;
      while (given && q < w.size() && q < n + 4 && w[q].is_word && w[q].cap &&
             same_line(j, q) && !w[q].possessive) {
        ++q;
      }
      if (given && q > n + 1 && q + 1 < w.size() && !w[q].is_word &&
          (w[q].text == "\"" || w[q].text == "\xE2\x80\x9D") &&
          gap(n, n + 1).empty() && gap(q - 1, q).empty() &&
          w[q + 1].is_word && w[q + 1].cap && same_line(j, q + 1) &&
          OnlySpaces(gap(q, q + 1)) && !gap(q, q + 1).empty() &&
          !lex.IsCommonWord(w[q + 1].text)) {
        j = q + 1;
        continue;
      }
    }
    // "Georgian Young Lawyers' Association", "Students' Union": a plural
    // possessive before an organization head word stays in the name.
    if (!w[n].is_word && g.empty() &&
        (w[n].text == "'" || w[n].text == "\xE2\x80\x99") &&
        w[j].text.back() == 's' && n + 1 < w.size() && w[n + 1].is_word &&
        w[n + 1].cap && same_line(j, n + 1) && OnlySpaces(gap(n, n + 1)) &&
        !gap(n, n + 1).empty() && lex.IsOrgSuffix(w[n + 1].text)) {
      j = n + 1;
      org_head = true;
      continue;
    }
    // "Ministry of Culture, Information, Sport and Youth Policy": after a
    // state body's "of", a list of portfolios closed by "and" is one name.
    if (crossed_prep && w[n].text == "," && org_head &&
        (w[first].text == "Ministry" || w[first].text == "Department" ||
         w[first].text == "Committee" || w[first].text == "Commission" ||
         w[first].text == "Agency" || w[first].text == "Council")) {
      size_t k = n;
      bool closed = false;
      while (k + 1 < w.size() && same_line(j, k + 1) &&
             (w[k].text == "," || w[k].text == "and")) {
        bool is_and = w[k].text == "and";
        size_t e = k + 1;
        if (!w[e].is_word || !w[e].cap || lex.IsStopword(w[e].text)) break;
        while (e + 1 < w.size() && w[e + 1].is_word && w[e + 1].cap &&
               same_line(j, e + 1) && OnlySpaces(gap(e, e + 1)) &&
               !w[e].possessive) {
          ++e;
        }
        k = e + 1;
        if (is_and) {
          closed = true;
          j = e;
          break;
        }
        if (k >= w.size() || !OnlySpaces(gap(e, k)) || w[e].possessive) break;
      }
      if (closed) continue;
    }
    // "Procter & Gamble", "Marks & Spencer": a spaced ampersand joins two
    // capitalized names into one firm's name.
    if (!w[n].is_word && w[n].text == "&" && n + 1 < w.size() &&
        w[n + 1].is_word && w[n + 1].cap && same_line(j, n + 1) &&
        OnlySpaces(gap(n, n + 1)) && !w[n + 1].possessive &&
        !lex.IsStopword(w[n + 1].text)) {
      j = n + 1;
      org_head = org_head || lex.IsOrgSuffix(w[j].text);
      continue;
    }
    // "Committee to Protect Journalists", "Campaign to End Loneliness": an
    // organization head, "to" and a capitalized verb (a dictionary word
    // that names no place) run on to the end of the capitalized words.
    if (org_head && w[n].text == "to" && n + 2 < w.size() &&
        w[n + 1].is_word && w[n + 1].cap && !w[n + 1].all_caps &&
        same_line(j, n + 1) && OnlySpaces(gap(n, n + 1)) &&
        lex.IsCommonWord(w[n + 1].text) && !lex.IsStopword(w[n + 1].text) &&
        lex.Find(w[n + 1].text) == nullptr && w[n + 2].is_word &&
        w[n + 2].cap && OnlySpaces(gap(n + 1, n + 2)) &&
        same_line(j, n + 2)) {
      j = n + 1;
      continue;
    }
    // "Zhyldyz Bakyt kyzy", "Azamat Baktybek uulu": a Central Asian
    // patronymic ends the name in lower case.
    if (w[n].is_word && IsPatronymicTail(w[n].text) && j > first &&
        OnlySpaces(gap(j, n)) && same_line(j, n)) {
      return n;
    }
    // "Juan de Dios Gámez", "Lula da Silva", "Maria dos Santos": after a
    // given name, a lower-case particle joins the family name that follows.
    if (w[n].is_word && !w[n].cap && !org_head && IsPersonParticle(w[n].text) &&
        n + 1 < w.size() && w[n + 1].is_word && w[n + 1].cap &&
        !w[n + 1].all_caps && same_line(j, n + 1) &&
        OnlySpaces(gap(n, n + 1)) && !lex.IsStopword(w[n + 1].text) &&
        !lex.IsOrgSuffix(w[n + 1].text) && !lex.IsLocSuffix(w[n + 1].text) &&
        !lex.IsCommonWord(w[n + 1].text) && !w[j].possessive) {
      bool given = false;
      for (size_t k = first; k <= j && !given; ++k) {
        given = w[k].is_word && lex.IsGivenName(w[k].text);
      }
      if (given) {
        j = n + 1;
        continue;
      }
    }
    // "Organization for Security and Cooperation in Europe": a listed name
    // goes on with a lower-case word the connectors leave out.
    if (w[n].is_word && !w[n].cap && j > first && n + 1 < w.size() &&
        w[n + 1].is_word && w[n + 1].cap && !lex.IsConnector(w[n].text) &&
        same_line(j, n + 1) && OnlySpaces(gap(n, n + 1)) &&
        MayContinueAt(at, w, first, n, lex)) {
      j = n + 1;
      continue;
    }
    // Connectors continue an organization name: "Institute for ...".
    if (w[n].is_word && !w[n].cap && lex.IsConnector(w[n].text)) {
      size_t m = n;
      while (m < w.size() && m < n + 2 && w[m].is_word && !w[m].cap &&
             lex.IsConnector(w[m].text) && same_line(j, m) &&
             OnlySpaces(gap(m - 1, m))) {
        ++m;
      }
      // "Office for Students": after a head word, a capitalized plural the
      // stop words keep for sentence starts ("Students", "Journalists")
      // is the name's last word.
      bool plural_tail = org_head && m < w.size() && w[m].text.size() > 4 &&
                         w[m].text.back() == 's' &&
                         (m + 1 >= w.size() || !w[m + 1].is_word ||
                          !w[m + 1].cap);
      if (m >= w.size() || !w[m].is_word || !w[m].cap ||
          (lex.IsStopword(w[m].text) && !lex.MayStartName(w[m].text) &&
           !plural_tail) ||
          !OnlySpaces(gap(m - 1, m)) ||
          w[m].sentence != w[j].sentence) {
        break;
      }
      // "the Federal Court of Auditors and the Munich-based Ifo Institute":
      // a name glued to a lower-case word by a hyphen modifies the next
      // noun phrase; "the Interior Ministry of Fernando Grande-Marlaska": a
      // given name and a family name after the connector are a person.
      if ((m + 2 < w.size() && w[m + 1].text == "-" &&
           gap(m, m + 1).empty() && w[m + 2].is_word && !w[m + 2].cap) ||
          (lex.IsGivenName(w[m].text) && m + 1 < w.size() &&
           w[m + 1].is_word && w[m + 1].cap && OnlySpaces(gap(m, m + 1)) &&
           !gap(m, m + 1).empty() && !lex.IsOrgSuffix(w[m + 1].text) &&
           !lex.IsLocSuffix(w[m + 1].text))) {
        break;
      }
      // "and" joins two names unless it continues a prepositional phrase
      // of the organization ("Institute on China and the United States").
      bool is_and = w[n].text == "and";
      bool take = org_head && (!is_and || crossed_prep);
      // "Shabka and the University of Graz": "and the" starts a second
      // noun phrase, never the inside of one name.
      bool and_the = is_and && ((m > n + 1 && w[n + 1].text == "the") ||
                                (m < w.size() && w[m].text == "The"));
      // "the U.S. Court of International Trade and the U.S. Court of
      // Appeals": after "and the", a name with a head word of its own is
      // a second organization, not the end of the first one's phrase.
      if (take && and_the) {
        for (size_t k = m; k < w.size() && k < m + 4 && w[k].is_word &&
                           w[k].cap && w[k].sentence == w[j].sentence;
             ++k) {
          if (lex.IsOrgSuffix(w[k].text)) {
            take = false;
            break;
          }
          if (w[k].possessive) break;
        }
        if (!take) break;
      }
      if (!take && !and_the && j == first && w[n].text == "and" &&
          (lex.Find(w[first].text) == nullptr ||
           lex.IsOrgSuffix(w[first].text)) &&
          !lex.IsStopword(w[first].text)) {
        // "Belt and Road Initiative": look for a head word after "and".
        // A name before "and" and a name of two or more words before the
        // head after it are two firms ("Wistron and Global Lighting
        // Technologies").
        for (size_t k = m; k < w.size() && w[k].is_word && w[k].cap &&
                           w[k].sentence == w[j].sentence;
             ++k) {
          // "Cable and Wireless Plc": a legal form heads it too.
          if (lex.IsOrgSuffix(w[k].text) ||
              (k > m && lex.IsLegalForm(w[k].text))) {
            take = k < m + 2 || lex.IsCommonWord(w[first].text);
            break;
          }
          if (w[k].possessive) break;
        }
      }
      // "St. Anthony of Padua Church", "Sons of Norway Lodge": a run after
      // "of" that ends in a head word names one organization with what
      // comes before, unless a person's given name starts it.
      if (!take && w[n].text == "of" && m == n + 1 &&
          !lex.IsGivenName(w[first].text) && lex.Title(w[j].text) == nullptr &&
          (!lex.IsCommonWord(w[j].text) || lex.IsOrgSuffix(w[j].text))) {
        size_t k = m;
        while (k + 1 < w.size() && k < m + 3 && w[k + 1].is_word &&
               w[k + 1].cap && !w[k].possessive &&
               w[k + 1].sentence == w[j].sentence &&
               OnlySpaces(gap(k, k + 1))) {
          ++k;
        }
        take = k > m && lex.IsOrgSuffix(w[k].text) && !w[k].possessive &&
               (k + 1 >= w.size() || !w[k + 1].is_word || !w[k + 1].cap);
        // "ACLU of New Mexico", "Amnesty International of Sweden": a listed
        // organization and "of" a listed place is its chapter there.
        if (!take && !w[k].possessive &&
            (k + 1 >= w.size() || !w[k + 1].is_word || !w[k + 1].cap)) {
          std::string name_buf, place_buf;
          const GazetteerEntry* org =
              lex.Find(WordsText(at, w, first, j, name_buf));
          const GazetteerEntry* place =
              lex.Find(WordsText(at, w, m, k, place_buf));
          take = org != nullptr && org->type == EntityType::kOrg && !org->skip &&
                 place != nullptr && place->type == EntityType::kLoc &&
                 !place->skip && !place->needs_cue;
        }
      }
      // "U.S. Securities and Exchange Commission", "Food and Drug
      // Administration": a capitalized common noun before "and" and two or
      // more words after it ending in a head word. Not names of people or
      // places on the left ("Trump and Justice Department").
      if (!take && is_and && !w[j].possessive &&
          lex.IsCommonWord(w[j].text) && lex.Find(w[j].text) == nullptr &&
          !lex.IsGivenName(w[j].text) && !lex.IsFamilyName(w[j].text) &&
          !lex.IsStopword(w[j].text) && !lex.IsGivenName(w[first].text)) {
        size_t k = m;
        while (k + 1 < w.size() && w[k + 1].is_word && w[k + 1].cap &&
               !w[k].possessive && w[k + 1].sentence == w[j].sentence &&
               OnlySpaces(gap(k, k + 1))) {
          ++k;
        }
        // "Khabar Television and Trend News Agency" are two: a left part
        // that is already an organization name (a head word after a name
        // word) stays whole.
        // "U.S. Securities and Exchange Commission": after a country the
        // words before "and" can still be the start of one agency's name.
        const GazetteerEntry* before =
            j > first ? lex.Find(w[j - 1].text) : nullptr;
        bool country = before != nullptr && before->type == EntityType::kLoc &&
                       (before->rule == "gaz.loc-countries" ||
                        before->rule == "gaz.iso3166-1");
        bool left_complete = lex.IsOrgSuffix(w[j].text) && j > first && !country;
        // The words after "and" are common nouns too ("Exchange", "Drug"),
        // not a second firm's name ("Energy Transfer and WhiteWater
        // Midstream").
        take = !left_complete && k > m && k < m + 3 &&
               lex.IsOrgSuffix(w[k].text) && lex.IsCommonWord(w[m].text) &&
               !w[k].possessive && !lex.IsGivenName(w[m].text) &&
               (!lex.MayStartName(w[m].text) || lex.IsOrgSuffix(w[m].text));
      }
      // "House of Representatives", "Chamber of Commerce": a listed name
      // goes on with this connector.
      // Also after a country or other words before the name ("U.S. Food
      // and Drug Administration").
      for (size_t s = first; !take && m == n + 1 && s <= j && s <= first + 2;
           ++s) {
        take = w[s].is_word && MayContinueAt(at, w, s, n, lex);
      }
      if (!take) break;
      crossed_prep = crossed_prep || !is_and;
      j = m;
      org_head = org_head || lex.IsOrgSuffix(w[m].text);
      continue;
    }
    break;
  }
  return j;
}

std::vector<std::string_view> SplitName(std::string_view name) {
  std::vector<std::string_view> out;
  ForEachPiece(name, ' ', [&out](std::string_view word) {
    if (!word.empty()) out.push_back(word);
  });
  return out;
}

bool IsFamilyNameOf(std::string_view name, std::string_view word) {
  return !word.empty() && name.size() > word.size() + 1 &&
         name.ends_with(word) && name[name.size() - word.size() - 1] == ' ';
}

namespace {

// The initials of `name` spell `acronym` (ASCII letters, any case): each
// capitalized word gives its first letter, lower-case function words give
// theirs or nothing ("Economic Community of West African States" ->
// ECOWAS and ECWAS). Hand-written: a small dynamic programme over the
// words.
bool SpellsAcronym(std::string_view acronym, std::string_view name) {
  std::vector<std::string_view> parts = SplitName(name);
  if (parts.size() < 2 || parts.size() > 12 || acronym.size() > 12) return false;
  // can[i][j]: the first i words can spell the first j letters.
  bool can[13][13] = {};
  can[0][0] = true;
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    bool cap = !p.empty() && std::isupper(static_cast<unsigned char>(p[0]));
    bool skippable = !cap || p == "The";
    for (size_t j = 0; j <= acronym.size(); ++j) {
      if (!can[i][j]) continue;
      if (skippable) can[i + 1][j] = true;
      if (j < acronym.size() && !p.empty() && lower(p[0]) == lower(acronym[j])) {
        can[i + 1][j + 1] = true;
      }
    }
  }
  return can[parts.size()][acronym.size()];
}

bool AcronymShaped(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return false;
  size_t upper = 0;
  for (char c : s) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    upper += std::isupper(static_cast<unsigned char>(c)) != 0;
  }
  return upper >= 2 && std::isupper(static_cast<unsigned char>(s[0]));
}

}  // namespace

void ResolveCanonicals(std::vector<Entity>& entities) {
  // "the National Labor Relations Board ... An NLRB regional director":
  // an acronym the text never defines in brackets names the document's
  // organization (or place) whose initials spell it.
  // One answer per acronym text and type (an article repeats them).
  std::map<std::pair<std::string, EntityType>, std::string> spelt;
  for (Entity& e : entities) {
    if ((e.type != EntityType::kOrg && e.type != EntityType::kLoc) ||
        e.canonical != e.text || !AcronymShaped(e.text)) {
      continue;
    }
    auto [it, fresh] = spelt.try_emplace({e.text, e.type});
    if (fresh) {
      for (const Entity& x : entities) {
        if (x.type == e.type && x.text.size() > e.text.size() &&
            x.canonical.find(' ') != std::string::npos &&
            SpellsAcronym(e.text, x.canonical)) {
          it->second = x.canonical;
          break;
        }
      }
    }
    if (!it->second.empty()) e.canonical = it->second;
  }

  std::vector<std::string> names;
  for (const Entity& e : entities) {
    if (e.type == EntityType::kPerson) names.push_back(e.canonical);
  }
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() > b.size();
            });
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (Entity& e : entities) {
    if (e.type != EntityType::kPerson) continue;
    std::vector<std::string_view> mine = SplitName(e.canonical);
    for (const std::string& n : names) {
      if (n.size() <= e.canonical.size()) break;
      std::vector<std::string_view> theirs = SplitName(n);
      bool all = std::all_of(mine.begin(), mine.end(), [&](std::string_view p) {
        return std::find(theirs.begin(), theirs.end(), p) != theirs.end();
      });
      if (all) {
        e.canonical = n;
        break;
      }
    }
  }
}

}  // namespace newsfacts
