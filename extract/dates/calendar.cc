#include "extract/dates/calendar.h"

#include <cstdio>

namespace newsfacts::dates {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool IsValidDay(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

// Counts days through 400-year cycles (146097 days each) with March as the
// first month, so the leap day falls at the end of the counted year.
int64_t DaysFromCivil(const CivilDay& d) {
  const int64_t y = d.month <= 2 ? d.year - 1 : d.year;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;  // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDay CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = FloorDiv(days, 146097);
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return CivilDay{year, month, day};
}

CivilDay AddDays(const CivilDay& d, int64_t n) {
  return CivilFromDays(DaysFromCivil(d) + n);
}

int IsoWeekday(const CivilDay& d) {
  // 1970-01-01 was a Thursday (4).
  const int64_t w = FloorDiv(DaysFromCivil(d) + 3, 7);
  return static_cast<int>(DaysFromCivil(d) + 3 - w * 7) + 1;
}

std::string IsoWeekValue(const CivilDay& d) {
  // The ISO week belongs to the year that holds its Thursday.
  const CivilDay thursday = AddDays(d, 4 - IsoWeekday(d));
  const int64_t jan1 = DaysFromCivil(CivilDay{thursday.year, 1, 1});
  const int week = static_cast<int>((DaysFromCivil(thursday) - jan1) / 7) + 1;
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-W%02d", thursday.year, week);
  return buf;
}

std::string YearValue(int year) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d", year);
  return buf;
}

std::string MonthValue(int year, int month) {
  char buf[24];
  std::snprintf(buf, sizeof(buf), "%04d-%02d", year, month);
  return buf;
}

std::string DayValue(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  return buf;
}

}  // namespace newsfacts::dates
