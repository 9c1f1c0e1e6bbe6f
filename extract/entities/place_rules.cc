// Place evidence for gazetteer names that need it: prepositions of place,
// "north of", place nouns after the name, "Greenbelt, Maryland", datelines,
// and standalone uses; plus the all-caps dateline rule.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "core/strings.h"
#include "extract/entities/rules.h"

namespace newsfacts {
namespace entities_internal {

// Evidence that words a..b name a place: a preposition of place before
// ("in Split"), a direction + "of" ("north of Kabul"), a place noun after
// ("Logar province"), a comma and a known place after ("Greenbelt,
// Maryland") or a dateline ("HAYWARD, Calif. (AP) --").
// "Addison, a village southwest of Ithaca", "Fenton, a suburb": an
// apposition headed by a place noun.
bool RuleEntityTagger::PlaceApposition(const std::vector<Word>& w,
                                       size_t b) const {
  if (b + 3 >= w.size() || w[b].possessive || w[b + 1].text != "," ||
      !(w[b + 2].text == "a" || w[b + 2].text == "an" ||
        w[b + 2].text == "the")) {
    return false;
  }
  for (size_t k = b + 3; k < w.size() && k <= b + 5; ++k) {
    if (!w[k].is_word || w[k].cap) return false;
    std::string head(w[k].text);
    head[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(head[0])));
    if ((lex_.IsLocCue(w[k].text) && w[k].text != "in" &&
         w[k].text != "near" && w[k].text != "outside" &&
         w[k].text != "called" && w[k].text != "named") ||
        lex_.IsLocSuffix(head) || w[k].text == "suburb" ||
        w[k].text == "neighborhood" || w[k].text == "hamlet" ||
        w[k].text == "township" || w[k].text == "borough") {
      return true;
    }
  }
  return false;
}

bool RuleEntityTagger::PlaceCue(const AnalyzedText& at,
                                const std::vector<Word>& w, size_t a, size_t b,
                                const DocContext& ctx) const {
  if (PlaceApposition(w, b)) return true;
  if (ctx.UsedInLowerCase(w[a].text)) return false;
  if (lex_.IsGivenName(w[a].text)) {
    // "a hospital in Kobe": a listed place that is also a given name is
    // the place after "in" or "near" when no surname follows and no
    // person of the document has it as a name word.
    bool in = a > 0 && w[a - 1].is_word &&
              (w[a - 1].text == "in" || w[a - 1].text == "near");
    bool surname_next = b + 1 < w.size() && w[b + 1].is_word && w[b + 1].cap;
    return in && a == b && !surname_next && !w[b].possessive &&
           ctx.person_words.count(w[a].text) == 0;
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
    next[0] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(next[0])));
    if (lex_.IsLocSuffix(next)) return true;
  }
  if (CommaPlace(at, w, b) != 0) return true;
  // "to Phoenix and Tucson", "in Osh, Batken and Leilek": a listed place
  // coordinated with a place that has a cue.
  if (a > 2 && (w[a - 1].text == "and" || w[a - 1].text == "or" ||
                w[a - 1].text == ",") &&
      w[a - 2].is_word && w[a - 2].cap && !w[a - 2].possessive) {
    size_t s = a - 2;
    while (s > 0 && w[s - 1].is_word && w[s - 1].cap && s + 3 > a - 2) --s;
    std::string buf;
    const GazetteerEntry* g = lex_.Find(KeyView(at, w, s, a - 2, buf));
    if (g != nullptr && !g->skip && g->type == EntityType::kLoc &&
        s > 0 && w[s - 1].is_word && !w[s - 1].cap &&
        lex_.IsLocPreposition(w[s - 1].text)) {
      return true;
    }
  }
  return Dateline(at, w, a, b);
}

size_t RuleEntityTagger::CommaPlace(const AnalyzedText& at,
                                    const std::vector<Word>& w,
                                    size_t b) const {
  if (b + 2 >= w.size() || w[b + 1].text != ",") return 0;
  return ListedPlaceEnd(at, w, b + 2);
}

