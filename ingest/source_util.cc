// Dates as feeds and sitemaps write them (RFC 822 and W3C datetime), text
// clean-up, and libxml2 start-up.

#include "ingest/source_util.h"

#include <libxml/parser.h>

#include <array>
#include <cstdio>
#include <mutex>

#include "core/types.h"

namespace newsfacts::ingest_internal {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A small cursor over the date text.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  void SkipSpace() {
    while (p_ < s_.size() && IsSpace(s_[p_])) ++p_;
  }
  bool Done() const { return p_ >= s_.size(); }
  // Eats one space when a digit follows ("2026-11-28 18:02").
  bool SpaceBeforeDigit() {
    if (p_ + 1 < s_.size() && s_[p_] == ' ' && IsDigit(s_[p_ + 1])) {
      ++p_;
      return true;
    }
    return false;
  }
  char Peek() const { return p_ < s_.size() ? s_[p_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++p_;
    return true;
  }
  // Reads 1..max_digits digits; *digits gets how many were read.
  bool Number(int max_digits, int* value, int* digits = nullptr) {
    int n = 0, v = 0;
    while (n < max_digits && IsDigit(Peek())) {
      v = v * 10 + (s_[p_] - '0');
      ++p_;
      ++n;
    }
    if (digits) *digits = n;
    *value = v;
    return n > 0;
  }
  bool Fixed(int digits, int* value) {
    int n = 0;
    return Number(digits, value, &n) && n == digits;
  }
  std::string Word() {
    std::string w;
    while (p_ < s_.size() && ((s_[p_] >= 'a' && s_[p_] <= 'z') ||
                              (s_[p_] >= 'A' && s_[p_] <= 'Z'))) {
      w.push_back(AsciiLower(s_[p_]));
      ++p_;
    }
    return w;
  }

 private:
  std::string_view s_;
  size_t p_ = 0;
};

bool ValidCivil(int y, int mo, int d, int h, int mi, int s) {
  return y >= 1000 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 &&
         d <= DaysInMonth(y, mo) && h >= 0 && h <= 24 && mi >= 0 && mi <= 59 &&
         s >= 0 && s <= 60;
}

std::string FormatUtc(int64_t t) {
  int64_t days = t / 86400;
  int64_t rem = t % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  const CivilDay day = CivilFromDays(days);
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02dZ", day.year,
                day.month, day.day, static_cast<int>(rem / 3600),
                static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  return buf;
}

int MonthFromName(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w.substr(0, 3) == kMonths[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

// RFC 822 5.1 zone names, in minutes east of UTC; military letters (one
// letter) are treated as UTC, as RFC 1123 5.2.14 advises.
bool ZoneOffset(std::string_view zone, int* minutes) {
  static constexpr std::array<std::pair<std::string_view, int>, 11> kZones = {{
      {"ut", 0},
      {"utc", 0},
      {"gmt", 0},
      {"z", 0},
      {"est", -5 * 60},
      {"edt", -4 * 60},
      {"cst", -6 * 60},
      {"cdt", -5 * 60},
      {"mst", -7 * 60},
      {"mdt", -6 * 60},
      {"pst", -8 * 60},
  }};
  if (zone == "pdt") {
    *minutes = -7 * 60;
    return true;
  }
  for (const auto& [name, offset] : kZones) {
    if (zone == name) {
      *minutes = offset;
      return true;
    }
  }
  if (zone.size() == 1) {
    *minutes = 0;
    return true;
  }
  return false;
}

}  // namespace

int64_t UnixSeconds(int year, int month, int day, int hour, int minute,
                    int second) {
  const int64_t days = DaysFromCivil(CivilDay{year, month, day});
  return days * 86400 + hour * 3600 + minute * 60 + second;
}

std::string Rfc822DateToIso(std::string_view text) {
  Scanner sc(text);
  sc.SkipSpace();
  // Optional weekday: "Sat," (some feeds drop the comma).
  if (!IsDigit(sc.Peek())) {
    if (sc.Word().empty()) return "";
    sc.Eat(',');
    sc.SkipSpace();
  }
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, year_digits = 0;
  if (!sc.Number(2, &day)) return "";
  sc.SkipSpace();
  sc.Eat('-');
  const int month = MonthFromName(sc.Word());
  if (month == 0) return "";
  sc.SkipSpace();
  sc.Eat('-');
  if (!sc.Number(4, &year, &year_digits)) return "";
  if (year_digits == 2) {
    year += year < 50 ? 2000 : 1900;
  } else if (year_digits != 4) {
    return "";
  }
  sc.SkipSpace();
  int offset_minutes = 0;
  if (!sc.Done()) {
    if (!sc.Number(2, &hour) || !sc.Eat(':') || !sc.Fixed(2, &minute)) {
      return "";
    }
    if (sc.Eat(':') && !sc.Fixed(2, &second)) return "";
    sc.SkipSpace();
    if (sc.Peek() == '+' || sc.Peek() == '-') {
      const bool negative = sc.Peek() == '-';
      sc.Eat(sc.Peek());
      int hh = 0, mm = 0;
      if (!sc.Fixed(2, &hh)) return "";
      sc.Eat(':');
      if (!sc.Fixed(2, &mm)) return "";
      offset_minutes = (negative ? -1 : 1) * (hh * 60 + mm);
    } else if (!sc.Done()) {
      const std::string zone = sc.Word();
      if (!zone.empty() && !ZoneOffset(zone, &offset_minutes)) return "";
    }
  }
  if (!ValidCivil(year, month, day, hour, minute, second)) return "";
  return FormatUtc(UnixSeconds(year, month, day, hour, minute, second) -
                   int64_t{offset_minutes} * 60);
}

std::string W3cDateToIso(std::string_view text) {
  Scanner sc(text);
  sc.SkipSpace();
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  if (!sc.Fixed(4, &year)) return "";
  char buf[16];
  if (!sc.Eat('-')) {
    sc.SkipSpace();
    if (!sc.Done() || !ValidCivil(year, 1, 1, 0, 0, 0)) return "";
    std::snprintf(buf, sizeof(buf), "%04d", year);
    return buf;
  }
  if (!sc.Fixed(2, &month)) return "";
  if (!sc.Eat('-')) {
    sc.SkipSpace();
    if (!sc.Done() || !ValidCivil(year, month, 1, 0, 0, 0)) return "";
    std::snprintf(buf, sizeof(buf), "%04d-%02d", year, month);
    return buf;
  }
  if (!sc.Fixed(2, &day)) return "";
  if (!sc.Eat('T') && !sc.Eat('t') && !sc.SpaceBeforeDigit()) {
    sc.SkipSpace();
    if (!sc.Done() || !ValidCivil(year, month, day, 0, 0, 0)) return "";
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  if (!sc.Fixed(2, &hour) || !sc.Eat(':') || !sc.Fixed(2, &minute)) return "";
  if (sc.Eat(':')) {
    if (!sc.Fixed(2, &second)) return "";
    if (sc.Eat('.') || sc.Eat(',')) {
      int fraction = 0, digits = 0;
      if (!sc.Number(9, &fraction, &digits)) return "";
    }
  }
  int offset_minutes = 0;
  if (sc.Eat('Z') || sc.Eat('z')) {
  } else if (sc.Peek() == '+' || sc.Peek() == '-') {
    const bool negative = sc.Peek() == '-';
    sc.Eat(sc.Peek());
    int hh = 0, mm = 0;
    if (!sc.Fixed(2, &hh)) return "";
    sc.Eat(':');
    if (!sc.Done() && !sc.Fixed(2, &mm)) return "";
    offset_minutes = (negative ? -1 : 1) * (hh * 60 + mm);
  }
  sc.SkipSpace();
  if (!sc.Done() || !ValidCivil(year, month, day, hour, minute, second)) {
    return "";
  }
  return FormatUtc(UnixSeconds(year, month, day, hour, minute, second) -
                   int64_t{offset_minutes} * 60);
}

std::string AnyDateToIso(std::string_view text) {
  std::string iso = W3cDateToIso(text);
  if (iso.empty()) iso = Rfc822DateToIso(text);
  return iso;
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : text) {
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void EnsureXmlInitialized() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace newsfacts::ingest_internal
