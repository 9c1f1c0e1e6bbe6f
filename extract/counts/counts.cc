// The count rules: find number expressions, read the qualifier before them
// and the counted noun after them, throw out what is not a case count, and
// describe the rest (count_rules.cc, noun_phrases.cc). What counts is
// spec/facts.md "Case count"; the word lists are config/lang/<lang>/counts-*.
#include "extract/counts/counts.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <tuple>
#include <utility>

#include "core/log.h"
#include "extract/counts/count_rules.h"
#include "extract/counts/lexicon.h"
#include "extract/text/numbers.h"

namespace newsfacts {
namespace {

using counts_internal::Antecedent;
using counts_internal::AnyTokenInList;
using counts_internal::CountWindow;
using counts_internal::CrashNamed;
using counts_internal::DiseaseNamed;
using counts_internal::FigureIsNumber;
using counts_internal::HeldByKidnappers;
using counts_internal::InList;
using counts_internal::IsPassiveAux;
using counts_internal::NameBefore;
using counts_internal::PutAtEvent;
using counts_internal::RestatesFigure;
using counts_internal::SameOrNextSentence;
using counts_internal::TokenAtOrAfterPos;
using counts_internal::TokenView;
using counts_internal::VehicleCarrying;

struct Candidate {
  size_t first;  // token where the number starts
  size_t after;  // token after the number
  ParsedNumber number;
};

// What follows a number and makes it something other than a count of
// people: units of age, time, money and measure ("64-year-old", "5%"),
// from counts-units.txt.
bool IsUnitWord(const TokenView& v, std::string_view w) {
  return InList(v, "units", w);
}

// What an agentive plural not in the lists is taken for: a group that
// needs an event.
const PersonNoun kAgentiveNoun{PersonKind::kGroup, ""};
// A participle used as a noun for people that names an event
// ("похищенных"): a state noun of that event.
const PersonNoun* ParticipleNoun(const std::string& event) {
  static const auto* const kNouns = [] {
    auto* m = new std::map<std::string, PersonNoun, std::less<>>;
    for (const char* e : {"KILL", "WOUND", "ARREST", "DEPORT", "KIDNAP",
                          "INTIMIDATE", "DISPLACE", "PROTEST", "INFECT",
                          "MISSING", "AFFECT"}) {
      m->emplace(e, PersonNoun{PersonKind::kState, e});
    }
    return m;
  }();
  auto it = kNouns->find(event);
  return it == kNouns->end() ? &kAgentiveNoun : &it->second;
}
// "two 17-year-olds", "a 5,000-strong crowd": people by their age or as a
// body, with no group named.
const PersonNoun kAgeNoun{PersonKind::kGeneric, ""};

bool IsCurrency(const TokenView& v, std::string_view w) {
  return InList(v, "currency-signs", w);
}

bool IsDeterminer(const TokenView& v, std::string_view w) {
  return InList(v, "determiners", w);
}

bool IsPronoun(const TokenView& v, std::string_view w) {
  return InList(v, "partitive-pronouns", w);
}

// Words that may follow a count with no noun ("killed 12 in the attack").
bool MayFollowBareCount(const TokenView& v, std::string_view w) {
  return InList(v, "bare-count-followers", w);
}

bool IsBeOrHave(const TokenView& v, std::string_view w) {
  return InList(v, "be-have", w);
}

bool IsDash(std::string_view w) { return w == "-" || w == "\xE2\x80\x93"; }

// The dashes of prose, em and en ("Погибших — 12", "а 52 человека — по
// уголовным").
bool IsProseDash(std::string_view w) {
  return w == "\xE2\x80\x94" || w == "\xE2\x80\x93";
}

// "one of them", "один из них": the spelled one before "of" or its
// partitive (token `j`) picks one of a group, no count.
bool OneOfGroup(const TokenView& v, const ParsedNumber& n, size_t j,
                size_t se) {
  return n.spelled && n.value == 1 && j < se &&
         (v.lower[j] == "of" || InList(v, "genitive-partitives", v.lower[j]));
}

// Whether the number ending right before token `j` measures something:
// a unit follows it ("5%", "64 years"), or one glued to it by a hyphen
// ("78-летняя пенсионерка", "a four-wheel drive").
bool MeasureAt(const TokenView& v, size_t j, size_t se) {
  if (j >= se) return false;
  if (IsUnitWord(v, v.lower[j])) return true;
  return IsDash(v.lower[j]) && j + 1 < se && j > 0 &&
         v.at.tokens[j].span.begin == v.at.tokens[j - 1].span.end &&
         v.at.tokens[j + 1].span.begin == v.at.tokens[j].span.end &&
         IsUnitWord(v, v.lower[j + 1]);
}

// Whether `w` looks like a noun for people by its ending ("engineers",
// "interpreters", "fishermen"; counts-agentive-endings.txt): such a noun
// counts people only with an event in its clause, like the listed group
// nouns.
bool AgentivePlural(const TokenView& v, std::string_view w) {
  return w.size() >= 6 && !InList(v, "agentive-exceptions", w) &&
         InList(v, "agentive-endings", w);
}

// Verbs whose bare numeric object is an amount of money ("save hundreds").
bool IsMoneyVerb(const TokenView& v, std::string_view w) {
  return InList(v, "money-verbs", w);
}

// Words that put a sentence on the sports pages, where "strikers" and
// "defenders" are players, not people on strike.
bool SportContext(const TokenView& v, size_t sb, size_t se) {
  return AnyTokenInList(v, sb, se, "sport-words");
}

// "Twenty students were expelled from the university", "the party
// expelled 12 members": expelled from a school, party or team, not from a
// country. Whether the sentence expels (expel-) from an institution or
// the counted head is a member of one.
bool ExpelledFromInstitution(const TokenView& v, size_t sb, size_t se,
                             std::string_view head) {
  if (!AnyTokenInList(v, sb, se, "expel-verbs")) return false;
  if (InList(v, "expel-members", head)) return true;
  for (size_t t = sb; t + 1 < se; ++t) {
    if (v.lower[t] == "from" &&
        AnyTokenInList(v, t + 1, std::min(se, t + 4), "expel-institutions"))
      return true;
  }
  return false;
}

// "The film follows three women who fled Iran": a count in the plot of a
// film, book or show (a work noun, then a verb that tells a story, before
// the number) is no case in the reported world.
bool InPlotSummary(const TokenView& v, size_t sb, size_t i) {
  for (size_t t = i; t > sb && i - t <= 8;) {
    --t;
    // A work noun among the four tokens before the telling verb.
    if (InList(v, "plot-verbs", v.lower[t]) &&
        AnyTokenInList(v, t >= sb + 4 ? t - 4 : sb, t, "plot-works"))
      return true;
  }
  return false;
}

// Whether the sentence names a protest outright (protest, demonstration,
// strike, picket, boycott).
bool SaysProtest(const TokenView& v, size_t sb, size_t se) {
  return AnyTokenInList(v, sb, se, "protest-nouns");
}

// Whether the tokens [from, to) name a protest: the words of SaysProtest,
// rallies and chants (counts-protest-gatherings.txt), and a lowercase
// march, not the month (counts-protest-lowercase.txt).
bool NamesProtest(const TokenView& v, size_t from, size_t to) {
  if (AnyTokenInList(v, from, to, "protest-nouns") ||
      AnyTokenInList(v, from, to, "protest-gatherings")) {
    return true;
  }
  for (size_t t = from; t < to; ++t) {
    if (InList(v, "protest-lowercase", v.lower[t]) && !v.IsCapitalized(t)) {
      return true;
    }
  }
  return false;
}

// "Thousands of teachers rallied at the Statehouse. Hundreds of them lined
// the entrances": a count of people whose clause only gathers (a verb of
// counts-gathering-verbs.txt within six tokens after its head) is a
// protest when its sentence, one of the two sentences before it or the one
// after it in the same paragraph, names a protest, and none of them is on
// the sports pages.
bool GatheringInProtest(const TokenView& v, const CountLexicon& lex,
                        size_t head_end, size_t fwd_limit) {
  if (lex.gathering_verbs.empty() && lex.gathering_stems.empty()) return false;
  if (head_end >= v.size()) return false;
  const size_t sb = v.sentence_begin[head_end - 1];
  const size_t se = v.sentence_end[head_end - 1];
  bool gathers = false;
  for (size_t t = head_end; t < fwd_limit && t < head_end + 6 && !gathers;
       ++t) {
    if (v.IsPunct(t) && v.lower[t] != "\xE2\x80\x9C") break;
    gathers =
        lex.gathering_verbs.count(v.lower[t]) > 0 ||
        (t + 1 < fwd_limit && lex.gathering_verbs.count(v.Phrase(t, 2)) > 0);
    for (const std::string& stem : lex.gathering_stems) {
      gathers |= v.lower[t].starts_with(stem);
    }
    // "joined the walkout", "took part in the stoppage": a verb of joining
    // gathers only when its object names the protest ("joined the company"
    // does not); with no object ("police said 6,800 people took part") the
    // protest named around it is what they joined.
    const bool took =
        v.lower[t] == "took" || v.lower[t] == "taken" || v.lower[t] == "taking";
    if (gathers && (v.lower[t].starts_with("join") || took)) {
      const size_t object = t + (took ? 2 : 1);
      gathers = object >= se || v.IsPunct(object) ||
                NamesProtest(v, t + 1, std::min(se, t + 6));
    }
  }
  if (!gathers) return false;
  // The paragraph window: this sentence and up to two before it, stopping
  // at a paragraph break.
  size_t from = sb;
  for (int back = 0; back < 2 && from > 0; ++back) {
    const size_t prev_last = from - 1;
    const size_t gap_begin = v.at.tokens[prev_last].span.end;
    const size_t gap_end = v.at.tokens[from].span.begin;
    if (v.at.text.substr(gap_begin, gap_end - gap_begin).find('\n') !=
        std::string_view::npos) {
      break;
    }
    from = v.sentence_begin[prev_last];
  }
  // ... and the sentence after it ("Сотни жителей вышли к зданию суда.
  // При разгоне акции ...").
  size_t to = se;
  if (se < v.size() && SameOrNextSentence(v, sb, se)) to = v.sentence_end[se];
  if (SportContext(v, from, to)) return false;
  return NamesProtest(v, from, to);
}

// "Crowds of 5,000 people welcomed the president": a crowd that welcomes,
// greets, cheers or sees someone off is no gathering of protest.
bool WelcomingCrowd(const TokenView& v, size_t from, size_t to) {
  return AnyTokenInList(v, from, to, "welcome-verbs");
}

// "The FA charged two players with misconduct": a charge brought by a
// sports body or a disciplinary panel is no criminal charge (unless the
// sentence names police, prosecutors or a court).
bool DisciplinaryCharge(const TokenView& v, size_t sb, size_t se) {
  return AnyTokenInList(v, sb, se, "charge-verbs") &&
         AnyTokenInList(v, sb, se, "disciplinary-words") &&
         !AnyTokenInList(v, sb, se, "criminal-words");
}

// Whether `w` may be an English verb in the active voice that takes an
// object ("arrested", "held", "holding"); the voice is told by what
// stands before it.
bool ActiveVerbForm(const TokenView& v, std::string_view w) {
  return (w.size() > 4 && InList(v, "active-verb-endings", w)) ||
         InList(v, "active-verb-forms", w);
}

// Words of death after which "at 75" is an age ("dead at 75").
bool IsDeathWord(const TokenView& v, std::string_view w) {
  return InList(v, "death-words", w);
}

// Prepositions of the adjuncts that set the scene ("during the
// protests", "in the floods"): a trigger they head says when or where, not
// what happened to the count.
bool IsAdjunctPreposition(const TokenView& v, std::string_view w) {
  return InList(v, "adjunct-prepositions", w);
}

// Family nouns of "father of three": the number counts children.
bool IsFamilyNoun(const TokenView& v, std::string_view w) {
  return InList(v, "family-nouns", w);
}

// The count's span and text: tokens [first, end) of the sentence.
void SetSpan(const TokenView& v, size_t first, size_t end, CaseCount* out) {
  const size_t begin = v.at.tokens[first].span.begin;
  const size_t stop = v.at.tokens[end - 1].span.end;
  out->span = {begin, stop};
  out->text = std::string(v.at.text.substr(begin, stop - begin));
}

// Whether the count starting at token `next` is coordinated with the noun
// phrase that ends before `from`: only "and"/"и" (or a list comma) and at
// most three more noun words between them, no verb or event word (which
// would make it a clause of its own: "killed 12 and wounded 30").
bool Coordinated(const TokenView& v, const CountLexicon& lex, size_t from,
                 size_t next, size_t se) {
  if (next == 0 || next <= from || next > se || next - from > 8) return false;
  const std::string& conj = v.lower[next - 1];
  if (!InList(v, "and-words", conj) && conj != ",") return false;
  // "a 19-year-old and two 17-year-olds": a hyphen glued to the words
  // around it joins one word.
  auto glued = [&](size_t t) {
    return t > 0 && t + 1 < v.size() && IsDash(v.lower[t]) &&
           v.at.tokens[t].span.begin == v.at.tokens[t - 1].span.end &&
           v.at.tokens[t + 1].span.begin == v.at.tokens[t].span.end;
  };
  size_t words = 0;
  for (size_t t = from; t < next; ++t) {
    if (glued(t)) {
      ++t;  // the word after the hyphen belongs to the one before
      continue;
    }
    ++words;
  }
  if (words > 4) return false;
  for (size_t t = from; t + 1 < next; ++t) {
    if (glued(t)) continue;
    if (v.IsPunct(t) || IsBeOrHave(v, v.lower[t]) ||
        v.at.tokens[t].kind == TokenKind::kNumber) {
      return false;
    }
    std::string ev;
    if (counts_internal::TriggerAt(v, lex, t, next, &ev)) return false;
  }
  return true;
}

// Whether `w` is a form of a verb that moves a figure to a level.
bool IsLevelVerb(const CountLexicon& lex, std::string_view w) {
  for (const std::string& stem : lex.level_verb_stems) {
    if (w.starts_with(stem)) return true;
  }
  return false;
}

// Languages whose case nouns take their complement in the genitive with no
// preposition ("случаев похищения" for "cases of kidnapping").
bool GenitiveComplements(std::string_view lang) {
  return lang == "ru" || lang == "uk" || lang == "be";
}

// Whether the word at `t`, right after a number, is an adjective or
// participle used as a noun for people ("23 пострадавших", "девяти
// подозреваемых"): a plural adjective ending (Russian -ых/-их, from
// counts-substantive-endings.txt) with no
// noun after it (the clause goes on with punctuation, a stopword or an
// event word). Such counts still need an event, like group nouns.
bool SubstantivizedAdjective(const TokenView& v, const CountLexicon& lex,
                             size_t t, size_t se) {
  const std::string& w = v.lower[t];
  if (w.size() < 8 || v.IsCapitalized(t)) return false;
  if (!InList(v, "substantive-endings", w)) return false;
  if (t + 1 >= se || v.IsPunct(t + 1)) return true;
  const std::string& next = v.lower[t + 1];
  std::string ev;
  return lex.stopwords.count(next) || lex.reporting_verbs.count(next) ||
         counts_internal::TriggerAt(v, lex, t + 1, se, &ev) > 0 ||
         IsBeOrHave(v, next);
}

class RuleCountTagger final : public CountTagger {
 public:
  RuleCountTagger(CountLexicon lex, std::string lang)
      : lex_(std::move(lex)), lang_(std::move(lang)) {}

