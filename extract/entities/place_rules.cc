// Place evidence for gazetteer names that need it: prepositions of place,
// "north of", place nouns after the name, "Greenbelt, Maryland", datelines,
// and standalone uses; plus the all-caps dateline rule.
#include <algorithm>
#include <cctype>
#include <string>

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
    next[0] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(next[0])));
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

bool RuleEntityTagger::IsCompassWord(std::string_view k) {
  return k == "West" || k == "East" || k == "North" || k == "South";
}

// A one-word packaged place with nothing that makes it another kind of
// word: not a dictionary word, given or family name, not at a sentence
// start, and not next to other capitalized words ("the Burbank
// entertainment giant").
bool RuleEntityTagger::StandalonePlace(const std::vector<Word>& w, size_t a,
                                       size_t b, size_t last,
                                       const DocContext& ctx) const {
  if (a != b || w[a].sentence_start || w[a].all_caps) return false;
  std::string_view t = w[a].text;
  if (lex_.IsCommonWord(t) || lex_.IsGivenName(t) || lex_.IsFamilyName(t) ||
      ctx.UsedInLowerCase(t) || lex_.IsStopword(t) || SurnameShaped(t)) {
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
  if (b + 1 >= w.size()) return false;
  std::string_view next = w[b + 1].text;
  return next == "," || next == ":" || next == "(" || next == "-" ||
         next == "\xE2\x80\x94" || next == "\xE2\x80\x93";
}

// "NEW DELHI" -> "New Delhi" (ASCII letters; others kept).
std::string RuleEntityTagger::TitleCase(const AnalyzedText& at,
                                        const std::vector<Word>& w, size_t a,
                                        size_t b) const {
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
size_t RuleEntityTagger::DatelinePlace(const AnalyzedText& at,
                                       const std::vector<Word>& w,
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

}  // namespace entities_internal
}  // namespace newsfacts
