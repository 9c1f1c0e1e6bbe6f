// Internal to extract/dates/: the rule table of the English-style date
// tagger. Each rule is one RE2 pattern, compiled once, plus a function that
// turns a match into a DateMention (or rejects it after looking at context
// RE2 cannot express, such as "64-year-old").
//
//   RuleSet rules = BuildRules(lexicon);
//   for (const Rule& r : rules.rules) ...
//
// Thread-safety: immutable after BuildRules(); matching is const.
#ifndef NEWSFACTS_EXTRACT_DATES_RULES_H_
#define NEWSFACTS_EXTRACT_DATES_RULES_H_

#include <re2/re2.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "extract/dates/lexicon.h"
#include "extract/text/text.h"

namespace newsfacts::dates {

// What a rule sees of one match.
struct MatchContext {
  const AnalyzedText* text = nullptr;
  std::optional<CivilDay> doc_date;
  std::vector<std::string_view> groups;  // [0] = whole match, unmatched empty
  bool future = false;                   // the sentence points forward
  bool past = false;                     // the sentence has a past-tense cue
  // Byte offset of a group in the text (requires a matched group).
  size_t Offset(size_t group) const {
    return static_cast<size_t>(groups[group].data() - text->text.data());
  }
};

struct Rule {
  std::string id;
  std::unique_ptr<RE2> re;
  // Which group is the mention's extent (0 = whole match).
  int extent_group = 0;
  // Fills value, type, mod; returns false to reject the match.
  std::function<bool(const MatchContext&, DateMention&)> make;
};

struct RuleSet {
  // RE2's \b only knows ASCII words; for other scripts the rules drop it
  // and the tagger checks match edges against Unicode letters instead.
  bool unicode_bounds = false;
  std::vector<Rule> rules;
  std::unique_ptr<RE2> future_cue;  // sentence-level tense cues
  std::unique_ptr<RE2> past_cue;
  std::unique_ptr<RE2> report_cue;         // anywhere in the sentence
  std::unique_ptr<RE2> report_before;      // "said (on) " right before
  std::unique_ptr<RE2> point_mod;   // "early |mid-|the end of " before a date
  std::unique_ptr<RE2> span_mod;    // "about |more than " before a duration
};

RuleSet BuildRules(const DateLexicon& lex);

}  // namespace newsfacts::dates

#endif  // NEWSFACTS_EXTRACT_DATES_RULES_H_
