#include "extract/text/numbers.h"

#include <gtest/gtest.h>

#include <string>

namespace newsfacts {
namespace {

struct NumberCase {
  std::string lang;
  std::string text;  // the number starts at byte 0
  int64_t value;
  std::string consumed;  // the prefix of `text` the number covers
  bool vague = false;
  bool plus = false;
};

class NumbersTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(NumbersTest, ParsesValueAndExtent) {
  const NumberCase& c = GetParam();
  auto n = ParseNumberAt(c.text, 0, c.lang);
  ASSERT_TRUE(n.has_value()) << c.text;
  EXPECT_EQ(n->value, c.value) << c.text;
  EXPECT_EQ(c.text.substr(0, n->end), c.consumed) << c.text;
  EXPECT_EQ(n->vague, c.vague) << c.text;
  EXPECT_EQ(n->plus, c.plus) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, NumbersTest,
    ::testing::Values(
        NumberCase{"en", "5,532 cases", 5532, "5,532"},
        NumberCase{"en", "424 cases", 424, "424"},
        NumberCase{"en", "1,000,000 people", 1000000, "1,000,000"},
        NumberCase{"en", "5\u00a0532 people", 5532, "5\u00a0532"},
        NumberCase{"en", "5\u2009532 people", 5532, "5\u2009532"},
        NumberCase{"en", "5 532 people", 5, "5"},
        NumberCase{"de", "1.150 Fälle", 1150, "1.150"},
        NumberCase{"en", "1.150 cases", 1, "1.150"},
        NumberCase{"en", "1 million Uyghurs", 1000000, "1 million"},
        NumberCase{"en", "1.2 million people", 1200000, "1.2 million"},
        NumberCase{"ru", "1,5 млн человек", 1500000, "1,5 млн"},
        NumberCase{"ru", "12 тыс. беженцев", 12000, "12 тыс."},
        NumberCase{"ru", "5 532 случая", 5532, "5 532"},
        NumberCase{"en", "7,000-plus incidents", 7000, "7,000-plus", false,
                   true},
        NumberCase{"en", "300+ arrests", 300, "300+", false, true},
        NumberCase{"en", "seven thousand people", 7000, "seven thousand"},
        NumberCase{"en", "Seven thousand is", 7000, "Seven thousand"},
        NumberCase{"en", "twenty-three miners", 23, "twenty-three"},
        NumberCase{"en", "one hundred and twenty people", 120,
                   "one hundred and twenty"},
        NumberCase{"en", "two and a half", 2, "two"},
        NumberCase{"en", "a dozen protesters", 12, "a dozen"},
        NumberCase{"en", "three dozen students", 36, "three dozen"},
        NumberCase{"en", "a hundred people", 100, "a hundred"},
        NumberCase{"en", "dozens of people", 12, "dozens", true},
        NumberCase{"en", "scores of people", 20, "scores", true},
        NumberCase{"en", "hundreds of people", 100, "hundreds", true},
        NumberCase{"en", "thousands of people", 1000, "thousands", true},
        NumberCase{"en", "millions of people", 1000000, "millions", true},
        NumberCase{"en", "tens of thousands of people", 10000,
                   "tens of thousands", true},
        NumberCase{"en", "hundreds of thousands of people", 100000,
                   "hundreds of thousands", true},
        NumberCase{"en", "several hundred people", 100, "several hundred",
                   true},
        NumberCase{"en", "a few thousand people", 1000, "a few thousand", true},
        NumberCase{"en", "one of them", 1, "one"},
        NumberCase{"en", "Twenty-three miners", 23, "Twenty-three"},
        NumberCase{"en", "several thousand teachers", 1000, "several thousand",
                   true},
        NumberCase{"en", "a million or more", 1000000, "a million"},
        NumberCase{"en", "5\u202f532 people", 5532, "5\u202f532"},
        NumberCase{"de", "1.150.000 Menschen", 1150000, "1.150.000"},
        NumberCase{"ru", "1.150 человек", 1150, "1.150"},
        NumberCase{"ru", "5\u00a0532 случая", 5532, "5\u00a0532"},
        // Russian words: cardinals add up, scales multiply, collectives,
        // genitive forms after qualifiers, vague multiples.
        NumberCase{"ru", "семь тысяч человек", 7000, "семь тысяч"},
        NumberCase{"ru", "Семь тысяч человек", 7000, "Семь тысяч"},
        NumberCase{"ru", "двадцать три человека", 23, "двадцать три"},
        NumberCase{"ru", "двести двадцать три", 223, "двести двадцать три"},
        NumberCase{"ru", "две тысячи пятьсот человек", 2500,
                   "две тысячи пятьсот"},
        NumberCase{"ru", "ста человек", 100, "ста"},
        NumberCase{"ru", "двое журналистов", 2, "двое"},
        NumberCase{"ru", "1,2 млн. человек", 1200000, "1,2 млн."},
        NumberCase{"ru", "три млн человек", 3000000, "три млн"},
        // Indian grouping (lakh, crore).
        NumberCase{"en", "1,72,165 people", 172165, "1,72,165"},
        NumberCase{"en", "12,34,56,789 rupees", 123456789, "12,34,56,789"},
        // Scale words in the oblique cases: "в 7 тысячах случаев".
        NumberCase{"ru", "7 тысячах случаев", 7000, "7 тысячах"},
        NumberCase{"ru", "двумя миллионами жителей", 2000000,
                   "двумя миллионами"},
        NumberCase{"ru", "Десятки людей", 10, "Десятки", true},
        NumberCase{"ru", "сотни людей", 100, "сотни", true},
        NumberCase{"ru", "Тысячи беженцев", 1000, "Тысячи", true},
        NumberCase{"ru", "десятки тысяч человек", 10000, "десятки тысяч", true},
        NumberCase{"ru", "сотни тысяч беженцев", 100000, "сотни тысяч", true},
        NumberCase{"ru", "несколько тысяч человек", 1000, "несколько тысяч",
                   true},
        // Oblique cases and collectives, "несколько сотен", one and a
        // half, a scale word alone.
        NumberCase{"ru", "нескольких сотен человек", 100, "нескольких сотен",
                   true},
        NumberCase{"ru", "несколько десятков человек", 10,
                   "несколько десятков", true},
        NumberCase{"ru", "двадцатью студентами", 20, "двадцатью"},
        NumberCase{"ru", "пятерых активистов", 5, "пятерых"},
        NumberCase{"ru", "пятерым обвиняемым", 5, "пятерым"},
        NumberCase{"ru", "девятеро пострадали", 9, "девятеро"},
        NumberCase{"ru", "полутора тысяч человек", 1500, "полутора тысяч"},
        NumberCase{"ru", "полтора млн. человек", 1500000, "полтора млн."},
        NumberCase{"ru", "тысячу человек", 1000, "тысячу"},
        NumberCase{"ru", "миллиона уйгуров", 1000000, "миллиона"},
        NumberCase{"ru", "полумиллиона человек", 500000, "полумиллиона"},
        // "десяток" (a ten): alone, after a number word, after полтора;
        // "полсотни" (fifty), "сотню" (a hundred).
        NumberCase{"ru", "десятка человек", 10, "десятка"},
        NumberCase{"ru", "два десятка активистов", 20, "два десятка"},
        NumberCase{"ru", "три десятка", 30, "три десятка"},
        NumberCase{"ru", "полтора десятка человек", 15, "полтора десятка"},
        NumberCase{"ru", "полутора десятков стран", 15, "полутора десятков"},
        NumberCase{"ru", "полусотни человек", 50, "полусотни"},
        NumberCase{"ru", "сотню человек", 100, "сотню"},
        // Integer cases after Microsoft Recognizers-Text's English number
        // model (eval/recognizers), rephrased.
        NumberCase{"en", "one hundred and sixty-one", 161,
                   "one hundred and sixty-one"},
        NumberCase{"en", "Three hundred and thirty one", 331,
                   "Three hundred and thirty one"},
        NumberCase{"en", "two hundred and two thousand", 202000,
                   "two hundred and two thousand"},
        NumberCase{"en", "two thousand and two hundred", 2200,
                   "two thousand and two hundred"},
        NumberCase{"en", "twenty-one trillion", 21000000000000,
                   "twenty-one trillion"},
        NumberCase{"en", "1,234,567", 1234567, "1,234,567"},
        NumberCase{"en", "2 million", 2000000, "2 million"},
        NumberCase{"en", "half a dozen", 6, "half a dozen"},
        NumberCase{"en", "two and three", 2, "two"},
        NumberCase{"en", "five people and six", 5, "five"}));

TEST(NumbersTest, RejectsWhatIsNotANumber) {
  for (std::string s : {"10th victim", "5km", "several people", "a man",
                        "tens of people", "many", "and"}) {
    EXPECT_FALSE(ParseNumberAt(s, 0, "en").has_value()) << s;
  }
}

TEST(NumbersTest, RejectsRussianWordsThatAreNotNumbers) {
  for (std::string s : {"несколько человек", "многие", "сотрудники", "и"}) {
    EXPECT_FALSE(ParseNumberAt(s, 0, "ru").has_value()) << s;
  }
}

TEST(NumbersTest, StartsOnlyAtWordBoundaries) {
  std::string s = "A123 and x5";
  EXPECT_FALSE(ParseNumberAt(s, 1, "en").has_value());
  EXPECT_FALSE(ParseNumberAt(s, 10, "en").has_value());
}

TEST(NumbersTest, WholeStringParse) {
  EXPECT_EQ(ParseNumber("twenty-three", "en"), 23);
  EXPECT_EQ(ParseNumber("1,5 млн", "ru"), 1500000);
  EXPECT_FALSE(ParseNumber("23 people", "en").has_value());
}

TEST(NumbersTest, SeparatorsAreRecorded) {
  EXPECT_TRUE(ParseNumberAt("5,532", 0, "en")->has_separator);
  EXPECT_FALSE(ParseNumberAt("2022", 0, "en")->has_separator);
}

}  // namespace
}  // namespace newsfacts
