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
  static constexpr std::string_view kKidnappers[] = {
      "kidnapper", "abductor", "captor", "hostage", "pirates",
      "\xD0\xBF\xD0\xBE\xD1\x85\xD0\xB8\xD1\x82\xD0\xB8\xD1\x82"
      "\xD0\xB5\xD0\xBB"};  // "похитител"
  static constexpr std::string_view kState[] = {
      "police", "arrest", "detain", "custody", "prison", "jail", "court",
      "charge", "authorit", "\xD0\xBF\xD0\xBE\xD0\xBB\xD0\xB8\xD1\x86"};  // "полиц"
  return AnyTokenStartsWith(v, sb, se, kKidnappers) &&
         !AnyTokenStartsWith(v, sb, se, kState);
}

// The first token of the capitalized name (at most three words) that ends
// right before token `t`, or `t` when there is none.
size_t NameBefore(const TokenView& v, size_t t) {
  const size_t sb = v.sentence_begin[t];
  size_t a = t;
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
                            const std::vector<CaseCount>& prior,
                            size_t first) {
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
  for (size_t k = from; k < v.sentence_end[t]; ++k) {
    if (!lex.condition_triggers.count(v.lower[k])) continue;
    auto it = lex.triggers.find(v.lower[k]);
    if (it != lex.triggers.end() && it->second == "INFECT") return true;
  }
  return false;
}

// Verbs that say who is aboard a vehicle ("carrying 72 people", "в
// котором находились 32 пассажира").
bool VehicleCarrying(std::string_view w) {
  return w == "carrying" || w == "carried" || w == "ferrying" ||
         w == "transporting" ||
         w == "\xD0\xBD\xD0\xB0\xD1\x85\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBB"
              "\xD0\xB8\xD1\x81\xD1\x8C" ||  // "находились"
         w == "\xD0\xB5\xD1\x85\xD0\xB0\xD0\xBB\xD0\xB8";  // "ехали"
}

// Whether the sentence [sb, se) tells of a crash, sinking or capsizing.
bool CrashNamed(const TokenView& v, size_t sb, size_t se) {
  static constexpr std::string_view kStems[] = {
      "crash", "collid", "collision", "capsiz", "sank", "sunk", "derail",
      "overturn", "plunged",
      "\xD1\x81\xD1\x82\xD0\xBE\xD0\xBB\xD0\xBA\xD0\xBD",  // "столкн"
      "\xD1\x80\xD0\xB0\xD0\xB7\xD0\xB1\xD0\xB8\xD0\xBB",  // "разбил"
      "\xD0\xBF\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB2\xD0\xB5\xD1\x80"
      "\xD0\xBD",                                                    // "переверн"
      "\xD0\xB7\xD0\xB0\xD1\x82\xD0\xBE\xD0\xBD\xD1\x83\xD0\xBB",  // "затонул"
      "\xD0\xB0\xD0\xB2\xD0\xB0\xD1\x80\xD0\xB8"};           // "авари"
  return AnyTokenStartsWith(v, sb, se, kStems);
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
  static constexpr std::string_view kVerbs[] = {
      "put", "puts", "putting", "estimated", "estimates", "estimate",
      "placed", "places", "placing", "set", "sets", "gave", "gives"};
  static constexpr std::string_view kTolls[] = {"toll", "losses", "dead",
                                                "fatalities", "casualties"};
  static constexpr std::string_view kFigures[] = {
      "number", "figure", "total", "tally", "count", "turnout", "crowd",
      "attendance"};
  for (size_t t = first - 1, steps = 0; t > sb && steps < 5; ++steps) {
    --t;
    if (!IsOneOf(v.lower[t], kVerbs)) {
      if (v.IsPunct(t)) return "";
      continue;
    }
    for (size_t m = t + 1; m + 1 < first; ++m) {
      if (IsOneOf(v.lower[m], kTolls)) return "KILL";
      if (IsOneOf(v.lower[m], kFigures)) {
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
  static constexpr std::string_view kFigures[] = {"figure", "number", "total",
                                                  "tally", "count"};
  static constexpr std::string_view kLinks[] = {
      "was", "is", "were", "are", "stood", "stands", "now", "at", "to",
      "rose", "risen", "climbed", "increased", "jumped", "grew", "reached",
      "has", "had", "have", "doubled", "tripled", "fell", "dropped", "hit",
      "topped", "exceeded", "passed", "since", "then", "further"};
  for (size_t t = first, steps = 0; t > sb && steps < 6; ++steps) {
    --t;
    if (IsOneOf(v.lower[t], kFigures)) {
      return t + 1 < first && v.lower[t + 1] != "of" && t > sb &&
             (v.lower[t - 1] == "the" || v.lower[t - 1] == "that" ||
              v.lower[t - 1] == "this" || v.lower[t - 1] == "its");
    }
    if (!IsOneOf(v.lower[t], kLinks)) return false;
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
    static constexpr std::string_view kMovers[] = {
        "bringing", "brought", "brings", "bring", "taking", "took", "takes",
        "pushing", "pushed", "raising", "raised", "lifting", "lifted"};
    static constexpr std::string_view kTotals[] = {
        "total", "tally", "toll", "number", "figure", "count"};
    for (size_t t = lead - 1, steps = 0; t > sb && steps < 10; ++steps) {
      --t;
      if (v.lower[t] == ";" ||
          (v.at.tokens[t].kind == TokenKind::kNumber && v.in_date[t] < 0)) {
        break;
      }
      if (IsOneOf(v.lower[t], kTotals) && t > sb &&
          (IsOneOf(v.lower[t - 1], kMovers) ||
           (t >= sb + 2 && IsOneOf(v.lower[t - 2], kMovers)))) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace newsfacts::counts_internal
