#include "extract/article/local_date.h"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <re2/re2.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/strings.h"
#include "extract/article/boilerplate.h"

namespace newsfacts {
namespace {

// "2024-03-15" for a plausible news day (years 1990-2100), else "".
std::string IsoDay(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1])
    return {};
  char buf[40];  // room for any int, so no truncation warning
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

// ICU locales whose month names are read, with the language they serve
// (news sites' languages, the RFE/RL and VOA services' among them; a locale
// ICU lacks falls back to root names "M01", which are skipped).
// Regional Arabic locales name the months in the Syriac tradition
// ("آذار", "كانون الثاني"); the Persian calendar's months are read for
// Persian, Dari and Pashto pages.
struct LocaleSpec {
  const char* icu;
  const char* lang;
  bool persian;
  bool hijri = false;  // the Islamic (Umm al-Qura) calendar's months
};
constexpr LocaleSpec kLocales[] = {
    {"en", "en", false},      {"de", "de", false},     {"fr", "fr", false},
    {"es", "es", false},      {"it", "it", false},     {"pt", "pt", false},
    {"nl", "nl", false},      {"ca", "ca", false},     {"gl", "gl", false},
    {"eu", "eu", false},      {"ro", "ro", false},     {"pl", "pl", false},
    {"cs", "cs", false},      {"sk", "sk", false},     {"sl", "sl", false},
    {"hr", "hr", false},      {"bs", "bs", false},     {"sr", "sr", false},
    {"sr_Latn", "sr", false}, {"mk", "mk", false},     {"bg", "bg", false},
    {"hu", "hu", false},      {"el", "el", false},     {"tr", "tr", false},
    {"az", "az", false},      {"ru", "ru", false},     {"uk", "uk", false},
    {"be", "be", false},      {"kk", "kk", false},     {"ky", "ky", false},
    {"uz", "uz", false},      {"uz_Cyrl", "uz", false}, {"tg", "tg", false},
    {"tk", "tk", false},      {"ka", "ka", false},     {"hy", "hy", false},
    {"sq", "sq", false},      {"lt", "lt", false},     {"lv", "lv", false},
    {"et", "et", false},      {"fi", "fi", false},     {"sv", "sv", false},
    {"da", "da", false},      {"nb", "nb", false},     {"nn", "nb", false},
    {"is", "is", false},      {"ar", "ar", false},     {"ar_SY", "ar", false},
    {"ar_IQ", "ar", false},   {"ar_LB", "ar", false},  {"ar_MA", "ar", false},
    {"ar_DZ", "ar", false},   {"ar_TN", "ar", false},  {"he", "he", false},
    {"fa", "fa", false},      {"fa", "fa", true},      {"fa_AF", "fa", true},
    {"ps", "ps", false},      {"ps", "ps", true},      {"ur", "ur", false},
    {"hi", "hi", false},      {"bn", "bn", false},     {"mr", "mr", false},
    {"ne", "ne", false},      {"pa", "pa", false},     {"gu", "gu", false},
    {"ta", "ta", false},      {"te", "te", false},     {"th", "th", false},
    {"vi", "vi", false},      {"id", "id", false},     {"ms", "ms", false},
    {"fil", "fil", false},    {"sw", "sw", false},     {"am", "am", false},
    {"mn", "mn", false},      {"ja", "ja", false},     {"ko", "ko", false},
    {"zh", "zh", false},      {"zh_Hant", "zh", false}, {"tt", "tt", false},
    {"ba", "ba", false},      {"ce", "ce", false},     {"os", "os", false},
    {"cv", "cv", false},      {"sah", "sah", false},   {"ug", "ug", false},
    {"ku", "ku", false},      {"ckb", "ckb", false},   {"so", "so", false},
    {"ha", "ha", false},      {"yo", "yo", false},     {"ti", "ti", false},
    {"af", "af", false},      {"ga", "ga", false},     {"cy", "cy", false},
    {"mt", "mt", false},      {"lb", "lb", false},     {"my", "my", false},
    {"km", "km", false},      {"lo", "lo", false},     {"si", "si", false},
    {"kn", "kn", false},      {"ml", "ml", false},     {"or", "or", false},
    {"as", "as", false},      {"uz_Arab", "uz", false},
    {"ar", "ar", false, true}};

// Page languages spelled otherwise than their locale tables.
std::string PrimaryLanguage(std::string_view lang) {
  std::string p = ToLowerAscii(lang.substr(0, lang.find_first_of("-_")));
  if (p == "no") return "nb";
  if (p == "tl") return "fil";
  if (p == "iw") return "he";
  if (p == "in") return "id";
  if (p == "prs") return "fa";  // Dari
  return p;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// Accents of Latin, Greek and Cyrillic letters (after NFD), Arabic and
// Hebrew vowel points: written or left out at will. Marks of Indic and
// Thai scripts are letters' parts ("มี.ค." March is not "ม.ค." January).
bool IsDiacritic(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0591 && c <= 0x05C7) ||
         (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

// Lookup form of a word: case folded, without diacritics (NFD minus
// accents: "ΜΑΡΤΙΟΥ" = "Μαρτίου", "thang" = "tháng"), dots,
// joiners and the Arabic tatweel; Persian yeh and kaf as the Arabic ones.
std::string Key(const icu::UnicodeString& word) {
  icu::UnicodeString u(word);
  u.foldCase();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString d = nfd->normalize(u, status);
    if (U_SUCCESS(status)) u = d;
  }
  icu::UnicodeString out;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (IsDiacritic(c) || c == '.' || c == 0x200C ||
        c == 0x200D || c == 0x0640 || c == 0x200E || c == 0x200F)
      continue;
    if (c == 0x06CC) c = 0x064A;  // Persian yeh
    if (c == 0x06A9) c = 0x0643;  // keheh
    out.append(c);
  }
  return ToUtf8(out);
}

std::string Key(std::string_view utf8) {
  return Key(icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))));
}

