// Rule stage: gazetteer lookups over capitalized chunks, then cue rules
// (titles, organization heads, speech verbs, name lists) for what the
// gazetteers do not know, then document-level consistency (short person
// names and acronyms resolve to the longest form in the text).
#include "extract/entities/entities.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <utility>

#include "extract/entities/lexicon.h"
#include "extract/entities/name_words.h"

namespace newsfacts {
namespace {

// What one pass over the text learned about the document, for the next.
struct DocContext {
  // Word of a multi-word person name -> full name ("" when ambiguous).
  std::map<std::string, std::string, std::less<>> person_words;
  // Acronym defined in the text -> what it stands for.
  std::map<std::string, GazetteerEntry, std::less<>> acronyms;
  // Words the document also writes in lower case ("series", "later"): a
  // capitalized use of them is more likely a title or sentence start than
  // part of a person's name.
  StringSet lower_words;
  bool UsedInLowerCase(std::string_view word) const {
    if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0]))) {
      return false;
    }
    std::string lower(word);
    lower[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
    return lower_words.find(lower) != lower_words.end();
  }
};

// Person-name words are letters in title case: no digits, no acronyms, no
// inner capitals ("MacBook", "AirPods") beyond Mc/Mac/O' prefixes.
bool LooksLikeNameWord(const Word& w) {
  // Initials: "J.J.", "T.".
  if (w.text.size() >= 2 && w.text.back() == '.' &&
      std::all_of(w.text.begin(), w.text.end(), [](char c) {
        return c == '.' || std::isupper(static_cast<unsigned char>(c));
      })) {
    return true;
  }
  if (w.all_caps) return false;
  std::string_view s = w.text;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c)) return false;
    // Domain names ("Polygraph.info") are sites, not people.
    if (c == '.' && i + 1 < s.size() &&
        std::islower(static_cast<unsigned char>(s[i + 1]))) {
      return false;
    }
    if (i > 0 && std::isupper(c) &&
        std::islower(static_cast<unsigned char>(s[i - 1]))) {
      std::string_view head = s.substr(0, i);
      if (head != "Mc" && head != "Mac" && head != "De" && head != "Di" &&
          head != "La" && head != "Le") {
        return false;
      }
    }
  }
  return true;
}

// "WeWork", "SpaceX", "eBay"-like brand spellings: an upper-case letter
// after a lower-case one, past the name prefixes LooksLikeNameWord allows.
bool CamelCase(std::string_view s) {
  if (s.size() < 4) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    unsigned char p = static_cast<unsigned char>(s[i - 1]);
    if (c >= 0x80 || p >= 0x80) return false;
    if (std::isupper(c) && std::islower(p)) {
      std::string_view head = s.substr(0, i);
      return head != "Mc" && head != "Mac" && head != "De" && head != "Di" &&
             head != "La" && head != "Le" && head != "Al" && head != "El";
    }
  }
  return false;
}

// An all-caps word that is shouting, not an acronym: the document writes it
// in lower case ("VOTE"/"vote"), or its sentence has two more unknown
// all-caps words ("GET OUT and VOTE").
bool Shouted(const std::vector<Word>& w, size_t i, const DocContext& ctx,
             const Lexicon& lex) {
  std::string lower(w[i].text);
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (ctx.lower_words.find(lower) != ctx.lower_words.end()) return true;
  int caps = 0;
  for (size_t k = i; k-- > 0 && w[k].sentence == w[i].sentence;) {
    caps += w[k].all_caps && w[k].text.find('.') == std::string_view::npos &&
            lex.Find(w[k].text) == nullptr;
  }
  for (size_t k = i + 1; k < w.size() && w[k].sentence == w[i].sentence; ++k) {
    caps += w[k].all_caps && w[k].text.find('.') == std::string_view::npos &&
            lex.Find(w[k].text) == nullptr;
  }
  return caps >= 2;
}

class RuleEntityTagger : public EntityTagger {
 public:
  explicit RuleEntityTagger(Lexicon lex) : lex_(std::move(lex)) {}

  std::vector<Entity> Tag(const AnalyzedText& at) const override {
    std::vector<Word> words = BuildWords(at, lex_);
    DocContext ctx;
    for (const Word& word : words) {
      if (word.is_word && !word.cap) ctx.lower_words.emplace(word.text);
    }
    std::vector<Entity> first = Pass(at, words, ctx);
    Learn(at, words, first, ctx);
    std::vector<Entity> out = Pass(at, words, ctx);
    ResolveCanonicals(out);
    return out;
  }

