#include "extract/dates/rules.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "extract/dates/calendar.h"
#include "extract/dates/values.h"
#include "extract/text/text.h"

namespace newsfacts::dates {
namespace {

char CharAt(const MatchContext& c, size_t pos) {
  return pos < c.text->text.size() ? c.text->text[pos] : '\0';
}

size_t MatchEnd(const MatchContext& c) {
  return c.Offset(0) + c.groups[0].size();
}

// Month number of a written form, with or without the abbreviation dot.
std::string ResolveTemplate(const std::string& t, const MatchContext& c) {
  if (t.empty() || t[0] != '@') return t;
  const auto& doc = c.doc_date;
  std::string base = t.substr(1);
  std::string suffix;
  if (auto colon = base.find(':'); colon != std::string::npos) {
    suffix = base.substr(colon + 1);
    base = base.substr(0, colon);
  }
  int delta = 0;
  if (auto sign = base.find_first_of("+-"); sign != std::string::npos) {
    delta = ToInt(base.substr(sign + 1)) * (base[sign] == '-' ? -1 : 1);
    base = base.substr(0, sign);
  }
  if (base == "today") {
    // "today" is the publication day only where the story reports an act
    // of that day; otherwise news uses it for "nowadays" (TimeBank).
    static const RE2 kDayCue(
        "(?i)\\b(?:said|says|announced|told|reported|earlier|later|until)"
        "\\W+$");
    const size_t at = c.Offset(0);
    const size_t from = at > 30 ? at - 30 : 0;
    if (doc && (c.future || RE2::PartialMatch(
                                c.text->text.substr(from, at - from), kDayCue)))
      return doc->ToIso();
    return "PRESENT_REF";
  }
  // A fixed day of the year ("@md1225" for Christmas), resolved like
  // "December 25".
  if (base.size() == 6 && base.rfind("md", 0) == 0)
    return ResolvePartial(doc, ToInt(base.substr(2, 2)),
                          ToInt(base.substr(4, 2)), c.future, c.past);
  if (!doc) {
    if (base == "year" || base == "decade") return "XXXX";
    if (base == "month") return "XXXX-XX";
    if (base == "week" || base == "weekend" || base == "nearweekend")
      return "XXXX-WXX";
    return "XXXX-XX-XX" + suffix;
  }
  if (base == "day") {
    std::string v = AddDays(*doc, delta).ToIso();
    return v + suffix;
  }
  if (base == "year") return YearValue(doc->year + delta);
  if (base == "decade") return YearValue(doc->year + 10 * delta).substr(0, 3);
  if (base == "month") {
    const int total = doc->year * 12 + (doc->month - 1) + delta;
    return MonthValue(total / 12, total % 12 + 1);
  }
  if (base == "week") return IsoWeekValue(AddDays(*doc, 7 * delta));
  if (base == "weekend") return IsoWeekValue(AddDays(*doc, 7 * delta)) + "-WE";
  // "over the weekend": the one just past, or the coming one in a
  // future sentence; on a Saturday or Sunday, the current one.
  if (base == "nearweekend") {
    const int wd = IsoWeekday(*doc);
    const int shift = wd >= 6 || c.future ? 0 : -7;
    return IsoWeekValue(AddDays(*doc, shift)) + "-WE";
  }

  return t;
}

std::string Weekday(const MatchContext& c, int iso_weekday,
                    std::string_view qualifier) {
  if (!c.doc_date) return "XXXX-WXX-" + std::to_string(iso_weekday);
  const std::string q = LowerCase(qualifier);
  bool future = c.future;
  if (q == "last" || q == "past") future = false;
  if (q == "next" || q == "coming") future = true;
  const int today = IsoWeekday(*c.doc_date);
  const int ahead = (iso_weekday - today + 7) % 7;
  const int back = (today - iso_weekday + 7) % 7;
  // Without a tense cue either way, the nearer day; ties go back.
  const bool forward =
      future || (!c.past && q.empty() && ahead > 0 && ahead < back);
  int delta = forward ? ahead : -back;
  if (delta == 0 && (q == "last" || q == "next")) delta = forward ? 7 : -7;
  return AddDays(*c.doc_date, delta).ToIso();
}

void Add(RuleSet& set, std::string id, const std::string& pattern,
         std::function<bool(const MatchContext&, DateMention&)> make,
         int extent_group = 0) {
  RE2::Options opts;
  opts.set_log_errors(true);
  Rule r;
  r.id = std::move(id);
  std::string p = pattern;
  if (set.unicode_bounds)
    for (size_t at; (at = p.find("\\b")) != std::string::npos;) p.erase(at, 2);
  r.re = std::make_unique<RE2>(p, opts);
  r.extent_group = extent_group;
  r.make = std::move(make);
  set.rules.push_back(std::move(r));
}

// Days a..b of month `mo` as a DURATION with begin/end_value. With no
// `year`, the year comes from resolving the day written next to the month
// against the document date ("March 3-5": March 3; "3-5 March": March 5).
bool FillDayRange(const MatchContext& c, int mo, int a, int b,
                  std::string_view year, bool anchor_first, DateMention& m) {
  std::string first, last;
  if (!year.empty()) {
    const int y = ToInt(year);
    if (!IsValidDay(y, mo, b)) return false;
    first = DayValue(y, mo, a);
    last = DayValue(y, mo, b);
  } else {
    const std::string anchor =
        ResolvePartial(c.doc_date, mo, anchor_first ? a : b, c.future,
                       c.past);
    if (anchor.empty()) return false;
    const std::string other = DayValue(0, 1, anchor_first ? b : a).substr(8);
    first = anchor_first ? anchor : anchor.substr(0, 8) + other;
    last = anchor_first ? anchor.substr(0, 8) + other : anchor;
  }
  m.type = "DURATION";
  m.value = "P" + std::to_string(b - a) + "D";
  m.begin = first;
  m.end_value = last;
  return true;
}

}  // namespace

RuleSet BuildRules(const DateLexicon& lex) {
  RuleSet set;
  for (const auto& [name, number] : lex.months)
    for (unsigned char ch : name) set.unicode_bounds |= ch >= 0x80;
  const DateLexicon* L = &lex;
  const std::string month = KeysAlternation(lex.months);
  std::map<std::string, int> all_months = lex.months;
  all_months.insert(lex.month_abbrevs.begin(), lex.month_abbrevs.end());
  const std::string any_month = KeysAlternation(all_months) + "\\.?";
  // Ordinal endings come from the language's data ("th", "-го", "-сі").
  const std::string day =
      "([12]\\d|3[01]|0?[1-9])" +
      (lex.day_suffixes.empty() ? std::string()
                                : "(?:" + Alternation(lex.day_suffixes) + ")?");
  const std::string year = "(1[6-9]\\d\\d|20\\d\\d)";
  // Next to a month and day, older years are unambiguous.
  const std::string full_year = "(1\\d\\d\\d|20\\d\\d)";
  const std::string number = "((?i:" + KeysAlternation(lex.numbers) + "(?:-" +
                             KeysAlternation(lex.numbers) +
                             ")?)|\\d{1,4}(?:\\.\\d+)?)";
  const std::string unit = "((?i:" + KeysAlternation(lex.units) + "))";
  const std::string ago = lex.ago_words.empty()
                              ? std::string("[^\\x00-\\x{10FFFF}]")
                              : Alternation(lex.ago_words);
  const std::string adjective =
      "(?:(?i:" + Alternation(lex.duration_adjectives) + ")[ -])?";
  const std::string weekday = KeysAlternation(lex.weekdays);
  const std::string season = "((?i:" + KeysAlternation(lex.seasons) + "))";
  // No letter or digit may touch a match (RE2's \b is ASCII-only).
  const std::string kL = "(?:^|[^\\pL\\pN])";
  const std::string kR = "(?:$|[^\\pL\\pN])";
  // Time zones TimeML keeps inside a clock time's extent ("21:30 GMT",
  // "10 a.m. local time").
  const std::string kZone =
      "(?:(?:GMT|UTC|CET|CEST|EET|EEST|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|"
      "BST|IST|JST)\\b|(?i:local time|Moscow time|Kyiv time|Eastern time|"
      "Pacific time|ET|PT)\\b)";

  const std::string year_word =
      lex.year_words.empty() ? std::string()
                             : "(?: (?i:" + Alternation(lex.year_words) + "))";
  // The locale's own order of day, month and year, from CLDR's long date
  // pattern ("17 березня 2022 року", "2022 жылғы 17 наурыз").
  if (lex.date_order.size() == 3) {
    std::string re = "\\b";
    std::map<char, int> group;
    int next_group = 1;
    for (size_t i = 0; i < 3; ++i) {
      const char f = lex.date_order[i];
      if (i) re += "[ ,.\\-]{1,3}";
      if (f == 'd') re += day;
      if (f == 'M') re += "(" + any_month + ")";
      if (f == 'y') re += full_year + (year_word.empty() ? "" : year_word + "?");
      group[f] = next_group++;
    }
    Add(set, "locale-date", re + "\\b",
        [L, group](const MatchContext& c, DateMention& m) {
          const int mo = MonthOf(*L, c.groups[group.at('M')]);
          const int d = ToInt(c.groups[group.at('d')]);
          const int y = ToInt(c.groups[group.at('y')]);
          if (mo == 0 || !IsValidDay(y, mo, d)) return false;
          m.value = DayValue(y, mo, d);
          return true;
        });
  }
  // "2001 году", "2022 жылы": a year with its word is surely a year.
  if (!year_word.empty())
    Add(set, "year-marked", "\\b" + full_year + year_word + "\\b",
        [](const MatchContext& c, DateMention& m) {
          m.value = std::string(c.groups[1]);
          return true;
        });
  if (!lex.month_inflected.empty())
    Add(set, "month-inflected",
        "\\b(" + KeysAlternation(lex.month_inflected) + ")\\b",
        [L](const MatchContext& c, DateMention& m) {
          m.value = ResolvePartial(c.doc_date, MonthOf(*L, c.groups[1]), 0,
                                   c.future, c.past);
          return true;
        });
  Add(set, "iso-date", "\\b(\\d{4})-(\\d\\d)-(\\d\\d)\\b",
      [](const MatchContext& c, DateMention& m) {
        const int y = ToInt(c.groups[1]), mo = ToInt(c.groups[2]),
                  d = ToInt(c.groups[3]);
        if (!IsValidDay(y, mo, d)) return false;
        m.value = DayValue(y, mo, d);
        return true;
      });
  Add(set, "month-day-year",
      "\\b(" + any_month + ") " + day + ",? " + full_year + "\\b",
      [L](const MatchContext& c, DateMention& m) {
        const int mo = MonthOf(*L, c.groups[1]);
        const int d = ToInt(c.groups[2]), y = ToInt(c.groups[3]);
        if (!IsValidDay(y, mo, d)) return false;
        m.value = DayValue(y, mo, d);
        return true;
      });
  Add(set, "day-month-year",
      "\\b" + day + " (" + any_month + "),? " + full_year + "\\b",
      [L](const MatchContext& c, DateMention& m) {
        const int mo = MonthOf(*L, c.groups[2]);
        const int d = ToInt(c.groups[1]), y = ToInt(c.groups[3]);
        if (!IsValidDay(y, mo, d)) return false;
        m.value = DayValue(y, mo, d);
        return true;
      });
  // "17.03.2022" (day first) and "3/17/2022" (US order unless the first
  // number cannot be a month).
  Add(set, "numeric-date",
      "\\b(\\d{1,2})([./-])(\\d{1,2})[./-]" + full_year + "\\b",
      [](const MatchContext& c, DateMention& m) {
        int a = ToInt(c.groups[1]), b = ToInt(c.groups[3]);
        const int y = ToInt(c.groups[4]);
        int mo = b, d = a;
        if (c.groups[2] == "/" && a <= 12) std::swap(mo, d);
        if (!IsValidDay(y, mo, d)) return false;
        m.value = DayValue(y, mo, d);
        return true;
      });
  Add(set, "day-of-month",
      "\\b(?:(?i:the) )?" + day + " (?i:of) (" + any_month + ")(?:,? " +
          full_year + ")?\\b",
      [L](const MatchContext& c, DateMention& m) {
        const int mo = MonthOf(*L, c.groups[2]);
        const int d = ToInt(c.groups[1]);
        if (!c.groups[3].empty()) {
          const int y = ToInt(c.groups[3]);
          if (!IsValidDay(y, mo, d)) return false;
          m.value = DayValue(y, mo, d);
        } else {
          m.value = ResolvePartial(c.doc_date, mo, d, c.future, c.past);
        }
        return !m.value.empty();
      });
  Add(set, "month-day", "\\b(" + any_month + ") " + day + "\\b",
      [L](const MatchContext& c, DateMention& m) {
        const char next = CharAt(c, MatchEnd(c));
        // "May 5.5 percent", "Jan 10:30" and "Sept 11,2001"-like runs are
        // not month-days.
        if (std::isdigit(static_cast<unsigned char>(next)) || next == ':' ||
            next == '%')
          return false;
        m.value = ResolvePartial(c.doc_date, MonthOf(*L, c.groups[1]),
                                 ToInt(c.groups[2]), c.future, c.past);
        return !m.value.empty();
      });
  // The extent stops before a sentence-final dot ("on 4 February.") unless
  // the listed form itself has one ("5 Jan.").
  Add(
      set, "day-month",
      "\\b(" + day + " (" + KeysAlternation(all_months) + "))(?:$|[^\\pL])",
      [L](const MatchContext& c, DateMention& m) {
        m.value = ResolvePartial(c.doc_date, MonthOf(*L, c.groups[3]),
                                 ToInt(c.groups[2]), c.future, c.past);
        return !m.value.empty();
      },
      1);
  Add(set, "month-year", "\\b(" + any_month + "),? (?:of )?" + year + "\\b",
      [L](const MatchContext& c, DateMention& m) {
        m.value = MonthValue(ToInt(c.groups[2]), MonthOf(*L, c.groups[1]));
        return true;
      });
  Add(set, "month-qualified",
      "\\b((?i:this|last|next|coming|past)) (" + month + ")\\b",
      [L](const MatchContext& c, DateMention& m) {
        const int mo = MonthOf(*L, c.groups[2]);
        const std::string q = LowerCase(c.groups[1]);
        if (!c.doc_date) {
          m.value = ResolvePartial(c.doc_date, mo, 0, false);
          return true;
        }
        int y = c.doc_date->year;
        // "this September" is in the current year; "last"/"next" skip the
        // current month itself.
        if ((q == "last" || q == "past") && mo >= c.doc_date->month) --y;
        if ((q == "next" || q == "coming") && mo <= c.doc_date->month) ++y;
        m.value = MonthValue(y, mo);
        return true;
      });
  Add(set, "quarter",
      "\\b(?:(?i:the) )?((?i:first|second|third|fourth|1st|2nd|3rd|4th))[ -]"
      "((?i:quarter|half))\\b(?:(?: (?i:of))?(?:,? " +
          year + "| ((?i:this|last|next)) (?i:year)))?",
      [](const MatchContext& c, DateMention& m) {
        static const std::map<std::string, int> kOrdinal = {
            {"first", 1}, {"1st", 1}, {"second", 2}, {"2nd", 2},
            {"third", 3}, {"3rd", 3}, {"fourth", 4}, {"4th", 4}};
        auto q = kOrdinal.find(LowerCase(c.groups[1]));
        if (q == kOrdinal.end()) return false;
        std::string y;
        const bool half = LowerCase(c.groups[2]) == "half";
        if (half && q->second > 2) return false;
        if (!c.groups[3].empty()) {
          y = std::string(c.groups[3]);
        } else if (c.groups[4].empty()) {
          // A bare "third quarter" (financial news): the latest one that
          // has begun, or with a future cue the next one.
          if (half) return false;
          if (!c.doc_date) {
            y = "XXXX";
          } else {
            const int now = (c.doc_date->month - 1) / 3 + 1;
            int year = c.doc_date->year;
            if (c.future && q->second < now) ++year;
            if (!c.future && q->second > now) --year;
            y = YearValue(year);
          }
        } else if (c.doc_date) {
          const std::string w = LowerCase(c.groups[4]);
          y = YearValue(c.doc_date->year + (w == "last"   ? -1
                                            : w == "next" ? 1
                                                          : 0));
        } else {
          y = "XXXX";
        }
        m.value = y + (half ? "-H" : "-Q") + std::to_string(q->second);
        return true;
      });
  Add(set, "quarter-code",
      "\\b(?:([QH])([1-4]) " + year + "|" + year + " ([QH])([1-4]))\\b",
      [](const MatchContext& c, DateMention& m) {
        // Groups: Q/H, n, year | year, Q/H, n.
        const bool first = !c.groups[1].empty();
        const std::string kind(first ? c.groups[1] : c.groups[5]);
        const std::string n(first ? c.groups[2] : c.groups[6]);
        if (kind == "H" && n > "2") return false;
        m.value =
            std::string(first ? c.groups[3] : c.groups[4]) + "-" + kind + n;
        return true;
      });
  Add(set, "month-day-range",
      "\\b(" + any_month + ") " + day + " ?(?:[-–]|(?i:to|through|until)) ?" +
          day + "(?:,? " + full_year + ")?\\b",
      [L](const MatchContext& c, DateMention& m) {
        const int mo = MonthOf(*L, c.groups[1]);
        const int a = ToInt(c.groups[2]), b = ToInt(c.groups[3]);
        if (b <= a) return false;
        return FillDayRange(c, mo, a, b, c.groups[4], /*anchor_first=*/true,
                            m);
      });
  Add(set, "day-month-range",
      "\\b(?:(?i:from|between) )?" + day +
          " ?(?:[-–]|(?i:to|through|until|and)) ?" + day + " (" + any_month +
          ")(?:,? " + full_year + ")?\\b",
      [L](const MatchContext& c, DateMention& m) {
        const int mo = MonthOf(*L, c.groups[3]);
        const int a = ToInt(c.groups[1]), b = ToInt(c.groups[2]);
        if (b <= a || mo == 0) return false;
        // "4 and 22 May" is a range only after "between".
        const std::string_view whole = c.groups[0];
        if (whole.find(" and ") != std::string_view::npos &&
            LowerCase(whole.substr(0, 7)) != "between")
          return false;
        return FillDayRange(c, mo, a, b, c.groups[4], /*anchor_first=*/false,
                            m);
      });
  Add(
      set, "month",
      "(?i:\\b" + Alternation(lex.month_triggers) + ")[ -](" + month + ")\\b",
      [L](const MatchContext& c, DateMention& m) {
        m.value =
            ResolvePartial(c.doc_date, MonthOf(*L, c.groups[1]), 0, c.future,
                           c.past);
        return true;
      },
      1);
  Add(set, "year-range", "\\b" + year + "[-–]" + year + "\\b",
      [](const MatchContext& c, DateMention& m) {
        const int a = ToInt(c.groups[1]), b = ToInt(c.groups[2]);
        if (b <= a || b - a > 100) return false;
        m.type = "DURATION";
        m.value = "P" + std::to_string(b - a) + "Y";
        m.begin = std::string(c.groups[1]);
        m.end_value = std::string(c.groups[2]);
        return true;
      });
  auto blocker = std::make_shared<RE2>("(?i)(?:^|[^\\pL])" +
                                       Alternation(lex.year_blockers) + " $");
  // "1600 protesters", "1600 участников": a noun of counted things right
  // after the number (a listed one, or a lowercase word of at least two
  // letters before a listed ending that is no listed exception) ...
  auto listed = [](const std::vector<std::string>& words) {
    return words.empty() ? std::string("[^\\x00-\\x{10FFFF}]")
                         : Alternation(words);
  };
  auto counted = std::make_shared<RE2>(
      "^ (?:(?i:" + listed(lex.count_nouns) + ")" + kR + "|(\\p{Ll}\\pL+" +
      listed(lex.count_endings) + ")" + kR + ")");
  // ... unless a word of time stands before it ("in 1600 the city",
  // "In 2000 people voted").
  auto year_prep = std::make_shared<RE2>(
      "(?i)(?:^|[^\\pL])" + Alternation(lex.year_prepositions) + " $");
  Add(
      set, "year", kL + "(" + year + ")" + kR,
      [blocker, counted, year_prep, L](const MatchContext& c, DateMention& m) {
        const size_t b = c.Offset(1);
        const char prev = b > 0 ? c.text->text[b - 1] : '\0';
        const size_t e = b + 4;
        const char next = CharAt(c, e);
        const char next2 = CharAt(c, e + 1);
        // Money, codes, phone numbers, "2,019", "2019%" and "1999-era"
        // numbers are not years.
        // "mid-2020" and "pre-2014" keep their year; "555-2019" does not.
        const bool word_dash =
            prev == '-' && b >= 2 &&
            std::isalpha(static_cast<unsigned char>(c.text->text[b - 2]));
        if (prev && !word_dash &&
            std::string_view("$#-/.,+:").find(prev) != std::string_view::npos)
          return false;
        if (next == '%' || next == '-' || next == '/' ||
            ((next == ',' || next == '.' || next == ':') &&
             std::isdigit(static_cast<unsigned char>(next2))))
          return false;
        const size_t from = b > 16 ? b - 16 : 0;
        std::string noun;
        if (RE2::PartialMatch(c.text->text.substr(e, 64), *counted, &noun) &&
            std::find(L->count_exceptions.begin(), L->count_exceptions.end(),
                      noun) == L->count_exceptions.end() &&
            (L->year_prepositions.empty() ||
             !RE2::PartialMatch(c.text->text.substr(from, b - from),
                                *year_prep))) {
          return false;
        }
        if (RE2::PartialMatch(c.text->text.substr(from, b - from), *blocker))
          return false;
        m.value = std::string(c.groups[1]);
        return true;
      },
      1);
  Add(set, "decade",
      "\\b(?:(?i:the) )?(?:(1[6-9]\\d|20\\d)0s\\b|['’]([1-9])0s\\b)",
      [](const MatchContext& c, DateMention& m) {
        // "the '90s" is the 1990s; "the '10s" the 2010s.
        m.value = !c.groups[1].empty() ? std::string(c.groups[1])
                  : c.groups[2] > "2"  ? "19" + std::string(c.groups[2])
                                       : "20" + std::string(c.groups[2]);
        return true;
      });
  // TimeML writes a century as its first two digits: "19th century" -> 18.
  Add(set, "century", "\\b(1\\d|2[01]|[1-9])(?:st|nd|rd|th) (?i:century)\\b",
      [](const MatchContext& c, DateMention& m) {
        char buf[8];
        std::snprintf(buf, sizeof(buf), "%02d", ToInt(c.groups[1]) - 1);
        m.value = buf;
        return true;
      });
  // "the following day", "the previous week": a date relative to the date
  // the story last named; the tagger's Anchor pass fills the value.
  Add(set, "anaphoric",
      "\\b(?i:the) ((?i:following|previous|next|same|prior|preceding)) "
      "((?i:day|week|month|year))\\b",
      [](const MatchContext& c, DateMention& m) {
        const std::string q = LowerCase(c.groups[1]);
        const std::string u = LowerCase(c.groups[2]);
        // "over the next week" is a length, not a date.
        const size_t at = c.Offset(0);
        const size_t from = at > 8 ? at - 8 : 0;
        static const RE2 kSpan("(?i)(?:over|for|within|during) $");
        if (q == "next" && RE2::PartialMatch(c.text->text.substr(from, at - from), kSpan))
          return false;
        const char sign = q == "same" ? '=' : (q == "following" || q == "next") ? '+' : '-';
        m.value = std::string("ANAPHOR") + sign +
                  static_cast<char>(std::toupper(static_cast<unsigned char>(u[0])));
        return true;
      });
  Add(set, "weekday",
      "\\b(?:((?i:last|next|this|coming|past)) )?(" + weekday +
          ")\\b(?: ((?i:morning|afternoon|evening|night))\\b)?",
      [L](const MatchContext& c, DateMention& m) {
        const std::string_view name = c.groups[2];
        auto it = L->weekdays.find(std::string(name));
        if (it == L->weekdays.end()) return false;
        m.value = Weekday(c, it->second, c.groups[1]);
        // "Monday morning" is a TIME: the day plus TIMEX3's part-of-day.
        static const std::map<std::string, std::string> kPart = {
            {"morning", "TMO"},
            {"afternoon", "TAF"},
            {"evening", "TEV"},
            {"night", "TNI"}};
        if (auto part = kPart.find(LowerCase(c.groups[3])); part != kPart.end()) {
          m.type = "TIME";
          m.value += part->second;
        }
        return true;
      });
  // "the end of the decade", "the beginning of next year": the calendar
  // unit around the document date, with the modifier's mod (TimeML 1.2.1
  // section 2.2.3, mod). The plain "end of 2021" goes through
  // AddModifiers instead.
  std::vector<std::string> of_mods;
  for (const auto& [k, v] : lex.modifiers)
    if (v.scope == "point" && k.size() > 3 && k.substr(k.size() - 3) == " of")
      of_mods.push_back(k);
  if (!of_mods.empty())
    Add(set, "period-part",
        "\\b((?i:" + Alternation(of_mods) +
            ")) ((?i:the|this|next|last|the next|the last|the current)) "
            "((?i:decade|century|year|month|week))\\b",
        [L](const MatchContext& c, DateMention& m) {
          auto mod = L->modifiers.find(NormalizeSpace(LowerCase(c.groups[1])));
          if (mod == L->modifiers.end()) return false;
          const std::string q = LowerCase(c.groups[2]);
          const int delta = q.find("next") != std::string::npos   ? 1
                            : q.find("last") != std::string::npos ? -1
                                                                  : 0;
          const std::string unit = LowerCase(c.groups[3]);
          m.mod = mod->second.mod;
          if (!c.doc_date) {
            m.value = unit == "month"  ? "XXXX-XX"
                      : unit == "week" ? "XXXX-WXX"
                                       : "XXXX";
            return true;
          }
          const int y = c.doc_date->year;
          if (unit == "decade") {
            m.value = YearValue(y + 10 * delta).substr(0, 3);
          } else if (unit == "century") {
            m.value = YearValue(y + 100 * delta).substr(0, 2);
          } else if (unit == "year") {
            m.value = YearValue(y + delta);
          } else if (unit == "month") {
            const int total = y * 12 + c.doc_date->month - 1 + delta;
            m.value = MonthValue(total / 12, total % 12 + 1);
          } else {
            m.value = IsoWeekValue(AddDays(*c.doc_date, 7 * delta));
          }
          return true;
        });
  // Fiscal years as TIDES/TimeML write them: "FY2023", "fiscal 2023",
  // "fiscal year 2023" -> FY2023; "FY23" -> FY2023.
  Add(set, "fiscal-year",
      "\\b(?:FY ?(\\d{4}|\\d\\d)|(?i:fiscal(?: year)?) (\\d{4}))\\b",
      [](const MatchContext& c, DateMention& m) {
        std::string y(c.groups[1].empty() ? c.groups[2] : c.groups[1]);
        if (y.size() == 2) y = "20" + y;
        const int n = ToInt(y);
        if (n < 1900 || n > 2099) return false;
        m.value = "FY" + y;
        return true;
      });
  Add(set, "phrase", "(?i:\\b" + KeysAlternation(lex.phrases) + "\\b)",
      [L](const MatchContext& c, DateMention& m) {
        std::string key = NormalizeSpace(LowerCase(c.groups[0]));
        auto it = L->phrases.find(key);
        if (it == L->phrases.end()) return false;
        m.type = it->second.type;
        m.value = ResolveTemplate(it->second.value, c);
        return true;
      });
  Add(set, "duration",
      "\\b(?:((?i:(?:the )?(?:past|last|next|coming|previous|following|"
      "final)|the first)) )?(?:" +
          number + "((?i: and a half))?[ -])?" + adjective + unit +
          "((?i: and a half))?\\b( (?i:" + ago + "))?",
      [L](const MatchContext& c, DateMention& m) {
        const size_t end = MatchEnd(c);
        // "64-year-old" is an age, "a day-long" a modifier of something
        // else; neither is annotated.
        static const RE2 kAge("^(?:-| )(?:old|olds)\\b");
        if (RE2::PartialMatch(c.text->text.substr(end, 6), kAge)) return false;
        const Unit* u = UnitOf(*L, c.groups[4]);
        if (!u) return false;
        double n;
        if (c.groups[2].empty()) {
          // "the past decade" (one unit), "the past years" (vague); "the
          // next day" is an anaphoric date, not a length.
          const std::string prefix = LowerCase(c.groups[1]);
          const std::string w = LowerCase(c.groups[4]);
          const bool plural = w.size() > 1 && w.back() == 's';
          if (prefix.rfind("the ", 0) != 0 ||
              (!plural && (u->time || u->code == "D")))
            return false;
          n = plural ? -1 : 1;
        } else {
          n = CountOf(*L, c.groups[2]);
        }
        if (n == 0) return false;
        // "$5 billion a year", "three times a week": a rate, i.e. a SET.
        static const RE2 kRate(
            "(?i)(?:\\d|illion|thousand|hundred|percent|%|times|once|twice)"
            "\\s*$");
        const std::string article = LowerCase(c.groups[2]);
        const size_t at = c.Offset(0);
        const size_t from = at > 12 ? at - 12 : 0;
        if ((article == "a" || article == "an") && c.groups[1].empty() &&
            RE2::PartialMatch(c.text->text.substr(from, at - from), kRate)) {
          m.type = "SET";
          m.value = DurationValue(1, *u);
          return true;
        }
        if (n > 0 && (!c.groups[3].empty() || !c.groups[5].empty())) n += 0.5;
        if (!c.groups[6].empty()) {
          if (!c.groups[1].empty()) return false;
          m.type = "DATE";
          m.value = AgoValue(c.doc_date, n, *u);
          return true;
        }
        m.type = "DURATION";
        m.value = DurationValue(n, *u);
        return true;
      });
  Add(
      set, "vague-duration",
      "\\b(?i:for|over|in|after|within) ((?i:years|months|weeks|days|decades|"
      "hours))\\b",
      [L](const MatchContext& c, DateMention& m) {
        const Unit* u = UnitOf(*L, c.groups[1]);
        if (!u) return false;
        m.type = "DURATION";
        m.value =
            DurationValue(-1, Unit{u->factor > 1 ? "Y" : u->code, 1, u->time});
        return true;
      },
      1);
  Add(
      set, "vague-later",
      "(?:^|[^\\pL\\pN])((?i:years|months|weeks|days|decades|hours)) "
      "(?i:later|earlier|afterwards)\\b",
      [L](const MatchContext& c, DateMention& m) {
        const Unit* u = UnitOf(*L, c.groups[1]);
        if (!u) return false;
        m.type = "DURATION";
        m.value =
            DurationValue(-1, Unit{u->factor > 1 ? "Y" : u->code, 1, u->time});
        return true;
      },
      1);
  Add(set, "set-every",
      "\\b(?i:every|each|per) (?:" + number + " )?(" + weekday + "|" + unit +
          ")\\b",
      [L](const MatchContext& c, DateMention& m) {
        m.type = "SET";
        auto wd = L->weekdays.find(std::string(c.groups[2]));
        if (wd != L->weekdays.end()) {
          m.value = "XXXX-WXX-" + std::to_string(wd->second);
          return true;
        }
        const Unit* u = UnitOf(*L, c.groups[3]);
        if (!u) return false;
        const double n = c.groups[1].empty() ? 1 : CountOf(*L, c.groups[1]);
        if (n <= 0) return false;
        m.value = DurationValue(n, *u);
        return true;
      });
  Add(set, "set-times",
      "\\b(?i:once|twice|" + number + " times) (?i:a|an|per|every|each) " +
          unit + "\\b",
      [L](const MatchContext& c, DateMention& m) {
        const Unit* u = UnitOf(*L, c.groups[2]);
        if (!u) return false;
        m.type = "SET";
        m.value = DurationValue(1, *u);
        return true;
      });
  Add(set, "set-word", "(?i:\\b" + KeysAlternation(lex.sets) + "\\b)",
      [L](const MatchContext& c, DateMention& m) {
        auto it = L->sets.find(LowerCase(c.groups[0]));
        if (it == L->sets.end()) return false;
        m.type = "SET";
        m.value = it->second.value;
        return true;
      });
  auto trigger = std::make_shared<RE2>(
      "(?i)(?:^|[^\\pL])" + Alternation(lex.month_triggers) + " $");
  Add(set, "season",
      "\\b(?:((?i:this|last|next|the)) )?" + season + "(?:,? (?:of )?" + year +
          ")?\\b",
      [L, trigger](const MatchContext& c, DateMention& m) {
        const std::string q = LowerCase(c.groups[1]);
        auto it = L->seasons.find(LowerCase(c.groups[2]));
        if (it == L->seasons.end()) return false;
        if (!c.groups[3].empty()) {
          m.value = std::string(c.groups[3]) + "-" + it->second;
          return true;
        }
        // A bare season needs "the", a trigger ("in summer") or a form
        // that is its own adverb ("весной").
        const std::string form = LowerCase(c.groups[2]);
        const bool free =
            std::find(L->free_seasons.begin(), L->free_seasons.end(), form) !=
            L->free_seasons.end();
        if (q.empty() && !free &&
            !RE2::PartialMatch(
                c.text->text.substr(c.Offset(0) > 16 ? c.Offset(0) - 16 : 0,
                                    std::min<size_t>(c.Offset(0), 16)),
                *trigger))
          return false;
        if (!c.doc_date) {
          m.value = "XXXX-" + it->second;
          return true;
        }
        int y = c.doc_date->year + (q == "last" ? -1 : q == "next" ? 1 : 0);
        if (q.empty() || q == "the") {
          // The season of the document year, or of the year before when
          // the story looks back at a season that has not begun yet.
          static const std::map<std::string, int> kStart = {
              {"SP", 3}, {"SU", 6}, {"FA", 9}, {"WI", 12}};
          auto start = kStart.find(it->second);
          if (start != kStart.end() && c.past &&
              start->second > c.doc_date->month)
            --y;
        }
        m.value = YearValue(y) + "-" + it->second;
        return true;
      });
  Add(set, "clock-ampm",
      "\\b(1[0-2]|0?[1-9])(?:[:.]([0-5]\\d))? ?(?i:([ap])\\.m\\.|([ap])m\\b)"
      "(?: ?" + kZone + ")?",
      [](const MatchContext& c, DateMention& m) {
        int h = ToInt(c.groups[1]) % 12;
        const std::string ap =
            LowerCase(c.groups[3].empty() ? c.groups[4] : c.groups[3]);
        if (ap == "p") h += 12;
        const int min = c.groups[2].empty() ? 0 : ToInt(c.groups[2]);
        char buf[16];
        std::snprintf(buf, sizeof(buf), "T%02d:%02d", h, min);
        m.type = "TIME";
        m.value = buf;
        return true;
      });
  Add(set, "clock-24h",
      "\\b([01]?\\d|2[0-3]):([0-5]\\d)\\b(?: ?" + kZone + ")?",
      [](const MatchContext& c, DateMention& m) {
        char buf[16];
        std::snprintf(buf, sizeof(buf), "T%02d:%02d", ToInt(c.groups[1]),
                      ToInt(c.groups[2]));
        m.type = "TIME";
        m.value = buf;
        return true;
      });
  Add(set, "clock-word", "\\b(?i:(noon|midday|midnight))\\b",
      [](const MatchContext& c, DateMention& m) {
        m.type = "TIME";
        m.value = LowerCase(c.groups[1]) == "midnight" ? "T24:00" : "T12:00";
        return true;
      });

  // Sentence cues use Unicode word edges (RE2's \\b is ASCII-only, and
  // Cyrillic cues need them too). A future cue takes a passive participle
  // with it ("will be held"), so "held" does not read as a nearer past cue.
  const std::string kNever = "[^\\x00-\\x{10FFFF}]";
  // Clitics ("'ll") attach to the word before them.
  std::vector<std::string> words, clitics;
  for (const auto& cue : lex.future_cues)
    (cue[0] == '\'' ? clitics : words).push_back(cue);
  std::string future = words.empty() ? kNever : kL + Alternation(words);
  if (!clitics.empty()) future += "|" + Alternation(clitics);
  set.future_cue = std::make_unique<RE2>(
      "(?i)(?:" + future + ")(?: (?:be|have been|be being) \\pL+)?" + kR);
  // Past cues are case-sensitive: listed forms, or a lowercase word with a
  // listed past suffix ("detained", not "United"). A language without past
  // cues keeps reading partial dates as past ones (the empty pattern
  // matches every sentence).
  std::vector<std::string> past;
  if (!lex.past_cues.empty()) past.push_back(Alternation(lex.past_cues));
  if (!lex.past_suffixes.empty())
    past.push_back("\\p{Ll}{2,}" + Alternation(lex.past_suffixes));
  set.past_cue = std::make_unique<RE2>(
      past.empty() ? std::string()
                   : kL + "(?:" + past[0] +
                         (past.size() > 1 ? "|" + past[1] : "") + ")" + kR);
  const std::string report = lex.report_verbs.empty()
                                 ? kNever
                                 : Alternation(lex.report_verbs);
  set.report_cue = std::make_unique<RE2>(kL + report + kR);
  set.report_before = std::make_unique<RE2>(
      kL + report + " (?:(?i:on|late|early|late on|early on) )?$");
  std::vector<std::string> point, span;
  for (const auto& [k, v] : lex.modifiers)
    (v.scope == "point" ? point : span).push_back(k);
  set.point_mod = std::make_unique<RE2>("(?i)(?:^|[^\\pL\\pN])(" +
                                        Alternation(point) + ")[ -]$");
  set.span_mod = std::make_unique<RE2>("(?i)(?:^|[^\\pL\\pN])(" +
                                       Alternation(span) + ") $");
  return set;
}

}  // namespace newsfacts::dates