struct Month {
  int number = 0;
  bool persian = false;
  bool hijri = false;
};

using MonthMap = std::unordered_map<std::string, Month>;

struct Tables {
  std::map<std::string, MonthMap> by_lang;
  // Names that mean the same month in every language that has them.
  MonthMap shared;
};

bool HasDigit(const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length(); ++i)
    if (u_isdigit(s.charAt(i))) return true;
  return false;
}

// A month name's key; names of several words ("كانون الثاني") keep one
// space between the words' keys. "" for names the patterns read otherwise
// (with digits: "3월", "tháng 3") or too short to trust ("ma").
std::string NameKey(const icu::UnicodeString& name) {
  if (HasDigit(name)) return {};
  std::string key;
  std::string utf8 = ToUtf8(name);
  ForEachPiece(utf8, ' ', [&key](std::string_view word) {
    std::string k = Key(word);
    if (k.empty()) return true;
    if (!key.empty()) key += ' ';
    key += k;
    return true;
  });
  // Two letters suffice in other scripts (the Persian "دی").
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(key);
  UErrorCode status = U_ZERO_ERROR;
  const bool latin = uscript_getScript(u.char32At(0), &status) == USCRIPT_LATIN;
  if (u.countChar32() < (latin ? 3 : 2)) return {};
  return key;
}

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    std::unordered_map<std::string, std::vector<Month>> all;
    using S = icu::DateFormatSymbols;
    for (const LocaleSpec& spec : kLocales) {
      UErrorCode status = U_ZERO_ERROR;
      icu::Locale locale(spec.icu);
      std::unique_ptr<S> symbols(
          spec.persian ? new S(locale, "persian", status)
          : spec.hijri ? new S(locale, "islamic-umalqura", status)
                       : new S(locale, status));
      if (U_FAILURE(status)) continue;
      MonthMap& map = t->by_lang[spec.lang];
      for (auto context : {S::FORMAT, S::STANDALONE}) {
        for (auto width : {S::WIDE, S::ABBREVIATED}) {
          int32_t n = 0;
          const icu::UnicodeString* names =
              symbols->getMonths(n, context, width);
          for (int32_t i = 0; i < n && i < 12; ++i) {
            std::string key = NameKey(names[i]);
            if (key.empty()) continue;
            Month m{i + 1, spec.persian, spec.hijri};
            map.emplace(key, m);
            all[key].push_back(m);
          }
        }
      }
    }
    for (const auto& [key, months] : all) {
      const bool agree = std::all_of(months.begin(), months.end(),
                                     [&](const Month& m) {
                                       return m.number == months[0].number &&
                                              m.persian == months[0].persian &&
                                              m.hijri == months[0].hijri;
                                     });
      if (agree) t->shared.emplace(key, months[0]);
    }
    return t;
  }();
  return *tables;
}

