// What the text around a count says of it: the sentence before and after
// it, the counts found before it, the figure it gives again, the vehicle
// or outbreak its sentence tells of. Read by the count rules (counts.cc)
// when a count's own clause says too little.
#include <string>
#include <string_view>
#include <vector>

#include "extract/counts/count_rules.h"

namespace newsfacts::counts_internal {

// Whether the sentence [sb, se) names kidnappers (abductors, captors,
// pirates) or hostages and no police, court or prison: whoever it says
// is held is held by kidnappers.
bool HeldByKidnappers(const TokenView& v, size_t sb, size_t se) {
  return AnyTokenInList(v, sb, se, "kidnappers") &&
         !AnyTokenInList(v, sb, se, "captors-state");
}

// The first token of the capitalized name (at most three words, and a noun
// of places after them) that ends right before token `t`, or `t` when
// there is none.
size_t NameBefore(const TokenView& v, size_t t) {
  const size_t sb = v.sentence_begin[t];
  size_t a = t;
  // ("Dhaka city 563": a noun of places may close the name.)
  if (a > sb + 1 && InList(v, "place-nouns", v.lower[a - 1]) &&
      v.IsCapitalized(a - 2)) {
    --a;
  }
  while (a > sb && t - a < 3 && v.at.tokens[a - 1].kind == TokenKind::kWord &&
         v.IsCapitalized(a - 1)) {
    --a;
  }
  return a;
}

// Whether the sentence of token `t` is the one of token `u` or the one
// right after it in the same paragraph (no line break between them).
bool SameOrNextSentence(const TokenView& v, size_t u, size_t t) {
  const size_t sb = v.sentence_begin[t];
  if (v.sentence_begin[u] == sb) return true;
  if (sb == 0 || v.sentence_begin[sb - 1] != v.sentence_begin[u]) return false;
  const size_t gap_begin = v.at.tokens[sb - 1].span.end;
  const size_t gap_end = v.at.tokens[sb].span.begin;
  return v.at.text.substr(gap_begin, gap_end - gap_begin).find('\n') ==
         std::string_view::npos;
}

// The earlier count `p` when it has an event and lies in the sentence of
// token `first` or the one before it, ending before `first`; else null.
// (The second form reads the last of the counts found so far.)
const CaseCount* Antecedent(const TokenView& v, const CaseCount& p,
                            size_t first) {
  if (p.event.empty()) return nullptr;
  const size_t at = TokenAtOrAfterPos(v, p.span.begin);
  if (at >= v.size() || p.span.end > v.at.tokens[first].span.begin ||
      !SameOrNextSentence(v, at, first)) {
    return nullptr;
  }
  return &p;
}

const CaseCount* Antecedent(const TokenView& v,
                            const std::vector<CaseCount>& prior, size_t first) {
  return prior.empty() ? nullptr : Antecedent(v, prior.back(), first);
}

// Whether a disease that infects (a condition trigger with the event
// INFECT) is named in the sentence of token `t` or in the sentence before
// it in the same paragraph.
bool DiseaseNamed(const TokenView& v, const CountLexicon& lex, size_t t) {
  size_t from = v.sentence_begin[t];
  if (from > 0 && SameOrNextSentence(v, from - 1, from)) {
    from = v.sentence_begin[from - 1];
  }
  // ("В больнице остаются 19 детей. У шестерых обнаружен норовирус": or
  // the next sentence of the paragraph.)
  size_t to = v.sentence_end[t];
  if (to < v.size() && SameOrNextSentence(v, t, to)) to = v.sentence_end[to];
  for (size_t k = from; k < to; ++k) {
    // One word ("cholera") or two ("food poisoning").
    for (size_t n = 1; n <= 2 && k + n <= to; ++n) {
      const std::string name = v.Phrase(k, n);
      if (!lex.condition_triggers.count(name)) continue;
      auto it = lex.triggers.find(name);
      if (it != lex.triggers.end() && it->second == "INFECT") return true;
    }
  }
  return false;
}

// Verbs that say who is aboard a vehicle ("carrying 72 people", "в
// котором находились 32 пассажира").
bool VehicleCarrying(const TokenView& v, std::string_view w) {
  return InList(v, "vehicle-carrying", w);
}

// Whether the sentence [sb, se) tells of a crash, sinking or capsizing.
bool CrashNamed(const TokenView& v, size_t sb, size_t se) {
  return AnyTokenInList(v, sb, se, "crash-words");
}

// "Yerevan put its losses at 207 soldiers", "the union put the number at
// more than 2 million", "officials estimated the toll at 40": a figure
// given as the value of a noun after a verb of estimating. A toll, losses
// or the dead are KILL; a number, figure or total is the count before it
// (`antecedent`, may be null) told again. Empty when the count at `first`
// is no such value.
std::string PutAtEvent(const TokenView& v, size_t first,
                       const CaseCount* antecedent) {
  const size_t sb = v.sentence_begin[first];
  if (first < sb + 3 || v.lower[first - 1] != "at") return "";
  for (size_t t = first - 1, steps = 0; t > sb && steps < 5; ++steps) {
    --t;
    if (!InList(v, "estimate-verbs", v.lower[t])) {
      if (v.IsPunct(t)) return "";
      continue;
    }
    for (size_t m = t + 1; m + 1 < first; ++m) {
      if (InList(v, "toll-nouns", v.lower[m])) return "KILL";
      if (InList(v, "estimate-figures", v.lower[m])) {
        return antecedent != nullptr ? antecedent->event : "";
      }
    }
    return "";
  }
  return "";
}

// "Police said 40 people were arrested on Saturday. On Sunday the number
// rose to 65", "In Almaty, the figure was 300": a bare number that a
// figure, number or total (no of-phrase) is, or moves to, in the clause
// before it is a new value of the count before.
bool FigureIsNumber(const TokenView& v, size_t first) {
  const size_t sb = v.sentence_begin[first];
  for (size_t t = first, steps = 0; t > sb && steps < 6; ++steps) {
    --t;
    if (InList(v, "figure-nouns", v.lower[t])) {
      return t + 1 < first && v.lower[t + 1] != "of" && t > sb &&
             (v.lower[t - 1] == "the" || v.lower[t - 1] == "that" ||
              v.lower[t - 1] == "this" || v.lower[t - 1] == "its");
    }
    if (!InList(v, "figure-links", v.lower[t])) return false;
  }
  return false;
}

// "had risen to 80, up from 71", "compared with 70 in July last year",
// "bringing the total since September to 52": a bare number that gives an
// earlier or a later figure of the count before it in the sentence (the
// number after its qualifier starts at `lead`).
bool RestatesFigure(const TokenView& v, size_t lead) {
  const size_t sb = v.sentence_begin[lead];
  if (lead < sb + 2) return false;
  const std::string& p1 = v.lower[lead - 1];
  const std::string& p2 = v.lower[lead - 2];
  if (p1 == "from" && (p2 == "up" || p2 == "down")) return true;
  if ((p1 == "with" || p1 == "to") && p2 == "compared") return true;
  if (p1 == "versus" || p1 == "vs") return true;
  // "confirmed 4 more deaths, for a total of 19".
  if (p1 == "of" && p2 == "total" && lead >= sb + 4 &&
      v.lower[lead - 3] == "a" &&
      (v.lower[lead - 4] == "for" || v.lower[lead - 4] == ",")) {
    return true;
  }
  if (p1 == "to") {
    for (size_t t = lead - 1, steps = 0; t > sb && steps < 10; ++steps) {
      --t;
      if (v.lower[t] == ";" ||
          (v.at.tokens[t].kind == TokenKind::kNumber && v.in_date[t] < 0)) {
        break;
      }
      // The mover may stand up to four words before the total ("bringing
      // the state's total since February to 1,012").
      if (InList(v, "total-nouns", v.lower[t])) {
        for (size_t m = t, back = 0; m > sb && back < 4; ++back) {
          --m;
          if (v.IsPunct(m) && v.lower[m] != "'s") break;
          if (InList(v, "total-movers", v.lower[m])) return true;
        }
      }
    }
  }
  return false;
}

}  // namespace newsfacts::counts_internal
