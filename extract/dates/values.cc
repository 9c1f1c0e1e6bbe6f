#include "extract/dates/values.h"

#include <cctype>
#include <cstdlib>

#include "extract/dates/calendar.h"
#include "extract/text/text.h"

namespace newsfacts::dates {

std::string NormalizeSpace(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '-') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

int ToInt(std::string_view s) { return std::atoi(std::string(s).c_str()); }
int MonthOf(const DateLexicon& lex, std::string_view form) {
  std::string s(form);
  for (int pass = 0; pass < 2; ++pass) {
    if (auto it = lex.months.find(s); it != lex.months.end()) return it->second;
    if (auto it = lex.month_abbrevs.find(s); it != lex.month_abbrevs.end())
      return it->second;
    if (s.empty() || s.back() != '.') break;
    s.pop_back();
  }
  return 0;
}

// Count of a number phrase: digits, a listed word, or "twenty-five"; -1 is
// vague (X); 0 means not a number.
double CountOf(const DateLexicon& lex, std::string_view written) {
  if (!written.empty() && std::isdigit(static_cast<unsigned char>(written[0])))
    return std::atof(std::string(written).c_str());
  const std::string w = NormalizeSpace(LowerCase(written));
  if (auto it = lex.numbers.find(w); it != lex.numbers.end()) return it->second;
  const auto sp = w.find(' ');
  if (sp == std::string::npos) return 0;
  auto tens = lex.numbers.find(w.substr(0, sp));
  auto ones = lex.numbers.find(w.substr(sp + 1));
  if (tens == lex.numbers.end() || ones == lex.numbers.end()) return 0;
  if (tens->second < 20 || ones->second < 1 || ones->second > 9) return 0;
  return tens->second + ones->second;
}

std::string FormatCount(double n) {
  if (n < 0) return "X";
  if (n == static_cast<int64_t>(n))
    return std::to_string(static_cast<int64_t>(n));
  std::string s = std::to_string(n);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

// TIMEX3 duration value of `count` units: P3Y, PT48H, PXD, P10Y (decade).
std::string DurationValue(double count, const Unit& unit) {
  const std::string n = FormatCount(count < 0 ? -1 : count * unit.factor);
  return std::string("P") + (unit.time ? "T" : "") + n + unit.code;
}

const Unit* UnitOf(const DateLexicon& lex, std::string_view form) {
  auto it = lex.units.find(LowerCase(form));
  return it == lex.units.end() ? nullptr : &it->second;
}

// The value of `count` units before the document date, at the precision
// of the unit ("two days ago" -> a day, "three years ago" -> a year).
std::string AgoValue(std::optional<CivilDay> doc, double count,
                     const Unit& unit) {
  if (!doc || count < 0 || unit.time || count != static_cast<int>(count))
    return "PAST_REF";
  const int n = static_cast<int>(count) * unit.factor;
  if (unit.code == "D") {
    CivilDay d = AddDays(*doc, -n);
    return d.ToIso();
  }
  if (unit.code == "W") return IsoWeekValue(AddDays(*doc, -7 * n));
  if (unit.code == "M") {
    const int total = doc->year * 12 + (doc->month - 1) - n;
    return MonthValue(total / 12, total % 12 + 1);
  }
  if (unit.code == "Y") return YearValue(doc->year - n);
  return "PAST_REF";
}

// Resolves an @template from dates-phrases.txt.
std::string ResolvePartial(std::optional<CivilDay> doc, int month, int day,
                           bool future, bool past) {
  if (!doc) {
    return day ? "XXXX-" + MonthValue(0, month).substr(5) + "-" +
                     DayValue(0, 1, day).substr(8)
               : "XXXX-" + MonthValue(0, month).substr(5);
  }
  const int here = doc->month * 100 + (day ? doc->day : 0);
  const int there = month * 100 + day;
  int year = doc->year;
  if (future) {
    if (there < here) ++year;
  } else if (past) {
    if (there > here) --year;
  } else {
    // Nearest: months apart, counted on the 12-month circle.
    const int diff = (month - doc->month) * 100 + (day ? day - doc->day : 0);
    if (diff > 600) --year;
    if (diff < -600) ++year;
  }
  if (day) {
    if (!IsValidDay(year, month, day)) return "";
    return DayValue(year, month, day);
  }
  return MonthValue(year, month);
}

}  // namespace newsfacts::dates