// True when the locale writes the month before the day in its short
// numeric date ("M/d/yy" in en-US, "dd/MM/y" in en-GB).
bool MonthFirst(std::string_view lang) {
  static std::mutex mu;
  static std::unordered_map<std::string, bool> cache;
  const std::string key(lang);
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  std::string icu_name(lang);
  std::replace(icu_name.begin(), icu_name.end(), '-', '_');
  std::unique_ptr<icu::DateFormat> f(icu::DateFormat::createDateInstance(
      icu::DateFormat::kShort, icu::Locale(icu_name.c_str())));
  bool month_first = false;
  if (auto* simple = dynamic_cast<icu::SimpleDateFormat*>(f.get())) {
    icu::UnicodeString pattern;
    simple->toPattern(pattern);
    const int32_t d = pattern.indexOf(u'd');
    const int32_t m = pattern.indexOf(u'M');
    month_first = m >= 0 && d >= 0 && m < d;
  }
  cache.emplace(key, month_first);
  return month_first;
}

struct Token {
  enum Kind { kNum, kWord, kPunct } kind = kPunct;
  int value = 0;
  int digits = 0;
  UChar32 punct = 0;
  icu::UnicodeString word;
  bool space_before = false;
  bool space_after = false;
  bool sealed = false;  // a Han character or a date marker: a word alone
};

bool IsMarker(UChar32 c) {
  // 年月日 and Korean 년 월 일 after numbers.
  return c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0xB144 ||
         c == 0xC6D4 || c == 0xC77C;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  bool space = false;
  auto peek = [&](int32_t at) -> UChar32 {
    if (at >= length) return -1;
    UChar32 c;
    U8_NEXT(s, at, length, c);
    return c;
  };
  for (int32_t i = 0; i < length && out.size() < 400;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || u_isUWhiteSpace(c) || c == 0x200E || c == 0x200F) {
      space = true;
      if (!out.empty()) out.back().space_after = true;
      continue;
    }
    const int32_t digit = u_charDigitValue(c);
    const int8_t type = u_charType(c);
    const bool mark = type == U_NON_SPACING_MARK ||
                      type == U_COMBINING_SPACING_MARK;
    if (type == U_DECIMAL_DIGIT_NUMBER && digit >= 0) {
      if (!space && !out.empty() && out.back().kind == Token::kNum) {
        Token& t = out.back();
        if (t.digits < 8) t.value = t.value * 10 + digit;
        ++t.digits;
      } else {
        Token t;
        t.kind = Token::kNum;
        t.value = digit;
        t.digits = 1;
        t.space_before = space;
        out.push_back(std::move(t));
      }
    } else if (u_isalpha(c) || mark) {
      UErrorCode status = U_ZERO_ERROR;
      const bool han = uscript_getScript(c, &status) == USCRIPT_HAN;
      const bool single = han || IsMarker(c);
      if (!single && !space && !out.empty() && out.back().kind == Token::kWord &&
          !out.back().space_after && !out.back().sealed) {
        out.back().word.append(c);
      } else {
        Token t;
        t.kind = Token::kWord;
        t.word.append(c);
        t.space_before = space;
        // Han characters and date markers stand alone.
        t.sealed = single;
        out.push_back(std::move(t));
      }
    } else if (c == '.' && !space && !out.empty() &&
               out.back().kind == Token::kWord && !out.back().sealed &&
               u_isalpha(peek(i))) {
      out.back().word.append(c);  // "มี.ค.", "Sept.Okt" keep the dot
    } else {
      Token t;
      t.kind = Token::kPunct;
      t.punct = c;
      t.space_before = space;
      out.push_back(std::move(t));
    }
    space = false;
  }
  return out;
}

