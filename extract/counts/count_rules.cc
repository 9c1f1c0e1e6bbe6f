#include "extract/counts/count_rules.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "extract/text/text.h"

namespace newsfacts::counts_internal {
namespace {

// First token whose begin is >= pos.
size_t TokenAtOrAfter(const AnalyzedText& at, size_t pos) {
  auto it = std::lower_bound(
      at.tokens.begin(), at.tokens.end(), pos,
      [](const Token& t, size_t p) { return t.span.begin < p; });
  return static_cast<size_t>(it - at.tokens.begin());
}

bool IsDeterminerWord(const TokenView& v, std::string_view w) {
  return InList(v, "articles", w);
}

bool IsClauseBreak(std::string_view w) {
  return w == "," || w == ";" || w == ":" || w == "--" || w == "\xE2\x80\x94";
}

// Whether the condition trigger at token `t` is the complement of a
// preposition ("with dengue", "from the pneumonic plague", "for covid",
// "с коронавирусом", "от гриппа"; not "the impact of coronavirus"), at
// most two modifiers between.
bool ConditionComplement(const TokenView& v, size_t t) {
  for (size_t k = t, steps = 0; k > 0 && steps < 3; ++steps) {
    --k;
    const std::string& b = v.lower[k];
    if (InList(v, "condition-prepositions", b)) return true;
    if (v.IsPunct(k) || v.at.tokens[k].kind == TokenKind::kNumber) break;
  }
  return false;
}

// Whether the trigger at [t, t + n) says nothing about the count in front
// of it: a disease name that is no "with/from" complement ("need help
// amid Covid crisis"), or "treated as" (a manner, not an injury).
bool WeakTrigger(const TokenView& v, const CountLexicon& lex, size_t t,
                 size_t n) {
  const std::string& w = v.lower[t];
  if (lex.condition_triggers.count(v.Phrase(t, n))) {
    return !ConditionComplement(v, t);
  }
  if (w == "treated" && t + 1 < v.size() &&
      (v.lower[t + 1] == "as" || v.lower[t + 1] == "like")) {
    return true;
  }
  // "in March": the month, not a march.
  if (w == "march" && (v.IsCapitalized(t) || v.in_date[t] >= 0)) {
    // A headline in title case ("Thousands March in Tbilisi") marches.
    if (v.in_date[t] >= 0 || !v.TitleCase(t)) return true;
  }
  // "opened fire", "set fire to", "caught fire": the noun, not a dismissal.
  if (w == "fire" && t > 0) {
    const std::string& b = v.lower[t - 1];
    if (b == "opened" || b == "open" || b == "opening" || b == "opens" ||
        b == "set" || b == "caught" || b == "returned" || b == "heavy" ||
        b == "under" || b == "on") {
      return true;
    }
  }
  // "shot down the rumours" is no shooting.
  if (w == "shot" && t + 1 < v.size() && v.lower[t + 1] == "down") return true;
  // "two cases demonstrating the range of severity": with an object the
  // verb shows something; only without one do people demonstrate.
  if (w.starts_with("demonstrat") && t + n < v.size()) {
    const std::string& o = v.lower[t + n];
    return o == "the" || o == "a" || o == "an" || o == "that" || o == "how" ||
           o == "its" || o == "their" || o == "his" || o == "her" ||
           o == "this" || o == "these" || o == "what";
  }
  return false;
}

// "Greece returned 500 asylum seekers to Turkey": a verb of returning
// before the count, with "to" or "back" after its head (a verb of sending
// with "back"), sends people back (DEPORT). After the count ("150 Indians
// returned home") it says nothing of who sent them.
bool ReturnedBefore(const TokenView& v, size_t t, const CountWindow& w) {
  const std::string& r = v.lower[t];
  const bool returned = InList(v, "return-verbs", r);
  // "Germany sent 28 Afghans back to Kabul", "flew 50 migrants back".
  const bool sent = InList(v, "send-verbs", r);
  if (!returned && !sent) return false;
  for (size_t k = w.head_end; k < w.fwd_limit && k <= w.head_end + 1; ++k) {
    // "sending 11 Germans home": foreigners named by their nationality
    // sent home are sent back.
    const bool home = sent && v.lower[k] == "home" && w.head_end > 0 &&
                      v.IsCapitalized(w.head_end - 1);
    if (home) return true;
    if (v.lower[k] == "back" || (returned && v.lower[k] == "to")) {
      // "sent 300 children back to school" is no deportation.
      for (size_t d = k + 1; d < w.fwd_limit && d <= k + 3; ++d) {
        const std::string& p = v.lower[d];
        if (InList(v, "return-destinations", p)) return false;
      }
      return true;
    }
  }
  return false;
}

// Whether the sentence `s` ends only at the point of a scale or unit
// abbreviation ("около 300 тыс. человек") that a lowercase word continues:
// the sentence splitter took the point for a full stop.
bool EndsAtAbbreviation(const AnalyzedText& at, const Span& s) {
  std::string_view body = at.text.substr(s.begin, s.end - s.begin);
  while (!body.empty() && (body.back() == ' ' || body.back() == '\n')) {
    body.remove_suffix(1);
  }
  bool abbrev = false;
  for (std::string_view a : {" тыс.", " млн.", " млрд.", " чел."}) {
    abbrev |= body.ends_with(a);
  }
  if (!abbrev) return false;
  size_t k = s.end;
  while (k < at.text.size() && (at.text[k] == ' ' || at.text[k] == '\n')) ++k;
  if (k >= at.text.size()) return false;
  int32_t off = static_cast<int32_t>(k);
  UChar32 c;
  U8_NEXT(at.text.data(), off, static_cast<int32_t>(at.text.size()), c);
  return c >= 0 && u_islower(c);
}

// Verbs among the triggers whose subject undergoes the event even with
// an object after them ("died the next day", "fled the country"), from
// counts-subject-undergoes.txt.
bool SubjectUndergoes(const TokenView& v, std::string_view w) {
  return InList(v, "subject-undergoes", w);
}

bool IsRelativePronoun(const TokenView& v, std::string_view w) {
  return InList(v, "relative-pronouns", w);
}

// "3,100 Indonesians had been sent home", "40 migrants were returned to
// Turkey", "were flown back": after the count, a passive verb of
// returning or sending with "back" (or "to" after a verb of returning,
// or "home" after a nationality) sends people back (DEPORT); "were sent
// back to school" does not.
bool SentBackAfter(const TokenView& v, size_t t, const CountWindow& w) {
  if (t == 0 || t + 1 >= w.fwd_limit || !IsPassiveAux(v, v.lower[t - 1])) {
    return false;
  }
  const std::string& r = v.lower[t];
  const bool returned = InList(v, "return-verbs", r);
  if (!returned && !InList(v, "send-verbs", r)) return false;
  const std::string& k = v.lower[t + 1];
  if (k == "home") {
    return w.head_end > 0 && v.IsCapitalized(w.head_end - 1);
  }
  if (k != "back" && !(returned && k == "to")) return false;
  for (size_t d = t + 2; d < w.fwd_limit && d <= t + 4; ++d) {
    if (InList(v, "return-destinations", v.lower[d])) return false;
  }
  return true;
}

bool StartsObject(const TokenView& v, size_t t) {
  if (t >= v.size()) return false;
  const std::string& w = v.lower[t];
  return InList(v, "object-openers", w) ||
         (v.at.tokens[t].kind == TokenKind::kNumber && v.in_date[t] < 0) ||
         (v.IsCapitalized(t) && !v.IsPunct(t) && !v.TitleCase(t));
}

}  // namespace

bool AgentVerb(const TokenView& v, const CountLexicon& lex, size_t head_end,
               size_t t) {
  size_t at = head_end;
  // "Three gunmen, who killed", "Трое боевиков, которые убили".
  if (at + 1 < v.size() && v.lower[at] == "," &&
      IsRelativePronoun(v, v.lower[at + 1]) && v.lower[at + 1] != "that") {
    ++at;
  }
  if (at < v.size() && IsRelativePronoun(v, v.lower[at])) {
    ++at;
    // "who had abducted", "who allegedly killed": auxiliaries and adverbs
    // between the relative pronoun and its verb.
    while (at + 1 < v.size() && at < head_end + 4 &&
           (v.lower[at] == "had" || v.lower[at] == "have" ||
            v.lower[at] == "has" || v.lower[at] == "allegedly" ||
            v.lower[at] == "reportedly")) {
      ++at;
    }
  }
  if (t < head_end || t > at || at >= v.size()) return false;
  const std::string& w = v.lower[at];
  // Past tense: English -ed and the irregular forms, Russian -л/-ла/-ли
  // (counts-past-verb-forms.txt); and "300 protesters holding banners",
  // the one present participle among the triggers that has an agent.
  const bool past = InList(v, "past-verb-forms", w);
  if (!past || SubjectUndergoes(v, w)) return false;
  // "killed" followed by a multi-word trigger ("taken hostage") or a
  // preposition ("killed in the attack") is a participle, not a verb.
  std::string ev;
  if (TriggerAt(v, lex, at, v.size(), &ev) != 1 ||
      lex.condition_triggers.count(w)) {
    return false;
  }
  if (ev == "DISPLACE" || ev == "MISSING" || ev == "PROTEST") return false;
  // ("holding banners": a bare plural object too.)
  if (w == "holding" && at + 1 < v.size() &&
      v.at.tokens[at + 1].kind == TokenKind::kWord && !v.IsPunct(at + 1)) {
    return true;
  }
  return StartsObject(v, at + 1);
}

size_t AppositionOpener(const TokenView& v, size_t first) {
  // "including", "among them", "включая", "в том числе", "среди них",
  // "из них": a phrase of counts-apposition-openers.txt, at most three
  // words, right before the count; the longest that matches.
  const WordList& openers = Words(v, "apposition-openers");
  std::string phrase;
  size_t found = 0;
  for (size_t n = 1; n <= 3 && n <= first; ++n) {
    phrase = n == 1 ? v.lower[first - 1] : v.lower[first - n] + " " + phrase;
    if (openers.Has(phrase)) found = n;
  }
  return found;
}

bool AfterIncluding(const TokenView& v, size_t first) {
  return AppositionOpener(v, first) > 0;
}

TokenView::TokenView(const AnalyzedText& at_in,
                     const std::vector<Entity>& entities_in,
                     const std::vector<DateMention>& dates_in)
    : at(at_in), entities(entities_in), dates(dates_in) {
  const size_t n = at.tokens.size();
  lower.reserve(n);
  for (const Token& t : at.tokens) lower.push_back(LowerCase(at.Slice(t.span)));
  sentence_begin.assign(n, 0);
  sentence_end.assign(n, n);
  std::vector<size_t> ends;  // sentence ends, abbreviation points joined
  for (size_t k = 0; k < at.sentences.size(); ++k) {
    if (k + 1 < at.sentences.size() && EndsAtAbbreviation(at, at.sentences[k]))
      continue;
    ends.push_back(at.sentences[k].end);
  }
  size_t s = 0;
  size_t first = 0;
  for (size_t i = 0; i < n; ++i) {
    while (s < ends.size() && at.tokens[i].span.begin >= ends[s]) {
      ++s;
      for (size_t k = first; k < i; ++k) sentence_end[k] = i;
      first = i;
    }
    sentence_begin[i] = first;
  }
  for (size_t k = first; k < n; ++k) sentence_end[k] = n;

  in_date.assign(n, -1);
  for (size_t d = 0; d < dates.size(); ++d) {
    size_t a = TokenAtOrAfter(at, dates[d].span.begin);
    size_t b = a;
    for (; b < n && at.tokens[b].span.end <= dates[d].span.end; ++b) {
      in_date[b] = static_cast<int>(d);
    }
    date_tokens.emplace_back(a, b == a ? a : b - 1);
  }
  entity_at.assign(n, -1);
  entity_last.assign(entities.size(), 0);
  for (size_t e = 0; e < entities.size(); ++e) {
    size_t a = TokenAtOrAfter(at, entities[e].span.begin);
    if (a >= n || at.tokens[a].span.begin != entities[e].span.begin) continue;
    size_t b = a;
    while (b + 1 < n && at.tokens[b + 1].span.end <= entities[e].span.end) ++b;
    entity_at[a] = static_cast<int>(e);
    entity_last[e] = b;
  }
}

bool TokenView::IsCapitalized(size_t i) const {
  std::string_view w = at.Slice(at.tokens[i].span);
  if (w.empty()) return false;
  int32_t k = 0;
  UChar32 c;
  U8_NEXT(w.data(), k, static_cast<int32_t>(w.size()), c);
  return c >= 0 && u_isupper(c);
}

bool TokenView::TitleCase(size_t i) const {
  const size_t sb = sentence_begin[i];
  size_t words = 0;
  for (size_t k = sb; k < sentence_end[i] && k < sb + 8; ++k) {
    if (at.tokens[k].kind != TokenKind::kWord || lower[k].size() <= 3) continue;
    // ("100th Day": a word that opens with a digit has no case.)
    if (std::isdigit(static_cast<unsigned char>(lower[k][0]))) continue;
    if (!IsCapitalized(k)) return false;
    ++words;
  }
  return words >= 2;
}

const Entity* TokenView::EntityAt(size_t i, EntityType type) const {
  if (i >= size() || entity_at[i] < 0) return nullptr;
  const Entity& e = entities[static_cast<size_t>(entity_at[i])];
  return e.type == type ? &e : nullptr;
}

std::string TokenView::Phrase(size_t i, size_t n) const {
  std::string out;
  for (size_t k = i; k < i + n && k < size(); ++k) {
    if (k > i && at.tokens[k].span.begin > at.tokens[k - 1].span.end) {
      out.push_back(' ');
    }
    out += lower[k];
  }
  return out;
}

size_t TriggerAt(const TokenView& v, const CountLexicon& lex, size_t t,
                 size_t limit, std::string* event) {
  if (size_t n = v.MatchAt(lex.triggers, t, limit, lex.max_phrase_words)) {
    *event = lex.triggers.at(v.Phrase(t, n));
    // "fatally shot", "mortally wounded": the wound killed.
    if (*event == "WOUND" && t > 0 &&
        InList(v, "fatal-modifiers", v.lower[t - 1])) {
      *event = "KILL";
    }
    return n;
  }
  if (t >= limit) return 0;
  for (const auto& [stem, ev] : lex.trigger_stems) {
    if (v.lower[t].starts_with(stem)) {
      *event = ev;
      return 1;
    }
  }
  return 0;
}

size_t PersonAt(const TokenView& v, const CountLexicon& lex, size_t t,
                size_t limit, const PersonNoun** noun) {
  if (size_t n = v.MatchAt(lex.persons, t, limit, lex.max_phrase_words)) {
    *noun = &lex.persons.at(v.Phrase(t, n));
    return n;
  }
  if (t >= limit) return 0;
  for (const auto& [stem, p] : lex.person_stems) {
    if (v.lower[t].starts_with(stem)) {
      *noun = &p;
      return 1;
    }
  }
  // "*ников": the ending of an agentive noun; a longer stem must remain
  // ("беспилотников" are things: counts-agentive-exceptions.txt).
  if (!v.IsCapitalized(t) && !InList(v, "agentive-exceptions", v.lower[t])) {
    for (const auto& [suffix, p] : lex.person_suffixes) {
      if (v.lower[t].size() >= suffix.size() + 4 &&
          v.lower[t].ends_with(suffix)) {
        *noun = &p;
        return 1;
      }
    }
  }
  return 0;
}

size_t CaseNounAt(const TokenView& v, const CountLexicon& lex, size_t t,
                  size_t limit, std::string* event) {
  if (size_t n = v.MatchAt(lex.case_nouns, t, limit, lex.max_phrase_words)) {
    *event = lex.case_nouns.at(v.Phrase(t, n));
    return n;
  }
  if (t >= limit) return 0;
  for (const auto& [stem, ev] : lex.case_stems) {
    if (v.lower[t].starts_with(stem)) {
      *event = ev;
      return 1;
    }
  }
  return 0;
}

namespace {

// The event a group noun at `m` names ("the dead", "detainees") or
// "those" + a trigger at `m` ("those killed"), reading before `limit`.
std::string GroupEventAt(const TokenView& v, const CountLexicon& lex, size_t m,
                         size_t limit) {
  const PersonNoun* p = nullptr;
  if (PersonAt(v, lex, m, limit, &p) &&
      (p->kind == PersonKind::kState || p->kind == PersonKind::kRole) &&
      !p->event.empty()) {
    return p->event;
  }
  std::string ev;
  if (m + 1 < limit && v.lower[m] == "those" &&
      TriggerAt(v, lex, m + 1, limit, &ev)) {
    return ev;
  }
  // "Среди оштрафованных — 14 священников": a participle of an event
  // word used as a noun.
  if (!v.IsCapitalized(m) && InList(v, "substantive-endings", v.lower[m]) &&
      TriggerAt(v, lex, m, m + 1, &ev) == 1) {
    return ev;
  }
  return "";
}

}  // namespace

std::string GroupBeforeEvent(const TokenView& v, const CountLexicon& lex,
                             size_t first) {
  const size_t sb = v.sentence_begin[first];
  for (size_t t = sb; t + 1 < first; ++t) {
    // "Of the dead, 21 were women": "of" only when it opens the sentence.
    if (!InList(v, "group-prepositions", v.lower[t]) &&
        !(t == sb && v.lower[t] == "of")) {
      continue;
    }
    size_t m = t + 1;
    if (m < first && v.lower[m] == "the") ++m;
    // "Of the 35 hostages, 20 were released".
    if (m < first && v.at.tokens[m].kind == TokenKind::kNumber) ++m;
    // "Among the dead", "Of those killed, 8 were police officers".
    if (std::string ev = GroupEventAt(v, lex, m, first); !ev.empty()) {
      return ev;
    }
  }
  return "";
}

namespace {

// Whether `w` opens a quotation.
bool OpensQuote(std::string_view w) {
  return w == "\xE2\x80\x9C" || w == "\"" || w == "\xC2\xAB";  // “ " «
}

bool ClosesQuote(std::string_view w) {
  return w == "\xE2\x80\x9D" || w == "\"" || w == "\xC2\xBB";  // ” " »
}

}  // namespace

size_t ShortQuoteEnd(const TokenView& v, size_t t, size_t limit) {
  if (t >= limit || !OpensQuote(v.lower[t])) return 0;
  // A straight quote opens one only with a space before it and none after.
  if (v.lower[t] == "\"" &&
      (t + 1 >= v.size() ||
       v.at.tokens[t + 1].span.begin != v.at.tokens[t].span.end ||
       (t > 0 && v.at.tokens[t - 1].span.end == v.at.tokens[t].span.begin))) {
    return 0;
  }
  for (size_t k = t + 1; k < limit && k <= t + 6; ++k) {
    if (ClosesQuote(v.lower[k])) return k > t + 1 ? k : 0;
    if (v.lower[k] == "." || v.lower[k] == "," || v.lower[k] == ";") return 0;
  }
  return 0;
}

namespace {

// Whether the verb at token `t` opens a relative clause: "who", "that" or
// "which" right before it, or before its auxiliaries ("who had killed").
bool RelativeBefore(const TokenView& v, size_t t) {
  const size_t sb = v.sentence_begin[t];
  for (size_t k = t, steps = 0; k > sb && steps < 3; ++steps) {
    --k;
    const std::string& w = v.lower[k];
    if (w == "who" || w == "that" || w == "which") return true;
    if (w != "had" && w != "have" && w != "has" && w != "allegedly" &&
        w != "reportedly") {
      return false;
    }
  }
  return false;
}

}  // namespace

std::string PredicateRoleEvent(const TokenView& v, const CountLexicon& lex,
                               const CountWindow& w) {
  size_t t = w.head_end;
  auto in = [&](std::string_view list) {
    return t < w.fwd_limit && InList(v, list, v.lower[t]);
  };
  if (!in("copulas")) return "";
  ++t;
  // "have become", "are now", "were still", "are registered as".
  for (size_t steps = 0; t < w.fwd_limit && steps < 3; ++steps) {
    if (in("copula-fillers")) {
      ++t;
      continue;
    }
    break;
  }
  if (t < w.fwd_limit && (v.lower[t] == "the" || v.lower[t] == "among")) {
    return "";  // "were among the dead" is GroupBeforeEvent's; "the" names
  }
  const PersonNoun* p = nullptr;
  if (PersonAt(v, lex, t, w.fwd_limit, &p) &&
      (p->kind == PersonKind::kRole || p->kind == PersonKind::kState) &&
      !p->event.empty() && p->event != "AFFECT") {
    return p->event;
  }
  return "";
}

std::string IncludedEvent(const TokenView& v, const CountLexicon& lex,
                          size_t first) {
  const size_t sb = v.sentence_begin[first];
  if (first < sb + 2) return "";
  size_t t = first - 1;
  // "Those killed included a six-year-old girl, two teachers and 14
  // police officers": the count may be a later item of the list, after
  // short noun phrases joined by commas and "and" (no verb among them).
  for (size_t steps = 0; t > sb + 1 && steps < 12; ++steps) {
    const std::string& w = v.lower[t];
    if (InList(v, "include-verbs", w)) break;
    std::string ev;
    if ((v.IsPunct(t) && w != "," && w != "-") ||
        TriggerAt(v, lex, t, first, &ev)) {
      return "";
    }
    --t;
  }
  const std::string& inc = v.lower[t];
  if (!InList(v, "include-verbs", inc)) return "";
  // "The dead included", "those killed included", "the victims include":
  // the subject right before the verb names what happened.
  for (size_t k = t, steps = 0; k > sb && steps < 3; ++steps) {
    --k;
    if (std::string ev = GroupEventAt(v, lex, k, t); !ev.empty()) return ev;
    std::string ev;
    if (k >= 1 && v.lower[k - 1] == "those" && TriggerAt(v, lex, k, t, &ev)) {
      return ev;
    }
    if (v.IsPunct(k)) break;
  }
  return "";
}

std::string EventNounOf(const TokenView& v, const CountLexicon& lex,
                        const CountWindow& w) {
  // "the deaths of 15,102 people", "the deportation of 20 Uyghurs": an
  // event noun whose of-phrase the count is names what happened to it,
  // whatever the clause goes on to say.
  if (w.first < 2 || w.first - 1 <= w.back_limit ||
      v.lower[w.first - 1] != "of") {
    return "";
  }
  for (size_t len = 1; len <= 2 && w.first >= len + 2; ++len) {
    const size_t t = w.first - 1 - len;
    if (t < w.back_limit) break;
    bool negated = false;
    for (size_t k = t >= 3 ? t - 3 : 0; k < t; ++k) {
      negated |= lex.negators.count(v.lower[k]) > 0 ||
                 v.lower[k].ends_with("n't") ||
                 v.lower[k].ends_with("n\xE2\x80\x99t");
    }
    std::string ev;
    if (TriggerAt(v, lex, t, w.first - 1, &ev) == len && !negated &&
        !WeakTrigger(v, lex, t, len) &&
        !lex.condition_triggers.count(v.Phrase(t, len))) {
      return ev;
    }
  }
  return "";
}

size_t ListPhraseAt(const TokenView& v, size_t t, size_t limit,
                    std::string_view name) {
  const WordList& list = Words(v, name);
  std::string phrase;
  size_t found = 0;
  for (size_t n = 1; n <= 3 && t + n - 1 < limit; ++n) {
    if (n > 1) phrase += ' ';
    phrase += v.lower[t + n - 1];
    if (list.Has(phrase)) found = n;
  }
  return found;
}

size_t AttributionOpenedAt(const TokenView& v, size_t close, size_t limit) {
  for (size_t t = close; t > limit && close - t < 10;) {
    --t;
    if (v.lower[t] == ";" || v.lower[t] == ":") return SIZE_MAX;
    if (v.lower[t] != ",") continue;
    // The words right after the opening comma.
    return ListPhraseAt(v, t + 1, close, "attribution-openers") ? t
                                                               : SIZE_MAX;
  }
  return SIZE_MAX;
}

bool LeavesForRefuge(const TokenView& v, const CountLexicon& lex, size_t t) {
  // ("moved to 91 relief camps": the refuge may have a number.)
  const size_t se = v.sentence_end[t];
  if (!lex.IsLeaveVerb(v.lower[t]) || t + 2 >= se ||
      (v.lower[t + 1] != "for" && v.lower[t + 1] != "to")) {
    return false;
  }
  for (size_t m = t + 2; m < se && m <= t + 4; ++m) {
    if (InList(v, "refuge-nouns", v.lower[m])) return true;
    if (v.IsPunct(m)) break;
  }
  return false;
}

std::string FindEvent(const TokenView& v, const CountLexicon& lex,
                      const CountWindow& w) {
  auto negated = [&](size_t t) {
    for (size_t k = t >= 3 ? t - 3 : 0; k < t; ++k) {
      if (lex.negators.count(v.lower[k]) || v.lower[k].ends_with("n't") ||
          v.lower[k].ends_with("n\xE2\x80\x99t")) {
        return true;
      }
    }
    return false;
  };
  if (std::string ev = EventNounOf(v, lex, w); !ev.empty()) return ev;
  // Forward: the rest of the clause up to the next count.
  std::string fwd_event;
  size_t fwd_dist = SIZE_MAX;
  std::string condition;      // a disease named in a complement ("with dengue")
  bool fwd_relative = false;  // the first trigger opens "who/that ..."
  // "the plant, which employs 1,200 people, went on strike": a count in a
  // relative clause set off by commas reads its event up to the comma
  // that closes it.
  bool in_relative = false;
  size_t relative_comma = SIZE_MAX;
  for (size_t t = w.first; t > w.back_limit && w.first - t <= 8;) {
    --t;
    if (v.lower[t] == "," && t + 1 < w.first) {
      const std::string& r = v.lower[t + 1];
      in_relative = r == "which" || r == "who" || r == "whom" || r == "where";
      if (r == "which") relative_comma = t;
      break;
    }
    if (IsClauseBreak(v.lower[t])) break;
  }
  // "More than 1,000 people, many of them women and children from the
  // villages around Idlib, have fled": an aside set off by commas right
  // after the head does not use up the reach of the search.
  // "Some 200 workers at the plant, which makes parts ..., went on
  // strike": so does a relative clause opening within six tokens.
  size_t reach = w.head_end + 16;
  size_t aside = SIZE_MAX;
  for (size_t t = w.head_end;
       !in_relative && t < w.fwd_limit && t <= w.head_end + 6; ++t) {
    if (v.lower[t] != ",") {
      if (IsClauseBreak(v.lower[t])) break;
      continue;
    }
    const std::string& r = t + 1 < v.size() ? v.lower[t + 1] : v.lower[t];
    if (t == w.head_end || r == "which" || r == "who" || r == "whose" ||
        r == "where") {
      aside = t;
    }
    break;
  }
  size_t aside_close = SIZE_MAX;
  if (aside != SIZE_MAX) {
    for (size_t t = aside + 1; t < w.fwd_limit && t < aside + 32; ++t) {
      if (v.lower[t] == ";" || v.lower[t] == ":") break;
      if (v.lower[t] == ",") {
        reach = std::max(reach, t + 12);
        aside_close = t;
        break;
      }
    }
  }
  // "More than 200 people, mostly women and children displaced by the
  // insurgency, were abducted": the verb right after the aside is the
  // count's own; what the aside says is about some of them.
  if (aside_close != SIZE_MAX && aside == w.head_end) {
    size_t t = aside_close + 1;
    while (t < w.fwd_limit &&
           (InList(v, "be-have", v.lower[t]) || lex.modals.count(v.lower[t]))) {
      ++t;
    }
    std::string ev;
    if (t > aside_close + 1 && t < w.fwd_limit &&
        TriggerAt(v, lex, t, w.fwd_limit, &ev) && !negated(t) &&
        !WeakTrigger(v, lex, t, 1)) {
      return ev;
    }
  }
  for (size_t t = w.head_end; t < w.fwd_limit; ++t) {
    // Past the reach only to read on for a disease after a generic verb.
    if (t >= reach && (fwd_event.empty() || t >= w.head_end + fwd_dist + 12)) {
      break;
    }
    if (v.lower[t] == ";") break;
    // "launched “save the students” marches": a short quotation inside
    // the clause is a name or a slogan, not its verb.
    // But a quoted word right after a passive auxiliary is the verb in
    // scare quotes ("had been “neutralised”").
    if (size_t close = ShortQuoteEnd(v, t, w.fwd_limit);
        close != 0 &&
        !(close == t + 2 && t > 0 && IsPassiveAux(v, v.lower[t - 1]))) {
      t = close;
      continue;
    }
    if (v.lower[t] == "," && in_relative) break;
    // "Сотни жителей вышли к зданию суда, где оглашали приговор", "300
    // people marched to the court, where the activist was sentenced": a
    // relative clause after the count's own verb is about the noun before
    // it, not about the count.
    if (v.lower[t] == "," && t + 1 < w.fwd_limit &&
        InList(v, "relative-words", v.lower[t + 1])) {
      bool verb_before = false;
      for (size_t k = w.head_end; k < t && !verb_before; ++k) {
        verb_before = InList(v, "past-verb-forms", v.lower[k]) ||
                      lex.gathering_verbs.count(v.lower[k]) > 0;
      }
      if (verb_before) break;
    }
    // "Thousands of fans celebrated, and police arrested 20": a comma and
    // a conjunction before a new subject open a clause of its own.
    if (v.lower[t] == "," && t + 2 < w.fwd_limit &&
        (v.lower[t + 1] == "and" || v.lower[t + 1] == "but" ||
         v.lower[t + 1] == "while" || v.lower[t + 1] == "whereas")) {
      const std::string& s2 = v.lower[t + 2];
      if (InList(v, "clause-subject-openers", s2) ||
          (v.IsCapitalized(t + 2) &&
           v.at.tokens[t + 2].kind == TokenKind::kWord)) {
        break;
      }
    }
    // "Four gunmen killed 12 villagers", "nurses who treated the first
    // patient": a transitive verb in the active voice right after the
    // count, with its object after it, makes the count the agent, not
    // what happened to it.
    if (AgentVerb(v, lex, w.head_end, t)) continue;
    // "Hundreds of them lined the entrances, holding signs": after the
    // count, holding is what it does (signs, a vigil, talks); only before
    // it does someone hold it ("the kidnappers are holding 12 people").
    if (v.lower[t] == "holding") continue;
    // "Two journalists said ...": the count is the source. Passives ("were
    // reported missing") report what happened to it.
    if (lex.reporting_verbs.count(v.lower[t]) && t > 0) {
      const std::string& b = v.lower[t - 1];
      // "40 students said they had faced threats": the count reports what
      // happened to itself, so the search goes on.
      size_t a = t + 1;
      if (a < w.fwd_limit && v.lower[a] == "that") ++a;
      const bool self_report =
          a < w.fwd_limit &&
          (v.lower[a] == "they" || v.lower[a] == "he" || v.lower[a] == "she");
      if (b != "were" && b != "was" && b != "been" && b != "be" && b != "is" &&
          b != "are" && !self_report) {
        break;
      }
    }
    std::string ev;
    size_t n = TriggerAt(v, lex, t, w.fwd_limit, &ev);
    // "attended the funeral of the slain journalist": a participle between
    // a determiner and its noun describes someone else (but "were among
    // the dead" is about the count).
    if (n == 1 && t > w.head_end && t + 1 < w.fwd_limit &&
        (v.lower[t].ends_with("ed") || v.lower[t].ends_with("en") ||
         v.lower[t] == "slain") &&
        IsDeterminerWord(v, v.lower[t - 1]) &&
        !(t >= 2 && v.lower[t - 2] == "among") &&
        v.at.tokens[t + 1].kind == TokenKind::kWord &&
        !lex.stopwords.count(v.lower[t + 1]) &&
        lex.triggers.find(v.lower[t + 1]) == lex.triggers.end()) {
      continue;
    }
    // "The firm hired 40 engineers after the strike": a protest noun in
    // an adjunct of time (after, during, amid the strike) says when, not
    // what the count did.
    if (n && ev == "PROTEST" && fwd_event.empty() && t > w.head_end) {
      size_t p = t - 1;
      if (p > w.head_end && IsDeterminerWord(v, v.lower[p])) --p;
      const std::string& prep = v.lower[p];
      if (p >= w.head_end && InList(v, "scene-prepositions", prep)) {
        continue;
      }
    }
    if (!n && SentBackAfter(v, t, w)) {
      n = 1;
      ev = "DEPORT";
    }
    // "Some 400 people have left Xinjiang for Kazakhstan": leaving a
    // named place (the count as subject) is displacement.
    if (!n && lex.IsLeaveVerb(v.lower[t]) && t + 1 < w.fwd_limit &&
        v.EntityAt(t + 1, EntityType::kLoc)) {
      n = 1;
      ev = "DISPLACE";
    }
    // "Some 120 families have already left for villages in the hills":
    // leaving for a refuge (counts-refuge-nouns.txt, at most two words
    // after "for" or "to") is displacement too.
    if (!n && LeavesForRefuge(v, lex, t)) {
      n = 1;
      ev = "DISPLACE";
    }
    if (n && !negated(t) && !WeakTrigger(v, lex, t, n)) {
      // "200 workers who took part in the strike have been fired": what
      // happened to the count (a passive) outranks what it did.
      if (fwd_event == "PROTEST" && ev != "PROTEST" && t > 0 &&
          IsPassiveAux(v, v.lower[t - 1])) {
        fwd_event = ev;
        break;
      }
      // "300 villagers who survived the attack fled to the town": a
      // generic verb of a relative clause on the count gives way to the
      // main clause's verb after it.
      if (fwd_event == "AFFECT" && fwd_relative && ev != "AFFECT" &&
          ev != "PROTEST" && !lex.condition_triggers.count(v.Phrase(t, n))) {
        fwd_event = ev;
        break;
      }
      if (fwd_event.empty()) {
        fwd_event = ev;
        fwd_dist = t - w.head_end;
        fwd_relative = t == w.head_end + 1 && t >= 1 &&
                       (v.lower[t - 1] == "who" || v.lower[t - 1] == "that");
      }
      // ("rescued with injuries": so does an injury after "with".)
      if (lex.condition_triggers.count(v.Phrase(t, n)) ||
          (ev == "WOUND" && t > 0 && v.lower[t - 1] == "with")) {
        condition = ev;
      }
      // Read on a little for a disease after a generic verb ("treated
      // 300 patients with dengue", "hospitalized with the flu").
      if (!condition.empty() ||
          (fwd_event != "WOUND" && fwd_event != "AFFECT" &&
           fwd_event != "PROTEST") ||
          t >= w.head_end + fwd_dist + 12) {
        break;
      }
      t += n - 1;
    }
  }
  // Backward: the same comma-delimited stretch before the count.
  std::string back_event;
  size_t back_dist = SIZE_MAX;
  size_t back_at = SIZE_MAX;
  for (size_t t = w.first; t > w.back_limit && w.first - t < 12;) {
    --t;
    // "Без электроснабжения, по данным «Интерфакса», остаются 9 тысяч
    // жителей": an attribution set off by commas is no clause break.
    if (v.lower[t] == ",") {
      if (size_t open = AttributionOpenedAt(v, t, w.back_limit);
          open != SIZE_MAX) {
        t = open;
        continue;
      }
      // ("Задержаны владелица и ее сын, а также двое сотрудников": a
      // conjunct opened by "а также" / "as well as" shares the verb.)
      if (ListPhraseAt(v, t + 1, w.first, "conjunct-openers")) continue;
    }
    if (IsClauseBreak(v.lower[t]) && !AfterIncluding(v, w.first)) {
      break;
    }
    // "Man arrested after 7 trafficking victims found in car": a count
    // that opens a clause of its own is no object of the verb before.
    if (t + 1 == w.first && InList(v, "subordinators", v.lower[t])) break;
    // "abused by three men", "attacked by 30 protesters": a count right
    // after "by" is the agent of the passive before it.
    if (t + 1 == w.first && v.lower[t] == "by") {
      // "a rally attended by about 10,000 people": the agents of
      // attending or joining a protest are protesters.
      if (t >= 2 &&
          (v.lower[t - 1] == "attended" || v.lower[t - 1] == "joined")) {
        for (size_t k = t - 1; k > w.back_limit && t - 1 - k < 4;) {
          --k;
          std::string ev;
          if (TriggerAt(v, lex, k, t - 1, &ev) && ev == "PROTEST") {
            back_event = ev;
            back_dist = w.first - k;
            back_at = k;
            break;
          }
        }
      }
      break;
    }
    std::string ev;
    size_t n = TriggerAt(v, lex, t, w.first, &ev);
    if (!n && ReturnedBefore(v, t, w)) {
      n = 1;
      ev = "DEPORT";
    }
    // "holding talks with 40 protesters": holding has the count as its
    // object only right before it.
    if (n == 1 && v.lower[t] == "holding" && t + 1 != w.first) continue;
    if (n && !negated(t) && !WeakTrigger(v, lex, t, n)) {
      back_event = ev;
      back_dist = w.first - (t + n);
      back_at = t;
      break;
    }
  }
  if (fwd_dist == SIZE_MAX && back_dist == SIZE_MAX) {
    // "The march, which drew some 5,000 people, ended peacefully": a
    // protest named right before the relative clause the count sits in.
    if (relative_comma != SIZE_MAX) {
      const size_t sb = v.sentence_begin[w.first];
      for (size_t k = relative_comma; k > sb && relative_comma - k < 3;) {
        --k;
        std::string ev;
        if (TriggerAt(v, lex, k, relative_comma, &ev) && ev == "PROTEST" &&
            !WeakTrigger(v, lex, k, 1)) {
          return ev;
        }
      }
    }
    std::string group = GroupBeforeEvent(v, lex, w.first);
    if (group.empty()) group = IncludedEvent(v, lex, w.first);
    if (group.empty()) group = PredicateRoleEvent(v, lex, w);
    return group;
  }
  // "Three gunmen who killed 12 villagers fled": the verb of a relative
  // clause right before the count has it as its object; the verb after it
  // belongs to the relative clause's antecedent.
  if (back_dist == 0 && !back_event.empty() && back_at != SIZE_MAX &&
      RelativeBefore(v, back_at)) {
    return back_event;
  }
  // A disease named in a complement says what the generic verb (treated,
  // hospitalized, quarantined) was about: "hospitalized with cholera".
  if (!condition.empty()) {
    const std::string& near = back_dist < fwd_dist ? back_event : fwd_event;
    if (near.empty() || near == "WOUND" || near == "AFFECT") return condition;
  }
  // "Germany deported 81 Afghan men convicted of crimes": a participle
  // right after the head (no auxiliary) is a reduced relative clause on
  // it; the verb right before the count governs it (but "left 300
  // people homeless" says what happened in the word after the head).
  if (back_dist == 0 && fwd_dist == 0 && !back_event.empty() &&
      back_at != SIZE_MAX &&
      !InList(v, "resultative-verbs", v.lower[back_at]) &&
      (fwd_event == "PROTEST") == (back_event == "PROTEST")) {
    return back_event;
  }
  // What happened to a count outranks what it did: "police detained 40
  // people at the rally", "fined 12 participants of the picket".
  if (!back_event.empty() && !fwd_event.empty() &&
      (back_event == "PROTEST") != (fwd_event == "PROTEST")) {
    return back_event == "PROTEST" ? fwd_event : back_event;
  }
  return back_dist < fwd_dist ? back_event : fwd_event;
}

std::string FindDate(const TokenView& v, const CountWindow& w) {
  const size_t sb = v.sentence_begin[w.first];
  const size_t se = v.sentence_end[w.first];
  std::string best;
  size_t best_dist = SIZE_MAX;
  for (size_t d = 0; d < v.dates.size(); ++d) {
    const DateMention& dm = v.dates[d];
    auto [a, b] = v.date_tokens[d];
    if (a < sb || b >= se || a >= v.size()) continue;
    bool range = !dm.begin.empty() && !dm.end_value.empty();
    if (!range && dm.type != "DATE" && dm.type != "TIME") continue;
    bool scopes = false;
    size_t dist = 0;
    if (a > w.last) {
      // After the count: in the same stretch, or closing the sentence.
      bool closes = true;
      for (size_t t = b + 1; t < se; ++t) closes &= v.IsPunct(t);
      bool same = true;
      for (size_t t = w.head_end; t < a; ++t)
        same &= !IsClauseBreak(v.lower[t]);
      scopes = closes || (same && a < w.fwd_limit);
      dist = a - w.last;
    } else if (b < w.first) {
      bool fronted = a <= sb + 2;
      bool same = true;
      for (size_t t = b + 1; t < w.first; ++t)
        same &= !IsClauseBreak(v.lower[t]);
      scopes = fronted || same;
      dist = w.first - b;
    }
    if (scopes && dist < best_dist) {
      best_dist = dist;
      best = range ? dm.begin + "/" + dm.end_value : dm.value;
    }
  }
  // "A drone struck a minibus on Tuesday morning, killing two women": with
  // no date in the count's own stretch, the sentence's one day or month
  // dates it.
  if (best.empty()) {
    size_t found = 0;
    std::string only;
    for (size_t d = 0; d < v.dates.size(); ++d) {
      const DateMention& dm = v.dates[d];
      auto [a, b] = v.date_tokens[d];
      if (a < sb || b >= se || a >= v.size()) continue;
      if (dm.type != "DATE" && dm.type != "TIME") continue;
      ++found;
      only = dm.value;
    }
    // A day or a month ("2025-04-15", "2024-11"), nothing vaguer.
    if (found == 1 && only.size() >= 7 && only[4] == '-' &&
        std::isdigit(static_cast<unsigned char>(only[5]))) {
      best = only;
    }
  }
  // "Police detained 14 people on Tuesday night": a count is dated by the
  // day, not its part ("2025-04-15TNI" -> "2025-04-15").
  if (size_t tee = best.find('T');
      tee == 10 && best.find('/') == std::string::npos) {
    best.resize(tee);
  }
  return best;
}

namespace {

bool IntroducesPlace(const TokenView& v, std::string_view w) {
  return InList(v, "place-prepositions", w);
}

// "fled from Aleppo", "were evacuated from Kherson": "from" after a verb
// of leaving.
bool LeavesFrom(const TokenView& v, size_t from_at) {
  if (from_at == 0 || v.lower[from_at] != "from") return false;
  const std::string& w = v.lower[from_at - 1];
  return InList(v, "leave-from-verbs", w);
}

// Whether the LOC at token `a` is introduced by a place preposition, with
// at most three lowercase modifiers between ("in its western Xinjiang").
bool Introduced(const TokenView& v, size_t a, size_t limit) {
  for (size_t k = 0, t = a; k < 4 && t > limit; ++k) {
    --t;
    const std::string& w = v.lower[t];
    if (IntroducesPlace(v, w) || LeavesFrom(v, t) ||
        (v.lexicon != nullptr && v.lexicon->IsLeaveVerb(w))) {
      return true;
    }
    // "the tourist city of Pokhara": "of" after a noun of places.
    if (w == "of" && t > limit && InList(v, "place-nouns", v.lower[t - 1])) {
      return true;
    }
    if (v.IsPunct(t) || v.IsCapitalized(t)) return false;
  }
  return false;
}

// Whether the LOC at [a, b] is one item of a list of places.
bool InList(const TokenView& v, size_t a, size_t b) {
  size_t t = b + 1;
  if (t + 1 < v.size() &&
      (v.lower[t] == "," || v.lower[t] == "and" || v.lower[t] == "or")) {
    if (v.EntityAt(t + 1, EntityType::kLoc)) return true;
  }
  if (a >= 2 && (v.lower[a - 1] == "," || v.lower[a - 1] == "and" ||
                 v.lower[a - 1] == "or")) {
    size_t p = a - 2;
    if (v.EntityAt(p, EntityType::kLoc)) return true;
    for (size_t e = 0; e < v.entities.size(); ++e) {
      if (v.entities[e].type == EntityType::kLoc && v.entity_last[e] == p &&
          v.entity_at[p] != static_cast<int>(e)) {
        return true;
      }
    }
  }
  return false;
}

std::string PlaceName(const Entity& e) {
  return e.canonical.empty() ? e.text : e.canonical;
}

// Whether token t is a capitalized word that is no acronym ("Москве",
// not "МВД").
bool NameWord(const TokenView& v, size_t t) {
  if (v.at.tokens[t].kind != TokenKind::kWord || !v.IsCapitalized(t)) {
    return false;
  }
  std::string_view w = v.at.Slice(v.at.tokens[t].span);
  int32_t k = 0;
  UChar32 c;
  U8_NEXT(w.data(), k, static_cast<int32_t>(w.size()), c);
  if (k >= static_cast<int32_t>(w.size())) return false;
  U8_NEXT(w.data(), k, static_cast<int32_t>(w.size()), c);
  return c >= 0 && u_islower(c);
}

// For a language the entity stage does not tag (counts-place-name-
// prepositions.txt lists its place prepositions): the place name after
// such a preposition at token t, as written: one capitalized word ("в
// Москве"), two ("в Набережных Челнах"), or a capitalized adjective with
// the noun of a region after it ("в Лаишевском районе",
// counts-region-nouns.txt). Empty for none.
std::string NameAfterPreposition(const TokenView& v, size_t t, size_t limit) {
  if (!InList(v, "place-name-prepositions", v.lower[t]) || t + 1 >= limit ||
      !NameWord(v, t + 1)) {
    return "";
  }
  // ("в Telegram": a name in another script than the preposition's is
  // a brand, not a place.)
  const auto ascii = [&](size_t k) {
    return static_cast<unsigned char>(v.at.text[v.at.tokens[k].span.begin]) <
           0x80;
  };
  if (ascii(t) != ascii(t + 1)) return "";
  size_t last = t + 1;
  if (last + 1 < limit &&
      (InList(v, "region-nouns", v.lower[last + 1]) ||
       NameWord(v, last + 1))) {
    ++last;
  }
  return std::string(v.at.text.substr(
      v.at.tokens[t + 1].span.begin,
      v.at.tokens[last].span.end - v.at.tokens[t + 1].span.begin));
}

}  // namespace

std::string FindPlace(const TokenView& v, const CountWindow& w) {
  const size_t sb = v.sentence_begin[w.first];
  for (size_t t = w.head_end; t < w.fwd_limit && t < w.head_end + 20; ++t) {
    if (v.lower[t] == ";") break;
    const Entity* e = v.EntityAt(t, EntityType::kLoc);
    if (!e) continue;
    size_t b = v.entity_last[static_cast<size_t>(v.entity_at[t])];
    if (Introduced(v, t, w.head_end) && !InList(v, t, b)) return PlaceName(*e);
  }
  for (size_t t = w.first; t > std::max(sb, w.back_limit);) {
    --t;
    if (v.lower[t] == ";") break;
    const Entity* e = v.EntityAt(t, EntityType::kLoc);
    if (!e) continue;
    size_t b = v.entity_last[static_cast<size_t>(v.entity_at[t])];
    if (Introduced(v, t, sb) && !InList(v, t, b)) return PlaceName(*e);
  }
  // "Singapore reported 386 new infections": the place opening the
  // sentence as the subject of a verb of recording.
  if (sb < w.first) {
    const Entity* e = v.EntityAt(sb, EntityType::kLoc);
    if (e != nullptr) {
      size_t b = v.entity_last[static_cast<size_t>(v.entity_at[sb])];
      if (b + 1 < w.first && InList(v, "recording-verbs", v.lower[b + 1])) {
        return PlaceName(*e);
      }
    }
  }
  // "In the northeastern city of Kharkiv, which lies near the border, a
  // drone strike wounded 15 people": a place adjunct opening the
  // sentence sets the scene for the counts after it.
  if (sb < w.first && IntroducesPlace(v, v.lower[sb])) {
    for (size_t t = sb + 1; t < w.first && t < sb + 8; ++t) {
      if (v.IsPunct(t)) break;
      if (const Entity* e = v.EntityAt(t, EntityType::kLoc);
          e != nullptr && Introduced(v, t, sb)) {
        return PlaceName(*e);
      }
    }
  }
  // A language with no entity stage: a name after a place preposition,
  // in the same stretches.
  if (v.lexicon != nullptr &&
      !v.lexicon->Words("place-name-prepositions").empty()) {
    for (size_t t = w.head_end; t < w.fwd_limit && t < w.head_end + 20; ++t) {
      if (v.lower[t] == ";") break;
      std::string name = NameAfterPreposition(v, t, w.fwd_limit);
      if (!name.empty()) return name;
    }
    for (size_t t = w.first; t > std::max(sb, w.back_limit);) {
      --t;
      if (v.lower[t] == ";") break;
      std::string name = NameAfterPreposition(v, t, w.first);
      if (!name.empty()) return name;
    }
  }
  return "";
}

}  // namespace newsfacts::counts_internal
