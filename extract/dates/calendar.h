// Internal to extract/dates/: proleptic Gregorian day arithmetic and the
// TIMEX3 strings the rules build from it (days, months, ISO weeks).
//
//   CivilDay d = AddDays(CivilDay{2022, 3, 1}, -1);   // 2022-02-28
//   std::string w = IsoWeekValue(d);                  // "2022-W08"
//
// Thread-safety: pure functions.
#ifndef NEWSFACTS_EXTRACT_DATES_CALENDAR_H_
#define NEWSFACTS_EXTRACT_DATES_CALENDAR_H_

#include <cstdint>
#include <string>

#include "core/types.h"

namespace newsfacts::dates {

CivilDay AddDays(const CivilDay& d, int64_t n);
bool IsValidDay(int year, int month, int day);
// ISO weekday: Monday 1 .. Sunday 7.
int IsoWeekday(const CivilDay& d);
// "2022-W12" for the ISO week holding `d`.
std::string IsoWeekValue(const CivilDay& d);

// Zero-padded TIMEX3 pieces: "2022", "2022-03", "2022-03-17".
std::string YearValue(int year);
std::string MonthValue(int year, int month);
std::string DayValue(int year, int month, int day);

}  // namespace newsfacts::dates

#endif  // NEWSFACTS_EXTRACT_DATES_CALENDAR_H_