 private:
  struct Match {
    size_t end = 0;  // last word index, inclusive
    const GazetteerEntry* gaz = nullptr;
    const std::string* title = nullptr;
    bool honorific = false;
  };

  std::string Key(const AnalyzedText& at, const std::vector<Word>& w, size_t a,
                  size_t b) const {
    return NormalizeSpaces(
        at.text.substr(w[a].span.begin, w[b].span.end - w[a].span.begin));
  }

  // Longest gazetteer / title / honorific match starting at `a`, within
  // the chunk ending at `last`.
  Match Longest(const AnalyzedText& at, const std::vector<Word>& w, size_t a,
                size_t last, const DocContext& ctx) const {
    Match m;
    if (!w[a].is_word) return m;
    if (w[a].all_caps) {
      auto it = ctx.acronyms.find(w[a].text);
      if (it != ctx.acronyms.end()) {
        m.end = a;
        m.gaz = &it->second;
        return m;
      }
    }
    if (!lex_.MayStartName(w[a].text)) return m;
    size_t limit = std::min(last, a + lex_.max_words() + 1);
    for (size_t b = limit + 1; b-- > a;) {
      if (!w[b].is_word) continue;
      std::string key = Key(at, w, a, b);
      if (const GazetteerEntry* g = lex_.Find(key)) {
        // "Forest Hill", "Mary Poppins", "Paris Hilton": a one-word place
        // that is a packaged name or a given name, right before another
        // name word, is part of a longer unknown name.
        bool inside_name =
            b == a && g->type == EntityType::kLoc && b < last &&
            w[b + 1].is_word && w[b + 1].cap && !w[b].possessive &&
            (g->needs_cue || lex_.IsGivenName(w[a].text)) &&
            !lex_.IsLocSuffix(w[b + 1].text) && !lex_.IsOrgSuffix(w[b + 1].text);
        if (inside_name) continue;
        // "the West", never "Kanye West" or "Kowloon West".
        if (b == a && g->type == EntityType::kLoc && IsCompassWord(key) &&
            !(a > 0 && (w[a - 1].text == "the" || w[a - 1].text == "The"))) {
          continue;
        }
        if (!g->needs_cue || PlaceCue(at, w, a, b, ctx) ||
            StandalonePlace(w, a, b, last, ctx)) {
          m.end = b;
          m.gaz = g;
          return m;
        }
      }
      if (const std::string* t = lex_.Title(key)) {
        m.end = b;
        m.title = t;
        return m;
      }
      if (b == a && lex_.IsHonorific(key)) {
        m.end = b;
        m.honorific = true;
        return m;
      }
    }
    return m;
  }