size_t RuleEntityTagger::ListedPlaceEnd(const AnalyzedText& at,
                                        const std::vector<Word>& w,
                                        size_t i) const {
  if (!w[i].is_word || !w[i].cap) return 0;
  size_t last = ChunkEnd(at, w, i, lex_);
  for (size_t e = last + 1; e-- > i;) {
    if (!w[e].is_word) continue;
    const GazetteerEntry* g = lex_.Find(Key(at, w, i, e));
    if (g != nullptr && !g->needs_cue && !g->skip &&
        g->type == EntityType::kLoc) {
      return e;
    }
  }
  return 0;
}

bool RuleEntityTagger::IsCompassWord(std::string_view k) {
  return k == "West" || k == "East" || k == "North" || k == "South";
}

// A one-word packaged place with nothing that makes it another kind of
// word: not a dictionary word, given or family name, not at a sentence
// start, and not next to other capitalized words ("the Burbank
// entertainment giant").
bool RuleEntityTagger::StandalonePlace(const std::vector<Word>& w, size_t a,
                                       size_t b, size_t last,
                                       const DocContext& ctx,
                                       bool big_city) const {
  // A big city may open a sentence and end like a surname ("Bamako
  // lies", "Kharkiv").
  if (a != b || (w[a].sentence_start && !big_city) || w[a].all_caps) {
    return false;
  }
  std::string_view t = w[a].text;
  if (lex_.IsCommonWord(t) || lex_.IsGivenName(t) || lex_.IsFamilyName(t) ||
      ctx.UsedInLowerCase(t) || lex_.IsStopword(t) ||
      (SurnameShaped(t) && !big_city) || ctx.person_words.count(t) != 0) {
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
bool RuleEntityTagger::Dateline(const AnalyzedText& at,
                                const std::vector<Word>& w, size_t a,
                                size_t b) {
  if (!w[a].sentence_start) return false;
  size_t start = w[a].span.begin;
  if (start > 0 && at.text[start - 1] != '\n') return false;
  // "CHENNAI" on a line of its own between the byline and the story.
  if (size_t eol = at.text.find('\n', w[b].span.end);
      w[a].all_caps && eol != std::string::npos &&
      OnlySpaces(std::string_view(at.text).substr(w[b].span.end,
                                                   eol - w[b].span.end))) {
    return true;
  }
  if (b + 1 >= w.size()) return false;
  std::string_view next = w[b + 1].text;
  // "BJP-led alliance sweeps Bihar": a hyphen glued to a word makes a
  // compound, no dateline dash; "NEW DELHI | Updated: ...": a bar does.
  bool glued_hyphen = next == "-" && w[b + 1].span.begin == w[b].span.end &&
                      b + 2 < w.size() &&
                      w[b + 2].span.begin == w[b + 1].span.end;
  // "FRANKFURT/MILAN, ...": two places of one dateline.
  bool slash_place = next == "/" && b + 2 < w.size() && w[b + 2].all_caps &&
                     w[a].all_caps;
  if (next == "," || next == ":" || next == "(" || slash_place ||
      (next == "-" && !glued_hyphen) || next == "|" ||
      next == "\xE2\x80\x94" || next == "\xE2\x80\x93") {
    return true;
  }
  // "LONDON 1996-08-30": a wire dateline line, the place and a date alone.
  if (next.empty() || !std::isdigit(static_cast<unsigned char>(next[0]))) {
    return false;
  }
  size_t from = w[b].span.end;
  size_t eol = at.text.find('\n', from);
  if (eol == std::string::npos) eol = at.text.size();
  if (eol - from > 24) return false;
  for (size_t k = from; k < eol; ++k) {
    char c = at.text[k];
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-' && c != '/' &&
        c != ' ' && c != '.' && c != '\r') {
      return false;
    }
  }
  return true;
}

// "NEW DELHI" -> "New Delhi", "N'DJAMENA" -> "N'Djamena" (ASCII letters;
// others kept): a letter after a one-letter word and an apostrophe starts
// a word too.
std::string RuleEntityTagger::TitleCase(const AnalyzedText& at,
                                        const std::vector<Word>& w, size_t a,
                                        size_t b) const {
  std::string key = Key(at, w, a, b);
  if (!std::all_of(key.begin(), key.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x80;
      })) {
    // "BOGOTÁ" -> "Bogotá": ICU knows the case of every letter.
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(key);
    u.toTitle(nullptr, icu::Locale::getRoot());
    std::string titled;
    u.toUTF8String(titled);
    return titled;
  }
  bool start = true;
  size_t letters = 0;  // letters of the current word so far
  for (char& c : key) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
      start = false;
      ++letters;
    } else {
      start = c == ' ' || c == '-' || (c == '\'' && letters == 1);
      if (c != '\'') letters = 0;
    }
  }
  return key;
}