// Words that join the parts of a written date: "15 de marzo de 2024",
// "2024 m. kovo 15 d.", "15th of March", "ngày 15 tháng 3 năm 2024",
// ordinal endings ("1er", "15th", "1º"). Keys (folded, no accents).
bool IsFiller(const std::string& key) {
  static constexpr std::string_view kFillers[] = {
      "de", "del", "do", "da", "of", "the", "du", "d", "m", "st", "nd",
      "rd", "th", "er", "e", "eme", "o", "a", "º", "ª", "nam", "ngay",
      "den", "dne", "г", "р"};
  return std::find(std::begin(kFillers), std::end(kFillers), key) !=
         std::end(kFillers);
}

bool IsJoiner(UChar32 c) {
  return c == ',' || c == '.' || c == '-' || c == '/' || c == 0x060C ||
         c == 0x2013 || c == 0x2014 || c == 0x3001 || c == 0xFF0C;
}

class Matcher {
 public:
  Matcher(const std::vector<Token>& tokens, std::string_view lang)
      : t_(tokens), lang_(PrimaryLanguage(lang)), full_lang_(lang) {
    const Tables& tables = GetTables();
    auto it = tables.by_lang.find(lang_);
    own_ = it == tables.by_lang.end() ? nullptr : &it->second;
    shared_ = &tables.shared;
  }

  std::string Find() const {
    for (size_t i = 0; i < t_.size(); ++i) {
      std::string d = At(i);
      if (!d.empty()) return d;
    }
    return {};
  }

 private:
  bool Num(size_t i, int max_digits, int min_digits = 1) const {
    return i < t_.size() && t_[i].kind == Token::kNum &&
           t_[i].digits <= max_digits && t_[i].digits >= min_digits;
  }
  bool Word(size_t i, UChar32 marker) const {
    return i < t_.size() && t_[i].kind == Token::kWord &&
           t_[i].word.length() == U16_LENGTH(marker) &&
           t_[i].word.char32At(0) == marker;
  }

  const Month* Lookup(const std::string& key) const {
    if (own_ != nullptr) {
      auto it = own_->find(key);
      if (it != own_->end()) return &it->second;
    }
    auto it = shared_->find(key);
    return it == shared_->end() ? nullptr : &it->second;
  }

  // A month name at token i: its number and the tokens it spans; also
  // "tháng 3" and the Hebrew "במרץ" (prefixed "in").
  bool MonthAt(size_t i, Month* m, size_t* end) const {
    if (i >= t_.size() || t_[i].kind != Token::kWord) return false;
    const std::string key = Key(t_[i].word);
    if (i + 1 < t_.size() && t_[i + 1].kind == Token::kWord) {
      if (const Month* two = Lookup(key + ' ' + Key(t_[i + 1].word))) {
        *m = *two;
        *end = i + 2;
        return true;
      }
    }
    if ((key == "thang" || key == "thg") && Num(i + 1, 2) &&
        t_[i + 1].value >= 1 && t_[i + 1].value <= 12) {
      *m = Month{t_[i + 1].value, false};
      *end = i + 2;
      return true;
    }
    const Month* one = Lookup(key);
    if (one == nullptr && key.rfind("\xD7\x91", 0) == 0)  // ב
      one = Lookup(key.substr(2));
    if (one == nullptr) return false;
    *m = *one;
    *end = i + 1;
    return true;
  }