  // Evidence that words a..b name a place: a preposition of place before
  // ("in Split"), a direction + "of" ("north of Kabul"), a place noun after
  // ("Logar province"), a comma and a known place after ("Greenbelt,
  // Maryland") or a dateline ("HAYWARD, Calif. (AP) --").
  bool PlaceCue(const AnalyzedText& at, const std::vector<Word>& w, size_t a,
                size_t b, const DocContext& ctx) const {
    if (ctx.UsedInLowerCase(w[a].text) || lex_.IsGivenName(w[a].text)) {
      return false;
    }
    if (a > 0 && w[a - 1].is_word && !w[a - 1].cap) {
      std::string_view prev = w[a - 1].text;
      if (lex_.IsLocPreposition(prev)) return true;
      if (prev == "of" && a > 1 && w[a - 2].is_word &&
          lex_.IsLocCue(w[a - 2].text)) {
        return true;
      }
    }
    if (b + 1 < w.size() && w[b + 1].is_word && !w[b + 1].cap &&
        w[b + 1].sentence == w[b].sentence) {
      std::string next(w[b + 1].text);
      next[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(next[0])));
      if (lex_.IsLocSuffix(next)) return true;
    }
    if (b + 2 < w.size() && w[b + 1].text == "," && w[b + 2].cap) {
      for (size_t e = std::min(w.size() - 1, b + 4); e >= b + 2; --e) {
        const GazetteerEntry* g = lex_.Find(Key(at, w, b + 2, e));
        if (g && !g->needs_cue && !g->skip && g->type == EntityType::kLoc) {
          return true;
        }
      }
    }
    return Dateline(at, w, a, b);
  }

  static bool IsCompassWord(std::string_view k) {
    return k == "West" || k == "East" || k == "North" || k == "South";
  }

  // A one-word packaged place with nothing that makes it another kind of
  // word: not a dictionary word, given or family name, not at a sentence
  // start, and not next to other capitalized words ("the Burbank
  // entertainment giant").
  bool StandalonePlace(const std::vector<Word>& w, size_t a, size_t b,
                       size_t last, const DocContext& ctx) const {
    if (a != b || w[a].sentence_start || w[a].all_caps) return false;
    std::string_view t = w[a].text;
    if (lex_.IsCommonWord(t) || lex_.IsGivenName(t) || lex_.IsFamilyName(t) ||
        ctx.UsedInLowerCase(t) || lex_.IsStopword(t)) {
      return false;
    }
    if (a > 0 && w[a - 1].is_word && w[a - 1].cap) return false;
    if (b < last && w[b + 1].is_word && w[b + 1].cap) return false;
    if (b + 1 < w.size() && w[b + 1].is_word &&
        lex_.IsSpeechVerb(w[b + 1].text)) {
      return false;  // "Clarke said": a surname
    }
    return true;
  }

  // "MADRID —", "BUFFALO, N.Y. —", "NEW DELHI:": a paragraph-opening place
  // before a dash, colon, comma or "(AP)".
  static bool Dateline(const AnalyzedText& at, const std::vector<Word>& w,
                       size_t a, size_t b) {
    if (!w[a].sentence_start) return false;
    size_t start = w[a].span.begin;
    if (start > 0 && at.text[start - 1] != '\n') return false;
    if (b + 1 >= w.size()) return false;
    std::string_view next = w[b + 1].text;
    return next == "," || next == ":" || next == "(" || next == "-" ||
           next == "\xE2\x80\x94" || next == "\xE2\x80\x93";
  }

  // "NEW DELHI" -> "New Delhi" (ASCII letters; others kept).
  std::string TitleCase(const AnalyzedText& at, const std::vector<Word>& w,
                        size_t a, size_t b) const {
    std::string key = Key(at, w, a, b);
    bool start = true;
    for (char& c : key) {
      unsigned char u = static_cast<unsigned char>(c);
      if (std::isalpha(u)) {
        c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
        start = false;
      } else {
        start = c == ' ' || c == '-';
      }
    }
    return key;
  }

  // An all-caps place opening a paragraph before dateline punctuation
  // ("MADRID —", "SIOUX FALLS, S.D. –"): one past its last word, or 0.
  size_t DatelinePlace(const AnalyzedText& at, const std::vector<Word>& w,
                       size_t i) const {
    if (!w[i].all_caps || !w[i].sentence_start) return 0;
    size_t start = w[i].span.begin;
    if (start > 0 && at.text[start - 1] != '\n') return 0;
    size_t k = i;
    while (k + 1 < w.size() && k < i + 3 && w[k + 1].all_caps &&
           w[k + 1].sentence == w[i].sentence) {
      ++k;
    }
    if (!Dateline(at, w, i, k)) return 0;
    const GazetteerEntry* g = lex_.Find(TitleCase(at, w, i, k));
    if (g == nullptr || g->skip || g->type != EntityType::kLoc) return 0;
    return k + 1;
  }

  static bool Matched(const Match& m) {
    return m.gaz != nullptr || m.title != nullptr || m.honorific;
  }

  Entity Make(const AnalyzedText& at, const std::vector<Word>& w, size_t a,
              size_t b, EntityType type, std::string canonical,
              std::string rule) const {
    Entity e;
    e.type = type;
    e.span = Span{w[a].span.begin, w[b].span.end};
    e.text = std::string(at.Slice(e.span));
    e.canonical = canonical.empty() ? e.text : std::move(canonical);
    e.rule = std::move(rule);
    return e;
  }

  // End of an organization name whose head word is at `k`: the head, more
  // head words, or a connector phrase running to the chunk end.
  size_t OrgEnd(const std::vector<Word>& w, size_t k, size_t last) const {
    size_t end = k;
    while (end < last) {
      size_t n = end + 1;
      if (w[n].is_word && !w[n].cap && lex_.IsConnector(w[n].text)) {
        return last;
      }
      if (w[n].is_word && lex_.IsOrgSuffix(w[n].text)) {
        end = n;
        continue;
      }
      break;
    }
    return end;
  }

  std::vector<Entity> Pass(const AnalyzedText& at, const std::vector<Word>& w,
                           const DocContext& ctx) const;
  void Chunk(const AnalyzedText& at, const std::vector<Word>& w, size_t first,
             size_t last, const DocContext& ctx,
             std::vector<Entity>& out) const;
  bool ClassifyRun(const AnalyzedText& at, const std::vector<Word>& w, size_t a,
                   size_t b, size_t chunk_last, const std::string& title,
                   bool honorific, const DocContext& ctx,
                   std::vector<Entity>& out) const;
  void Learn(const AnalyzedText& at, const std::vector<Word>& w,
             const std::vector<Entity>& found, DocContext& ctx) const;

  Lexicon lex_;
};

