// Internal to extract/counts/: the token view the count rules work on, and
// the attribute rules (event, subject, date, place) that run once a count
// and its head noun are found. Split from counts.cc so that finding a count
// and describing it can be read (and changed) apart.
//
// Thread-safety: a TokenView is built per Tag() call and never shared.
#ifndef NEWSFACTS_EXTRACT_COUNTS_COUNT_RULES_H_
#define NEWSFACTS_EXTRACT_COUNTS_COUNT_RULES_H_

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/types.h"
#include "extract/counts/lexicon.h"
#include "extract/text/text.h"

namespace newsfacts::counts_internal {

// Tokens with lowercase forms, sentence bounds and the other stages'
// mentions mapped onto token indices.
struct TokenView {
  TokenView(const AnalyzedText& at, const std::vector<Entity>& entities,
            const std::vector<DateMention>& dates);

  const AnalyzedText& at;
  std::vector<std::string> lower;      // per token
  std::vector<size_t> sentence_begin;  // per token: first token of its sentence
  std::vector<size_t> sentence_end;    // per token: one past the last
  std::vector<int> in_date;            // per token: date index or -1
  std::vector<int> entity_at;          // per token: entity starting here or -1
  std::vector<size_t> entity_last;     // per entity: its last token
  const std::vector<Entity>& entities;
  const std::vector<DateMention>& dates;
  std::vector<std::pair<size_t, size_t>>
      date_tokens;  // per date: [first, last]