  std::vector<CaseCount> Tag(
      const AnalyzedText& text, const std::vector<Entity>& entities,
      const std::vector<DateMention>& dates) const override;

 private:
  std::vector<Candidate> FindNumbers(const TokenView& v) const;
  bool YearTakenForCount(const TokenView& v, size_t i) const;
  std::optional<ParsedNumber> ScaleSuffix(const TokenView& v, size_t i,
                                          std::optional<ParsedNumber> n) const;
  // `prior`: the counts found so far in the text (for re-mentions).
  std::optional<CaseCount> Judge(const TokenView& v,
                                 const std::vector<Candidate>& cands, size_t c,
                                 const std::vector<CaseCount>& prior) const;
  std::optional<CaseCount> Elliptic(const TokenView& v, const Candidate& cand,
                                    const CaseCount& before) const;
  bool PluralBetween(const TokenView& v, size_t from, size_t to) const;
  std::optional<CaseCount> ResolvePending(
      const TokenView& v, CaseCount count,
      const std::vector<CaseCount>& prior) const;

  CountLexicon lex_;
  std::string lang_;
};

// "Roughly 3m people", "1.5m Ukrainians", "10k protesters": the British
// news abbreviations of million and thousand, glued to the digits (one
// token "3m", which the number parser leaves alone or reads as 3). Only
// before a word for people (a listed person noun, or a group name), since
// "3m" alone is as often three metres. Returns `n` unchanged otherwise.
std::optional<ParsedNumber> RuleCountTagger::ScaleSuffix(
    const TokenView& v, size_t i, std::optional<ParsedNumber> n) const {
  const std::string_view tok = v.at.Slice(v.at.tokens[i].span);
  if (tok.size() < 2) return n;
  const char suffix = tok.back();
  if (suffix != 'm' && suffix != 'k') return n;
  std::string plain;
  for (char c : tok.substr(0, tok.size() - 1)) {
    if (c == ',') continue;
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return n;
    plain.push_back(c);
  }
  if (plain.empty() || !std::isdigit(static_cast<unsigned char>(plain[0]))) {
    return n;
  }
  const size_t t = i + 1;
  if (t >= v.size() || v.IsPunct(t)) return n;
  const PersonNoun* p = nullptr;
  const bool people = counts_internal::PersonAt(v, lex_, t, v.size(), &p) > 0 ||
                      v.EntityAt(t, EntityType::kNorp) != nullptr ||
                      (v.IsCapitalized(t) && v.lower[t].ends_with("s"));
  if (!people) return n;
  const double x = std::strtod(plain.c_str(), nullptr);
  if (x <= 0) return n;
  ParsedNumber out;
  out.begin = v.at.tokens[i].span.begin;
  out.end = v.at.tokens[i].span.end;
  out.value = static_cast<int64_t>(x * (suffix == 'm' ? 1e6 : 1e3) + 0.5);
  out.has_separator = true;  // no year
  return out;
}

// "задержала свыше 1600 участников", "detained 1700 protesters": four
// bare digits that the date stage read as a year are a count when a noun
// for people follows them and a qualifier or an event word (or nothing,
// at the start of a sentence) stands before them; a year stands after a
// preposition ("in 1989 protesters ...", "в 1600 году").
bool RuleCountTagger::YearTakenForCount(const TokenView& v, size_t i) const {
  const DateMention& d = v.dates[static_cast<size_t>(v.in_date[i])];
  if (d.type != "DATE" || d.value != v.lower[i] || !d.begin.empty()) {
    return false;
  }
  const auto [a, b] = v.date_tokens[static_cast<size_t>(v.in_date[i])];
  if (a != i || b != i || i + 1 >= v.sentence_end[i]) return false;
  const size_t sb = v.sentence_begin[i];
  // "в Санкт-Петербурге — около 1100.": a qualifier (not after a
  // preposition of time) and the end of the clause.
  if (v.IsPunct(i + 1) && i > sb + 1 && lex_.qualifiers.count(v.lower[i - 1]) &&
      !lex_.verb_qualifiers.count(v.lower[i - 1]) &&
      !IsAdjunctPreposition(v, v.lower[i - 2]) &&
      !InList(v, "since-prepositions", v.lower[i - 2])) {
    return true;
  }
  const PersonNoun* p = nullptr;
  if (!counts_internal::PersonAt(v, lex_, i + 1, v.sentence_end[i], &p) ||
      p->kind == PersonKind::kState) {
    return false;
  }
  if (i == sb) return true;
  if (lex_.qualifiers.count(v.lower[i - 1])) return true;
  std::string ev;
  return counts_internal::TriggerAt(v, lex_, i - 1, i, &ev) > 0;
}

std::vector<Candidate> RuleCountTagger::FindNumbers(const TokenView& v) const {
  std::vector<Candidate> out;
  const auto& toks = v.at.tokens;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (v.IsPunct(i)) continue;
    if (v.in_date[i] >= 0 && !YearTakenForCount(v, i)) continue;
    auto n = ParseNumberAt(v.at.text, toks[i].span.begin, lang_);
    if (lang_ == "en") n = ScaleSuffix(v, i, n);
    if (!n) continue;
    // "two nine-year-old boys": two spelled digits in a row are two
    // numbers, not one sum (the number grammar reads "two nine" as 11).
    if (n->spelled && i + 1 < toks.size() && n->end > toks[i].span.end &&
        toks[i + 1].span.begin < n->end) {
      auto one = ParseNumber(v.at.Slice(toks[i].span), lang_);
      auto two = ParseNumber(v.at.Slice(toks[i + 1].span), lang_);
      if (one && two && *one >= 1 && *one <= 9 && *two >= 1 && *two <= 9) {
        n = ParseNumberAt(v.at.text.substr(0, toks[i].span.end),
                          toks[i].span.begin, lang_);
        if (!n) continue;
      }
    }
    size_t j = i + 1;
    while (j < toks.size() && toks[j].span.begin < n->end) ++j;
    // "half a million people": half of "a million".
    if (i > 0 && v.lower[i] == "a" && v.lower[i - 1] == "half" &&
        v.in_date[i - 1] < 0 && (out.empty() || out.back().after < i)) {
      n->value /= 2;
      n->begin = toks[i - 1].span.begin;
      out.push_back({i - 1, j, *n});
      i = j - 1;
      continue;
    }
    out.push_back({i, j, *n});
    i = j - 1;
  }
  return out;
}

std::optional<CaseCount> RuleCountTagger::Judge(
    const TokenView& v, const std::vector<Candidate>& cands, size_t c,
    const std::vector<CaseCount>& prior) const {
  const Candidate& cand = cands[c];
  const size_t i = cand.first;
  size_t j = cand.after;
  ParsedNumber n = cand.number;  // a copy: a range may rescale it
  const size_t sb = v.sentence_begin[i];
  const size_t se = v.sentence_end[i];
  auto word = [&](size_t t) -> std::string_view {
    return t < se ? std::string_view(v.lower[t]) : std::string_view();
  };
  const std::string_view prev = i > sb ? word(i - 1) : "";
  const std::string_view next = word(j);

  // Not counts of people: money, ages, measures, fractions, times, ids.
  if (n.value <= 0) return std::nullopt;
  // ("aged between 4 and 81", "ages from 18 to 25": so after a range word,
  // and the second number of the range.)
  if ((prev == "between" || prev == "from") && i >= sb + 2 &&
      InList(v, "age-words", word(i - 2))) {
    return std::nullopt;
  }
  // ("aged 19 and 23", "aged 15, 16 and 17": the later ages of a list.)
  if (prev == "and" || prev == "to" || prev == "," || IsDash(prev)) {
    for (size_t t = i, steps = 0; t > sb && steps < 10; ++steps) {
      --t;
      const std::string_view a = word(t);
      if (InList(v, "age-words", a)) return std::nullopt;
      if (!(v.at.tokens[t].kind == TokenKind::kNumber || a == "," ||
            a == "and" || a == "to" || a == "between" || a == "from" ||
            IsDash(a))) {
        break;
      }
    }
  }
  // ("cholera deaths top 400": "top" after a case noun is a verb.)
  // ("Measles Cases In Kyrgyzstan Top 2,000": a place between.)
  bool top_verb = false;
  for (size_t t = i - 1; prev == "top" && t > sb && i - t <= 5;) {
    --t;
    if (v.IsPunct(t)) break;
    std::string top_event;
    if (counts_internal::CaseNounAt(v, lex_, t, i - 1, &top_event) ||
        InList(v, "toll-words", word(t))) {
      top_verb = true;
      break;
    }
  }
  if (IsCurrency(v, prev) || prev == "aged" || prev == "age" ||
      prev == "ages" || prev == "no" || prev == "no." || prev == "#" ||
      prev == "number" || prev == "per" || (prev == "top" && !top_verb) ||
      prev == "bottom") {  // ranks
    return std::nullopt;
  }
  // "Covid-19", "MH-17": a number glued by a hyphen to the word before it
  // ends a name.
  if (IsDash(prev) && i >= sb + 2 && !n.spelled &&
      v.at.tokens[i - 1].span.begin == v.at.tokens[i - 2].span.end &&
      v.at.tokens[i].span.begin == v.at.tokens[i - 1].span.end &&
      v.at.tokens[i - 2].kind == TokenKind::kWord) {
    return std::nullopt;
  }
  if (MeasureAt(v, j, se)) return std::nullopt;
  // "The centres have room for about 2,200 detainees", "лагерь рассчитан
  // на 320 детей": a capacity (counts-capacity-openers.txt), perhaps with a
  // qualifier between.
  for (size_t end = i, gap = 0; end > sb && gap <= 1; ++gap) {
    for (size_t len = 1; len <= 3 && len + sb <= end; ++len) {
      if (InList(v, "capacity-openers", v.Phrase(end - len, len))) {
        return std::nullopt;
      }
    }
    // Step back over a qualifier ("about", "up to").
    size_t qlen = 0;
    for (size_t len = 1; len <= 2 && len + sb <= end; ++len) {
      if (lex_.qualifiers.count(v.Phrase(end - len, len))) qlen = len;
    }
    if (qlen == 0) break;
    end -= qlen;
  }
  // "2-3 minutes" when the date stage took "3 minutes" as a duration.
  if (IsDash(next) && j + 1 < se && v.in_date[j + 1] >= 0) return std::nullopt;
  // "the father of three" counts children; "none of the 40 passengers"
  // counts no one.
  if (prev == "of" && i >= sb + 2 && IsFamilyNoun(v, word(i - 2))) {
    return std::nullopt;
  }
  for (size_t t = i; t > sb && i - t < 4;) {
    --t;
    if (InList(v, "none-words", word(t))) {
      return std::nullopt;
    }
  }
  if ((next == "-" || next == "\xE2\x80\x93") && IsUnitWord(v, word(j + 1))) {
    return std::nullopt;
  }
  // Times, dates and ids written with digits around a separator: "10:30",
  // "3/4", "1.5.2022".
  const bool number_follows =
      j + 1 < se && v.at.tokens[j + 1].kind == TokenKind::kNumber;
  if ((next == ":" || next == "/" || next == ".") && !n.spelled &&
      number_follows) {
    return std::nullopt;
  }
  // ... and the number after the separator ("the 9/11 attacks").
  if ((prev == ":" || prev == "/" || prev == ".") && !n.spelled &&
      i >= sb + 2 && v.at.tokens[i - 2].kind == TokenKind::kNumber &&
      v.at.tokens[i - 1].span.begin == v.at.tokens[i - 2].span.end &&
      v.at.tokens[i].span.begin == v.at.tokens[i - 1].span.end) {
    return std::nullopt;
  }
  if (n.decimal && n.value < 1000) return std::nullopt;
  // Scores and results ("6-2, 7-5") pair a number with a smaller one.
  if ((next == "-" || next == "\xE2\x80\x93") && j + 1 < se &&
      v.at.tokens[j + 1].kind == TokenKind::kNumber) {
    auto n2 = ParseNumberAt(v.at.text, v.at.tokens[j + 1].span.begin, lang_);
    if (n2 && n2->value <= n.value) return std::nullopt;
  }
  if ((prev == "-" || prev == "\xE2\x80\x93") && i >= sb + 2 &&
      v.at.tokens[i - 2].kind == TokenKind::kNumber) {
    return std::nullopt;
  }
  // Box-score ratios: "a shooting line of 10-for-27", "20-of-24 passing".
  auto ratio_word = [](std::string_view w) { return w == "for" || w == "of"; };
  if (IsDash(next) && ratio_word(word(j + 1)) && IsDash(word(j + 2)) &&
      j + 3 < se && v.at.tokens[j + 3].kind == TokenKind::kNumber) {
    return std::nullopt;
  }
  if (IsDash(prev) && i >= sb + 4 && ratio_word(word(i - 2)) &&
      IsDash(word(i - 3)) && v.at.tokens[i - 4].kind == TokenKind::kNumber) {
    return std::nullopt;
  }
  // Rates and averages are no counts: "a seven-day rate of 20 new cases".
  if (prev == "of" && i >= sb + 2 &&
      (word(i - 2) == "rate" || word(i - 2) == "average")) {
    return std::nullopt;
  }
  // Ratios: "1 in 10 protesters", "one in five".
  if (next == "in" && j + 1 < se &&
      ParseNumberAt(v.at.text, v.at.tokens[j + 1].span.begin, lang_)) {
    return std::nullopt;
  }
  if (prev == "in" && i >= sb + 2 &&
      ParseNumberAt(v.at.text, v.at.tokens[i - 2].span.begin, lang_)) {
    return std::nullopt;
  }
  // A year in front of a noun ("the 2001 attacks", "September 11, 2001
  // attacks") when the date stage has not claimed it.
  const bool year_like =
      !n.spelled && !n.has_separator && n.value >= 1900 && n.value <= 2100;
  if (year_like && i > sb &&
      (prev == "," || prev == "the" || prev == "in" || prev == "since" ||
       prev == "of" || prev == "'s" || v.IsCapitalized(i - 1))) {
    return std::nullopt;
  }
  if (OneOfGroup(v, n, j, se)) return std::nullopt;
  // "Singer dead at 75", "dies at 106": an age after a word of death.
  // ("Officials put the number of dead at 63" is a toll, not an age.)
  if (prev == "at" && i >= sb + 2 && IsDeathWord(v, word(i - 2)) &&
      !(i >= sb + 3 && (word(i - 3) == "of" || word(i - 3) == "the")) &&
      (j >= se || v.IsPunct(j) || next == "after" || next == "in" ||
       next == "on" || next == "of" || next == "from")) {
    return std::nullopt;
  }
  if (InPlotSummary(v, sb, i)) return std::nullopt;

  // Ranges: "between 200 and 300", "200-300", "200 to 300".
  std::optional<int64_t> high;
  // ("от 200 до 300": a joiner of counts-range-joiners.txt only after an
  // opener of counts-range-openers.txt.)
  const bool range_open = InList(v, "range-openers", prev);
  if ((IsDash(next) || next == "to" || (next == "and" && prev == "between") ||
       (InList(v, "range-joiners", next) && range_open)) &&
      j + 1 < se) {
    auto n2 = ParseNumberAt(v.at.text, v.at.tokens[j + 1].span.begin, lang_);
    // ("terms ranging from eight to 25 years": a range of durations.)
    if (n2 && v.in_date[j + 1] >= 0 &&
        v.dates[static_cast<size_t>(v.in_date[j + 1])].type == "DURATION") {
      return std::nullopt;
    }
    if (n2 && n2->value > n.value && v.in_date[j + 1] < 0) {
      high = n2->value;
      // "от 3 до 5 тысяч", "between 3 and 5 million": the low end shares
      // the scale word of the high one.
      const std::string_view high_text =
          v.at.text.substr(n2->begin, n2->end - n2->begin);
      if (n.value < 1000 && *high >= 1000 && !n.spelled &&
          std::any_of(high_text.begin(), high_text.end(), [](char c) {
            return static_cast<unsigned char>(c) >= 0x80 || std::isalpha(
                static_cast<unsigned char>(c));
          })) {
        int64_t scale = 1000;
        while (*high / scale >= 1000) scale *= 1000;
        if (n.value * scale < *high) n.value *= scale;
      }
      size_t k = j + 1;
      while (k < se && v.at.tokens[k].span.begin < n2->end) ++k;
      j = k;
      if (IsUnitWord(v, word(j))) return std::nullopt;  // "2-3 minutes"
    }
  }

  // Qualifier before the number.
  size_t first = i;
  std::string qualifier = "exact";
  if (high) {
    qualifier = "range";
    if (range_open) first = i - 1;
  } else {
    for (size_t len = std::min<size_t>(3, i - sb); len >= 1; --len) {
      auto it = lex_.qualifiers.find(v.Phrase(i - len, len));
      if (it != lex_.qualifiers.end()) {
        // "выросло до 35": after a verb of change the preposition names
        // the level reached, not an upper bound.
        if (it->second == "max" && len == 1 && i - len > sb &&
            IsLevelVerb(lex_, v.lower[i - len - 1])) {
          break;
        }
        qualifier = it->second;
        if (!lex_.verb_qualifiers.count(it->first)) first = i - len;
        break;
      }
    }
    if (qualifier == "exact" && (n.vague || n.plus)) qualifier = "min";
    // "a million or more Uighurs", "200 or so people".
    if (word(j) == "or" && (word(j + 1) == "more" || word(j + 1) == "so")) {
      if (qualifier == "exact") {
        qualifier = word(j + 1) == "more" ? "min" : "approx";
      }
      j += 2;
    }
  }

  // The counted noun: after pre-modifiers, or in the of-phrase of a vague
  // multiple or partitive ("thousands of people", "46 of their contacts").
  size_t k = j;
  bool of_phrase = false;
  bool participle_partitive = false;
  if (word(k) == "of") {
    of_phrase = true;
    ++k;
    std::string ev;
    const bool those_participle =
        word(k) == "those" &&
        counts_internal::TriggerAt(v, lex_, k + 1, se, &ev) > 0;
    // ("35 of Kenya's 47 counties": a possessive name determines too.)
    const bool possessive_name =
        k + 1 < se && v.IsCapitalized(k) &&
        (word(k).ends_with("'s") || word(k).ends_with("\xE2\x80\x99s") ||
         word(k + 1) == "'s" || word(k + 1) == "\xE2\x80\x99s");
    // "Twelve of the 40 miners": the partitive names a group counted
    // itself; its number is a modifier of the head noun.
    auto skip_group_number = [&] {
      if (k < se && v.in_date[k] < 0 &&
          v.at.tokens[k].kind == TokenKind::kNumber) {
        if (auto n2 =
                ParseNumberAt(v.at.text, v.at.tokens[k].span.begin, lang_);
            n2 && n2->value > n.value) {
          while (k < se && v.at.tokens[k].span.begin < n2->end) ++k;
        }
      }
    };
    if (possessive_name) {
      k += word(k).ends_with("s") && word(k + 1) != "'s" &&
                   word(k + 1) != "\xE2\x80\x99s"
               ? 1
               : 2;
      skip_group_number();
    } else if (IsDeterminer(v, word(k)) && !those_participle) {
      ++k;
      skip_group_number();
    }
  } else if (InList(v, "genitive-partitives", word(k)) && k + 1 < se &&
             v.in_date[k + 1] < 0 &&
             v.at.tokens[k + 1].kind == TokenKind::kNumber) {
    // "Двенадцать из 40 горняков": the Russian partitive of a group
    // counted itself.
    if (auto n2 =
            ParseNumberAt(v.at.text, v.at.tokens[k + 1].span.begin, lang_);
        n2 && n2->value > n.value) {
      of_phrase = true;
      k += 2;
      while (k < se && v.at.tokens[k].span.begin < n2->end) ++k;
    }
  } else if (InList(v, "genitive-partitives", word(k)) &&
             InList(v, "people-pronouns", word(k + 1))) {
    // "19 из них госпитализированы": the Russian partitive of a pronoun.
    of_phrase = true;
    ++k;
  } else if (const PersonNoun* pn = nullptr;
             InList(v, "genitive-partitives", word(k)) && k + 1 < se &&
             counts_internal::PersonAt(v, lex_, k + 1, se, &pn) > 0) {
    // "двое из депутатов": of a group named by a noun for people.
    of_phrase = true;
    ++k;
  } else if (InList(v, "genitive-partitives", word(k)) && k + 1 < se &&
             v.lower[k + 1].size() >= 8 && !v.IsCapitalized(k + 1) &&
             InList(v, "substantive-endings", v.lower[k + 1])) {
    // "Двое из задержанных", "восемь из похищенных": of a group named
    // by a participle.
    of_phrase = true;
    participle_partitive = true;
    ++k;
  }
  size_t head = SIZE_MAX, head_end = 0;
  size_t mod_first = SIZE_MAX;  // a NORP modifier before the head
  enum class HeadKind {
    kNone,
    kPerson,
    kCase,
    kNorp,
    kPronoun
  } kind = HeadKind::kNone;
  std::string those_event;  // "20 of those killed"
  if (of_phrase && word(k) == "those" && k + 1 < se) {
    if (size_t len =
            counts_internal::TriggerAt(v, lex_, k + 1, se, &those_event)) {
      kind = HeadKind::kPronoun;
      head = k;
      head_end = k + 1 + len;
    }
  }
  if (kind == HeadKind::kNone && of_phrase && IsPronoun(v, word(k))) {
    // "dozens of them were detained" counts people only with an event;
    // "five of them" (countries) has none.
    if (!InList(v, "people-pronouns", word(k))) return std::nullopt;
    kind = HeadKind::kPronoun;
    head = k;
    head_end = k + 1;
  }
  const PersonNoun* person = nullptr;
  std::string case_event;
  // "The protesters, numbering about 2,000, marched": the counted noun
  // stands before ", numbering"; the count is the number (and qualifier).
  // ("Protesters numbered about 3,000 at the peak": or right before
  // "numbered".)
  size_t numbering_noun = SIZE_MAX;
  const size_t numbering_gap =
      first >= sb + 2 && word(first - 1) == "numbered" ? 1 : 2;
  if (kind == HeadKind::kNone && first >= sb + 1 + numbering_gap &&
      ((word(first - 1) == "numbering" && word(first - 2) == ",") ||
       numbering_gap == 1) &&
      (j >= se || v.IsPunct(j) || word(j) == "at" || word(j) == "in")) {
    for (size_t len = 1; len <= 2 && first >= sb + numbering_gap + len; ++len) {
      const size_t t0 = first - numbering_gap - len;
      const PersonNoun* p = nullptr;
      if (counts_internal::PersonAt(v, lex_, t0, first - numbering_gap, &p) ==
              len &&
          p->kind != PersonKind::kState) {
        person = p;
        numbering_noun = t0;
        kind = HeadKind::kPerson;
        head = t0;
        head_end = j;
        break;
      }
    }
  }
  for (size_t m = k, steps = 0; kind == HeadKind::kNone && m < se && steps < 4;
       ++m) {
    auto person_at = [&](size_t t) -> size_t {
      return counts_internal::PersonAt(v, lex_, t, se, &person);
    };
    auto case_at = [&](size_t t) -> size_t {
      return counts_internal::CaseNounAt(v, lex_, t, se, &case_event);
    };
    // A noun for people that may follow modifiers: a listed person noun
    // (extended by a second one, "police officers") or an agentive plural
    // ("engineers"). Returns its length, 0 for none.
    auto people_at = [&](size_t t) -> std::pair<size_t, size_t> {
      if (t >= se) return {0, 0};
      if (size_t len = person_at(t)) {
        // ("200 worker deaths": a noun for people before a case noun
        // modifies it.)
        std::string case_ev;
        const PersonNoun* next_noun = nullptr;
        if (counts_internal::CaseNounAt(v, lex_, t + len, se, &case_ev) &&
            !counts_internal::PersonAt(v, lex_, t + len, se, &next_noun)) {
          return {0, 0};
        }
        const PersonNoun* first_noun = person;
        // "people wounded": a state after the noun is no second noun.
        if (size_t more = person_at(t + len);
            more && person->kind != PersonKind::kState) {
          return {len + more, len};
        }
        person = first_noun;
        // "one sick cow", "three dead cows": a state word before a noun
        // that is no noun for people describes a thing.
        if (person->kind == PersonKind::kState && t + len < se &&
            v.at.tokens[t + len].kind == TokenKind::kWord &&
            !v.IsCapitalized(t + len) &&
            (n.value == 1 ||
             (v.lower[t + len].size() > 3 && v.lower[t + len].back() == 's' &&
              !v.lower[t + len].ends_with("ss")))) {
          const std::string& nx = v.lower[t + len];
          std::string ev;
          if (!lex_.stopwords.count(nx) && !IsBeOrHave(v, nx) &&
              !lex_.reporting_verbs.count(nx) &&
              !counts_internal::TriggerAt(v, lex_, t + len, se, &ev) &&
              !counts_internal::CaseNounAt(v, lex_, t + len, se, &ev)) {
            return {0, 0};
          }
        }
        return {len, 0};
      }
      // ("2,000 murders": a listed case noun is no agentive plural.)
      std::string case_ev;
      if (!v.IsCapitalized(t) && AgentivePlural(v, v.lower[t]) &&
          !counts_internal::CaseNounAt(v, lex_, t, se, &case_ev)) {
        person = &kAgentiveNoun;
        return {1, 0};
      }
      // "23 пострадавших", "девяти подозреваемых": an adjective or
      // participle standing alone after the number is a noun for people.
      if (t == k && (participle_partitive ||
                     SubstantivizedAdjective(v, lex_, t, se))) {
        // ("восемь из похищенных": a participle of an event word names
        // what happened to them.)
        // (An AFFECT participle, "мобилизованных", says too little.)
        std::string ev;
        if (counts_internal::TriggerAt(v, lex_, t, t + 1, &ev) == 1 &&
            ev != "AFFECT") {
          person = ParticipleNoun(ev);
          return {1, 0};
        }
        person = &kAgentiveNoun;
        return {1, 0};
      }
      return {0, 0};
    };
    // "a 5,000-strong crowd": the noun after "-strong" counts people.
    if (m == k && IsDash(word(m)) && word(m + 1) == "strong" && m + 2 < se &&
        v.at.tokens[m + 2].kind == TokenKind::kWord) {
      person = &kAgeNoun;
      kind = HeadKind::kPerson;
      head = m + 2;
      head_end = m + 3;
      break;
    }
    // "two 17-year-olds": an age noun counts people; "two 16-year-old
    // boys": an age adjective is a modifier of the head noun.
    // ("three nine-year-old pupils": the age may be spelled out.)
    if ((v.at.tokens[m].kind == TokenKind::kNumber ||
         ParseNumberAt(v.at.text, v.at.tokens[m].span.begin, lang_)) &&
        m + 4 < se && IsDash(word(m + 1)) && word(m + 2) == "year" &&
        IsDash(word(m + 3)) &&
        (word(m + 4) == "old" || word(m + 4) == "olds")) {
      if (word(m + 4) == "olds") {
        person = &kAgeNoun;
        kind = HeadKind::kPerson;
        head = m;
        head_end = m + 5;
        break;
      }
      m += 4;
      ++steps;
      continue;
    }
    if (v.EntityAt(m, EntityType::kNorp) != nullptr) {
      size_t last = v.entity_last[static_cast<size_t>(v.entity_at[m])];
      size_t len = 0, off = 0;
      // "Chinese engineers", "Tajik opposition members": at most two
      // lowercase modifiers between the group and its noun.
      size_t noun = last + 1;
      for (; noun < se && noun <= last + 3; ++noun) {
        std::tie(len, off) = people_at(noun);
        if (len) break;
        if (v.IsPunct(noun) || v.IsCapitalized(noun) ||
            lex_.stopwords.count(v.lower[noun]) ||
            v.MatchAt(lex_.case_nouns, noun, se, lex_.max_phrase_words)) {
          break;
        }
      }
      if (len) {
        kind = HeadKind::kPerson;
        head = noun + off;
        head_end = noun + len;
        mod_first = m;
      } else if ((len = case_at(last + 1))) {
        kind = HeadKind::kCase;
        head = last + 1;
        head_end = head + len;
      } else {
        kind = HeadKind::kNorp;
        head = m;
        head_end = last + 1;
        if (m > k && v.lower[m - 1] == "ethnic") mod_first = m - 1;
      }
      break;
    }
    // "Two U.S. troops", "three UN peacekeepers": a place or an
    // organization named right before a noun for people modifies it.
    if (v.entity_at[m] >= 0) {
      const size_t last = v.entity_last[static_cast<size_t>(v.entity_at[m])];
      if (last + 1 < se && people_at(last + 1).first) {
        if (mod_first == SIZE_MAX) mod_first = m;
        m = last;
        ++steps;
        continue;
      }
    }
    if (auto [len, off] = people_at(m); len) {
      kind = HeadKind::kPerson;
      head = m + off;
      head_end = m + len;
      // "police officers": the unit is the last noun, the subject both.
      if (off) mod_first = m;
      // "Rohingya refugees": a capitalized modifier the entity stage did
      // not tag still names the group.
      if (mod_first == SIZE_MAX && m > k && m - 1 > sb &&
          v.IsCapitalized(m - 1) && !v.IsPunct(m - 1)) {
        mod_first = m - 1;
      }
      // "six foreign tourists", "ethnic Armenians": an adjective of origin
      // is part of the group's name.
      if (mod_first == SIZE_MAX && m > k &&
          (v.lower[m - 1] == "foreign" || v.lower[m - 1] == "ethnic")) {
        mod_first = m - 1;
      }
      break;
    }
    if (size_t len = case_at(m)) {
      kind = HeadKind::kCase;
      head = m;
      head_end = m + len;
      break;
    }
    // "over 300 reports of pressure on employees", "40 complaints of
    // torture": a report counts cases when its of-phrase names what
    // happened.
    if (InList(v, "report-nouns", v.lower[m]) && word(m + 1) == "of") {
      std::string ev;
      for (size_t t = m + 2; t < se && t <= m + 4; ++t) {
        if (counts_internal::TriggerAt(v, lex_, t, se, &ev)) break;
        if (v.IsPunct(t)) break;
      }
      if (!ev.empty()) {
        kind = HeadKind::kCase;
        case_event = "AFFECT";  // the of-phrase refines it below
        head = m;
        head_end = m + 1;
        break;
      }
    }
    const std::string& w = v.lower[m];
    if (v.IsPunct(m)) {
      if (w == "-") continue;
      // "17 mostly young, unarmed men": a comma between two adjectives
      // (a modifier before it, a lowercase non-event word after it).
      if (w == "," && m > k && m + 1 < se && !v.IsPunct(m - 1) &&
          v.at.tokens[m - 1].kind == TokenKind::kWord && !v.IsPunct(m + 1) &&
          !v.IsCapitalized(m + 1) &&
          v.at.tokens[m + 1].kind == TokenKind::kWord &&
          !ParseNumberAt(v.at.text, v.at.tokens[m + 1].span.begin, lang_) &&
          !lex_.stopwords.count(v.lower[m + 1])) {
        std::string ev;
        const PersonNoun* p = nullptr;
        if (!counts_internal::TriggerAt(v, lex_, m + 1, se, &ev) &&
            !counts_internal::PersonAt(v, lex_, m + 1, se, &p)) {
          continue;
        }
      }
      break;
    }
    // "45 COVID-19 patients": digits glued by a hyphen to a word are part
    // of a name among the modifiers, not another number.
    if (v.at.tokens[m].kind == TokenKind::kNumber &&
        !(m >= k + 2 && v.lower[m - 1] == "-" &&
          v.at.tokens[m].span.begin == v.at.tokens[m - 1].span.end &&
          v.at.tokens[m - 1].span.begin == v.at.tokens[m - 2].span.end)) {
      break;
    }
    // "67 confirmed and probable cases": two modifiers of diagnosis
    // joined by "and" or "or".
    if ((InList(v, "and-words", w) || w == "or") && m > k &&
        InList(v, "diagnosed-modifiers", v.lower[m - 1]) && m + 1 < se &&
        InList(v, "diagnosed-modifiers", v.lower[m + 1])) {
      continue;
    }
    // "300 more residents": "more" right after the number.
    if (w == "more" && m == k && !of_phrase) {
      ++steps;
      continue;
    }
    if (lex_.stopwords.count(w)) break;
    // "1,603 suspected measles cases": a disease among the modifiers is no
    // plural of things.
    if (lex_.condition_triggers.count(w) && !v.IsCapitalized(m)) {
      ++steps;
      continue;
    }
    // A capitalized plural with no entity behind it: most often a group
    // the entity stage missed ("1,500 Uyghurs"); it still needs an event.
    // ("16 Nazis dead": a state word after the plural is no noun.)
    auto noun_follows = [&] {
      for (size_t t = m + 1; t < se && t <= m + 3; ++t) {
        const size_t len =
            v.MatchAt(lex_.persons, t, se, lex_.max_phrase_words);
        if ((len && lex_.persons.at(v.Phrase(t, len)).kind !=
                        PersonKind::kState) ||
            v.MatchAt(lex_.case_nouns, t, se, lex_.max_phrase_words)) {
          return true;
        }
      }
      return false;
    };
    if (v.IsCapitalized(m) && w.size() > 3 && w.back() == 's' && m != sb &&
        !noun_follows()) {
      kind = HeadKind::kNorp;
      head = m;
      head_end = m + 1;
      break;
    }
    // A lowercase plural that is no person or case noun counts things
    // (but "sheriff's deputies": a possessive is a modifier).
    if (!v.IsCapitalized(m) && w.size() > 3 && w.back() == 's' &&
        !w.ends_with("ss") && !w.ends_with("ous") && !w.ends_with("'s") &&
        !w.ends_with("\xE2\x80\x99s")) {
      return std::nullopt;
    }
    ++steps;
  }

  // Neighbouring numbers bound the stretch a count reads its event from;
  // a count after "including" shares the clause of the one it belongs to.
  // Coordinated counts ("two soldiers and five border guards were
  // killed") share the verb of the clause: a conjunct does not bound the
  // search of the counts it is coordinated with.
  // "including [more than] 500 children": the apposition may open with a
  // qualifier.
  auto including_before = [&](size_t t) {
    for (size_t len = 0; len <= 3 && len + sb < t; ++len) {
      if (len > 0 && !lex_.qualifiers.count(v.Phrase(t - len, len))) continue;
      if (counts_internal::AfterIncluding(v, t - len)) return true;
    }
    return false;
  };
  size_t fwd_limit = se;
  size_t link = kind != HeadKind::kNone ? head_end : SIZE_MAX;
  // "Five soldiers who killed 12 civilians were arrested": the object of
  // a relative clause the count is the agent of lies inside the count's
  // clause, whose verb comes after it.
  const bool agent_relative =
      kind != HeadKind::kNone &&
      counts_internal::AgentVerb(v, lex_, head_end, head_end + 1);
  // "19 people, aged between 15 and 45, had been arrested": the numbers
  // of an age aside right after the head do not bound the clause.
  // ("The two, aged 19 and 23, appeared in court": so do they after a
  // count with no noun.)
  size_t aside_end = 0;
  const size_t aside_at = kind != HeadKind::kNone ? head_end : j;
  // ("Six men aged between 19 and 47 have been charged": with no commas
  // the aside ends at its last age.)
  auto age_aside = [&](size_t t) {
    return InList(v, "age-words", word(t)) || word(t) == "ranging";
  };
  const bool comma_aside = word(aside_at) == "," && age_aside(aside_at + 1);
  const bool bare_aside = kind != HeadKind::kNone && age_aside(aside_at);
  if (comma_aside || bare_aside) {
    // The aside holds ages and the words that join them ("aged 15, 16
    // and 17", "ranging from 18 to 25 years old") up to its closing comma.
    for (size_t t = aside_at + (comma_aside ? 2 : 1);
         t < se && t <= aside_at + 12; ++t) {
      const std::string_view a = word(t);
      if (a == "," && t + 1 < se &&
          v.at.tokens[t + 1].kind != TokenKind::kNumber) {
        aside_end = t;
        break;
      }
      if (!(v.at.tokens[t].kind == TokenKind::kNumber || a == "," ||
            a == "and" || a == "to" || a == "between" || a == "from" ||
            a == "in" || a == "years" || a == "old" || a == "their" ||
            IsDash(a))) {
        if (bare_aside && t > aside_at + 1 &&
            v.at.tokens[t - 1].kind == TokenKind::kNumber) {
          aside_end = t - 1;
        }
        break;
      }
    }
  }
  // "The remaining nine, among them four women, are still being held":
  // an apposition opened right after the comma (counts-apposition-
  // openers.txt) and closed by the next comma is an aside too.
  if (aside_end == 0 && word(aside_at) == ",") {
    const size_t open = counts_internal::ListPhraseAt(v, aside_at + 1, se,
                                                     "apposition-openers");
    for (size_t t = aside_at + 1 + open;
         open != 0 && t < se && t <= aside_at + 14; ++t) {
      if (word(t) == ",") {
        aside_end = t;
        break;
      }
      if (v.IsPunct(t) && !IsDash(word(t))) break;
    }
  }
  for (size_t d = c + 1; d < cands.size(); ++d) {
    if (including_before(cands[d].first)) {
      continue;  // an apposition inside this count's clause
    }
    if (cands[d].first <= aside_end) continue;
    // "380,000 members in 21 states had joined the strike": a number of
    // things in a place adjunct does not end the clause.
    if (cands[d].first > head_end && cands[d].first >= 1 &&
        InList(v, "place-time-prepositions", word(cands[d].first - 1)) &&
        cands[d].after < se && v.at.tokens[cands[d].after].kind ==
                                   TokenKind::kWord) {
      const size_t t = cands[d].after;
      std::string ev;
      const PersonNoun* p = nullptr;
      if (!counts_internal::PersonAt(v, lex_, t, se, &p) &&
          !counts_internal::CaseNounAt(v, lex_, t, se, &ev) &&
          !AgentivePlural(v, v.lower[t]) && v.lower[t].size() > 3 &&
          v.lower[t].back() == 's' && v.in_date[cands[d].first] < 0) {
        continue;
      }
    }
    // "Two Americans among 10 killed": the count is part of the group
    // after "among", whose participle says what happened to it.
    if (kind != HeadKind::kNone && d == c + 1 &&
        (word(head_end) == "among" ||
         (IsBeOrHave(v, word(head_end)) && word(head_end + 1) == "among")) &&
        cands[d].first <= head_end + 3) {
      continue;
    }
    if (agent_relative && d == c + 1 && cands[d].first >= head_end + 2 &&
        cands[d].first <= head_end + 6) {
      continue;
    }
    if (cands[d].first >= head_end && cands[d].first >= j) {
      if (link != SIZE_MAX && Coordinated(v, lex_, link, cands[d].first, se)) {
        link = cands[d].after;
        continue;
      }
      fwd_limit = std::min(se, cands[d].first);
      break;
    }
  }
  // "На акцию вышли несколько тысяч человек, задержаны 34", "12 were
  // killed, injured were 40": a verb between a comma and the next count
  // (its qualifier aside) is that count's, not this one's.
  if (fwd_limit < se) {
    size_t t = fwd_limit;
    for (size_t len = 3; len >= 1; --len) {
      if (t >= sb + len && lex_.qualifiers.count(v.Phrase(t - len, len))) {
        t -= len;
        break;
      }
    }
    const size_t count_start = t;  // the next count, its qualifier included
    bool verb = false;
    size_t verb_at = SIZE_MAX;  // the trigger nearest the next count
    size_t verb_len = 0;
    for (size_t steps = 0; t > j && steps < 4; ++steps) {
      std::string ev;
      size_t len = 0;
      for (size_t b = 1; b <= 3 && b <= t - j && !len; ++b) {
        if (counts_internal::TriggerAt(v, lex_, t - b, t, &ev) == b) len = b;
      }
      if (len) {
        if (!verb) {
          verb_at = t - len;
          verb_len = len;
        }
        verb = true;
        t -= len;
      } else if (IsBeOrHave(v, v.lower[t - 1])) {
        --t;
      } else {
        break;
      }
    }
    if (verb && t > j && t - 1 >= head_end && v.lower[t - 1] == ",") {
      fwd_limit = t - 1;
    } else if (verb && verb_len == 1 && verb_at > head_end &&
               verb_at + 1 == count_start &&
               ActiveVerbForm(v, v.lower[verb_at]) &&
               !IsPassiveAux(v, v.lower[verb_at - 1])) {
      // "Detectives investigating 31 burglaries have arrested two
      // teenagers": an active verb right before the next count has it as
      // its object; it says nothing of this one.
      fwd_limit = verb_at;
    }
  }
  size_t back_limit = sb;
  if (!including_before(i)) {
    size_t start = first;
    for (size_t d = c; d-- > 0;) {
      if (cands[d].after > start) continue;
      if (Coordinated(v, lex_, cands[d].after, start, se)) {
        start = cands[d].first;  // "37 protesters and [12 journalists]"
        continue;
      }
      // ("арестовали на сроки от двух до шести суток 154 человека": a
      // measure or a duration is an adjunct inside the clause.)
      bool measure = false;
      for (size_t t = cands[d].after; t < se && t < cands[d].after + 3; ++t) {
        if (IsUnitWord(v, word(t))) {
          measure = true;
          break;
        }
        // ("от двух до шести суток": across the rest of a range.)
        if (!(IsDash(word(t)) || word(t) == "to" || word(t) == "and" ||
              InList(v, "range-joiners", word(t)) ||
              v.at.tokens[t].kind == TokenKind::kNumber ||
              ParseNumberAt(v.at.text, v.at.tokens[t].span.begin, lang_))) {
          break;
        }
      }
      if (measure) continue;
      back_limit = std::max(sb, cands[d].after);
      break;
    }
  }

  CaseCount out;
  // "Deaths by province, according to the ministry: Helmand 14, Kandahar
  // 9": a row of a list after a colon, a name and its figure; the label
  // before the colon (or the noun opening the sentence) names the event.
  // The rows after the first are Elliptic's (count.name_row).
  // (A full stop after the figure must end the sentence: "Ab 15.
  // Dezember" is a date.)
  if (kind == HeadKind::kNone && !of_phrase && first > sb + 2 &&
      (j >= se || word(j) == "," || word(j) == ";" || word(j) == "and" ||
       (word(j) == "." && j + 1 >= se))) {
    const size_t name = NameBefore(v, first);
    if (name < first && name > sb && word(name - 1) == ":") {
      // The label names the event with a noun (a bare verb, "Die neue
      // Regel: Ab 15.", is no label of a list).
      auto [label, row] = counts_internal::LabelNoun(v, lex_, sb, name - 1);
      if (label.empty()) {
        // Or the noun opening the sentence ("Deaths by province ...").
        std::tie(label, row) =
            counts_internal::LabelNoun(v, lex_, sb, std::min(name - 1, sb + 3));
      }
      if (label.empty()) row.clear();
      if (!row.empty()) {
        CountWindow w{first, j - 1, j, back_limit, fwd_limit};
        out.event = row;
        out.date = counts_internal::FindDate(v, w);
        if (const Entity* e = v.EntityAt(name, EntityType::kLoc)) {
          out.place = e->canonical.empty() ? e->text : e->canonical;
        }
        out.rule = "count.name_row";
        SetSpan(v, first, j, &out);
        out.value = n.value;
        out.qualifier = qualifier;
        return out;
      }
    }
  }
  if (kind == HeadKind::kNone) {
    // No counted noun: a count only when an event verb governs it
    // ("killed more than 39,000", "12 were wounded").
    if (of_phrase) return std::nullopt;
    if (!n.spelled && !n.has_separator && n.value >= 1900 && n.value <= 2100 &&
        qualifier == "exact") {
      return std::nullopt;
    }
    // "Seventy-five died", "Eleven remain unaccounted for", "the
    // hundreds trapped": an event verb right after the number.
    // "dozens more are missing": "more" between the number and its verb.
    // ("ещё девять — под домашним арестом": or after a dash.)
    const size_t verb_from =
        word(j) == "more" || word(j) == "\xE2\x80\x94" ? j + 1
        : aside_end != 0                                ? aside_end + 1
                                                        : j;
    // ("900 more would join the strike": a modal, too; the count is then
    // marked modal below.)
    // ("116 have already been deported": auxiliaries, modals and
    // adverbs of time before the verb, counts-verb-adverbs.txt.)
    auto skip_auxiliaries = [&](size_t t, size_t limit) {
      while (t < limit &&
             (IsBeOrHave(v, v.lower[t]) || lex_.modals.count(v.lower[t]) ||
              InList(v, "verb-adverbs", v.lower[t]))) {
        ++t;
      }
      return t;
    };
    auto verb_follows = [&] {
      const size_t t = skip_auxiliaries(verb_from, se);
      // ("and 120 released on Sunday": a verb of release alone makes no
      // bare number a count of its own.)
      std::string ev;
      return (counts_internal::TriggerAt(v, lex_, t, se, &ev) > 0 &&
              !(t < se && InList(v, "release-verbs", v.lower[t]))) ||
             (t < se && counts_internal::LeavesForRefuge(v, lex_, t));
    };
    // "Thousands gathered in the square" after a call to protest.
    const bool gathers = GatheringInProtest(v, lex_, j, fwd_limit);
    // ("Девятерых санавиацией доставили": a collective numeral counts
    // people wherever it stands.)
    const bool collective =
        j == i + 1 && InList(v, "collective-numerals", word(i));
    // ("bringing to 25 the number of troops killed".)
    const bool number_of_after = word(j) == "the" &&
                                 InList(v, "number-of-nouns", word(j + 1)) &&
                                 word(j + 2) == "of";
    if (!(j >= se || v.IsPunct(j) || MayFollowBareCount(v, word(j)) ||
          verb_follows() || gathers || collective || number_of_after)) {
      return std::nullopt;
    }
    // "Save hundreds on the MacBook", "paid 300 for": an amount of money.
    if (first > sb && IsMoneyVerb(v, v.lower[first - 1])) return std::nullopt;
    // "Final Battle 2", "Windows 10": a number that ends a name (but
    // "Погибли трое": a capitalized event verb opens the sentence).
    std::string verb_event;
    // ("The two, aged 19 and 23, appeared in court": a determiner
    // opening the sentence is no name.)
    // ("Death Toll in Gaza Tops 10,000": in a headline in title case a
    // verb is capitalized too.)
    if (first > sb && v.IsCapitalized(first - 1) && !collective &&
        !(v.TitleCase(first - 1) &&
          (n.vague || n.spelled || n.has_separator ||
           counts_internal::MovesFigure(v, lex_, word(first - 1)) ||
           lex_.stopwords.count(std::string(word(first - 1))) ||
           counts_internal::TriggerAt(v, lex_, first - 1, first,
                                      &verb_event))) &&
        !(first - 1 == sb &&
          counts_internal::TriggerAt(v, lex_, first - 1, first, &verb_event)) &&
        !(first - 1 == sb && n.spelled &&
          (word(sb) == "the" || word(sb) == "all" || word(sb) == "these")) &&
        !(first - 1 == sb && (word(sb) == "another" || word(sb) == "only" ||
                              word(sb) == "all" || word(sb) == "some"))) {
      return std::nullopt;
    }
    // "the one held by ...": a pronoun, not a number of people.
    if (n.spelled && n.value == 1 && first > sb &&
        (IsDeterminer(v, v.lower[first - 1]) || v.lower[first - 1] == "that" ||
         v.lower[first - 1] == "this")) {
      return std::nullopt;
    }
    CountWindow w{first, j - 1, j, back_limit, fwd_limit};
    std::string event;
    size_t back_dist = SIZE_MAX;
    bool back_adjunct = false;  // the trigger heads "during the protests"
    // (A collective numeral may close a longer clause: "Пропавшими без
    // вести по-прежнему числятся четверо".)
    const size_t back_reach = collective ? 8 : 4;
    for (size_t t = first; t > back_limit && first - t <= back_reach;) {
      --t;
      size_t len = counts_internal::TriggerAt(v, lex_, t, first, &event);
      if (len) {
        back_dist = first - t - len;
        // The preposition may stand a word further back ("на акциях
        // протеста", "during the street protests").
        for (size_t p = t, steps = 0; p > sb && steps < 3; ++steps) {
          --p;
          if (v.IsPunct(p)) break;
          if (IsAdjunctPreposition(v, v.lower[p])) {
            back_adjunct = true;
            break;
          }
        }
        break;
      }
      if (v.IsPunct(t)) break;
    }
    // "14 were wounded", "killed 17 and dozens more are missing": a verb
    // right after the number (auxiliaries between) governs it, unless one
    // right before it does ("killed 12 were ..." is no sentence).
    size_t t = verb_from;
    while (t < fwd_limit && (IsBeOrHave(v, v.lower[t]) ||
                             InList(v, "verb-adverbs", v.lower[t]))) {
      ++t;
    }
    std::string fwd_event;
    size_t len = counts_internal::TriggerAt(v, lex_, t, fwd_limit, &fwd_event);
    // ("about 1.2 million have been moved to safer areas".)
    if (!len && t < fwd_limit && counts_internal::LeavesForRefuge(v, lex_, t)) {
      len = 1;
      fwd_event = "DISPLACE";
    }
    const bool from_fwd = len && (t - j <= back_dist || back_dist > 0);
    if (from_fwd) event = fwd_event;
    // "The number of people arrested during the protests has reached
    // 1,500": the noun of "the number of" outranks a trigger read back
    // from the number, which sits inside that noun's own phrase.
    if (!from_fwd && back_adjunct && !event.empty()) {
      auto [noun, noun_event] =
          counts_internal::NumberOfNoun(v, lex_, sb, first);
      if (!noun_event.empty()) {
        event = noun_event;
        out.unit = noun;
      }
    }
    if (event.empty() && gathers) event = "PROTEST";
    if (event.empty())
      event = counts_internal::GroupBeforeEvent(v, lex_, first);
    // "Of the 13 people, 11 were Black", "Among the 40 detained, 12 were
    // minors": a part of the group counted at the head of the sentence
    // shares what happened to it.
    if (event.empty() && !prior.empty() && first > sb + 2 &&
        (v.lower[sb] == "of" || v.lower[sb] == "among") &&
        prior.back().span.begin >= v.at.tokens[sb].span.begin &&
        prior.back().span.begin <= v.at.tokens[sb + 2].span.begin &&
        prior.back().span.end <= v.at.tokens[first].span.begin) {
      event = prior.back().event;
    }
    // "Security forces detained 27 people. Of those, 15 were later
    // released": "of those" opening the sentence points at the count
    // before it.
    if (event.empty() && first >= sb + 3 &&
        (word(sb) == "of" || word(sb) == "among") &&
        (word(sb + 1) == "those" || word(sb + 1) == "them" ||
         word(sb + 1) == "these") &&
        word(sb + 2) == "," && first == sb + 3) {
      if (const CaseCount* a = Antecedent(v, prior, first)) event = a->event;
    }
    bool bracket_row = false;  // a figure in brackets after a name
    std::string bracket_place;
    // "bringing to 25 the number of troops killed": the noun of "the
    // number of" right after the figure.
    if (event.empty() && number_of_after) {
      auto [noun, noun_event] = counts_internal::NumberOfNoun(v, lex_, j, se);
      if (!noun_event.empty()) {
        event = noun_event;
        out.unit = noun;
      }
    }
    if (event.empty()) {
      // "The number of political prisoners has reached 1,400": the counted
      // noun is named earlier in the sentence.
      auto [noun, noun_event] =
          counts_internal::NumberOfNoun(v, lex_, sb, first);
      const bool dash = IsProseDash(prev);
      // "Confirmed cases 12,345": a short label row with no colon, the
      // number closing it.
      bool row_end = true;
      for (size_t t = j; t < se; ++t) row_end &= v.IsPunct(t);
      if (noun_event.empty() && row_end && first > sb && first - sb <= 4 &&
          v.IsCapitalized(sb) && !InList(v, "no-label-end", prev)) {
        std::tie(noun, noun_event) =
            counts_internal::LabelNoun(v, lex_, sb, first);
      }
      // "the following figures for August: civilians killed, 312;
      // civilians injured, 704": rows of a list after a colon, each a
      // short label, a comma and its figure, closed by ";" or the end.
      if (noun_event.empty() && prev == "," &&
          (j >= se || word(j) == ";" || word(j) == ".")) {
        for (size_t t = first - 1; t > sb && first - 1 - t <= 6;) {
          --t;
          if (word(t) == ";" || word(t) == ":") {
            bool colon = false;
            for (size_t c2 = sb; c2 <= t; ++c2) colon |= word(c2) == ":";
            if (colon && t + 1 < first - 1) {
              std::tie(noun, noun_event) =
                  counts_internal::LabelNoun(v, lex_, t + 1, first - 1);
            }
            break;
          }
          if (v.IsPunct(t)) break;
        }
      }
      if (noun_event.empty() && (prev == ":" || dash)) {
        // A list row, "Infanticide cases (2023): 12", "Погибших — 12,
        // раненых — 40": the label names it. Prose uses dashes for
        // asides, so after a dash the noun must come right before it.
        std::tie(noun, noun_event) = counts_internal::LabelNoun(
            v, lex_, dash && first >= sb + 2 ? first - 2 : sb, first - 1);
      }
      // "The bus was carrying more than 80" in a paragraph that tells of
      // its crash: the people aboard, with no noun, were in it.
      if (noun_event.empty() && first > sb &&
          VehicleCarrying(v, v.lower[first - 1])) {
        const size_t from = sb > 0 && SameOrNextSentence(v, sb - 1, sb)
                                ? v.sentence_begin[sb - 1]
                                : sb;
        if (CrashNamed(v, from, se)) noun_event = "AFFECT";
      }
      // "Больше всего погибших — из Башкортостана (2 614), Свердловской
      // области (1 980)", "deaths by province: Helmand (14)": a figure in
      // brackets after a name, in a sentence whose label (a noun for
      // people of an event, an event participle or an event case noun)
      // names what happened.
      if (noun_event.empty() && prev == "(" && word(j) == ")" &&
          first >= sb + 2) {
        bracket_row = true;
        bool named = false;
        size_t name_from = first - 1;
        for (size_t t = first - 1; t > sb && first - t <= 4;) {
          --t;
          if (v.IsPunct(t)) break;
          if (v.IsCapitalized(t)) {
            named = true;
            name_from = t;
          }
        }
        // The name is the row's place when the entity stage calls it one,
        // or, in a language it does not tag, when it is all capitalized
        // words and nouns of regions ("Краснодарском крае", not "Южный
        // окружной военный суд").
        if (const Entity* e = v.EntityAt(name_from, EntityType::kLoc)) {
          bracket_place = e->canonical.empty() ? e->text : e->canonical;
        } else if (named &&
                   !lex_.Words("place-name-prepositions").empty()) {
          bool place_like = true;
          for (size_t t = name_from; t + 1 < first; ++t) {
            place_like &= v.IsCapitalized(t) ||
                          InList(v, "region-nouns", v.lower[t]);
          }
          if (place_like) {
            bracket_place = std::string(v.at.text.substr(
                v.at.tokens[name_from].span.begin,
                v.at.tokens[first - 2].span.end -
                    v.at.tokens[name_from].span.begin));
          }
        }
        for (size_t t = sb; named && t + 1 < first && noun_event.empty();
             ++t) {
          const PersonNoun* p = nullptr;
          std::string ev;
          if (counts_internal::PersonAt(v, lex_, t, first, &p) &&
              (p->kind == PersonKind::kState ||
               p->kind == PersonKind::kRole) &&
              !p->event.empty()) {
            noun_event = p->event;
          } else if (InList(v, "substantive-endings", v.lower[t]) &&
                     counts_internal::TriggerAt(v, lex_, t, t + 1, &ev)) {
            noun_event = ev;
          } else if (counts_internal::CaseNounAt(v, lex_, t, first, &ev)) {
            // ("Душанбе (612 случаев), Хатлоне (790)": cases of an
            // outbreak named around them.)
            noun_event = ev == "AFFECT" && DiseaseNamed(v, lex_, t)
                             ? "INFECT"
                             : ev;
          }
        }
        // "Больше всего приговоров вынес Южный окружной военный суд (48),
        // далее следуют Московский городской суд (31)": in a list of such
        // rows (two figures in brackets at least) an event word of the
        // sentence names it too (a lone "(45)" after a name is an age).
        size_t rows = 0;
        for (size_t t = sb; t + 2 < se; ++t) {
          rows += word(t) == "(" && v.at.tokens[t + 1].kind ==
                                        TokenKind::kNumber &&
                  word(t + 2) == ")";
        }
        for (size_t t = sb; named && rows >= 2 && t + 1 < first &&
                            noun_event.empty();
             ++t) {
          std::string ev;
          if (counts_internal::TriggerAt(v, lex_, t, first, &ev) &&
              ev != "AFFECT" && !lex_.condition_triggers.count(v.lower[t])) {
            noun_event = ev;
          }
        }
      }
      // "Девятерых доставили в Москву": a collective numeral standing
      // alone counts people; with no event in its clause it is pending,
      // like a pronoun (ResolvePending).
      if (noun_event.empty() && !collective) return std::nullopt;
      event = noun_event;
      out.unit = noun;
    }
    out.event = event;
    out.date = counts_internal::FindDate(v, w);
    // (A figure in brackets is the place's before it.)
    out.place = bracket_row && !bracket_place.empty()
                    ? bracket_place
                    : counts_internal::FindPlace(v, w);
    out.rule = "count.bare";
    head_end = j;
  } else {
    CountWindow w{first, head_end - 1, head_end, back_limit, fwd_limit};
    // A participle among the pre-modifiers says it most directly
    // ("5,000 displaced people"); else the clause around the count.
    std::string trigger;
    for (size_t t = k; t < head && trigger.empty(); ++t) {
      if (lex_.verb_only_triggers.count(v.lower[t])) continue;
      auto it = lex_.triggers.find(v.lower[t]);
      if (it != lex_.triggers.end()) {
        trigger = it->second;
      } else if (InList(v, "substantive-endings", v.lower[t])) {
        // ("двух пропавших грибников": a participle read by its stem.)
        counts_internal::TriggerAt(v, lex_, t, t + 1, &trigger);
      }
    }
    // ("the summary execution of at least 62 captured soldiers": an
    // event noun whose of-phrase the count is outranks the participle.)
    if (!trigger.empty()) {
      if (std::string ev = counts_internal::EventNounOf(v, lex_, w);
          !ev.empty()) {
        trigger = ev;
      }
    }
    // ("Six Kidnapped Musicians Found Dead": a death in the clause
    // outranks what the modifier says.)
    if (!trigger.empty() && trigger != "KILL" && trigger != "AFFECT" &&
        counts_internal::FindEvent(v, lex_, w) == "KILL") {
      trigger = "KILL";
    }
    if (trigger.empty()) trigger = counts_internal::FindEvent(v, lex_, w);
    const size_t unit_end =
        numbering_noun != SIZE_MAX ? first - numbering_gap : head_end;
    out.unit = std::string(v.at.text.substr(
        v.at.tokens[head].span.begin,
        v.at.tokens[unit_end - 1].span.end - v.at.tokens[head].span.begin));
    // "Police said the gunman shot 13 people. Of the 13 people, 11 were
    // Black": the same figure of the same noun earlier in the text is the
    // same group, and what happened to it then still holds.
    bool remention = false;
    auto earlier_event = [&]() -> std::string {
      // Only a definite re-mention ("the 13 people", "all 12 people",
      // "these 40 protesters") points back; "Two people were questioned"
      // after "Two people were killed" may be two others.
      const std::string_view det = first > sb ? word(first - 1) : "";
      if (!(det == "the" || det == "these" || det == "those" || det == "all" ||
            det == "both")) {
        return "";
      }
      const std::string unit = LowerCase(out.unit);
      for (auto it = prior.rbegin(); it != prior.rend(); ++it) {
        if (it->value == n.value && !it->event.empty() &&
            LowerCase(it->unit) == unit) {
          remention = true;
          return it->event;
        }
      }
      return "";
    };
    switch (kind) {
      case HeadKind::kCase: {
        // "claimed 35 lives" are deaths, but "saved 300 lives" were
        // rescued: an AFFECT verb (saved, rescued) outranks the noun.
        if (v.lower[head] == "lives" && trigger == "AFFECT") {
          case_event = "AFFECT";
        }
        // A modifier may name the event ("cholera cases", "murder cases").
        for (size_t t = k; t < head; ++t) {
          auto it = lex_.triggers.find(v.lower[t]);
          if (it != lex_.triggers.end() && case_event == "AFFECT") {
            case_event = it->second;
          }
        }
        // "5,333 fatal occupational injuries", "12 fatal shootings".
        if ((case_event == "WOUND" || case_event == "AFFECT") &&
            AnyTokenInList(v, k, head, "fatal-modifiers")) {
          case_event = "KILL";
        }
        // "cases of extrajudicial killings": or the noun of its of-phrase
        // ("случаев похищения": a genitive with no preposition).
        if (case_event == "AFFECT" &&
            (word(head_end) == "of" || GenitiveComplements(lang_))) {
          const size_t from = word(head_end) == "of" ? head_end + 1 : head_end;
          for (size_t t = from; t < se && t <= from + 2; ++t) {
            std::string ev;
            if (counts_internal::TriggerAt(v, lex_, t, se, &ev)) {
              case_event = ev;
              break;
            }
            if (v.IsPunct(t)) break;
          }
        }
        // ("67 confirmed and probable cases, including 31 deaths": cases
        // confirmed or suspected are infections whatever verb follows.)
        // "33 cases of ballot-box stuffing", "nine cases of ill-treatment
        // in custody": an of-phrase that names a happening with no event
        // word (a lowercase noun, no group of people) says what the cases
        // are; a trigger elsewhere in the clause is about something else.
        bool untyped_of = false;
        if (case_event == "AFFECT" && word(head_end) == "of") {
          size_t o = head_end + 1;
          if (o < se && IsDeterminer(v, word(o))) ++o;
          const PersonNoun* p = nullptr;
          untyped_of = o < se && !v.IsPunct(o) && !v.IsCapitalized(o) &&
                       v.at.tokens[o].kind == TokenKind::kWord &&
                       !lex_.stopwords.count(v.lower[o]) &&
                       !InList(v, "people-pronouns", v.lower[o]) &&
                       v.EntityAt(o, EntityType::kNorp) == nullptr &&
                       !counts_internal::PersonAt(v, lex_, o, se, &p) &&
                       !AgentivePlural(v, v.lower[o]);
        }
        if (untyped_of) trigger.clear();
        // ("40 cases were confirmed": or after them, past the auxiliaries.)
        size_t after_head = head_end;
        while (after_head < se && IsBeOrHave(v, word(after_head))) {
          ++after_head;
        }
        // ("100 laboratory-confirmed cases of clade 1b": a diagnosis
        // before the noun outweighs its of-phrase.)
        bool of_event = false;  // "cases of torture" name their event
        for (size_t o = head_end + 1;
             word(head_end) == "of" && o < se && o <= head_end + 3; ++o) {
          std::string ev;
          if (counts_internal::TriggerAt(v, lex_, o, se, &ev) &&
              !lex_.condition_triggers.count(v.lower[o])) {
            of_event = true;
          }
        }
        const bool pre_diagnosed =
            AnyTokenInList(v, k, head, "diagnosed-modifiers") && !of_event;
        const bool diagnosed =
            pre_diagnosed ||
            (after_head > head_end &&
             InList(v, "diagnosed-modifiers", word(after_head)));
        out.event = case_event == "AFFECT" &&
                            (word(head_end) != "of" || pre_diagnosed) &&
                            InList(v, "disease-case-nouns", v.lower[head]) &&
                            diagnosed
                        ? "INFECT"
                    : case_event != "AFFECT" ? case_event
                    : !trigger.empty()       ? trigger
                                             : "AFFECT";
        // "Cholera has killed 600 people, and more than 15,000 cases have
        // been recorded", "216 confirmed cases": bare cases in a report
        // of a disease (named in this sentence or the one before) or
        // confirmed, suspected or probable are infections.
        if (out.event == "AFFECT" && word(head_end) != "of" &&
            InList(v, "disease-case-nouns", v.lower[head]) &&
            (DiseaseNamed(v, lex_, head) ||
             AnyTokenInList(v, k, head, "diagnosed-modifiers"))) {
          out.event = "INFECT";
        }
        out.rule = "count.case_noun";
        // "cases of Uyghurs facing intimidation": the group is in the
        // of-phrase.
        if (word(head_end) == "of") {
          out.subject =
              counts_internal::OfPhraseGroup(v, lex_, head_end + 1, se);
        }
        break;
      }
      case HeadKind::kPerson:
        // "said one resident", "one supporter shouted": one person
        // quoted is a source, not a case.
        if (n.value == 1 && n.spelled &&
            ((head_end < se && lex_.reporting_verbs.count(std::string(word(head_end)))) ||
             (first > sb &&
              lex_.reporting_verbs.count(std::string(word(first - 1)))))) {
          return std::nullopt;
        }
        // "8 Man Shot While Standing ...": a list number before a
        // headline; more than one person is no singular noun.
        // ("taken 570 servicemen prisoner": a second noun after a plural.)
        if (n.value > 1 && !n.vague && head + 1 == head_end &&
            !lex_.persons.count(v.lower[head - 1]) &&
            (InList(v, "singular-person-nouns", v.lower[head]) ||
             (!v.lower[head].ends_with("s") &&
              !InList(v, "plural-person-nouns", v.lower[head]) &&
              lex_.persons.count(v.lower[head] + "s") > 0))) {
          return std::nullopt;
        }
        if (person->kind == PersonKind::kState) {
          out.event = person->event;
        } else if (person->kind == PersonKind::kRole &&
                   // "13,000 former prisoners" are prisoners no more.
                   !AnyTokenInList(v, k, head, "former-modifiers")) {
          // "The club signed two strikers": on the sports pages a protest
          // role names a player, a case only with an event of its own.
          if (person->event == "PROTEST" && trigger.empty() &&
              SportContext(v, sb, se)) {
            return std::nullopt;
          }
          // What happened to them overrides what they are, but not what
          // they did ("prisoners went on hunger strike" stay ARREST).
          out.event =
              !trigger.empty() && trigger != "AFFECT" && trigger != "PROTEST"
                  ? trigger
                  : person->event;
          // "freed 20 hostages held by the rebels": holding and freeing
          // (ARREST words) say nothing new of hostages.
          if (person->event == "KIDNAP" && trigger == "ARREST") {
            out.event = person->event;
          }
          // "Five people were killed. Two of the victims were children":
          // a part of the victims counted just before shares what
          // happened to them.
          if (out.event == "AFFECT" && of_phrase && word(j) == "of" &&
              (word(j + 1) == "the" || word(j + 1) == "these" ||
               word(j + 1) == "those")) {
            if (const CaseCount* a = Antecedent(v, prior, first)) {
              out.event = a->event;
            }
          }
        } else {
          // "A crowd of 500 people gathered": people counted as a crowd
          // are a gathering (but not the crowd at a match).
          if (trigger.empty() && person->kind == PersonKind::kGeneric &&
              first >= sb + 2 && v.lower[first - 1] == "of" &&
              InList(v, "crowd-nouns", v.lower[first - 2]) &&
              !SportContext(v, sb, se) && !WelcomingCrowd(v, head_end, se)) {
            trigger = "PROTEST";
          }
          if (trigger.empty() &&
              GatheringInProtest(v, lex_, head_end, fwd_limit) &&
              !WelcomingCrowd(v, head_end, se)) {
            trigger = "PROTEST";
          }
          // "Total detained: about 10,000 people": a short label before a
          // colon names what happened to the people after it.
          if (trigger.empty() && first > sb + 1 && word(first - 1) == ":" &&
              first - 1 - sb <= 4) {
            trigger = counts_internal::LabelNoun(v, lex_, sb, first - 1).second;
          }
          if (trigger.empty()) trigger = earlier_event();
          // No event in its clause: a population or staff, unless the
          // text around it says what happened (Tag's ResolvePending); the
          // count goes on with an empty event.
          // "30,000 fans marched to the stadium": on the sports pages a
          // march or rally is a protest only when the sentence says so.
          if (trigger == "PROTEST" && SportContext(v, sb, se) &&
              !SaysProtest(v, sb, se)) {
            return std::nullopt;
          }
          out.event = trigger;
        }
        // "Police beat dozens of demonstrators", "the firm fired 200
        // striking workers": a verb whose object is the count says what
        // happened to them, over what they did (protesting, striking).
        if (out.event == "PROTEST" && first > sb) {
          std::string direct;
          if (counts_internal::TriggerAt(v, lex_, first - 1, first, &direct) &&
              direct != "PROTEST") {
            out.event = direct;
          }
        }
        // "All 40 protesters were fined": so does a passive right after
        // the head.
        if (out.event == "PROTEST") {
          size_t t = head_end;
          bool aux = false;
          while (t < fwd_limit && (word(t) == "were" || word(t) == "was" ||
                                   word(t) == "have" || word(t) == "had" ||
                                   word(t) == "been" || word(t) == "later")) {
            aux |= word(t) == "were" || word(t) == "was" || word(t) == "been";
            ++t;
          }
          std::string passive;
          if (aux &&
              counts_internal::TriggerAt(v, lex_, t, fwd_limit, &passive) &&
              passive != "PROTEST") {
            out.event = passive;
          }
        }
        if (mod_first != SIZE_MAX) {
          out.subject = std::string(
              v.at.text.substr(v.at.tokens[mod_first].span.begin,
                               v.at.tokens[head_end - 1].span.end -
                                   v.at.tokens[mod_first].span.begin));
        } else if (person->kind == PersonKind::kGroup) {
          out.subject = out.unit;
        }
        // "members of the security forces", "relatives of [[Uyghur]]
        // activists": the group is in the of-phrase.
        if (person->kind != PersonKind::kState && word(head_end) == "of") {
          std::string group =
              counts_internal::OfPhraseGroup(v, lex_, head_end + 1, se);
          if (!group.empty()) out.subject = group;
        }
        out.rule = "count.person_noun";
        break;
      case HeadKind::kNorp:
        if (trigger.empty() &&
            GatheringInProtest(v, lex_, head_end, fwd_limit) &&
            !WelcomingCrowd(v, head_end, se)) {
          trigger = "PROTEST";
        }
        if (trigger.empty()) trigger = earlier_event();
        out.event = trigger;  // empty: pending, as above
        out.subject = out.unit;
        if (mod_first != SIZE_MAX) {  // "ethnic Armenians"
          out.subject = std::string(
              v.at.text.substr(v.at.tokens[mod_first].span.begin,
                               v.at.tokens[head_end - 1].span.end -
                                   v.at.tokens[mod_first].span.begin));
        }
        out.rule = "count.group";
        break;
      case HeadKind::kPronoun: {
        if (!those_event.empty()) trigger = those_event;
        // "The strike killed 9 people, 4 of them children, and wounded
        // 30": a subset right after the count before it is part of it
        // ("had infected 56 people, 12 of whom had died": unless a verb
        // of its own follows it).
        std::string own_event;
        size_t own_at = head_end;
        while (own_at < fwd_limit && IsBeOrHave(v, v.lower[own_at])) ++own_at;
        const bool own_verb = counts_internal::TriggerAt(
                                  v, lex_, own_at, fwd_limit, &own_event) > 0 &&
                              own_event != "AFFECT";
        if (those_event.empty() && !own_verb && first > sb &&
            word(first - 1) == "," && !prior.empty() &&
            !prior.back().event.empty() &&
            prior.back().span.end <= v.at.tokens[first - 1].span.begin &&
            prior.back().span.end + 2 >= v.at.tokens[first - 1].span.begin &&
            prior.back().span.begin >= v.at.tokens[sb].span.begin) {
          trigger = prior.back().event;
        }
        if (trigger.empty() &&
            GatheringInProtest(v, lex_, head_end, fwd_limit) &&
            !WelcomingCrowd(v, head_end, se)) {
          trigger = "PROTEST";
        }
        // "freed", "rescued": a generic verb says too little of a pronoun
        // partitive; it is pending like one with no verb.
        out.event = trigger == "AFFECT" ? "" : trigger;
        out.unit.clear();
        out.rule = "count.pronoun_partitive";
        break;
      }
      case HeadKind::kNone:
        break;
    }
    out.date = counts_internal::FindDate(v, w);
    out.place = counts_internal::FindPlace(v, w);
    if (remention) out.rule += ".remention";
  }

  // Modality: "could affect up to 10,000", "may have killed 30", "30
  // people could be evacuated". Such counts stay (the spec's gold makes
  // them optional) but say so in their rule id.
  for (size_t t = first; t > std::max(back_limit, sb) && first - t <= 6;) {
    --t;
    if (v.lower[t] == "," || v.lower[t] == ";") break;
    // ("in May" is a month, not a modal.)
    if (lex_.modals.count(v.lower[t]) && v.in_date[t] < 0) {
      out.rule += ".modal";
      break;
    }
  }
  if (!out.rule.ends_with(".modal")) {
    for (size_t t = head_end; t < fwd_limit && t < head_end + 3; ++t) {
      if (lex_.modals.count(v.lower[t]) && v.in_date[t] < 0) {
        out.rule += ".modal";
        break;
      }
    }
  }
  // "Three gunmen who killed 12 villagers fled": attackers getting away
  // after what they did are no displaced people.
  if (agent_relative && out.event == "DISPLACE") return std::nullopt;
  if (out.event == "ARREST" && DisciplinaryCharge(v, sb, se)) {
    return std::nullopt;
  }
  // "the kidnappers are still holding 12 people": held by kidnappers,
  // not by the state.
  if (out.event == "ARREST" && HeldByKidnappers(v, sb, se)) {
    out.event = "KIDNAP";
  }
  // "Armed men released 17 of the 26 villagers they abducted. The
  // remaining nine are still being held": people held right after a count
  // of kidnapped ones (this sentence or the one before), with no police,
  // court or prison named, are held by the same kidnappers.
  if (out.event == "ARREST" && !prior.empty() &&
      prior.back().event == "KIDNAP" &&
      Antecedent(v, prior.back(), first) != nullptr &&
      !AnyTokenInList(v, sb, se, "captors-state")) {
    out.event = "KIDNAP";
  }
  if (out.event == "DEPORT" &&
      ExpelledFromInstitution(v, sb, se,
                              head != SIZE_MAX && head < v.size()
                                  ? std::string_view(v.lower[head])
                                  : std::string_view())) {
    out.event = "AFFECT";
  }
  SetSpan(v, first, head_end, &out);
  out.value = n.value;
  out.qualifier = qualifier;
  if (high) {
    out.low = n.value;
    out.high = *high;
  }
  return out;
}

// "Police arrested 30 people, including 4 minors, and fined 12 others":
// an apposition after "including" (or "among them") counts a part of the
// count before it in the same sentence, and shares what happened to it.
void InheritIncluded(const TokenView& v, const CaseCount& before,
                     CaseCount* count) {
  if (before.event.empty()) return;
  // "14 cases of Sudan virus disease, including four deaths": a case or
  // state noun that names an event of its own keeps it.
  if (count->rule.starts_with("count.case_noun") && !count->event.empty() &&
      count->event != "AFFECT") {
    return;
  }
  const size_t first = TokenAtOrAfterPos(v, count->span.begin);
  if (first >= v.size()) return;
  const size_t sb = v.sentence_begin[first];
  if (before.span.begin < v.at.tokens[sb].span.begin) return;
  // The apposition may open with a qualifier ("including at least 4").
  for (size_t t = first, steps = 0; t > sb && steps < 4; ++steps, --t) {
    if (const size_t words = counts_internal::AppositionOpener(v, t)) {
      // Only when nothing but the apposition's opener lies between.
      // ("including", "among them", "в том числе", "среди них".)
      const size_t opener = t - words;
      // ("killed 12 people (including 3 children)": or a parenthesis.)
      if (opener > sb &&
          (v.lower[opener - 1] == "," || v.lower[opener - 1] == "(") &&
          v.at.tokens[opener - 1].span.begin >= before.span.end) {
        count->event = before.event;
      }
      return;
    }
  }
}

// "Police detained 15 people in Almaty and 20 in Astana": a bare number
// coordinated with the count just before it, in the same clause, with only
// a place or time adjunct after it, counts the same thing with the same
// event (the noun and the verb are elided).
std::optional<CaseCount> RuleCountTagger::Elliptic(
    const TokenView& v, const Candidate& cand, const CaseCount& before) const {
  const size_t i = cand.first;
  const size_t sb = v.sentence_begin[i];
  const size_t se = v.sentence_end[i];
  const ParsedNumber& n = cand.number;
  if (before.event.empty() || n.value <= 0 || n.decimal) return std::nullopt;
  if (OneOfGroup(v, n, cand.after, se)) return std::nullopt;
  if (!n.spelled && !n.has_separator && n.value >= 1900 && n.value <= 2100) {
    return std::nullopt;
  }
  const bool same_sentence = before.span.begin >= v.at.tokens[sb].span.begin;
  // "up from 30% last year", "10 percent higher": a number with a unit
  // is no count.
  if (cand.after < se &&
      (MeasureAt(v, cand.after, se) || v.lower[cand.after] == "%")) {
    return std::nullopt;
  }
  // A figure given again is of the same order as the one before ("up from
  // 71", not "compared with 12 million in the city").
  const bool comparable =
      n.value * 20 >= before.value && n.value <= before.value * 20;
  size_t first = i;
  std::string qualifier = n.vague || n.plus ? "min" : "exact";
  for (size_t len = std::min<size_t>(3, i - sb); len >= 1; --len) {
    auto it = lex_.qualifiers.find(v.Phrase(i - len, len));
    if (it != lex_.qualifiers.end() && !lex_.verb_qualifiers.count(it->first)) {
      qualifier = it->second;
      first = i - len;
      break;
    }
  }
  // The count from `first` to `end` (one past its last token), with the
  // event of the count before it.
  auto follow = [&](size_t end, const char* rule) {
    CaseCount out;
    CountWindow w{first, end - 1, end, first, se};
    out.event = before.event;
    out.date = counts_internal::FindDate(v, w);
    out.place = counts_internal::FindPlace(v, w);
    out.rule = rule;
    SetSpan(v, first, end, &out);
    out.value = n.value;
    out.qualifier = qualifier;
    return out;
  };
  // "Eleven of them were members of the minority, and two were women":
  // after a subset of a count (a partitive) in the same sentence, a bare
  // number that opens the next conjunct with a copula is a further
  // subset.
  if (same_sentence && i >= sb + 2 && InList(v, "and-words", v.lower[i - 1]) &&
      v.lower[i - 2] == "," && before.text.find(" of ") != std::string::npos &&
      before.value > n.value && cand.after < se &&
      InList(v, "copulas", v.lower[cand.after]) && first == i) {
    return follow(cand.after, "count.subset");
  }
  // "another"/"ещё" before the number is no part of the count.
  size_t lead = first;
  if (lead > sb && InList(v, "additive-words", v.lower[lead - 1])) {
    --lead;
  }
  const size_t j = cand.after;
  // After the number: the end of the clause, or a place or time adjunct.
  auto ends_here = [&](size_t t) {
    if (t >= se || v.IsPunct(t)) return true;
    return InList(v, "figure-end-words", v.lower[t]);
  };
  // "the union put the number at more than 2 million": the figure of the
  // count before it (this sentence or the one before) told again.
  if (const CaseCount* ante = Antecedent(v, before, first);
      ante != nullptr && ends_here(j)) {
    if (std::string ev = PutAtEvent(v, first, ante);
        !ev.empty() && comparable) {
      CaseCount out = follow(j, "count.put_at");
      out.event = ev;
      return out;
    }
    if (FigureIsNumber(v, first) && comparable) {
      return follow(j, "count.figure");
    }
  }
  if (!same_sentence) return std::nullopt;
  // "up from 71", "compared with 70", "bringing the total to 52".
  // (The qualifier "a total of" is read from the number itself.)
  // ("confirmed 14 new deaths, taking the total to 512": a total is at
  // least what it adds up, however much larger.)
  const bool to_total = lead >= sb + 2 && v.lower[lead - 1] == "to" &&
                        v.lower[lead - 2] != "compared" &&
                        n.value >= before.value;
  if ((RestatesFigure(v, lead) || RestatesFigure(v, i)) && ends_here(j) &&
      (comparable || to_total)) {
    return follow(j, "count.restated");
  }
  // "rose to 300 on Monday from 250 a day earlier": the figure it moved
  // from, a few words after the one it moved to.
  const size_t before_first = TokenAtOrAfterPos(v, before.span.begin);
  const size_t before_end = TokenAtOrAfterPos(v, before.span.end);
  if (lead >= sb + 2 && v.lower[lead - 1] == "from" && before_first > sb &&
      v.lower[before_first - 1] == "to" && before_end < lead &&
      lead - 1 - before_end <= 4 && ends_here(j) && comparable) {
    bool plain = true;
    for (size_t t = before_end; t + 1 < lead; ++t) plain &= !v.IsPunct(t);
    if (plain) return follow(j, "count.restated");
  }
  // "25 people were arrested in Paris, 12 in Lyon and 8 in Marseille": a
  // list of figures, each with its place or time, after a count whose
  // clause ends with a place or time of its own.
  auto place_prep = [&](std::string_view w) {
    return InList(v, "place-time-prepositions", w);
  };
  if (lead >= sb + 3 && v.lower[lead - 1] == "," && j < se &&
      place_prep(v.lower[j]) &&
      v.at.tokens[lead - 1].span.begin >= before.span.end) {
    bool adjunct = false;
    for (size_t t = lead - 1, steps = 0; t > before_end && steps < 4; ++steps) {
      --t;
      const std::string& w = v.lower[t];
      if (place_prep(w)) {
        adjunct = true;
        break;
      }
      if (v.IsPunct(t) || v.at.tokens[t].kind == TokenKind::kNumber) break;
    }
    // The figure's own adjunct closes at a comma, "and" or the end.
    size_t end = j + 1;
    while (end < se && end <= j + 4 && !v.IsPunct(end) &&
           !InList(v, "and-words", v.lower[end])) {
      ++end;
    }
    if (adjunct &&
        (end >= se || v.IsPunct(end) || InList(v, "and-words", v.lower[end]))) {
      return follow(j, "count.ellipsis");
    }
  }
  // Whether the clause before the separator at `sep` (a comma, or a dash
  // when `dash`) is a fronted time or place adjunct opened by ";" or a
  // clause conjunction (after a dash: or a comma): a date or a place
  // (after a dash: a name or a year too), with the words that join them.
  auto fronted_adjunct = [&](size_t sep, bool dash) {
    size_t t = sep;
    bool adjunct = false;
    for (size_t steps = 0; t > before_end && steps < 6; ++steps) {
      const size_t k = t - 1;
      const std::string& w = v.lower[k];
      if (w == ";" || InList(v, "clause-conjunctions", w) ||
          (dash && w == ",")) {
        break;
      }
      // ("а в 2023-м — 109": a year the date stage left alone.)
      const bool number = v.at.tokens[k].kind == TokenKind::kNumber;
      const bool year = number && w.size() == 4 && w >= "1900" && w <= "2100";
      std::string ev;
      if (v.in_date[k] >= 0 || v.EntityAt(k, EntityType::kLoc) != nullptr ||
          (k > 0 && v.entity_at[k] < 0 && v.IsCapitalized(k) &&
           v.EntityAt(k - 1, EntityType::kLoc) != nullptr) ||
          (dash && (v.entity_at[k] >= 0 || v.IsCapitalized(k) || year))) {
        adjunct = true;
      } else if (dash ? (number && v.in_date[k] < 0) ||
                            counts_internal::TriggerAt(v, lex_, k, lead - 1,
                                                       &ev)
                      : !InList(v, "fronted-adjunct-words", w)) {
        return false;
      }
      t = k;
    }
    if (!adjunct || t <= before_end) return false;
    const std::string& w = v.lower[t - 1];
    return w == ";" || InList(v, "clause-conjunctions", w) ||
           (dash && w == ",");
  };
  // "The ministry counted 1,204 cases in May; in April, 980", "Police
  // detained 40 people in Minsk and, in Gomel, 30": a figure at the end
  // of its clause after a fronted time or place (and a comma), the verb
  // and noun of the count before elided.
  if (lead >= sb + 3 && v.lower[lead - 1] == "," &&
      (j >= se || v.IsPunct(j)) && comparable &&
      fronted_adjunct(lead - 1, false)) {
    return follow(j, "count.ellipsis");
  }
  // "в 2022 году были осуждены 49 человек, а в 2023-м — 109": a figure
  // right after a dash, behind a fronted time or place adjunct (a date,
  // a place, or a name) and a comma or "а/и", the verb and noun elided.
  if (lead >= sb + 3 &&
      (IsDash(v.lower[lead - 1]) || IsProseDash(v.lower[lead - 1])) &&
      (j >= se || v.IsPunct(j)) && comparable &&
      fronted_adjunct(lead - 1, true)) {
    return follow(j, "count.ellipsis");
  }
  // "Госпитализированы 14 человек, из них трое в тяжелом состоянии",
  // "killed 25 people, among them eight": a part of the count before
  // after "из них", "among them" or "including", with no noun of its own.
  if (const size_t words = counts_internal::AppositionOpener(v, lead)) {
    const size_t opener = words == 1 ? lead - 1 : lead - 2;
    if (opener > sb + 1 && v.lower[opener - 1] == "," &&
        v.at.tokens[opener - 1].span.begin >= before.span.end) {
      size_t end = j;
      return follow(end, "count.subset");
    }
  }
  // "China held 100, Myanmar 62 and Belarus 33": a list of names, each
  // with its figure, after the count whose verb they share.
  if (const size_t name = NameBefore(v, lead);
      name < lead && name > sb + 2 && ends_here(j) &&
      (v.lower[name - 1] == "," || v.lower[name - 1] == ";" ||
       v.lower[name - 1] == "and") &&
      v.at.tokens[name - 1].span.begin >= before.span.end &&
      (v.at.tokens[name - 2].span.end <= before.span.end ||
       (v.lower[name - 2] == "," && v.lower[name - 1] == "and" &&
        v.at.tokens[name - 3].span.end <= before.span.end))) {
    CaseCount out = follow(j, "count.name_row");
    if (const Entity* e = v.EntityAt(name, EntityType::kLoc)) {
      out.place = e->canonical.empty() ? e->text : e->canonical;
    }
    return out;
  }
  if (lead <= sb + 1) return std::nullopt;
  // "Twelve people were hurt, three of them seriously", "40 were killed,
  // 12 of them children", "Some 50 people were injured, 5 critically": a
  // subset after a comma that closes the clause of the count before it.
  if (v.lower[lead - 1] == "," &&
      v.at.tokens[lead - 1].span.begin >= before.span.end) {
    size_t end = 0;
    if (j + 1 < se && ((v.lower[j] == "of" && (v.lower[j + 1] == "them" ||
                                               v.lower[j + 1] == "whom")) ||
                       (InList(v, "genitive-partitives", v.lower[j]) &&
                        InList(v, "people-pronouns", v.lower[j + 1])))) {
      end = j + 2;
    } else if (j < se && v.lower[j].size() > 4 && v.lower[j].ends_with("ly") &&
               (j + 1 >= se || v.IsPunct(j + 1))) {
      end = j;  // "5 critically": the adverb stays out of the span
    }
    // The clause before: no other count or clause break between.
    bool same_clause = end != 0;
    for (size_t t = lead - 1; same_clause && t > sb &&
                              v.at.tokens[t - 1].span.end > before.span.end;) {
      --t;
      // "since fighting broke out on April 15, about 40,000 of them": the
      // digits of a date are no other count.
      if (v.lower[t] == ";" || v.lower[t] == ":" ||
          (v.at.tokens[t].kind == TokenKind::kNumber && v.in_date[t] < 0)) {
        same_clause = false;
      }
    }
    if (same_clause) {
      CaseCount out = follow(end, "count.subset");
      // "Four people were shot, one fatally": the adverb says they died.
      if (end == j && v.lower[j] == "fatally") out.event = "KILL";
      return out;
    }
  }
  const std::string& conj = v.lower[lead - 1];
  // "..., в Петербурге — ещё 25": a dash after a fronted adjunct.
  const bool dash = IsProseDash(conj);
  if (!InList(v, "and-words", conj) && !dash) {
    return std::nullopt;
  }
  // Between the two: a short adjunct, no verb, number or clause break
  // (but the comma that opens the adjunct before a dash).
  size_t t = lead - 1;
  size_t steps = 0;
  bool comma_seen = false;
  while (t > sb && v.at.tokens[t - 1].span.end > before.span.end) {
    --t;
    if (++steps > 5) return std::nullopt;
    if (v.in_date[t] >= 0) continue;  // "in 2019 and 15 in 2020"
    // (The count before may end in one word of its own before the comma:
    // "1600 участников акции, в Петербурге — около 1100".)
    if (dash && v.lower[t] == "," && !comma_seen &&
        (v.at.tokens[t].span.begin == before.span.end ||
         (t >= sb + 2 && !v.IsPunct(t - 1) &&
          v.at.tokens[t - 1].span.begin >= before.span.end &&
          v.at.tokens[t - 2].span.end <= before.span.end))) {
      comma_seen = true;
      break;
    }
    // "Санкт-Петербурге": a hyphen glued inside a name.
    if (IsDash(v.lower[t]) && t > sb &&
        v.at.tokens[t].span.begin == v.at.tokens[t - 1].span.end &&
        v.at.tokens[t + 1].span.begin == v.at.tokens[t].span.end) {
      continue;
    }
    std::string ev;
    if (v.IsPunct(t) || v.at.tokens[t].kind == TokenKind::kNumber ||
        IsBeOrHave(v, v.lower[t]) ||
        counts_internal::TriggerAt(v, lex_, t, lead - 1, &ev)) {
      return std::nullopt;
    }
  }
  if (dash && !comma_seen) return std::nullopt;
  // After it: the end of the clause or a place or time adjunct.
  if (j < se && !v.IsPunct(j)) {
    const std::string& w = v.lower[j];
    if (!InList(v, "figure-adjunct-prepositions", w)) return std::nullopt;
  }
  return follow(j, "count.ellipsis");
}

// "Police detained 40 people in 10 cities, five of them in the capital":
// whether another plural noun phrase (a number, or a determiner, before a
// plural that is no noun for people) stands in [from, to), so that a
// pronoun after it may point at it rather than at the count before.
bool RuleCountTagger::PluralBetween(const TokenView& v, size_t from,
                                    size_t to) const {
  for (size_t t = from; t < to && t < v.size(); ++t) {
    if (v.at.tokens[t].kind == TokenKind::kNumber && v.in_date[t] < 0) {
      return true;
    }
    const std::string& w = v.lower[t];
    if (t > from && w.size() > 3 && w.back() == 's' && !w.ends_with("ss") &&
        !w.ends_with("'s") && !v.IsCapitalized(t) &&
        (IsDeterminer(v, v.lower[t - 1]) || v.lower[t - 1] == "a" ||
         v.lower[t - 1] == "other")) {
      const PersonNoun* p = nullptr;
      if (!counts_internal::PersonAt(v, lex_, t, to, &p) &&
          !AgentivePlural(v, w)) {
        return true;
      }
    }
  }
  return false;
}

// A count of people whose own clause says nothing of what happened to
// them (Judge leaves its event empty) takes the event the text around it
// gives, or is no case count (a population, staff):
//  - coordinated with the count before it ("including 190 children and 95
//    women", "killed 11 soldiers and four auxiliaries");
//  - a pronoun partitive opening its clause after a count in the same or
//    the previous sentence ("Gunmen abducted 23 passengers. Eleven of them
//    were freed");
//  - a partitive of the noun an earlier count counted ("Twenty-five of the
//    pupils escaped" after "abducted 80 pupils");
//  - the value of losses or of a toll ("put its losses at 207 soldiers").
std::optional<CaseCount> RuleCountTagger::ResolvePending(
    const TokenView& v, CaseCount count,
    const std::vector<CaseCount>& prior) const {
  const size_t first = TokenAtOrAfterPos(v, count.span.begin);
  if (first >= v.size()) return std::nullopt;
  const size_t sb = v.sentence_begin[first];
  const size_t se = v.sentence_end[first];
  auto take = [&](const std::string& event, const char* suffix) {
    count.event = event;
    count.rule += suffix;
    return std::optional<CaseCount>(std::move(count));
  };
  const CaseCount* ante = Antecedent(v, prior, first);
  if (ante != nullptr && ante->span.begin >= v.at.tokens[sb].span.begin) {
    const size_t after = TokenAtOrAfterPos(v, ante->span.end);
    // A conjunct with a verb of its own after it ("arrested 30 people and
    // 500 residents signed a petition") starts a clause of its own.
    const size_t next = TokenAtOrAfterPos(v, count.span.end);
    const bool own_verb = next < se && !v.IsPunct(next) &&
                          !lex_.stopwords.count(v.lower[next]) &&
                          !MayFollowBareCount(v, v.lower[next]);
    if (!own_verb && Coordinated(v, lex_, after, first, se)) {
      return take(ante->event, ".coordinated");
    }
  }
  if (std::string ev = PutAtEvent(v, first, ante); ev == "KILL") {
    return take(ev, ".put_at");
  }
  // "A plane carrying 72 people crashed", "автобус, в котором находились
  // 32 пассажира, столкнулся с грузовиком": the people aboard a vehicle
  // that crashed, sank or capsized were in the accident.
  // ("... plunged into a gorge. The bus was carrying more than 80": the
  // crash may be told in the sentence before, in the same paragraph.)
  const size_t crash_from = sb > 0 && SameOrNextSentence(v, sb - 1, sb)
                                ? v.sentence_begin[sb - 1]
                                : sb;
  if (first > sb && VehicleCarrying(v, v.lower[first - 1]) &&
      CrashNamed(v, crash_from, se)) {
    return take("AFFECT", ".aboard");
  }
  // "Some 300 people were on the ferry when it capsized", "the 46 people
  // on board": aboard a vehicle the sentence says crashed or sank.
  {
    size_t t = TokenAtOrAfterPos(v, count.span.end);
    while (t < se && t < first + 8 && IsBeOrHave(v, v.lower[t])) ++t;
    bool aboard =
        t < se &&
        (v.lower[t] == "aboard" ||
         (v.lower[t] == "on" && t + 1 < se && v.lower[t + 1] == "board"));
    if (!aboard && t + 1 < se && (v.lower[t] == "on" || v.lower[t] == "in")) {
      size_t m = t + 1;
      if (m < se && (v.lower[m] == "the" || v.lower[m] == "a")) ++m;
      aboard = m < se && InList(v, "vehicles", v.lower[m]);
    }
    if (aboard && CrashNamed(v, sb, se)) return take("AFFECT", ".aboard");
  }
  // "Число политзаключенных достигло 1 503. Среди них — 171 женщина",
  // "Among them were 12 children": a part of the count before.
  if (ante != nullptr && first >= sb + 2 &&
      InList(v, "group-prepositions", v.lower[sb]) &&
      InList(v, "people-pronouns", v.lower[sb + 1])) {
    return take(ante->event, ".antecedent");
  }
  // "В больницах остаются 46 пострадавших. Девятерых доставили в
  // Москву": a collective numeral standing alone points at the people
  // counted just before it, in its sentence or the one before.
  if (ante != nullptr && first + 1 == TokenAtOrAfterPos(v, count.span.end) &&
      InList(v, "collective-numerals", v.lower[first])) {
    return take(ante->event, ".antecedent");
  }
  // ("The abductors released 10 of them": as an object, too.)
  if (count.rule.starts_with("count.pronoun_partitive") && ante != nullptr &&
      !ante->unit.empty() &&
      !PluralBetween(v, TokenAtOrAfterPos(v, ante->span.end), first)) {
    return take(ante->event, ".antecedent");
  }
  // "Soldiers rounded up 30 villagers and shot them", "остановили 40
  // мигрантов и задержали их": a verb later in the sentence whose object
  // is a pronoun for the count.
  for (size_t t = TokenAtOrAfterPos(v, count.span.end); t + 1 < se; ++t) {
    if (v.at.tokens[t].kind == TokenKind::kNumber && v.in_date[t] < 0) break;
    if (v.lower[t] == ";") break;
    std::string ev;
    const size_t len = counts_internal::TriggerAt(v, lex_, t, se, &ev);
    if (len && t + len < se && InList(v, "object-pronouns", v.lower[t + len]) &&
        t > 0 && !lex_.negators.count(v.lower[t - 1]) && ev != "AFFECT" &&
        !lex_.condition_triggers.count(v.lower[t])) {
      return take(ev, ".object_pronoun");
    }
  }
  // "Police stopped a bus carrying 40 Afghans. They had been deported
  // from Iran": the next sentence of the paragraph opens with "they" (or
  // "all of them", "они") and a verb of what happened.
  if (se < v.size() && SameOrNextSentence(v, first, se)) {
    size_t t = se;
    const std::string& w0 = v.lower[t];
    if (InList(v, "subject-pronouns", w0)) {
      ++t;
    } else if ((w0 == "all" || w0 == "most" || w0 == "many") &&
               t + 2 < v.size() && v.lower[t + 1] == "of" &&
               v.lower[t + 2] == "them") {
      t += 3;
    } else {
      t = v.size();
    }
    const size_t next_end = t < v.size() ? v.sentence_end[t] : t;
    while (t < next_end &&
           (IsBeOrHave(v, v.lower[t]) ||
            (v.lower[t].size() > 4 && v.lower[t].ends_with("ly")))) {
      ++t;
    }
    std::string ev;
    if (t < next_end && counts_internal::TriggerAt(v, lex_, t, next_end, &ev) &&
        ev != "AFFECT" && !lex_.condition_triggers.count(v.lower[t])) {
      return take(ev, ".next_sentence");
    }
  }
  // "120 осуждены по «административным» статьям, а 52 человека — по
  // уголовным": a count that opens a conjunct and is followed by a dash
  // (its verb elided), and "2 тысячи женщин с 3 400 детьми" (companions
  // after "с"/"with"), share what happened to the count before them in
  // the sentence.
  if (ante != nullptr && ante->span.begin >= v.at.tokens[sb].span.begin &&
      first > sb) {
    const size_t next = TokenAtOrAfterPos(v, count.span.end);
    const std::string& before = v.lower[first - 1];
    const bool dash_after = next < se && IsProseDash(v.lower[next]);
    if ((dash_after && (before == "," || InList(v, "and-words", before) ||
                        InList(v, "clause-conjunctions", before))) ||
        InList(v, "companion-prepositions", before)) {
      return take(ante->event, ".antecedent");
    }
  }
  // "Число погибших выросло до 35 человек": the noun of "число" or
  // "the number of" before a verb of change names what happened.
  if (auto [noun, ev] = counts_internal::NumberOfNoun(v, lex_, sb, first);
      !ev.empty()) {
    return take(ev, ".number_of");
  }
  // "Во вторник из домов выведены 2,3 тыс. жителей", "на учет
  // поставлены свыше 30 тысяч": in a language whose passive participles
  // the word lists know (counts-passive-endings.txt), people counted in
  // a clause whose verb is one had something done to them (AFFECT),
  // unless it says nothing happened (counts-passive-exceptions.txt).
  // ("The survey of 1,024 adults was conducted": not inside an
  // of-phrase; in a language with passive auxiliaries the participle
  // follows its subject, so only after the count.)
  if (!counts_internal::Words(v, "passive-endings").empty() &&
      !(first > sb && (v.lower[first - 1] == "of" ||
                       InList(v, "genitive-partitives", v.lower[first - 1])))) {
    const bool after_only =
        !counts_internal::Words(v, "passive-auxiliaries").empty();
    const size_t last = TokenAtOrAfterPos(v, count.span.end);
    size_t from = first;
    while (!after_only && from > sb && first - from < 6 &&
           !v.IsPunct(from - 1)) {
      --from;
    }
    for (size_t t = from; t < se && t < last + 6; ++t) {
      if (t >= first && t < last) continue;
      if (t >= last && (v.IsPunct(t) ||
                        (v.at.tokens[t].kind == TokenKind::kNumber &&
                         v.in_date[t] < 0))) {
        break;
      }
      const std::string& w = v.lower[t];
      // (A language with passive auxiliaries needs one right before.)
      // (Without one, a short word is too often no participle.)
      const bool needs_aux =
          !counts_internal::Words(v, "passive-auxiliaries").empty();
      const bool aux_ok =
          !needs_aux || (t > 0 && IsPassiveAux(v, v.lower[t - 1]));
      if (w.size() >= (needs_aux ? 5u : 10u) && aux_ok &&
          !v.IsCapitalized(t) &&
          InList(v, "passive-endings", w) &&
          !InList(v, "passive-exceptions", w) &&
          !(t > 0 && lex_.negators.count(v.lower[t - 1]))) {
        return take("AFFECT", ".passive");
      }
    }
  }
  // "Rescuers pulled nine people alive from the rubble", "спасатели
  // вывели 40 человек": people counted right after a verb in the past
  // tense (counts-object-verb-endings.txt, no passive auxiliary before
  // it) had it done to them, unless it says nothing happened
  // (counts-passive-exceptions.txt, counts-object-verb-exceptions.txt).
  if (!counts_internal::Words(v, "object-verb-endings").empty() &&
      first >= sb + 2 && !count.rule.starts_with("count.pronoun")) {
    const std::string& w = v.lower[first - 1];
    if (w.size() >= 5 && !v.IsCapitalized(first - 1) &&
        v.at.tokens[first - 1].kind == TokenKind::kWord &&
        InList(v, "object-verb-endings", w) &&
        !InList(v, "passive-exceptions", w) &&
        !InList(v, "object-verb-exceptions", w) &&
        !IsPassiveAux(v, v.lower[first - 2]) &&
        !lex_.negators.count(v.lower[first - 2]) &&
        !IsDeterminer(v, v.lower[first - 2])) {
      return take("AFFECT", ".object");
    }
  }
  // "N of the <noun>": the noun was counted before, with an event.
  const std::string text = LowerCase(count.text);
  const std::string unit = LowerCase(count.unit);
  if (!unit.empty() && (text.find(" of the ") != std::string::npos ||
                        text.find(" of these ") != std::string::npos ||
                        text.find(" of those ") != std::string::npos)) {
    for (auto it = prior.rbegin(); it != prior.rend(); ++it) {
      if (!it->event.empty() && LowerCase(it->unit) == unit &&
          it->value > count.value) {
        return take(it->event, ".antecedent");
      }
    }
  }
  return std::nullopt;
}

// "The cholera outbreak had killed 23 people and more than 180 patients
// had been admitted to hospital", "Госпитализированы более 600 человек":
// people taken into care (counts-care-words.txt) in a sentence that names
// a disease that infects, or after one that does, are cases of it
// (INFECT), unless the sentence tells of injuries
// (counts-injury-words.txt).
void OutbreakCare(const TokenView& v, CaseCount* count) {
  if (count->event != "WOUND") return;
  const size_t first = TokenAtOrAfterPos(v, count->span.begin);
  if (first >= v.size() || !DiseaseNamed(v, *v.lexicon, first)) return;
  const size_t sb = v.sentence_begin[first];
  const size_t se = v.sentence_end[first];
  if (!AnyTokenInList(v, sb, se, "care-words") ||
      AnyTokenInList(v, sb, se, "injury-words")) {
    return;
  }
  count->event = "INFECT";
  count->rule += ".outbreak";
}

// "The number of confirmed monkeypox cases has risen to 4,577",
// "confirmed cases, 1,204": a bare figure of cases
// (counts-disease-case-nouns.txt) where a disease that infects is named,
// or of cases confirmed or suspected, counts infections.
void BareDiseaseCases(const TokenView& v, CaseCount* count) {
  if (!count->rule.starts_with("count.bare") || count->event != "AFFECT" ||
      !InList(v, "disease-case-nouns", LowerCase(count->unit))) {
    return;
  }
  const size_t first = TokenAtOrAfterPos(v, count->span.begin);
  if (first >= v.size()) return;
  bool diagnosed = DiseaseNamed(v, *v.lexicon, first);
  for (size_t t = v.sentence_begin[first] + 1;
       !diagnosed && t < v.sentence_end[first]; ++t) {
    diagnosed = InList(v, "disease-case-nouns", v.lower[t]) &&
                InList(v, "diagnosed-modifiers", v.lower[t - 1]);
  }
  if (!diagnosed) return;
  count->event = "INFECT";
  count->rule += ".disease";
}

std::vector<CaseCount> RuleCountTagger::Tag(
    const AnalyzedText& text, const std::vector<Entity>& entities,
    const std::vector<DateMention>& dates) const {
  TokenView v(text, entities, dates);
  v.keys = &lex_.phrase_keys;
  v.lexicon = &lex_;
  std::vector<Candidate> cands = FindNumbers(v);
  std::vector<CaseCount> out;
  size_t covered_until = 0;
  for (size_t c = 0; c < cands.size(); ++c) {
    if (text.tokens[cands[c].first].span.begin < covered_until) continue;
    auto count = Judge(v, cands, c, out);
    if (count && !out.empty()) InheritIncluded(v, out.back(), &*count);
    if (count && count->event.empty()) {
      count = ResolvePending(v, std::move(*count), out);
    }
    // "300 people fell ill with an intestinal infection, 41 of them were
    // hospitalised": patients of an outbreak taken to hospital are cases
    // of it.
    if (count && !out.empty() && count->event == "WOUND" &&
        out.back().event == "INFECT" &&
        count->rule.starts_with("count.pronoun_partitive") &&
        Antecedent(v, out.back(), TokenAtOrAfterPos(v, count->span.begin)) !=
            nullptr) {
      count->event = "INFECT";
    }
    if (count) OutbreakCare(v, &*count);
    if (count) BareDiseaseCases(v, &*count);
    if (!count && !out.empty()) count = Elliptic(v, cands[c], out.back());
    if (count) {
      covered_until = count->span.end;
      out.push_back(std::move(*count));
    }
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<CountTagger>> CountTagger::Create(
    const std::string& lang_dir) {
  // A language folder with no count rules at all (say, one that so far
  // has only entity lists) gets a tagger that finds nothing, so that it
  // does not stop the other stages; half a set of rules is an error.
  std::error_code ec;
  bool any = false;
  for (const auto& entry : std::filesystem::directory_iterator(lang_dir, ec)) {
    any |= entry.path().filename().string().starts_with("counts-");
  }
  if (ec)
    return Status::NotFound("count resources: " + lang_dir + ": " +
                            ec.message());
  if (!any) {
    Log(LogLevel::kInfo) << lang_dir
                         << ": no counts-* resources; no case counts";
    return std::unique_ptr<CountTagger>(
        std::make_unique<RuleCountTagger>(CountLexicon{}, "und"));
  }
  auto lex = CountLexicon::Load(lang_dir);
  NF_RETURN_IF_ERROR(lex.status());
  std::string lang = lang_dir;
  while (!lang.empty() && lang.back() == '/') lang.pop_back();
  lang = lang.substr(lang.find_last_of('/') + 1);
  return std::unique_ptr<CountTagger>(
      std::make_unique<RuleCountTagger>(std::move(*lex), lang));
}

}  // namespace newsfacts