size_t RuleEntityTagger::ParticlePlaceEnd(const AnalyzedText& at,
                                          const std::vector<Word>& w,
                                          size_t i,
                                          std::string& canonical) const {
  if (!w[i].is_word || !w[i].cap || w[i].possessive) return 0;
  auto glued = [&](size_t a, size_t b) {
    return w[a].span.end == w[b].span.begin;
  };
  size_t pos = i;
  int particles = 0;
  bool listed = true;  // every particle is in ent-loc-particles
  size_t end = 0;
  while (end == 0 && particles <= 3) {
    size_t n = pos + 1;
    if (n >= w.size() || w[n].sentence != w[i].sentence) return 0;
    bool hyphen = false;
    if (!w[n].is_word && w[n].text == "-" && glued(pos, n) &&
        n + 1 < w.size() && glued(n, n + 1)) {
      hyphen = true;
      ++n;
    } else if (at.text.substr(w[pos].span.end,
                              w[n].span.begin - w[pos].span.end) != " ") {
      return 0;
    }
    if (!w[n].is_word || w[pos].possessive) return 0;
    if (w[n].cap) {
      if (particles == 0) return 0;
      end = n;
    } else if (w[n].text.size() <= 4 && !w[n].all_caps) {
      // Unlisted short words ("ob der", "upon") may join a listed name.
      listed = listed && lex_.IsLocParticle(w[n].text, hyphen);
      ++particles;
      pos = n;
    } else {
      return 0;
    }
  }
  if (end == 0) return 0;
  const size_t begin = w[i].span.begin;
  std::string_view whole = at.text.substr(begin, w[end].span.end - begin);
  if (const GazetteerEntry* g = lex_.Find(whole);
      g != nullptr && !g->skip && g->type == EntityType::kLoc) {
    canonical = g->canonical;
    return end;
  }
  // Otherwise the first part must be a known place that is not also a
  // person's name ("Victoria de la Fuente"), and the last part not a
  // family name.
  const GazetteerEntry* first = lex_.Find(w[i].text);
  if (!listed || first == nullptr || first->skip || first->type != EntityType::kLoc ||
      lex_.IsGivenName(w[i].text) || lex_.IsFamilyName(w[end].text)) {
    return 0;
  }
  canonical = std::string(whole);
  return end;
}

// "Published 2026-10-29 | MOSCOW", "Updated 10:42 | MACHIAS, Maine": a
// place in capitals after a bar, ending its line (with a region after a
// comma at most): a listed place, or any name before a listed region.
size_t RuleEntityTagger::BylinePlace(const AnalyzedText& at,
                                     const std::vector<Word>& w,
                                     size_t i) const {
  if (i == 0 || w[i - 1].text != "|") return 0;
  auto same_line = [&](size_t a, size_t b) {
    return at.text.find('\n', w[a].span.end) >= w[b].span.begin;
  };
  if (!same_line(i - 1, i)) return 0;
  size_t k = i;
  while (k + 1 < w.size() && k < i + 3 && w[k + 1].all_caps &&
         same_line(k, k + 1)) {
    ++k;
  }
  size_t eol = at.text.find('\n', w[k].span.end);
  if (eol == std::string::npos) eol = at.text.size();
  bool line_end = OnlySpaces(std::string_view(at.text).substr(
      w[k].span.end, eol - w[k].span.end));
  bool region = k + 2 < w.size() && w[k + 1].text == "," &&
                w[k + 2].span.begin < eol && ListedPlaceEnd(at, w, k + 2) != 0;
  if (!line_end && !region) return 0;
  const GazetteerEntry* g = lex_.Find(TitleCase(at, w, i, k));
  if (g != nullptr && !g->skip && g->type == EntityType::kLoc) return k + 1;
  return g == nullptr && region ? k + 1 : 0;
}