std::vector<Entity> RuleEntityTagger::Pass(const AnalyzedText& at,
                                           const std::vector<Word>& w,
                                           const DocContext& ctx) const {
  std::vector<Entity> out;
  size_t i = 0;
  while (i < w.size()) {
    if (!w[i].is_word || !w[i].cap) {
      ++i;
      continue;
    }
    if (size_t end = DatelinePlace(at, w, i); end != 0) {
      const GazetteerEntry* g = lex_.Find(TitleCase(at, w, i, end - 1));
      out.push_back(Make(at, w, i, end - 1, EntityType::kLoc, g->canonical,
                         "loc.dateline"));
      i = end;
      continue;
    }
    if (lex_.IsStopword(w[i].text) &&
        !Matched(Longest(at, w, i, ChunkEnd(at, w, i, lex_), ctx))) {
      ++i;
      continue;
    }
    // Coordinated ellipsis: "Central and South Asia" is one place when both
    // "Central Asia" and "South Asia" are.
    if (i + 3 < w.size() && w[i + 1].text == "and" && w[i + 2].cap &&
        w[i + 3].cap && w[i + 3].sentence == w[i].sentence &&
        !w[i].possessive && !w[i + 2].possessive) {
      std::string left =
          std::string(w[i].text) + " " + std::string(w[i + 3].text);
      std::string right =
          std::string(w[i + 2].text) + " " + std::string(w[i + 3].text);
      const GazetteerEntry* gl = lex_.Find(left);
      const GazetteerEntry* gr = lex_.Find(right);
      if (gl && gr && !gl->skip && !gr->skip && gl->type == EntityType::kLoc &&
          gr->type == EntityType::kLoc) {
        std::string x(w[i].text), y(w[i + 2].text);
        if (y < x) std::swap(x, y);
        out.push_back(Make(at, w, i, i + 3, EntityType::kLoc,
                           x + " and " + y + " " + std::string(w[i + 3].text),
                           "loc.coordination"));
        i += 4;
        continue;
      }
    }
    size_t last = ChunkEnd(at, w, i, lex_);
    Chunk(at, w, i, last, ctx, out);
    i = last + 1;
  }
  return out;
}

