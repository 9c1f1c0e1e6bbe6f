// Internal to extract/dates/: the word lists the date rules read, from ICU
// locale data (month and weekday names) and config/lang/<lang>/dates-*.txt
// (what ICU lacks: "Sept.", number words, units, relative phrases, ...).
//
//   Result<DateLexicon> lex = DateLexicon::Load("config/lang/en", "en");
//   int month = lex->months.at("March");  // 3
//
// Thread-safety: immutable after Load().
#ifndef NEWSFACTS_EXTRACT_DATES_LEXICON_H_
#define NEWSFACTS_EXTRACT_DATES_LEXICON_H_

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace newsfacts::dates {

// A calendar unit as TIMEX3 writes it: "Y", "M", "W", "D" or, with `time`,
// "H", "M", "S" after the "T". `factor` scales the count (decade = 10 Y).
struct Unit {
  std::string code;
  int factor = 1;
  bool time = false;
};

struct Phrase {
  std::string type;   // DATE, DURATION, ...
  std::string value;  // TIMEX3 value or an @template the tagger resolves
};

struct Modifier {
  std::string mod;    // START, MID, END, APPROX, MORE_THAN, ...
  std::string scope;  // "point" (dates) or "duration"
};

struct DateLexicon {
  // Case-sensitive written forms. `month_abbrevs` only count when a day or
  // year follows ("Sept. 11"), since "Mar" or "Jan" alone is rarely a date.
  std::map<std::string, int> months;
  std::map<std::string, int> month_abbrevs;
  std::map<std::string, int> weekdays;  // ISO 1 = Monday
  // Lowercase forms.
  std::map<std::string, double> numbers;  // -1 = vague ("a few", "several")
  std::map<std::string, Unit> units;      // singular and plural forms
  std::map<std::string, Phrase> phrases;
  std::map<std::string, Modifier> modifiers;
  std::map<std::string, std::string> seasons;  // "spring" -> "SP"
  // Season forms that need no trigger word ("весной" = in spring).
  std::vector<std::string> free_seasons;
  std::map<std::string, Phrase> sets;          // "weekly" -> SET P1W
  std::vector<std::string> future_cues;
  std::vector<std::string> past_cues;     // "said", "was"
  std::vector<std::string> past_suffixes; // "ed"
  // Reporting verbs ("said"): past only right before a date ("said on
  // Tuesday") or when the sentence has no other cue, since what is said
  // may lie ahead ("will meet on Friday, he said").
  std::vector<std::string> report_verbs;
  std::vector<std::string> month_triggers;  // words licensing a bare month
  std::vector<std::string> duration_adjectives;
  std::vector<std::string> year_blockers;  // "Article 2019"
  // What a bare four-digit number before a noun of counted things is: a
  // count, not a year ("1600 protesters", "1600 участников"). The nouns
  // are whole words ("people", "cases", "человек") or end so ("-ers",
  // "-ов"), unless listed as exceptions ("represents"); a word of time
  // right before the number keeps the year ("in 1600 people moved").
  std::vector<std::string> count_nouns;
  std::vector<std::string> count_endings;
  std::vector<std::string> count_exceptions;
  std::vector<std::string> year_prepositions;
  // Articles TimeML leaves outside a TIMEX3 ("in [the 1990s]" -> "1990s").
  std::vector<std::string> determiners;

  // From CLDR's long date pattern: the order of its fields ("dMy" for
  // "d MMMM y 'г'.", "ydM" for Kazakh "y 'ж'. d MMMM") and the word it
  // writes after the year ("г."), joined by dates-words "year-word" forms
  // ("года", "жылғы").
  std::string date_order;
  std::vector<std::string> year_words;
  std::vector<std::string> day_suffixes;  // "th", "-го", "-сі"
  std::vector<std::string> ago_words;     // "ago", "назад"
  // Month forms built from a name and a case ending (dates-words
  // "inflection": Kazakh "наурыз" + "да"); the ending alone licenses a
  // bare month ("наурызда"), as a preposition does in English.
  std::map<std::string, int> month_inflected;

  static Result<DateLexicon> Load(const std::string& lang_dir,
                                  const std::string& lang);
};

// "(?:a|b|c)" of the quoted keys, longest first so alternation prefers them.
std::string Alternation(const std::vector<std::string>& words);
template <typename V>
std::string KeysAlternation(const std::map<std::string, V>& m) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : m) keys.push_back(k);
  return Alternation(keys);
}

}  // namespace newsfacts::dates

#endif  // NEWSFACTS_EXTRACT_DATES_LEXICON_H_
