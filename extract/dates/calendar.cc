#include "extract/dates/calendar.h"

#include <cstdio>

namespace newsfacts::dates {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

}  // namespace

bool IsValidDay(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
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