void RuleEntityTagger::Chunk(const AnalyzedText& at, const std::vector<Word>& w,
                             size_t first, size_t last, const DocContext& ctx,
                             std::vector<Entity>& out) const {
  std::string title;
  bool honorific = false;
  size_t pos = first;
  while (pos <= last) {
    if (!w[pos].is_word || !w[pos].cap) {
      ++pos;
      continue;
    }
    Match m = Longest(at, w, pos, last, ctx);
    if (m.gaz == nullptr && lex_.IsStopword(w[pos].text)) {
      ++pos;
      continue;
    }
    // "University of Maryland", "Ministry of Foreign Affairs": a head word
    // with a connector phrase after it.
    if (m.gaz == nullptr && m.title == nullptr && !m.honorific &&
        lex_.IsOrgSuffix(w[pos].text) && pos < last && w[pos + 1].is_word &&
        !w[pos + 1].cap && lex_.IsConnector(w[pos + 1].text) &&
        !HeadingSentence(w, pos)) {
      out.push_back(Make(at, w, pos, last, EntityType::kOrg, "", "org.pattern"));
      pos = last + 1;
      continue;
    }
    // An organization head word after this point makes the whole stretch
    // one ORG ("Moscow Carnegie Center"), unless a title intervenes.
    size_t from = m.gaz ? m.end + 1 : pos + 1;
    // A known organization stays whole before another one ("White House
    // National Security Council" is two).
    bool whole_org = m.gaz != nullptr && m.gaz->type == EntityType::kOrg &&
                     !m.gaz->skip;
    if (m.title == nullptr && !m.honorific && !whole_org) {
      for (size_t k = from; k <= last; ++k) {
        if (!w[k].is_word || !w[k].cap) continue;
        if (lex_.Title(w[k].text) != nullptr && !lex_.IsOrgSuffix(w[k].text)) {
          break;
        }
        if (lex_.IsOrgSuffix(w[k].text)) {
          size_t end = OrgEnd(w, k, last);
          if (!HeadingSentence(w, pos) || m.gaz != nullptr) {
            out.push_back(
                Make(at, w, pos, end, EntityType::kOrg, "", "org.suffix"));
          }
          pos = end + 1;
          goto next;
        }
      }
    }
    if (m.gaz != nullptr) {
      size_t end = m.end;
      std::string rule = m.gaz->rule;
      if (!m.gaz->skip) {
        while (m.gaz->type == EntityType::kLoc && end < last &&
               w[end + 1].is_word && lex_.IsLocSuffix(w[end + 1].text)) {
          ++end;
          rule = "loc.suffix";
        }
        EntityType type = m.gaz->type;
        // "Washington said": a city that speaks means its government. The
        // guideline (and CoNLL) keep the literal type, LOC; the rule id
        // records the reading for consumers that want the institution.
        if (type == EntityType::kLoc && end == pos && !w[end].possessive &&
            (m.gaz->rule == "gaz.loc-cities" ||
             m.gaz->rule == "gaz.geonames-city") &&
            end + 1 < w.size() && w[end + 1].is_word &&
            lex_.IsSpeechVerb(w[end + 1].text)) {
          rule = "loc.government-metonymy";
        }
        out.push_back(Make(at, w, pos, end, type, m.gaz->canonical, rule));
      }
      title.clear();
      honorific = false;
      pos = end + 1;
      continue;
    }
    if (m.title != nullptr) {
      title = *m.title;
      pos = m.end + 1;
      continue;
    }
    if (m.honorific) {
      honorific = true;
      pos = m.end + 1;
      continue;
    }
    {
      // A run of unknown capitalized words, up to the next known item.
      size_t end = pos;
      for (size_t k = pos + 1; k <= last; ++k) {
        if (w[k].is_word && w[k].cap) {
          Match next = Longest(at, w, k, last, ctx);
          // "Michael Jordan", "George Washington": a one-word place after a
          // lone given name or a title is the surname.
          bool surname =
              next.gaz != nullptr && next.end == k && end == pos &&
              !next.gaz->skip && next.gaz->type == EntityType::kLoc &&
              (lex_.IsGivenName(w[pos].text) || !title.empty() || honorific) &&
              (k == last || !lex_.IsOrgSuffix(w[k + 1].text));
          if (surname) {
            end = k;
            continue;
          }
          if (Matched(next)) break;
        }
        if (w[k].is_word && !w[k].cap) break;
        if (w[k].is_word) end = k;
      }
      ClassifyRun(at, w, pos, end, last, title, honorific, ctx, out);
      title.clear();
      honorific = false;
      pos = end + 1;
    }
  next:;
  }
}

