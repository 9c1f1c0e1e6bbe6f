// Internal to extract/dates/: turning the words a rule matched into TIMEX3
// values: numbers and units to durations ("three years" -> P3Y), month
// names to numbers, partial dates to the year the tense implies.
//
//   double n = CountOf(lex, "twenty-five");           // 25
//   std::string v = DurationValue(n, lex.units.at("days"));  // "P25D"
//
// Thread-safety: pure functions.
#ifndef NEWSFACTS_EXTRACT_DATES_VALUES_H_
#define NEWSFACTS_EXTRACT_DATES_VALUES_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/types.h"
#include "extract/dates/lexicon.h"

namespace newsfacts::dates {

// Collapses runs of spaces, newlines and hyphens to one space.
std::string NormalizeSpace(std::string_view s);
int ToInt(std::string_view s);

// Month number (1-12) of a written form, with or without the abbreviation
// dot; 0 when unknown.
int MonthOf(const DateLexicon& lex, std::string_view form);
// Count of a number phrase: digits, a listed word, or "twenty-five"; -1 is
// vague (X); 0 means not a number.
double CountOf(const DateLexicon& lex, std::string_view written);
const Unit* UnitOf(const DateLexicon& lex, std::string_view form);
// TIMEX3 duration of `count` units: P3Y, PT48H, PXD (count < 0), P10Y.
std::string DurationValue(double count, const Unit& unit);
// The date `count` units before the document date, at the unit's
// precision ("two days ago" -> a day); PAST_REF when it cannot be known.
std::string AgoValue(std::optional<CivilDay> doc, double count,
                     const Unit& unit);
// Resolves a month (and optional day) without a year against the document
// date: with `future` the next one on or after it, with `past` the most
// recent one on or before it, with neither the nearest one (HeidelTime's
// reading of tenseless news: "The deadline is Dec. 31" in November is this
// December). Without a document date the year is XXXX. Empty when the day
// does not exist in that year (February 29).
std::string ResolvePartial(std::optional<CivilDay> doc, int month, int day,
                           bool future, bool past = true);

}  // namespace newsfacts::dates

#endif  // NEWSFACTS_EXTRACT_DATES_VALUES_H_