  // Skips joining punctuation and filler words (at most three tokens).
  size_t Skip(size_t i) const {
    for (int n = 0; n < 3 && i < t_.size(); ++n, ++i) {
      const Token& t = t_[i];
      if (t.kind == Token::kPunct && IsJoiner(t.punct)) continue;
      if (t.kind == Token::kWord && IsFiller(Key(t.word))) continue;
      break;
    }
    return i;
  }

  std::string At(size_t i) const {
    if (i >= t_.size()) return {};
    Month m;
    size_t e = 0;
    if (t_[i].kind == Token::kNum) {
      // CJK and Korean: 2024年3月15日, 2024년 3월 15일.
      for (auto [y, mo, d] : {std::tuple<UChar32, UChar32, UChar32>{
                                  0x5E74, 0x6708, 0x65E5},
                              {0xB144, 0xC6D4, 0xC77C}}) {
        if (Num(i, 4, 4) && Word(i + 1, y) && Num(i + 2, 2) &&
            Word(i + 3, mo) && Num(i + 4, 2) && Word(i + 5, d))
          return Day(t_[i].value, t_[i + 2].value, t_[i + 4].value, false);
      }
      if (std::string n = Numeric(i); !n.empty()) return n;
      // Day, month name, year.
      if (Num(i, 2) && MonthAt(Skip(i + 1), &m, &e)) {
        const size_t y = Skip(e);
        if (Num(y, 4, 4))
          return Day(t_[y].value, m.number, t_[i].value, m.persian, m.hijri);
      }
      // Year, month name, day.
      if (Num(i, 4, 4) && MonthAt(Skip(i + 1), &m, &e)) {
        const size_t d = Skip(e);
        if (Num(d, 2) && !(d + 1 < t_.size() && t_[d + 1].punct == ':'))
          return Day(t_[i].value, m.number, t_[d].value, m.persian, m.hijri);
      }
      return {};
    }
    // Japanese eras: 令和6年3月15日 (Reiwa 1 = 2019, "元年" its first
    // year), 平成31年 (Heisei 1 = 1989).
    for (auto [first, second, base] :
         {std::tuple<UChar32, UChar32, int>{0x4EE4, 0x548C, 2018},
          {0x5E73, 0x6210, 1988}}) {
      if (!Word(i, first) || !Word(i + 1, second)) continue;
      const int year = Num(i + 2, 2) ? t_[i + 2].value
                       : Word(i + 2, 0x5143) ? 1 : 0;
      if (year > 0 && Word(i + 3, 0x5E74) && Num(i + 4, 2) &&
          Word(i + 5, 0x6708) && Num(i + 6, 2) && Word(i + 7, 0x65E5))
        return Day(base + year, t_[i + 4].value, t_[i + 6].value, false);
    }
    // Month name, day, year.
    if (MonthAt(i, &m, &e)) {
      const size_t d = Skip(e);
      if (!Num(d, 2)) return {};
      const size_t y = Skip(d + 1);
      if (Num(y, 4, 4))
        return Day(t_[y].value, m.number, t_[d].value, m.persian, m.hijri);
    }
    return {};
  }

