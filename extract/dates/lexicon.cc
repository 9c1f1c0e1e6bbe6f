#include "extract/dates/lexicon.h"

#include <re2/re2.h>
#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/smpdtfmt.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>

namespace newsfacts::dates {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string Trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Reads a `#`-commented, TAB-separated list. A missing file is an error:
// the tagger would silently lose a whole family of rules otherwise.
Result<Rows> ReadTable(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("date resource " + path);
  Rows rows;
  std::string line;
  while (std::getline(in, line)) {
    const auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    if (Trim(line).empty()) continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(Trim(col));
    rows.push_back(std::move(cols));
  }
  return rows;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// Adds ICU's wide and abbreviated month names (format and standalone
// contexts, which differ in Russian: genitive "марта" vs "март").
void AddIcuNames(const std::string& lang, DateLexicon& lex) {
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(icu::Locale(lang.c_str()), status);
  if (U_FAILURE(status)) return;
  using S = icu::DateFormatSymbols;
  for (auto context : {S::FORMAT, S::STANDALONE}) {
    int32_t n = 0;
    const icu::UnicodeString* wide = symbols.getMonths(n, context, S::WIDE);
    for (int32_t i = 0; i < n && i < 12; ++i)
      lex.months[ToUtf8(wide[i])] = i + 1;
    const icu::UnicodeString* abbr =
        symbols.getMonths(n, context, S::ABBREVIATED);
    for (int32_t i = 0; i < n && i < 12; ++i) {
      std::string a = ToUtf8(abbr[i]);
      if (!a.empty() && a.back() == '.') a.pop_back();
      if (!lex.months.count(a)) lex.month_abbrevs[a] = i + 1;
    }
    const icu::UnicodeString* days = symbols.getWeekdays(n, context, S::WIDE);
    // ICU numbers weekdays Sunday = 1 .. Saturday = 7, index 0 unused.
    for (int32_t i = 1; i < n && i <= 7; ++i)
      lex.weekdays[ToUtf8(days[i])] = i == 1 ? 7 : i - 1;
  }
}

// The field order and the year's literal of the locale's long date
// pattern: "d MMMM y 'г'." -> "dMy" and "г.".
void AddIcuOrder(const std::string& lang, DateLexicon& lex) {
  std::unique_ptr<icu::DateFormat> f(icu::DateFormat::createDateInstance(
      icu::DateFormat::kLong, icu::Locale(lang.c_str())));
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(f.get());
  if (!simple) return;
  icu::UnicodeString pattern;
  simple->toPattern(pattern);
  const std::string p = ToUtf8(pattern);
  bool after_year = false;
  for (size_t i = 0; i < p.size(); ++i) {
    const char ch = p[i];
    if (ch == '\'') {
      const size_t close = p.find('\'', i + 1);
      if (close == std::string::npos) break;
      std::string literal = p.substr(i + 1, close - i - 1);
      if (after_year && !literal.empty()) {
        // The dot after a quoted year mark belongs to it ("г.").
        if (close + 1 < p.size() && p[close + 1] == '.') literal += '.';
        lex.year_words.push_back(literal);
      }
      after_year = false;
      i = close;
      continue;
    }
    if ((ch == 'd' || ch == 'M' || ch == 'L' || ch == 'y') &&
        (i == 0 || p[i - 1] != ch)) {
      const char field = ch == 'L' ? 'M' : ch;
      if (lex.date_order.find(field) == std::string::npos)
        lex.date_order += field;
      after_year = field == 'y';
    } else if (std::isalpha(static_cast<unsigned char>(ch)) &&
               (i == 0 || p[i - 1] != ch)) {
      after_year = false;
    }
  }
}

Unit ParseUnit(const std::string& code) {
  Unit u;
  size_t i = 0;
  int factor = 0;
  while (i < code.size() && std::isdigit(static_cast<unsigned char>(code[i])))
    factor = factor * 10 + (code[i++] - '0');
  u.factor = factor == 0 ? 1 : factor;
  if (i < code.size() && code[i] == 'T') {
    u.time = true;
    ++i;
  }
  u.code = code.substr(i);
  return u;
}

}  // namespace

std::string Alternation(const std::vector<std::string>& words) {
  std::vector<std::string> sorted = words;
  std::sort(sorted.begin(), sorted.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() != b.size() ? a.size() > b.size() : a < b;
            });
  std::string out = "(?:";
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i) out += "|";
    out += RE2::QuoteMeta(sorted[i]);
  }
  return out + ")";
}