  size_t size() const { return lower.size(); }
  bool IsPunct(size_t i) const {
    return at.tokens[i].kind == TokenKind::kPunct;
  }
  bool IsCapitalized(size_t i) const;
  // Whether the sentence of token i is set in title case, as headlines
  // are ("Death Toll in Gaza Tops 10,000"): its capitals name nothing.
  bool TitleCase(size_t i) const;
  const Entity* EntityAt(size_t i, EntityType type) const;
  // The lowercase phrase of tokens [i, i + n), spaces collapsed.
  std::string Phrase(size_t i, size_t n) const;
  // The lexicon's phrase keys, sorted (CountLexicon::phrase_keys): lets
  // MatchAt stop as soon as no key starts with the phrase read so far.
  const std::vector<std::string>* keys = nullptr;
  // The lexicon the rules read (for the word lists FindPlace needs).
  const CountLexicon* lexicon = nullptr;
  bool IsKeyPrefix(const std::string& phrase) const {
    auto it = std::lower_bound(keys->begin(), keys->end(), phrase);
    return it != keys->end() && it->starts_with(phrase);
  }
  // Longest key of `table` that starts at token i (and ends before `limit`);
  // returns the number of tokens matched, 0 for none. Reads the phrase
  // token by token, as Phrase() joins it.
  template <typename Table>
  size_t MatchAt(const Table& table, size_t i, size_t limit,
                 size_t max_words) const {
    if (i >= limit) return 0;
    const size_t most = std::min(max_words, std::min(limit, size()) - i);
    std::string phrase;
    size_t best = 0;
    for (size_t n = 1; n <= most; ++n) {
      const size_t k = i + n - 1;
      if (n > 1 && at.tokens[k].span.begin > at.tokens[k - 1].span.end) {
        phrase.push_back(' ');
      }
      phrase += lower[k];
      if (table.count(phrase)) best = n;
      if (keys != nullptr && !IsKeyPrefix(phrase)) break;
    }
    return best;
  }
};

// What a count's window of the sentence looks like: the tokens it may read
// attributes from (the neighbouring counts bound it).
struct CountWindow {
  size_t first;       // first token of the count (qualifier or number)
  size_t last;        // last token of the count
  size_t head_end;    // one past the head noun (or the number)
  size_t back_limit;  // earliest token a backward search may read
  size_t fwd_limit;   // one past the last token a forward search may read
};

// The trigger that starts at token `t` (ending before `limit`): a listed
// phrase, else a listed stem of the one word. Returns its length in tokens
// (0 for none) and sets *event.
size_t TriggerAt(const TokenView& v, const CountLexicon& lex, size_t t,
                 size_t limit, std::string* event);
// The person noun that starts at token `t` (listed phrase, else stem):
// its length in tokens (0 for none); sets *noun.
size_t PersonAt(const TokenView& v, const CountLexicon& lex, size_t t,
                size_t limit, const PersonNoun** noun);

// The case noun that starts at token `t` (listed phrase, else stem): its
// length in tokens (0 for none); sets *event.
size_t CaseNounAt(const TokenView& v, const CountLexicon& lex, size_t t,
                  size_t limit, std::string* event);
// Whether the count starting at `first` is an apposition inside another
// count's clause ("including 12 children", "в том числе четверо детей").
bool AfterIncluding(const TokenView& v, size_t first);
// The number of words of the apposition's opener ("including" 1, "among
// them" 2, "в том числе" 3) right before token `first`; 0 for none.
size_t AppositionOpener(const TokenView& v, size_t first);

// The language's word list `name` (config/lang/<lang>/counts-<name>.txt).
inline const WordList& Words(const TokenView& v, std::string_view name) {
  return v.lexicon->Words(name);
}

// Whether `w` is in the language's word list `name`.
inline bool InList(const TokenView& v, std::string_view name,
                   std::string_view w) {
  return v.lexicon->Words(name).Has(w);
}

// "was", "were", "been": an auxiliary of the passive
// (counts-passive-auxiliaries.txt).
inline bool IsPassiveAux(const TokenView& v, std::string_view w) {
  return InList(v, "passive-auxiliaries", w);
}

// Whether a token of [from, to) is in the language's word list `name`.
inline bool AnyTokenInList(const TokenView& v, size_t from, size_t to,
                           std::string_view name) {
  const WordList& list = v.lexicon->Words(name);
  for (size_t t = from; t < to; ++t) {
    if (list.Has(v.lower[t])) return true;
  }
  return false;
}

// The first token that begins at or after byte `pos`.
inline size_t TokenAtOrAfterPos(const TokenView& v, size_t pos) {
  auto it = std::lower_bound(
      v.at.tokens.begin(), v.at.tokens.end(), pos,
      [](const Token& t, size_t p) { return t.span.begin < p; });
  return static_cast<size_t>(it - v.at.tokens.begin());
}

// What the text around a count says of it (context_rules.cc): the
// sentence before and after it, the counts before it, the vehicle or
// outbreak its sentence tells of.

// Whether the sentence of token `t` is the one of token `u` or the one
// right after it in the same paragraph (no line break between them).
bool SameOrNextSentence(const TokenView& v, size_t u, size_t t);
// The earlier count `p` when it has an event and lies in the sentence of
// token `first` or the one before it, ending before `first`; else null.
// The second form reads the last of the counts found so far.
const CaseCount* Antecedent(const TokenView& v, const CaseCount& p,
                            size_t first);
const CaseCount* Antecedent(const TokenView& v,
                            const std::vector<CaseCount>& prior, size_t first);
// "Yerevan put its losses at 207 soldiers", "the union put the number at
// 2 million": the event of a figure given as the value of a toll (KILL)
// or of a number told before (the antecedent's); empty for none.
std::string PutAtEvent(const TokenView& v, size_t first,
                       const CaseCount* antecedent);
// "On Sunday the number rose to 65": whether the bare number at `first`
// is what "the figure/number/total" of its clause is or moves to.
bool FigureIsNumber(const TokenView& v, size_t first);
// "up from 71", "compared with 70", "bringing the total to 52": whether
// the number whose qualifier starts at `lead` gives the figure of the
// count before it again.
bool RestatesFigure(const TokenView& v, size_t lead);
// The first token of the capitalized name (at most three words) that ends
// right before token `t`, or `t` when there is none.
size_t NameBefore(const TokenView& v, size_t t);
// Whether a disease that infects is named in the sentence of token `t` or
// the one before it in the same paragraph.
bool DiseaseNamed(const TokenView& v, const CountLexicon& lex, size_t t);
// Whether `w` says who is aboard a vehicle ("carrying", "находились").
bool VehicleCarrying(const TokenView& v, std::string_view w);
// Whether the sentence [sb, se) tells of a crash, sinking or capsizing.
bool CrashNamed(const TokenView& v, size_t sb, size_t se);
// Whether the sentence [sb, se) names kidnappers or hostages and no
// police, court or prison.
bool HeldByKidnappers(const TokenView& v, size_t sb, size_t se);

// Whether the trigger at token `t`, right after the count's head (or after
// "who"/"that" there), is a transitive verb in the active voice with an
// object after it: the count did it ("four gunmen killed 12 villagers").
bool AgentVerb(const TokenView& v, const CountLexicon& lex, size_t head_end,
               size_t t);
// "Among the dead were three children", "Среди погибших — трое детей",
// "Of the dead, 21 were women": the event of the state or role noun after
// among/среди (or "of" opening the sentence) before token `first`; empty
// for none.
std::string GroupBeforeEvent(const TokenView& v, const CountLexicon& lex,
                             size_t first);
// "The dead included 5 police officers", "those arrested include": the
// event of the state or role noun (or "those" + participle) that is the
// subject of include(d) right before token `first`; empty for none.
std::string IncludedEvent(const TokenView& v, const CountLexicon& lex,
                          size_t first);
// When token `t` opens a short quotation (at most five words, no comma or
// full stop, closed before `limit`): the token that closes it; else 0.
size_t ShortQuoteEnd(const TokenView& v, size_t t, size_t limit);
// "Nearly 8 million Ukrainians are now refugees": the event of a role or
// state noun that is the predicate of the count's clause; empty for none.
std::string PredicateRoleEvent(const TokenView& v, const CountLexicon& lex,
                               const CountWindow& w);
// "the deaths of 15,102 people": the event of an event noun whose
// of-phrase the count is; empty for none.
std::string EventNounOf(const TokenView& v, const CountLexicon& lex,
                        const CountWindow& w);
// The event a trigger in the window gives, nearest first; empty for none.
std::string FindEvent(const TokenView& v, const CountLexicon& lex,
                      const CountWindow& w);
// TIMEX3 value of the date that scopes over the count, or empty.
std::string FindDate(const TokenView& v, const CountWindow& w);
// The place introduced by in/across/to in the count's clause, or empty.
std::string FindPlace(const TokenView& v, const CountWindow& w);

// The named group at the start of an of-phrase (token `t` follows "of"):
// "Uyghurs", "Uyghur activists", "the security forces"; empty for none.
std::string OfPhraseGroup(const TokenView& v, const CountLexicon& lex, size_t t,
                          size_t se);
// The case or role noun of a list-row label before the colon at `colon`
// ("Infanticide cases (2023): 12"): its text and event, or empty strings.
std::pair<std::string, std::string> LabelNoun(const TokenView& v,
                                              const CountLexicon& lex,
                                              size_t sb, size_t colon);
// The length of the longest phrase of the word list `name`, at most three
// words joined by single spaces, that starts at token `t` and ends before
// `limit`; 0 for none.
size_t ListPhraseAt(const TokenView& v, size_t t, size_t limit,
                    std::string_view name);
// "..., по данным «Интерфакса», ...", "..., according to the UN, ...": the
// comma that opens an attribution (counts-attribution-openers.txt) closed
// by the comma at `close`, searching back to `limit`; SIZE_MAX for none.
size_t AttributionOpenedAt(const TokenView& v, size_t close, size_t limit);
// "Some 120 families have left for villages in the hills", "moved to 91
// relief camps": a verb of leaving at token t, then "for" or "to" and a
// refuge (counts-refuge-nouns.txt) within three words.
bool LeavesForRefuge(const TokenView& v, const CountLexicon& lex, size_t t);
// Whether `w` is a verb that moves a figure to a level ("rose", "tops").
bool MovesFigure(const TokenView& v, const CountLexicon& lex,
                 std::string_view w);
// "Attacks on journalists rose to 212": the case, role or state noun that
// is the subject of a verb of change moving the figure at `first`.
std::pair<std::string, std::string> LevelSubjectNoun(const TokenView& v,
                                                     const CountLexicon& lex,
                                                     size_t sb, size_t first);
// The noun of "the number of <noun>" before token `first` in the sentence
// starting at `sb`, when it is a case by itself: its text and event.
std::pair<std::string, std::string> NumberOfNoun(const TokenView& v,
                                                 const CountLexicon& lex,
                                                 size_t sb, size_t first);

}  // namespace newsfacts::counts_internal

#endif  // NEWSFACTS_EXTRACT_COUNTS_COUNT_RULES_H_
