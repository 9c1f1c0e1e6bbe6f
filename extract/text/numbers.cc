#include "extract/text/numbers.h"

#include <array>
#include <string>
#include <unordered_set>
#include <utility>

namespace newsfacts {
namespace {

// Number words are a closed class, so they live here rather than in a
// config file: the grammar below is tied to what each word does.
struct WordValue {
  std::string_view word;
  int64_t value;
};

constexpr std::array<WordValue, 28> kSmall = {{
    {"zero", 0},     {"one", 1},        {"two", 2},       {"three", 3},
    {"four", 4},     {"five", 5},       {"six", 6},       {"seven", 7},
    {"eight", 8},    {"nine", 9},       {"ten", 10},      {"eleven", 11},
    {"twelve", 12},  {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},    {"forty", 40},    {"fifty", 50},
    {"sixty", 60},   {"seventy", 70},   {"eighty", 80},   {"ninety", 90},
}};

// Russian cardinals in the forms news text uses them with a counted noun
// (nominative and the genitive after "около", "более", "до"), hundreds
// included since they add up like tens ("двести двадцать три"), and the
// collective numerals ("двое журналистов").
constexpr std::array<WordValue, 120> kSmallRu = {{
    {"один", 1},          {"одна", 1},          {"одного", 1},
    {"одной", 1},         {"два", 2},           {"две", 2},
    {"двух", 2},          {"три", 3},           {"трех", 3},
    {"трёх", 3},          {"четыре", 4},        {"четырех", 4},
    {"четырёх", 4},       {"пять", 5},          {"пяти", 5},
    {"шесть", 6},         {"шести", 6},         {"семь", 7},
    {"семи", 7},          {"восемь", 8},        {"восьми", 8},
    {"девять", 9},        {"девяти", 9},        {"десять", 10},
    {"десяти", 10},       {"одиннадцать", 11},  {"одиннадцати", 11},
    {"двенадцать", 12},   {"двенадцати", 12},   {"тринадцать", 13},
    {"тринадцати", 13},   {"четырнадцать", 14}, {"четырнадцати", 14},
    {"пятнадцать", 15},   {"пятнадцати", 15},   {"шестнадцать", 16},
    {"шестнадцати", 16},  {"семнадцать", 17},   {"семнадцати", 17},
    {"восемнадцать", 18}, {"восемнадцати", 18}, {"девятнадцать", 19},
    {"девятнадцати", 19}, {"двадцать", 20},     {"двадцати", 20},
    {"тридцать", 30},     {"тридцати", 30},     {"сорок", 40},
    {"сорока", 40},       {"пятьдесят", 50},    {"пятидесяти", 50},
    {"шестьдесят", 60},   {"шестидесяти", 60},  {"семьдесят", 70},
    {"семидесяти", 70},   {"восемьдесят", 80},  {"восьмидесяти", 80},
    {"девяносто", 90},    {"девяноста", 90},    {"сто", 100},
    {"ста", 100},         {"двести", 200},      {"двухсот", 200},
    {"триста", 300},      {"трехсот", 300},     {"трёхсот", 300},
    {"четыреста", 400},   {"четырехсот", 400},  {"пятьсот", 500},
    {"пятисот", 500},     {"шестьсот", 600},    {"шестисот", 600},
    {"семьсот", 700},     {"семисот", 700},     {"восемьсот", 800},
    {"восьмисот", 800},   {"девятьсот", 900},   {"девятисот", 900},
    {"двое", 2},          {"трое", 3},          {"четверо", 4},
    {"пятеро", 5},        {"шестеро", 6},       {"семеро", 7},
    {"восьмеро", 8},      {"десятеро", 10},     {"девятеро", 9},
    // Oblique cases, as after prepositions and transitive verbs: "к двум",
    // "с тремя", "задержали пятерых", "приговоры пятерым".
    {"двум", 2},          {"двумя", 2},         {"трем", 3},
    {"трём", 3},          {"тремя", 3},         {"четырем", 4},
    {"четырём", 4},       {"четырьмя", 4},      {"пятью", 5},
    {"шестью", 6},        {"восемью", 8},       {"восьмью", 8},
    {"девятью", 9},       {"десятью", 10},      {"двадцатью", 20},
    {"тридцатью", 30},    {"двоих", 2},         {"троих", 3},
    {"четверых", 4},      {"пятерых", 5},       {"шестерых", 6},
    {"семерых", 7},       {"восьмерых", 8},     {"девятерых", 9},
    {"десятерых", 10},    {"двоим", 2},         {"троим", 3},
    {"четверым", 4},      {"пятерым", 5},       {"шестерым", 6},
    {"семерым", 7},       {"восьмерым", 8},     {"десятерым", 10},
}};

// Scale words after digits or number words ("1.2 million", "1,5 млн").
constexpr std::array<WordValue, 26> kScales = {{
    {"thousand", 1000},
    {"тысячу", 1000},
    {"тысячам", 1000},
    {"тысячах", 1000},  // "в 7 тысячах случаев"
    {"тысячами", 1000},
    {"тысячей", 1000},
    {"миллионам", 1000000},
    {"миллионах", 1000000},
    {"миллионами", 1000000},
    {"миллионом", 1000000},
    {"million", 1000000},
    {"billion", 1000000000},
    {"trillion", 1000000000000},
    {"тыс", 1000},
    {"тысяч", 1000},
    {"тысячи", 1000},
    {"тысяча", 1000},
    {"млн", 1000000},
    {"миллион", 1000000},
    {"миллиона", 1000000},
    {"миллионов", 1000000},
    {"млрд", 1000000000},
    {"миллиард", 1000000000},
    {"миллиарда", 1000000000},
    {"миллиардов", 1000000000},
    {"hundred", 100},
}};

// Plural multiples that stand for "at least this many".
constexpr std::array<WordValue, 21> kVague = {{
    {"dozens", 12},
    {"scores", 20},
    {"hundreds", 100},
    {"thousands", 1000},
    {"millions", 1000000},
    {"billions", 1000000000},
    {"tens", 10},  // only as "tens of thousands/millions"
    // Russian: "десятки" is tens (a "десяток" is ten), not dozens.
    {"десятки", 10},
    {"десятков", 10},
    {"сотни", 100},
    {"сотен", 100},
    {"тысячи", 1000},
    {"тысяч", 1000},
    {"миллионы", 1000000},
    {"миллионов", 1000000},
    {"несколько", 0},  // only before a scale: "несколько тысяч"
    {"нескольких", 0},
    {"нескольким", 0},
    {"несколькими", 0},
    {"десяткам", 10},
    {"сотням", 100},
}};

// The second word of "tens of thousands" / "десятки тысяч": the multiple
// of a multiple.
std::optional<int64_t> MultipleOfMultiple(std::string_view w) {
  if (w == "thousands" || w == "тысяч") return 1000;
  if (w == "millions" || w == "миллионов") return 1000000;
  return std::nullopt;
}

// Russian "десяток" (a ten) in the forms that follow a number word.
bool IsTen(std::string_view w) {
  return w == "десяток" || w == "десятка" || w == "десятков";
}

std::optional<int64_t> Lookup(std::string_view w, const auto& table) {
  for (const auto& e : table) {
    if (e.word == w) return e.value;
  }
  return std::nullopt;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Length of a space character at `i` that may separate digit groups or
// words: ' ', NBSP, thin space, narrow NBSP. 0 if none.
size_t SpaceAt(std::string_view t, size_t i, bool allow_ascii) {
  if (i >= t.size()) return 0;
  if (t[i] == ' ') return allow_ascii ? 1 : 0;
  if (t.substr(i, 2) == "\xC2\xA0") return 2;
  if (t.substr(i, 3) == "\xE2\x80\x89" || t.substr(i, 3) == "\xE2\x80\xAF") {
    return 3;
  }
  return 0;
}

bool IsLetterStart(std::string_view t, size_t i) {
  if (i >= t.size()) return false;
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (IsAsciiAlpha(static_cast<char>(c))) return true;
  // Two-byte sequences cover Latin-1 letters and Cyrillic; spaces and
  // punctuation in that range (NBSP, «») are excluded.
  if (c >= 0xC3 && c <= 0xD4) return true;
  return false;
}

// Reads a word (letters, plus a trailing '.' for abbreviations such as
// "тыс."), lowercased for ASCII and Cyrillic capitals. Returns its end.
size_t ReadWord(std::string_view t, size_t i, std::string* out) {
  out->clear();
  size_t j = i;
  while (j < t.size()) {
    unsigned char c = static_cast<unsigned char>(t[j]);
    if (IsAsciiAlpha(static_cast<char>(c))) {
      out->push_back(c <= 'Z' ? static_cast<char>(c + ('a' - 'A'))
                              : static_cast<char>(c));
      ++j;
    } else if (c >= 0xC3 && c <= 0xD4 && j + 1 < t.size()) {
      unsigned char b0 = c;
      unsigned char b1 = static_cast<unsigned char>(t[j + 1]);
      // Cyrillic capitals А-П (D0 90-9F) -> а-п (D0 B0-BF); Р-Я (D0 A0-AF)
      // -> р-я (D1 80-8F).
      if (c == 0xD0) {
        if (b1 >= 0x90 && b1 <= 0x9F) {
          b1 = static_cast<unsigned char>(b1 + 0x20);
        } else if (b1 >= 0xA0 && b1 <= 0xAF) {
          b0 = 0xD1;
          b1 = static_cast<unsigned char>(b1 - 0x20);
        }
      }
      out->push_back(static_cast<char>(b0));
      out->push_back(static_cast<char>(b1));
      j += 2;
    } else {
      break;
    }
  }
  return j;
}

// Whether a number expression may start with the (lowercased) word `w`:
// every word the grammar below accepts first. Most words of a text are
// none of them, so ParseWords() rejects them with one hash lookup.
bool MayStartNumber(std::string_view w) {
  static const std::unordered_set<std::string_view> kStarts = [] {
    std::unordered_set<std::string_view> s;
    for (const auto& e : kSmall) s.insert(e.word);
    for (const auto& e : kSmallRu) s.insert(e.word);
    for (const auto& e : kVague) s.insert(e.word);
    for (std::string_view x :
         {"half", "several", "few", "a", "полтора", "полторы", "полутора",
          "полмиллиона", "полумиллиона", "полтысячи", "полутысячи", "десяток",
          "десятка", "полсотни", "полусотни", "полсотня", "сотню", "сотня",
          "тысяча", "тысячу", "миллион", "миллиона", "миллиард",
          "миллиарда"}) {
      s.insert(x);
    }
    return s;
  }();
  return kStarts.count(w) > 0;
}

// Skips one run of inter-word space (ASCII or not); returns the new index
// or npos when there was none.
size_t SkipSpace(std::string_view t, size_t i) {
  size_t j = i;
  while (size_t n = SpaceAt(t, j, true)) j += n;
  return j == i ? std::string_view::npos : j;
}

bool GroupsWithDot(std::string_view lang) {
  // Languages that write 1.150 for one thousand one hundred fifty.
  std::string_view l = lang.substr(0, 2);
  return l == "de" || l == "ru" || l == "uk" || l == "tr" || l == "id" ||
         l == "it" || l == "es" || l == "pt" || l == "nl" || l == "ro" ||
         l == "sr" || l == "hr" || l == "bs" || l == "az" || l == "ka";
}

bool SpaceIsSeparator(std::string_view lang) {
  std::string_view l = lang.substr(0, 2);
  return l == "ru" || l == "uk" || l == "fr" || l == "kk" || l == "ky" ||
         l == "be" || l == "pl" || l == "cs";
}

// Tries a scale word after a number ending at `i`: " million", " млн.".
void ApplyScale(std::string_view t, ParsedNumber* n, double exact) {
  size_t j = SkipSpace(t, n->end);
  if (j == std::string_view::npos || !IsLetterStart(t, j)) {
    n->value = static_cast<int64_t>(exact);
    return;
  }
  std::string w;
  size_t e = ReadWord(t, j, &w);
  auto scale = Lookup(w, kScales);
  if (!scale || IsLetterStart(t, e)) {
    n->value = static_cast<int64_t>(exact);
    return;
  }
  if (e < t.size() && t[e] == '.' &&
      (w == "тыс" || w == "млн" || w == "млрд")) {
    ++e;
  }
  const double scaled = exact * static_cast<double>(*scale) + 0.5;
  if (scaled >= 9e18) {  // beyond int64: leave the scale word out
    n->value = static_cast<int64_t>(exact);
    return;
  }
  n->value = static_cast<int64_t>(scaled);
  n->end = e;
}

void ApplyPlus(std::string_view t, ParsedNumber* n) {
  if (n->end < t.size() && t[n->end] == '+') {
    n->plus = true;
    ++n->end;
    return;
  }
  if (t.substr(n->end, 5) == "-plus" && !IsLetterStart(t, n->end + 5)) {
    n->plus = true;
    n->end += 5;
  }
}

std::optional<ParsedNumber> ParseDigits(std::string_view t, size_t pos,
                                        std::string_view lang) {
  const char group = GroupsWithDot(lang) ? '.' : ',';
  const char point = group == '.' ? ',' : '.';
  const bool ascii_space = SpaceIsSeparator(lang);
  ParsedNumber n;
  n.begin = pos;
  size_t i = pos;
  std::string digits;
  while (i < t.size() && IsDigit(t[i])) digits.push_back(t[i++]);
  // Indian grouping, "1,72,165" (lakh) and "12,34,56,789" (crore): pairs
  // of digits after the first group, then a final group of three.
  if (group == ',' && digits.size() <= 2) {
    size_t k = i;
    std::string more;
    size_t pairs = 0;
    while (k + 3 <= t.size() && t[k] == ',' && IsDigit(t[k + 1]) &&
           IsDigit(t[k + 2]) && (k + 3 == t.size() || !IsDigit(t[k + 3]))) {
      more.append(t.substr(k + 1, 2));
      k += 3;
      ++pairs;
    }
    if (pairs > 0 && k + 4 <= t.size() && t[k] == ',' && IsDigit(t[k + 1]) &&
        IsDigit(t[k + 2]) && IsDigit(t[k + 3]) &&
        (k + 4 == t.size() || !IsDigit(t[k + 4]))) {
      digits += more;
      digits.append(t.substr(k + 1, 3));
      i = k + 4;
      n.has_separator = true;
    }
  }
  if (digits.size() <= 3 && !n.has_separator) {
    while (true) {
      size_t sep = 0;
      if (i < t.size() && t[i] == group)
        sep = 1;
      else
        sep = SpaceAt(t, i, ascii_space);
      if (sep == 0) break;
      size_t k = i + sep;
      size_t m = 0;
      while (k + m < t.size() && IsDigit(t[k + m])) ++m;
      if (m != 3) break;
      digits.append(t.substr(k, 3));
      i = k + 3;
      n.has_separator = true;
    }
  }
  if (digits.size() > 15) return std::nullopt;  // ids, not quantities
  double exact = static_cast<double>(std::stoll(digits));
  if (i + 1 < t.size() && t[i] == point && IsDigit(t[i + 1])) {
    size_t k = i + 1;
    double scale = 0.1;
    while (k < t.size() && IsDigit(t[k])) {
      exact += (t[k] - '0') * scale;
      scale /= 10;
      ++k;
    }
    n.decimal = true;
    i = k;
  }
  if (IsLetterStart(t, i)) return std::nullopt;  // "10th", "5km"
  n.end = i;
  ApplyScale(t, &n, exact);
  ApplyPlus(t, &n);
  return n;
}

// Spelled-out cardinals: "one hundred and twenty", "twenty-three",
// "seven thousand", "three dozen", "a dozen", "a million".
std::optional<ParsedNumber> ParseWords(std::string_view t, size_t pos) {
  ParsedNumber n;
  n.begin = pos;
  n.spelled = true;
  std::string w;
  size_t e = ReadWord(t, pos, &w);
  if (e == pos || !MayStartNumber(w)) return std::nullopt;

  // "half a dozen" is six, exactly.
  if (w == "half") {
    size_t j = SkipSpace(t, e);
    std::string a, d;
    if (j != std::string_view::npos) {
      size_t ea = ReadWord(t, j, &a);
      size_t k = SkipSpace(t, ea);
      if (a == "a" && k != std::string_view::npos) {
        size_t ed = ReadWord(t, k, &d);
        if (d == "dozen") {
          n.value = 6;
          n.end = ed;
          return n;
        }
      }
    }
    return std::nullopt;
  }
  // Vague multiples and "several hundred".
  if (w == "several" || w == "few" || w == "a") {
    std::string_view first = w == "a" ? "a" : "";
    size_t j = SkipSpace(t, e);
    std::string w2;
    if (j != std::string_view::npos) {
      size_t e2 = ReadWord(t, j, &w2);
      if (first == "a" && w2 == "few") {
        size_t j3 = SkipSpace(t, e2);
        if (j3 != std::string_view::npos) {
          j = j3;
          e2 = ReadWord(t, j, &w2);
        }
      } else if (first == "a") {
        if (w2 == "dozen" || w2 == "hundred" || w2 == "thousand" ||
            w2 == "million" || w2 == "billion") {
          // "a dozen" is exact; continue as a spelled number from "one".
          int64_t v = w2 == "dozen" ? 12 : *Lookup(w2, kScales);
          n.value = v;
          n.end = e2;
          ApplyPlus(t, &n);
          return n;
        }
        return std::nullopt;
      }
      if (w2 == "hundred" || w2 == "thousand" || w2 == "million" ||
          w2 == "dozen") {
        n.value = w2 == "dozen" ? 12 : *Lookup(w2, kScales);
        n.vague = true;
        n.end = e2;
        return n;
      }
    }
    return std::nullopt;
  }
  if (auto v = Lookup(w, kVague)) {
    n.vague = true;
    n.value = *v;
    n.end = e;
    // "tens of thousands", "hundreds of thousands", "tens of millions",
    // "десятки тысяч", "сотни тысяч"; "несколько тысяч" (several thousand).
    size_t j = SkipSpace(t, e);
    std::string w2, w3;
    if (j != std::string_view::npos) {
      size_t e2 = ReadWord(t, j, &w2);
      size_t k = SkipSpace(t, e2);
      if (*v == 0) {
        // "несколько тысяч", and "несколько сотен/десятков" (several
        // hundred, several tens).
        auto scale = Lookup(w2, kScales);
        if (!scale && w2 != "несколько" && w2 != "нескольких") {
          scale = Lookup(w2, kVague);
        }
        if (!scale || *scale == 0) return std::nullopt;
        n.value = *scale;
        n.end = e2;
        return n;
      }
      if (w2 == "of" && k != std::string_view::npos) {
        size_t e3 = ReadWord(t, k, &w3);
        if (auto m = MultipleOfMultiple(w3)) {
          n.value = *v * *m;
          n.end = e3;
          return n;
        }
      } else if (static_cast<unsigned char>(w[0]) >= 0x80 && *v < 1000) {
        if (auto m = MultipleOfMultiple(w2)) {
          n.value = *v * *m;
          n.end = e2;
          return n;
        }
      }
    }
    if (w == "tens" || *v == 0) return std::nullopt;
    return n;
  }

  // Russian: "полтора/полторы/полутора" before a scale is one and a half
  // of it ("полутора тысяч" 1500); a singular scale word alone is one of it
  // ("тысячу человек", "до миллиона уйгуров").
  if (w == "полтора" || w == "полторы" || w == "полутора") {
    size_t j = SkipSpace(t, e);
    std::string w2;
    if (j == std::string_view::npos) return std::nullopt;
    size_t e2 = ReadWord(t, j, &w2);
    // "полтора десятка" (fifteen), "полутора десятков".
    auto scale = IsTen(w2) ? std::optional<int64_t>(10) : Lookup(w2, kScales);
    if (!scale || (*scale < 100 && !IsTen(w2))) return std::nullopt;
    if (e2 < t.size() && t[e2] == '.' && (w2 == "тыс" || w2 == "млн")) ++e2;
    n.value = *scale + *scale / 2;
    n.end = e2;
    return n;
  }
  if (w == "полмиллиона" || w == "полумиллиона" || w == "полтысячи" ||
      w == "полутысячи") {
    n.value = w.ends_with("миллиона") ? 500000 : 500;
    n.end = e;
    return n;
  }
  // "десяток", "более десятка" (ten); "полсотни" (fifty); "сотню" (a
  // hundred).
  if (w == "десяток" || w == "десятка") {
    n.value = 10;
    n.end = e;
    return n;
  }
  if (w == "полсотни" || w == "полусотни" || w == "полсотня") {
    n.value = 50;
    n.end = e;
    return n;
  }
  if (w == "сотню" || w == "сотня") {
    n.value = 100;
    n.end = e;
    return n;
  }
  if (w == "тысяча" || w == "тысячу" || w == "миллион" || w == "миллиона" ||
      w == "миллиард" || w == "миллиарда") {
    n.value = *Lookup(w, kScales);
    n.end = e;
    return n;
  }

  int64_t total = 0, current = 0;
  bool any = false, last_was_and = false, after_scale = false;
  size_t i = pos;
  size_t good_end = pos;
  while (true) {
    size_t we = ReadWord(t, i, &w);
    if (we == i) break;
    if (IsDigit(we < t.size() ? t[we] : ' ')) break;
    if (auto v = Lookup(w, kSmallRu)) {
      // Russian words add up ("двести двадцать три"); the scale words
      // below multiply them ("семь тысяч").
      current += *v;
      any = true;
    } else if (auto v = Lookup(w, kSmall)) {
      // "twenty-three"
      if (*v >= 20 && we + 1 < t.size() && t[we] == '-') {
        std::string u;
        size_t ue = ReadWord(t, we + 1, &u);
        auto uv = Lookup(u, kSmall);
        if (uv && *uv > 0 && *uv < 10) {
          current += *v + *uv;
          we = ue;
        } else {
          current += *v;
        }
      } else {
        current += *v;
      }
      any = true;
    } else if (current > 1000000000000 || total > 1000000000000000) {
      break;  // "hundred hundred hundred ...": stop before int64 overflows
    } else if (any && w == "hundred") {
      current = (current == 0 ? 1 : current) * 100;
    } else if (any && w == "dozen") {
      current = (current == 0 ? 1 : current) * 12;
    } else if (any && IsTen(w)) {
      // "два десятка" (twenty), "три десятка".
      current = (current == 0 ? 1 : current) * 10;
    } else if (auto scale = any ? Lookup(w, kScales) : std::nullopt;
               scale && *scale >= 1000) {
      total += (current == 0 ? 1 : current) * *scale;
      current = 0;
      // "тыс." and "млн." keep their abbreviation point.
      if (we < t.size() && t[we] == '.' &&
          (w == "тыс" || w == "млн" || w == "млрд")) {
        ++we;
      }
    } else if (any && w == "and" && !last_was_and && after_scale) {
      // "and" only joins after a scale word ("one hundred and six"), so
      // "two and three" stays two numbers.
      last_was_and = true;
      size_t j = SkipSpace(t, we);
      if (j == std::string_view::npos) break;
      i = j;
      continue;
    } else {
      break;
    }
    last_was_and = false;
    after_scale = w == "hundred" || w == "thousand" || w == "million" ||
                  w == "billion" || w == "trillion";  // may take "and"
    good_end = we;
    size_t j = SkipSpace(t, we);
    if (j == std::string_view::npos) break;
    i = j;
  }
  if (!any) return std::nullopt;
  n.value = total + current;
  n.end = good_end;
  ApplyPlus(t, &n);
  return n;
}

}  // namespace

std::optional<ParsedNumber> ParseNumberAt(std::string_view text, size_t pos,
                                          std::string_view lang) {
  if (pos >= text.size()) return std::nullopt;
  if (pos > 0 && (IsDigit(text[pos - 1]) || IsAsciiAlpha(text[pos - 1]))) {
    return std::nullopt;  // not at a word start
  }
  if (IsDigit(text[pos])) return ParseDigits(text, pos, lang);
  if (IsLetterStart(text, pos)) return ParseWords(text, pos);
  return std::nullopt;
}

std::optional<int64_t> ParseNumber(std::string_view text,
                                   std::string_view lang) {
  auto n = ParseNumberAt(text, 0, lang);
  if (!n || n->end != text.size()) return std::nullopt;
  return n->value;
}

}  // namespace newsfacts