  // 2024-03-15, 2024/3/15, 15.03.2024, 15/03/2024, 2024. 3. 15.
  std::string Numeric(size_t i) const {
    if (!Num(i, 4) || i + 4 >= t_.size()) return {};
    const Token& sep1 = t_[i + 1];
    const Token& sep2 = t_[i + 3];
    if (sep1.kind != Token::kPunct || sep2.kind != Token::kPunct ||
        sep1.punct != sep2.punct ||
        (sep1.punct != '.' && sep1.punct != '/' && sep1.punct != '-'))
      return {};
    if (!Num(i + 2, 2) || !Num(i + 4, 4)) return {};
    // Spaces only after a dot ("4. 2. 2022"), none inside "2024-03-15".
    for (size_t k = i + 1; k <= i + 4; ++k) {
      if (t_[k].space_before && !(t_[k - 1].punct == '.')) return {};
    }
    const Token& a = t_[i];
    const Token& b = t_[i + 2];
    const Token& c = t_[i + 4];
    // A fourth part ("1.2.3.4") or a time ("15.03.2024" is fine, "10:15" is
    // no date) is checked by the parts' sizes.
    if (i + 5 < t_.size() && t_[i + 5].kind == Token::kPunct &&
        t_[i + 5].punct == sep1.punct && i + 6 < t_.size() &&
        t_[i + 6].kind == Token::kNum && !t_[i + 6].space_before)
      return {};
    if (i >= 2 && t_[i - 1].kind == Token::kPunct &&
        t_[i - 1].punct == sep1.punct && t_[i - 2].kind == Token::kNum &&
        !t_[i].space_before)
      return {};
    const bool persian_page = lang_ == "fa" || lang_ == "ps";
    if (a.digits == 4) {
      if (c.digits > 2) return {};
      const bool persian = persian_page && a.value >= 1300 && a.value < 1500;
      return Day(a.value, b.value, c.value, persian);
    }
    if (c.digits != 4 || a.digits > 2) return {};
    const bool persian = persian_page && c.value >= 1300 && c.value < 1500;
    if (sep1.punct != '/') return Day(c.value, b.value, a.value, persian);
    if (a.value > 12) return Day(c.value, b.value, a.value, persian);
    if (b.value > 12) return Day(c.value, a.value, b.value, persian);
    if (full_lang_.empty()) return {};
    return MonthFirst(full_lang_) ? Day(c.value, a.value, b.value, persian)
                                  : Day(c.value, b.value, a.value, persian);
  }

  static std::string Day(int y, int m, int d, bool persian,
                         bool hijri = false) {
    if (persian || hijri) {
      if (!ToGregorian(hijri ? "ar_SA@calendar=islamic-umalqura"
                             : "fa_IR@calendar=persian",
                       hijri ? 1400 : 1300, 1500, &y, &m, &d))
        return {};
    } else if (y >= 2400 && y < 2700) {
      y -= 543;  // Thai Buddhist era
    }
    return IsoDay(y, m, d);
  }

  // A Solar Hijri (Persian) or Islamic day to Gregorian through ICU's
  // calendars; years in [from_year, to_year) only (those of news pages).
  static bool ToGregorian(const char* locale, int from_year, int to_year,
                          int* y, int* m, int* d) {
    if (*y < from_year || *y >= to_year || *m < 1 || *m > 12 ||
        *d < 1 || *d > 31)
      return false;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> from(icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(), icu::Locale(locale), status));
    std::unique_ptr<icu::Calendar> gregorian(icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(),
        icu::Locale("en_US@calendar=gregorian"), status));
    if (U_FAILURE(status)) return false;
    from->clear();
    from->set(*y, *m - 1, *d);
    const UDate when = from->getTime(status);
    gregorian->setTime(when, status);
    const int gy = gregorian->get(UCAL_YEAR, status);
    const int gm = gregorian->get(UCAL_MONTH, status) + 1;
    const int gd = gregorian->get(UCAL_DATE, status);
    if (U_FAILURE(status)) return false;
    *y = gy;
    *m = gm;
    *d = gd;
    return true;
  }

  const std::vector<Token>& t_;
  std::string lang_;
  std::string full_lang_;
  const MonthMap* own_ = nullptr;
  const MonthMap* shared_ = nullptr;
};

// Whether `text` holds a decimal digit of any script: most lines a page
// walk passes in hold none.
bool HasAnyDigit(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      if (s[i] >= '0' && s[i] <= '9') return true;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER) return true;
  }
  return false;
}

// Class or id words of the elements that hold a page's own date line, in
// the languages of news sites ("fecha", "data", "tarih", "datum").
bool DateMarkup(const GumboNode* n) {
  const std::string s = ToLowerAscii(ClassAndId(n));
  if (s.size() <= 1) return false;
  for (std::string_view k :
       {"date", "time", "publish", "posted", "datum", "fecha", "data",
        "tarih", "meta", "byline", "dateline", "info", "stamp", "zeit"}) {
    if (s.find(k) != std::string::npos) return true;
  }
  return false;
}