bool RuleEntityTagger::ClassifyRun(const AnalyzedText& at,
                                   const std::vector<Word>& w, size_t a,
                                   size_t b, size_t chunk_last,
                                   const std::string& title, bool honorific,
                                   const DocContext& ctx,
                                   std::vector<Entity>& out) const {
  size_t n_words = 0;
  for (size_t k = a; k <= b; ++k) n_words += w[k].is_word;
  std::string_view first = w[a].text;
  bool sentence_start = w[a].sentence_start;
  bool heading = HeadingSentence(w, a);
  // Lower-case office title right before the name: "president Xi Jinping".
  std::string office = title;
  if (office.empty() && a > 0 && w[a - 1].is_word && !w[a - 1].cap) {
    if (const std::string* t = lex_.Title(w[a - 1].text)) {
      office = *t;
      office[0] = static_cast<char>(
          std::toupper(static_cast<unsigned char>(office[0])));
    }
  }
  auto person = [&](std::string canonical, const char* rule) {
    Entity e =
        Make(at, w, a, b, EntityType::kPerson, std::move(canonical), rule);
    e.title = office;
    out.push_back(std::move(e));
    return true;
  };
  // A sentence-opening common word is not part of the name: "Later Umarov".
  while (sentence_start && a < b && ctx.UsedInLowerCase(w[a].text)) {
    ++a;
    while (a < b && !w[a].is_word) ++a;
    sentence_start = false;
    first = w[a].text;
    n_words = 0;
    for (size_t k = a; k <= b; ++k) n_words += w[k].is_word;
    if (office.empty() && a > 0 && w[a - 1].is_word && !w[a - 1].cap) {
      if (const std::string* t = lex_.Title(w[a - 1].text)) office = *t;
    }
  }
  bool common_word = false;
  for (size_t k = a; k <= b; ++k) {
    if (!w[k].is_word) continue;
    common_word = common_word || ctx.UsedInLowerCase(w[k].text) ||
                  (n_words > 1 && !LooksLikeNameWord(w[k]));
  }
  // Known from a longer mention elsewhere in the document.
  {
    std::string canonical;
    bool all_known = true;
    for (size_t k = a; k <= b && all_known; ++k) {
      if (!w[k].is_word) continue;
      auto it = ctx.person_words.find(w[k].text);
      if (it == ctx.person_words.end() || it->second.empty() ||
          (!canonical.empty() && canonical != it->second)) {
        all_known = false;
      } else {
        canonical = it->second;
      }
    }
    // The full name itself keeps the rule that found it.
    if (all_known && !canonical.empty() &&
        (n_words == 1 || Key(at, w, a, b) != canonical)) {
      return person(canonical, "person.doc");
    }
  }
  if (n_words == 1 && w[a].all_caps) {
    bool has_digit = std::any_of(first.begin(), first.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
    if (heading || has_digit || lex_.IsAcronymStop(first) || first.size() < 2 ||
        Shouted(w, a, ctx, lex_)) {
      return false;
    }
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.acronym"));
    return true;
  }
  if (!office.empty() && !common_word) return person("", "person.title");
  // "talent manager Scooter Braun": a role noun right before the name.
  if (a > 0 && w[a - 1].is_word && !w[a - 1].cap &&
      lex_.IsPersonRole(w[a - 1].text) && n_words <= 4 && !heading) {
    bool namelike = true;
    for (size_t k = a; k <= b; ++k) {
      namelike = namelike && (!w[k].is_word || LooksLikeNameWord(w[k]));
    }
    if (namelike) return person("", "person.role");
  }
  if (honorific) return person("", "person.honorific");
  // Interview speaker label: "Bradley Jardine: ..." opening a paragraph.
  if (sentence_start && b + 1 < w.size() && w[b + 1].text == ":" &&
      n_words <= 4 && !common_word &&
      (n_words >= 2 || lex_.IsGivenName(first))) {
    return person("", "person.speaker");
  }
  bool speech =
      (a > 0 && w[a - 1].is_word && lex_.IsSpeechVerb(w[a - 1].text)) ||
      (b + 1 < w.size() && w[b + 1].is_word &&
       lex_.IsSpeechVerb(w[b + 1].text));
  if (b == chunk_last && b + 2 < w.size() && w[b + 1].text == "," &&
      w[b + 2].is_word && lex_.IsSpeechVerb(w[b + 2].text)) {
    speech = true;
  }
  if (heading) return false;
  // "The Chronicle says": a determiner before a lone name that speaks is a
  // newspaper, agency or company, not a person.
  if (n_words == 1 && speech && a > 0 && w[a - 1].is_word &&
      (w[a - 1].text == "the" || w[a - 1].text == "The") &&
      LooksLikeNameWord(w[a])) {
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.the-speaker"));
    return true;
  }
  // "WeWork", "SpaceX", "YouTube": inner capitals mark brand names.
  if (n_words == 1 && CamelCase(first)) {
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.camel-case"));
    return true;
  }
  if (n_words >= 2) {
    // "Employee Steve Castro", "Public Ombudsman Nadia Cruz": a given name
    // inside the run starts the person; the words before are descriptors.
    for (size_t k = a + 1; k < b; ++k) {
      if (w[k].is_word && lex_.IsGivenName(w[k].text) &&
          !lex_.IsGivenName(first) && !lex_.IsFamilyName(first) &&
          w[b].is_word && LooksLikeNameWord(w[b])) {
        Entity e = Make(at, w, k, b, EntityType::kPerson, "", "person.given-name");
        out.push_back(std::move(e));
        return true;
      }
    }
    if (lex_.IsLocSuffix(w[b].text)) {
      out.push_back(Make(at, w, a, b, EntityType::kLoc, "", "loc.suffix"));
      return true;
    }
    if (lex_.IsGivenName(first)) return person("", "person.given-name");
    if (lex_.IsFamilyName(first) && n_words <= 3) {
      return person("", "person.family-name");
    }
    if (common_word) return false;
    if (speech) return person("", "person.speech");
    // Two or three name-like words with nothing against them are most often
    // a person in news text; longer runs are titles of works or events.
    bool dictionary_word = false;
    for (size_t k = a; k <= b; ++k) {
      dictionary_word = dictionary_word ||
                        (w[k].is_word && !lex_.IsGivenName(w[k].text) &&
                         !lex_.IsFamilyName(w[k].text) &&
                         lex_.IsCommonWord(w[k].text));
    }
    if (n_words <= 3 && !sentence_start && !dictionary_word) {
      return person("", "person.capitalized-run");
    }
    return false;
  }
  if (common_word || !LooksLikeNameWord(w[a])) return false;
  if (speech) return person("", "person.speech");
  if (sentence_start) return false;
  if (lex_.IsGivenName(first)) return person("", "person.given-name");
  // "in Barin", "a town called Barin": a lone unknown name after a place
  // cue is a place, unless it heads organizations elsewhere.
  if (a > 0 && w[a - 1].is_word && !w[a - 1].cap &&
      lex_.IsLocCue(w[a - 1].text) && LooksLikeNameWord(w[a]) &&
      !lex_.IsOrgSuffix(first) && !lex_.IsLocSuffix(first) &&
      (b + 1 >= w.size() || !w[b + 1].possessive)) {
    out.push_back(Make(at, w, a, b, EntityType::kLoc, "", "loc.cue"));
    return true;
  }
  return false;
}

void RuleEntityTagger::Learn(const AnalyzedText& at, const std::vector<Word>& w,
                             const std::vector<Entity>& found,
                             DocContext& ctx) const {
  for (const Entity& e : found) {
    if (e.type != EntityType::kPerson) continue;
    std::vector<std::string_view> parts = SplitName(e.text);
    // "President Trump" makes a later sentence-initial "Trump" a person.
    if (parts.size() == 1 && (e.rule == "person.title" ||
                              e.rule == "person.honorific")) {
      ctx.person_words.try_emplace(e.text, e.text);
      continue;
    }
    if (parts.size() < 2) continue;
    bool namelike =
        std::all_of(parts.begin(), parts.end(), [](std::string_view p) {
          Word probe;
          probe.text = p;
          probe.all_caps =
              p.size() >= 2 && std::all_of(p.begin(), p.end(), [](char c) {
                return !std::islower(static_cast<unsigned char>(c));
              });
          return LooksLikeNameWord(probe);
        });
    if (!namelike) continue;
    for (std::string_view p : parts) {
      auto [it, inserted] =
          ctx.person_words.try_emplace(std::string(p), e.text);
      if (!inserted && it->second != e.text) {
        // Keep the longer name when one contains the other, else ambiguous.
        if (it->second.find(e.text) != std::string::npos) continue;
        if (e.text.find(it->second) != std::string::npos) {
          it->second = e.text;
        } else {
          it->second.clear();
        }
      }
    }
  }
  // Acronym definitions: "Shanghai Cooperation Organization (SCO)".
  size_t wi = 0;
  for (const Entity& e : found) {
    if (e.type == EntityType::kPerson || e.type == EntityType::kNorp) continue;
    while (wi < w.size() && w[wi].span.begin < e.span.end) ++wi;
    if (wi + 2 >= w.size()) break;
    if (w[wi].text != "(" || !w[wi + 1].all_caps || w[wi + 2].text != ")") {
      continue;
    }
    std::string_view acro = w[wi + 1].text;
    if (acro.empty() || e.text.empty() || acro[0] != e.text[0]) continue;
    ctx.acronyms.insert_or_assign(
        std::string(acro),
        GazetteerEntry{e.type, e.canonical, "acronym.defined", false});
  }
  (void)at;
}

}  // namespace

Result<std::unique_ptr<EntityTagger>> EntityTagger::Create(
    const std::string& lang_dir, const std::string& share_dir) {
  Result<Lexicon> lex = LoadLexicon(lang_dir, share_dir);
  if (!lex.ok()) return lex.status();
  return std::unique_ptr<EntityTagger>(
      new RuleEntityTagger(std::move(lex).value()));
}

}  // namespace newsfacts