Result<DateLexicon> DateLexicon::Load(const std::string& lang_dir,
                                      const std::string& lang) {
  DateLexicon lex;
  AddIcuNames(lang, lex);
  AddIcuOrder(lang, lex);
  auto path = [&](const char* name) { return lang_dir + "/" + name; };

  auto months = ReadTable(path("dates-months.txt"));
  if (!months.ok()) return months.status();
  for (const auto& r : *months) {
    if (r.size() < 3) continue;
    const int m = std::atoi(r[1].c_str());
    if (m < 1 || m > 12) continue;
    (r[2] == "abbrev" ? lex.month_abbrevs : lex.months)[r[0]] = m;
  }
  auto numbers = ReadTable(path("dates-numbers.txt"));
  if (!numbers.ok()) return numbers.status();
  for (const auto& r : *numbers)
    if (r.size() >= 2)
      lex.numbers[r[0]] = r[1] == "X" ? -1 : std::atof(r[1].c_str());
  auto units = ReadTable(path("dates-units.txt"));
  if (!units.ok()) return units.status();
  for (const auto& r : *units)
    if (r.size() >= 2) lex.units[r[0]] = ParseUnit(r[1]);
  auto phrases = ReadTable(path("dates-phrases.txt"));
  if (!phrases.ok()) return phrases.status();
  for (const auto& r : *phrases)
    if (r.size() >= 3) lex.phrases[r[0]] = Phrase{r[1], r[2]};
  auto mods = ReadTable(path("dates-modifiers.txt"));
  if (!mods.ok()) return mods.status();
  for (const auto& r : *mods)
    if (r.size() >= 3) lex.modifiers[r[0]] = Modifier{r[1], r[2]};
  auto seasons = ReadTable(path("dates-seasons.txt"));
  if (!seasons.ok()) return seasons.status();
  for (const auto& r : *seasons) {
    if (r.size() >= 2) lex.seasons[r[0]] = r[1];
    if (r.size() >= 3 && r[2] == "free") lex.free_seasons.push_back(r[0]);
  }
  auto sets = ReadTable(path("dates-sets.txt"));
  if (!sets.ok()) return sets.status();
  for (const auto& r : *sets)
    if (r.size() >= 2) lex.sets[r[0]] = Phrase{"SET", r[1]};
  // Optional: weekday forms ICU lacks (Russian accusative "в среду").
  if (auto extra = ReadTable(path("dates-weekdays.txt")); extra.ok()) {
    for (const auto& r : *extra) {
      const int d = r.size() >= 2 ? std::atoi(r[1].c_str()) : 0;
      if (d >= 1 && d <= 7) lex.weekdays[r[0]] = d;
    }
  }
  std::vector<std::string> inflections;
  auto words = ReadTable(path("dates-words.txt"));
  if (!words.ok()) return words.status();
  for (const auto& r : *words) {
    if (r.size() < 2) continue;
    if (r[1] == "future") lex.future_cues.push_back(r[0]);
    if (r[1] == "past") lex.past_cues.push_back(r[0]);
    if (r[1] == "past-suffix") lex.past_suffixes.push_back(r[0]);
    if (r[1] == "report") lex.report_verbs.push_back(r[0]);
    if (r[1] == "year-word") lex.year_words.push_back(r[0]);
    if (r[1] == "day-suffix") lex.day_suffixes.push_back(r[0]);
    if (r[1] == "ago") lex.ago_words.push_back(r[0]);
    if (r[1] == "inflection") inflections.push_back(r[0]);
    if (r[1] == "trigger") lex.month_triggers.push_back(r[0]);
    if (r[1] == "adjective") lex.duration_adjectives.push_back(r[0]);
    if (r[1] == "year-blocker") lex.year_blockers.push_back(r[0]);
    if (r[1] == "count-noun") lex.count_nouns.push_back(r[0]);
    if (r[1] == "count-ending") lex.count_endings.push_back(r[0]);
    if (r[1] == "count-exception") lex.count_exceptions.push_back(r[0]);
    if (r[1] == "year-preposition") lex.year_prepositions.push_back(r[0]);
    if (r[1] == "determiner") lex.determiners.push_back(r[0]);
  }
  // Case endings on ICU's names: Kazakh "наурыз" + "дың" (of March), +
  // "да" (in March); "дүйсенбі" + "де" (on Monday).
  const auto base_months = lex.months;
  const auto base_weekdays = lex.weekdays;
  for (const auto& ending : inflections) {
    for (const auto& [name, m] : base_months)
      if (!lex.months.count(name + ending))
        lex.month_inflected[name + ending] = m;
    for (const auto& [name, d] : base_weekdays)
      lex.weekdays.emplace(name + ending, d);
  }
  lex.months.insert(lex.month_inflected.begin(), lex.month_inflected.end());
  // Sentence-initial capitals of lowercase names ("Дүйсенбіде",
  // "Наурыздың"); ICU's title casing leaves "March" as it is.
  auto titled = [](const std::string& s) {
    std::string out;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    if (u.isEmpty()) return out;
    icu::UnicodeString first(u.char32At(0));
    u.replace(0, first.length(), first.toUpper(icu::Locale::getRoot()));
    u.toUTF8String(out);
    return out;
  };
  for (auto* names : {&lex.months, &lex.weekdays, &lex.month_inflected}) {
    const auto copy = *names;
    for (const auto& [name, n] : copy) names->emplace(titled(name), n);
  }
  if (lex.months.empty())
    return Status::NotFound("no month names for language " + lang);
  return lex;
}

}  // namespace newsfacts::dates