// The site's header, top bar and masthead, which show today's date: a
// <header> or an element named so that holds no <h1> (an article's own
// <header> holds its headline).
bool SiteChrome(const GumboNode* n) {
  bool chrome = n->v.element.tag == GUMBO_TAG_HEADER;
  if (!chrome) {
    const std::string s = ToLowerAscii(ClassAndId(n));
    for (std::string_view k :
         {"masthead", "topbar", "top-bar", "header-top", "site-header",
          "header-bar", "navbar", "menu", "sidebar", "widget"}) {
      if (s.find(k) != std::string::npos) chrome = true;
    }
  }
  if (!chrome) return false;
  bool has_h1 = false;
  ForEachElement(n, [&has_h1](const GumboNode* e) {
    if (e->v.element.tag == GUMBO_TAG_H1) has_h1 = true;
    return !has_h1;
  });
  return !has_h1;
}

}  // namespace

std::string LocalDate(std::string_view text, std::string_view lang) {
  if (text.empty() || text.size() > 4096 || !HasAnyDigit(text)) return {};
  const std::vector<Token> tokens = Tokenize(text);
  return Matcher(tokens, lang).Find();
}

std::string CompactDateInUrl(std::string_view url) {
  // The path only: hosts and queries hold ids and timestamps.
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    const size_t path = url.find('/', scheme + 3);
    url = path == std::string_view::npos ? std::string_view() : url.substr(path);
  }
  url = url.substr(0, url.find_first_of("?#"));
  static const RE2 kSplit(R"(/(\d{4})[/-](\d{2})/?(\d{2})(?:[/_.-]|$))");
  static const RE2 kMonthDir(R"(/(\d{4})(\d{2})/(\d{2})(?:[/_.-]|$))");
  static const RE2 kEight(R"((?:^|\D)((?:19|20)\d{2})(\d{2})(\d{2})(?:\D|$))");
  const re2::StringPiece in(url.data(), url.size());
  int y = 0, m = 0, d = 0;
  if (RE2::PartialMatch(in, kSplit, &y, &m, &d) ||
      RE2::PartialMatch(in, kMonthDir, &y, &m, &d) ||
      RE2::PartialMatch(in, kEight, &y, &m, &d)) {
    return IsoDay(y, m, d);
  }
  return {};
}

std::string PageLanguage(const Dom& dom) {
  std::string lang = Trim(Attr(dom.root(), "lang"));
  if (!lang.empty()) return lang;
  std::string found;
  ForEachElement(dom.root(), [&](const GumboNode* n) {
    if (!found.empty()) return false;
    const GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_BODY) return false;
    if (t != GUMBO_TAG_META) return true;
    const std::string key = ToLowerAscii(Attr(n, "http-equiv")) +
                            ToLowerAscii(Attr(n, "property"));
    if (key == "content-language" || key == "og:locale")
      found = Trim(Attr(n, "content"));
    return true;
  });
  return found;
}

std::string LocalDateInMarkup(const Dom& dom, std::string_view lang) {
  const GumboNode* body = dom.body() != nullptr ? dom.body() : dom.root();
  std::string found;
  ForEachElement(body, [&](const GumboNode* n) {
    if (!found.empty()) return false;
    switch (n->v.element.tag) {
      case GUMBO_TAG_SCRIPT:
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_NAV:
      case GUMBO_TAG_FOOTER:
      case GUMBO_TAG_ASIDE:
      case GUMBO_TAG_FORM:
      case GUMBO_TAG_A:
      case GUMBO_TAG_SELECT:
        return false;
      default:
        break;
    }
    if (IsTeaserOrCommentsBox(n) || IsOtherPagesBox(n) || SiteChrome(n))
      return false;
    if (n->v.element.tag != GUMBO_TAG_TIME && !DateMarkup(n)) return true;
    const std::string text = NodeText(n, 201);
    if (text.size() > 200) return true;
    found = LocalDate(text, lang);
    return found.empty();
  });
  return found;
}

}  // namespace newsfacts
