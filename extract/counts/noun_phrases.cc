// Noun phrases around a count that name what it counts or who: the group
// in an of-phrase, the noun of a list-row label, the noun of "the number
// of ..." before a bare number.
#include <string>
#include <utility>

#include "extract/counts/count_rules.h"

namespace newsfacts::counts_internal {
namespace {

bool IsDeterminer(const TokenView& v, std::string_view w) {
  return InList(v, "determiners", w);
}

}  // namespace

// The named group at the start of an of-phrase (token `t` is just after
// "of"): a NORP entity with its noun ("Uyghur activists"), or a group noun
// after at most two modifiers ("the security forces"). Empty for none.
std::string OfPhraseGroup(const TokenView& v, const CountLexicon& lex, size_t t,
                          size_t se) {
  if (t < se && IsDeterminer(v, v.lower[t])) ++t;
  auto slice = [&](size_t a, size_t b) {  // tokens [a, b]
    return std::string(
        v.at.text.substr(v.at.tokens[a].span.begin,
                         v.at.tokens[b].span.end - v.at.tokens[a].span.begin));
  };
  if (const Entity* e = v.EntityAt(t, EntityType::kNorp)) {
    size_t last = v.entity_last[static_cast<size_t>(v.entity_at[t])];
    size_t len = v.MatchAt(lex.persons, last + 1, se, lex.max_phrase_words);
    return len ? slice(t, last + len) : e->text;
  }
  for (size_t m = t; m < se && m < t + 3; ++m) {
    // "violence against women" names no group of the cases.
    if (v.IsPunct(m) || lex.stopwords.count(v.lower[m]) ||
        v.lower[m] == "against" || v.lower[m] == "among") {
      break;
    }
    if (size_t len = v.MatchAt(lex.persons, m, se, lex.max_phrase_words)) {
      if (lex.persons.at(v.Phrase(m, len)).kind == PersonKind::kGeneric) break;
      return slice(t, m + len - 1);
    }
  }
  return "";
}

// The case or role noun in a label before a colon, within the same
// sentence: its text and event, or empty strings.
std::pair<std::string, std::string> LabelNoun(const TokenView& v,
                                              const CountLexicon& lex,
                                              size_t sb, size_t colon) {
  for (size_t m = colon; m > sb && colon - m < 6;) {
    --m;
    size_t len = v.MatchAt(lex.case_nouns, m, colon, lex.max_phrase_words);
    std::string event;
    if (len) {
      event = lex.case_nouns.at(v.Phrase(m, len));
      // "Infanticide cases": a modifier may name the event.
      if (m > sb) {
        auto it = lex.triggers.find(v.lower[m - 1]);
        if (it != lex.triggers.end() && event == "AFFECT") event = it->second;
      }
    } else if ((len = v.MatchAt(lex.persons, m, colon, lex.max_phrase_words))) {
      const PersonNoun& p = lex.persons.at(v.Phrase(m, len));
      event = p.event;
      if (p.kind != PersonKind::kRole && p.kind != PersonKind::kState) {
        // "Detained journalists: 34" needs the participle.
        auto it =
            m > sb ? lex.triggers.find(v.lower[m - 1]) : lex.triggers.end();
        if (it == lex.triggers.end()) continue;
        event = it->second;
      }
    } else {
      continue;
    }
    return {std::string(v.at.text.substr(
                v.at.tokens[m].span.begin,
                v.at.tokens[m + len - 1].span.end - v.at.tokens[m].span.begin)),
            event};
  }
  // "Arrested: 40", "Total detained: 10,000 people": a short label that is
  // a participle names the event with no noun.
  if (colon - sb <= 3) {
    for (size_t m = sb; m < colon; ++m) {
      std::string event;
      if (TriggerAt(v, lex, m, colon, &event) &&
          !lex.condition_triggers.count(v.lower[m])) {
        return {"", event};
      }
    }
  }
  return {"", ""};
}

// Verbs that move a figure to a level ("rose to 212", "stood at 40",
// "reached 1,200"): the words of counts-figure-verbs.txt and the stems of
// counts-level-verbs.txt.
bool MovesFigure(const TokenView& v, const CountLexicon& lex,
                 std::string_view w) {
  if (InList(v, "figure-verbs", w)) return true;
  for (const std::string& stem : lex.level_verb_stems) {
    if (w.starts_with(stem)) return true;
  }
  return false;
}

// "Attacks on journalists rose to 212 last year", "Arrests have climbed
// to 300": a bare number that a verb of change moves to, whose subject
// (opening the sentence) is a case noun, or a role or state noun for
// people: that noun as written and its event, or empty strings.
std::pair<std::string, std::string> LevelSubjectNoun(const TokenView& v,
                                                     const CountLexicon& lex,
                                                     size_t sb, size_t first) {
  if (first < sb + 2) return {"", ""};
  size_t verb = first - 1;
  const std::string& p = v.lower[verb];
  if (InList(v, "level-prepositions", p)) --verb;
  if (verb <= sb || !MovesFigure(v, lex, v.lower[verb])) return {"", ""};
  // The subject: the noun phrase from the start of the sentence to the
  // verb (its auxiliaries aside), at most six words, no punctuation.
  size_t end = verb;
  while (end > sb && (v.lower[end - 1] == "has" || v.lower[end - 1] == "have" ||
                      v.lower[end - 1] == "had" || v.lower[end - 1] == "now")) {
    --end;
  }
  if (end <= sb || end - sb > 6) return {"", ""};
  for (size_t t = sb; t < end; ++t) {
    if (v.IsPunct(t)) return {"", ""};
  }
  for (size_t m = sb; m < end; ++m) {
    std::string event;
    if (size_t len = CaseNounAt(v, lex, m, end, &event)) {
      return {std::string(v.at.text.substr(v.at.tokens[m].span.begin,
                                           v.at.tokens[m + len - 1].span.end -
                                               v.at.tokens[m].span.begin)),
              event};
    }
    const PersonNoun* pn = nullptr;
    if (size_t len = PersonAt(v, lex, m, end, &pn);
        len &&
        (pn->kind == PersonKind::kRole || pn->kind == PersonKind::kState) &&
        !pn->event.empty()) {
      return {std::string(v.at.text.substr(v.at.tokens[m].span.begin,
                                           v.at.tokens[m + len - 1].span.end -
                                               v.at.tokens[m].span.begin)),
              pn->event};
    }
  }
  return {"", ""};
}

// "number of <noun>" / "toll of <noun>" before a bare number in the same
// sentence, when the noun is a case by itself (prisoners, cases, deaths):
// the noun as written and its event, or empty strings; a toll with no
// of-phrase gives an empty noun and KILL.
std::pair<std::string, std::string> NumberOfNoun(const TokenView& v,
                                                 const CountLexicon& lex,
                                                 size_t sb, size_t first) {
  for (size_t t = sb; t + 1 < first; ++t) {
    // "number of", "total of"; Russian "число/количество" takes the noun
    // in the genitive with no preposition ("число погибших").
    size_t noun_from = 0;
    // "The death toll from the earthquake rose to 2,310": a toll counts
    // deaths by itself (its unit stays unnamed), unless an of-phrase names
    // what it counts ("a toll of 40 injured").
    if (InList(v, "toll-words", v.lower[t]) &&
        !(t + 1 < first && v.lower[t + 1] == "of")) {
      bool number_between = false;
      for (size_t m = t + 1; m < first; ++m) {
        number_between |= v.at.tokens[m].kind == TokenKind::kNumber;
      }
      if (!number_between) return {"", "KILL"};
      continue;
    }
    if (InList(v, "number-of-nouns", v.lower[t]) && v.lower[t + 1] == "of") {
      noun_from = t + 2;
      // "The tally of those detained since the protests began": "those"
      // and the participle.
      std::string ev;
      if (noun_from + 1 < first && v.lower[noun_from] == "those" &&
          TriggerAt(v, lex, noun_from + 1, first, &ev)) {
        return {"", ev};
      }
    } else if (InList(v, "number-genitive-nouns", v.lower[t])) {
      noun_from = t + 1;
    } else {
      continue;
    }
    for (size_t m = noun_from; m < first && m < noun_from + 3; ++m) {
      const PersonNoun* p = nullptr;
      size_t len = PersonAt(v, lex, m, first, &p);
      if (len) {
        std::string noun_event = p->event;
        if (p->kind != PersonKind::kRole && p->kind != PersonKind::kState) {
          // "the number of people killed in the floods": a participle
          // right after a noun that needs one.
          noun_event.clear();
          size_t t2 = m + len;
          // ("число людей, отравившихся салатами": after a comma too.)
          if (t2 + 1 < first && v.lower[t2] == ",") ++t2;
          if (t2 < first) TriggerAt(v, lex, t2, first, &noun_event);
          if (noun_event.empty()) break;
        }
        return {std::string(v.at.text.substr(v.at.tokens[m].span.begin,
                                             v.at.tokens[m + len - 1].span.end -
                                                 v.at.tokens[m].span.begin)),
                noun_event};
      }
      std::string event;
      // ("Число заболевших ботулизмом выросло до 417": a participle of an
      // event word used as a noun.)
      if (!v.IsCapitalized(m) && InList(v, "substantive-endings", v.lower[m]) &&
          TriggerAt(v, lex, m, m + 1, &event) == 1) {
        return {std::string(v.at.Slice(v.at.tokens[m].span)), event};
      }
      len = CaseNounAt(v, lex, m, first, &event);
      if (len) {
        return {std::string(v.at.text.substr(v.at.tokens[m].span.begin,
                                             v.at.tokens[m + len - 1].span.end -
                                                 v.at.tokens[m].span.begin)),
                event};
      }
    }
  }
  return LevelSubjectNoun(v, lex, sb, first);
}

}  // namespace newsfacts::counts_internal
