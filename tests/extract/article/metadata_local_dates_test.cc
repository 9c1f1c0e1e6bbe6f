// Days written in the words and digits of news pages' own languages
// (LocalDate): month names of ICU's locale data in their format and
// stand-alone forms, digits of other scripts, CJK and Korean markers,
// Solar Hijri and Thai Buddhist years, and the day/month order of slashed
// dates. Expected days worked out by hand (Persian: 1 Farvardin 1403 =
// 2024-03-20, so 25 Esfand 1402 = 2024-03-15; Thai: 2567 BE = 2024 CE;
// Umm al-Qura: 1 Ramadan 1445 = 2024-03-11, 1 Rabi al-Awwal 1446 =
// 2024-09-04).
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "extract/article/dom.h"
#include "extract/article/local_date.h"

namespace newsfacts {
namespace {

struct Case {
  const char* text;
  const char* lang;
  const char* want;
};

TEST(LocalDate, ReadsMonthNamesOfManyLanguages) {
  const std::vector<Case> cases = {
      {"March 15, 2024", "en", "2024-03-15"},
      {"Published 15th March 2024, 10:02", "en-GB", "2024-03-15"},
      {"15 de marzo de 2024", "es", "2024-03-15"},
      {"15 de março de 2024 às 10h", "pt-BR", "2024-03-15"},
      {"le 1er mars 2024 à 10h", "fr", "2024-03-01"},
      {"15 marca 2024", "pl", "2024-03-15"},
      {"15. března 2024", "cs", "2024-03-15"},
      {"15 martie 2024", "ro", "2024-03-15"},
      {"2024. március 15. 10:00", "hu", "2024-03-15"},
      {"2024 m. kovo 15 d.", "lt", "2024-03-15"},
      {"15 марта 2024 г., 10:00", "ru", "2024-03-15"},
      {"15 березня 2024 року", "uk", "2024-03-15"},
      {"15. март 2024.", "sr", "2024-03-15"},
      {"Παρασκευή 15 Μαρτίου 2024", "el", "2024-03-15"},
      {"15 ΜΑΡΤΙΟΥ 2024", "el", "2024-03-15"},
      {"15 Mart 2024 Cuma", "tr", "2024-03-15"},
      {"15 mart 2024", "az", "2024-03-15"},
      {"15 наурыз 2024", "kk", "2024-03-15"},
      {"15 მარტი 2024", "ka", "2024-03-15"},
      {"15 Maret 2024", "id", "2024-03-15"},
      {"15 Machi 2024", "sw", "2024-03-15"},
      {"15 मार्च 2024", "hi", "2024-03-15"},
      {"১৫ মার্চ ২০২৪", "bn", "2024-03-15"},
      {"15 மார்ச் 2024", "ta", "2024-03-15"},
      {"15 مارس 2024", "ar", "2024-03-15"},
      {"١٥ مارس ٢٠٢٤", "ar", "2024-03-15"},
      {"15 آذار 2024", "ar", "2024-03-15"},
      {"15 كانون الثاني 2024", "ar", "2024-01-15"},
      {"15 مارچ 2024", "ur", "2024-03-15"},
      {"15 במרץ 2024", "he", "2024-03-15"},
      {"15 มีนาคม 2567", "th", "2024-03-15"},
      {"15 มี.ค. 2567", "th", "2024-03-15"},
      {"15 tháng 3 năm 2024", "vi", "2024-03-15"},
      {"2024年3月15日 10:00", "zh", "2024-03-15"},
      {"2024年03月15日", "ja", "2024-03-15"},
      {"2024년 3월 15일 오전 10:00", "ko", "2024-03-15"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(LocalDate(c.text, c.lang), c.want) << c.text << " " << c.lang;
}

TEST(LocalDate, ConvertsSolarHijriAndBuddhistYears) {
  EXPECT_EQ(LocalDate("۲۵ اسفند ۱۴۰۲", "fa"), "2024-03-15");
  EXPECT_EQ(LocalDate("۱ فروردین ۱۴۰۳", "fa"), "2024-03-20");
  // Dari month names (Afghanistan).
  EXPECT_EQ(LocalDate("۱ حمل ۱۴۰۳", "fa-AF"), "2024-03-20");
  // Numeric Solar Hijri dates on Persian pages only.
  EXPECT_EQ(LocalDate("۱۴۰۲/۱۲/۲۵", "fa"), "2024-03-15");
  EXPECT_EQ(LocalDate("15/03/2567", "th"), "2024-03-15");
  // Japanese eras.
  EXPECT_EQ(LocalDate("令和6年3月15日", "ja"), "2024-03-15");
  EXPECT_EQ(LocalDate("令和元年5月1日", "ja"), "2019-05-01");
  EXPECT_EQ(LocalDate("平成30年12月1日", "ja"), "2018-12-01");
  // Islamic (Umm al-Qura) months: 1 Ramadan 1445 = 2024-03-11.
  EXPECT_EQ(LocalDate("الجمعة 5 رمضان 1445 هـ", "ar"), "2024-03-15");
  EXPECT_EQ(LocalDate("1 ربيع الأول 1446", "ar"), "2024-09-04");
}

TEST(LocalDate, MonthNamesOfTheirPageLanguage) {
  // "listopada": November in Polish, October in Croatian.
  EXPECT_EQ(LocalDate("15 listopada 2024", "pl"), "2024-11-15");
  EXPECT_EQ(LocalDate("15. listopada 2024.", "hr"), "2024-10-15");
  // Without a language, names that differ between languages are no month.
  EXPECT_EQ(LocalDate("15 listopada 2024", ""), "");
  EXPECT_EQ(LocalDate("15 März 2024", ""), "2024-03-15");
}

TEST(LocalDate, NumericDatesAndTheirOrder) {
  EXPECT_EQ(LocalDate("2024-03-15 10:00", ""), "2024-03-15");
  EXPECT_EQ(LocalDate("Thứ sáu, 15/3/2024, 10:00 (GMT+7)", "vi"),
            "2024-03-15");
  EXPECT_EQ(LocalDate("2024.03.15 10:00", "ko"), "2024-03-15");
  EXPECT_EQ(LocalDate("2024. 3. 15. 오전 10:00", "ko"), "2024-03-15");
  EXPECT_EQ(LocalDate("15.03.2024", ""), "2024-03-15");
  // Ambiguous slashed dates follow the locale's short date pattern.
  EXPECT_EQ(LocalDate("03/04/2024", "en-US"), "2024-03-04");
  EXPECT_EQ(LocalDate("03/04/2024", "en-GB"), "2024-04-03");
  EXPECT_EQ(LocalDate("03/04/2024", "fr"), "2024-04-03");
  EXPECT_EQ(LocalDate("03/04/2024", ""), "");
  EXPECT_EQ(LocalDate("12/31/2024", ""), "2024-12-31");
}

TEST(LocalDate, RejectsWhatIsNoDay) {
  for (const char* text :
       {"15 марта", "10:15 2024", "1.2.3.2024", "v2.10.2024.1", "Version 3",
        "31 февраля 2024", "15 Foo 2024", "2024", "15 mars 1850",
        "2024-13-01"}) {
    EXPECT_EQ(LocalDate(text, "ru"), "") << text;
  }
}

TEST(LocalDate, CompactDatesInUrlPaths) {
  EXPECT_EQ(CompactDateInUrl("http://world.people.com.cn/n1/2024/0315/"
                             "c1002-40196969.html"),
            "2024-03-15");
  EXPECT_EQ(CompactDateInUrl("http://www.news.cn/world/2024-03/15/"
                             "c_1130092389.htm"),
            "2024-03-15");
  EXPECT_EQ(CompactDateInUrl("https://www.gov.example/zhengce/202403/15/"
                             "content_6939.htm"),
            "2024-03-15");
  EXPECT_EQ(CompactDateInUrl("https://example.org/art/2024/t20240315_123.html"),
            "2024-03-15");
  // Ids that are no days, digits in the host or the query.
  EXPECT_EQ(CompactDateInUrl("https://www.rferl.org/a/32863921.html"), "");
  EXPECT_EQ(CompactDateInUrl("https://example.org/a/202403151.html"), "");
  EXPECT_EQ(CompactDateInUrl("https://example.org/a/x.html?t=20240315"), "");
  EXPECT_EQ(CompactDateInUrl("https://example.org/a/20241399.html"), "");
}

TEST(LocalDate, PageLanguageFromHtmlOrMeta) {
  auto html = Dom::Parse("<html lang=uk><head></head><body></body></html>");
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(PageLanguage(**html), "uk");
  auto meta = Dom::Parse(
      "<html><head><meta property=og:locale content=fa_IR></head>"
      "<body></body></html>");
  ASSERT_TRUE(meta.ok());
  EXPECT_EQ(PageLanguage(**meta), "fa_IR");
}

TEST(LocalDate, DateMarkupOutsideTeasersAndNavigation) {
  auto dom = Dom::Parse(
      "<html lang=tr><body><nav><span class=date>1 Ocak 2024</span></nav>"
      "<div class=header-top><span class=date>Cumartesi, 30 Kasım 2024</span>"
      "</div>"
      "<div class=related><span class=date>2 Ocak 2024</span></div>"
      "<article><h1>Başlık burada yazıyor</h1>"
      "<div class=\"haber-tarih\">Güncelleme yok</div>"
      "<div class=tarih>15 Mart 2024 10:00</div><p>Metin.</p></article>"
      "</body></html>");
  ASSERT_TRUE(dom.ok());
  EXPECT_EQ(LocalDateInMarkup(**dom, "tr"), "2024-03-15");
}

}  // namespace
}  // namespace newsfacts