// An all-caps place opening a paragraph before dateline punctuation
// ("MADRID —", "SIOUX FALLS, S.D. –") or ending a byline line: one past
// its last word, or 0.
size_t RuleEntityTagger::DatelinePlace(const AnalyzedText& at,
                                       const std::vector<Word>& w,
                                       size_t i) const {
  if (!w[i].all_caps) return 0;
  if (size_t end = BylinePlace(at, w, i); end != 0) return end;
  if (!w[i].sentence_start) return 0;
  size_t start = w[i].span.begin;
  if (start > 0 && at.text[start - 1] != '\n') return 0;
  size_t k = i;
  auto glued = [&](size_t a, size_t b) {
    return w[a].span.end == w[b].span.begin;
  };
  while (k + 1 < w.size() && k < i + 3 && w[k + 1].sentence == w[i].sentence) {
    if (w[k + 1].all_caps) {
      ++k;
    } else if (k + 2 < w.size() && w[k + 1].text == "-" && w[k + 2].all_caps &&
               glued(k, k + 1) && glued(k + 1, k + 2)) {
      k += 2;  // "AL-AIN"
    } else {
      break;
    }
  }
  if (!Dateline(at, w, i, k)) return 0;
  // "BA, AMERICAN AIRLINES PLAN ALLIANCE": a headline in capitals, not a
  // dateline (which holds a place, a region and a day at most).
  if (w[i].caps_line) {
    int words = 0;
    for (size_t n = i; n < w.size() && w[n].sentence == w[i].sentence; ++n) {
      words += w[n].is_word && HasLetter(w[n].text);
    }
    if (words > 4) return 0;
  }
  std::string key = TitleCase(at, w, i, k);
  const GazetteerEntry* g = lex_.Find(key);
  if (g != nullptr && !g->skip && g->type == EntityType::kLoc) return k + 1;
  if (g != nullptr || k + 1 >= w.size()) return 0;
  // "AL-AIN, United Arab Emirates": an unlisted place before a comma and a
  // listed country or region.
  if (k + 2 < w.size() && w[k + 1].text == "," &&
      ListedPlaceEnd(at, w, k + 2) != 0) {
    return k + 1;
  }
  // "TAYLORVILLE —": an unlisted place opening the text before a dash, or
  // "DUESSELDORF 1996-08-30" on a line of its own before a day, when no
  // word of it is a dictionary or stop word ("BREAKING —").
  std::string_view dash = w[k + 1].text;
  // A day written with digits and separators ("1996-08-30", "30/08").
  bool dated = k + 3 < w.size() && IsAsciiDigits(dash) &&
               (w[k + 2].text == "-" || w[k + 2].text == "/" ||
                w[k + 2].text == ".") &&
               w[k + 2].span.begin == w[k + 1].span.end &&
               IsAsciiDigits(w[k + 3].text) &&
               w[k + 3].span.begin == w[k + 2].span.end;
  if (start != 0 && !dated) return 0;
  if (!dated && dash != "-" && dash != "\xE2\x80\x94" &&
      dash != "\xE2\x80\x93") {
    return 0;
  }
  for (std::string_view part : SplitName(key)) {
    if (part.size() < 3 || lex_.IsCommonWord(part) || lex_.IsStopword(part) ||
        lex_.IsAcronymStop(part)) {
      return 0;
    }
  }
  return k + 1;
}

}  // namespace entities_internal
}  // namespace newsfacts
