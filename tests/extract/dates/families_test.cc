// Specification of the date rule families, one table per family. Values
// follow the TimeML annotation guidelines 1.2.1 (TIMEX3 value, mod; a
// leading article stays outside the extent: "in the [1990s]") and the
// project's date guideline (fixtures/rferl/ANNOTATION-NOTES.md §5). The
// document date is Wednesday 2022-03-23 unless a case says otherwise.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "extract/dates/dates.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

struct Case {
  std::string sentence;
  std::string text = "";  // expected extent ("" = no mention at all)
  std::string type = "";
  std::string value = "";
  std::string mod = "";
  std::string begin = "";
  std::string end_value = "";
};

const DateTagger& Tagger() {
  static auto* tagger = [] {
    auto t = DateTagger::Create(testing::ConfigDir() + "/lang/en");
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? std::move(*t).release() : nullptr;
  }();
  return *tagger;
}

std::vector<DateMention> TagAt(const std::string& s,
                               std::optional<CivilDay> doc) {
  AnalyzedText at = Analyze(s, "en");
  return Tagger().Tag(at, doc);
}

void Check(const std::vector<Case>& cases,
           std::optional<CivilDay> doc = CivilDay{2022, 3, 23}) {
  for (const auto& c : cases) {
    SCOPED_TRACE(c.sentence);
    auto found = TagAt(c.sentence, doc);
    if (c.text.empty()) {
      for (const auto& m : found)
        ADD_FAILURE() << "unexpected \"" << m.text << "\" " << m.value << " ["
                      << m.rule << "]";
      continue;
    }
    const DateMention* hit = nullptr;
    for (const auto& m : found)
      if (m.text == c.text) hit = &m;
    if (!hit) {
      std::string got;
      for (const auto& m : found) got += "\"" + m.text + "\" ";
      ADD_FAILURE() << "no mention \"" << c.text << "\"; got " << got;
      continue;
    }
    EXPECT_EQ(hit->type, c.type);
    EXPECT_EQ(hit->value, c.value);
    EXPECT_EQ(hit->mod, c.mod);
    EXPECT_EQ(hit->begin, c.begin);
    EXPECT_EQ(hit->end_value, c.end_value);
    EXPECT_FALSE(hit->rule.empty());
  }
}

TEST(DateTagger, AbsoluteDates) {
  Check({
      {"The attack came on September 11, 2019.", "September 11, 2019", "DATE",
       "2019-09-11"},
      {"He died on 11 September 2019 in Kyiv.", "11 September 2019", "DATE",
       "2019-09-11"},
      {"The deal was signed on Sept. 11, 2001.", "Sept. 11, 2001", "DATE",
       "2001-09-11"},
      {"Filed 2019-09-11 with the court.", "2019-09-11", "DATE", "2019-09-11"},
      {"The war began in March 2022.", "March 2022", "DATE", "2022-03"},
      {"It was ratified in December 2020.", "December 2020", "DATE", "2020-12"},
      {"The group was founded in 1997.", "1997", "DATE", "1997"},
      {"Trade grew in the 1990s.", "1990s", "DATE", "199"},
      {"The decree is dated 17.03.2022.", "17.03.2022", "DATE", "2022-03-17"},
      {"The form is dated 3/17/2022.", "3/17/2022", "DATE", "2022-03-17"},
      {"They marched on the 8th of March, 2020.", "8th of March, 2020",
       "DATE", "2020-03-08"},
      {"They marched on the 8th of March.", "8th of March", "DATE",
       "2022-03-08"},
  });
}

TEST(DateTagger, PartialDatesResolveByTense) {
  Check({
      {"He took office on January 1.", "January 1", "DATE", "2022-01-01"},
      {"The two met on February 4.", "February 4", "DATE", "2022-02-04"},
      {"The protest took place on March 17.", "March 17", "DATE", "2022-03-17"},
      {"The Taliban took Kabul in August.", "August", "DATE", "2021-08"},
      {"The summit will be held on April 5.", "April 5", "DATE", "2022-04-05"},
      {"Elections will take place in June.", "June", "DATE", "2022-06"},
      {"Talks ended on 4 February.", "4 February", "DATE", "2022-02-04"},
  });
  Check(
      {{"The talks were held on April 25.", "April 25", "DATE", "2022-04-25"}},
      CivilDay{2022, 4, 27});
  Check({{"He took office on January 1.", "January 1", "DATE", "XXXX-01-01"}},
        std::nullopt);
}

TEST(DateTagger, Weekdays) {
  Check({
      {"Police detained him on Monday.", "Monday", "DATE", "2022-03-21"},
      {"The minister will visit on Friday.", "Friday", "DATE", "2022-03-25"},
      {"The vote happened on Wednesday.", "Wednesday", "DATE", "2022-03-23"},
      {"They met last Tuesday.", "last Tuesday", "DATE", "2022-03-22"},
      {"Sunday's vote was close.", "Sunday", "DATE", "2022-03-20"},
      {"Sirens sounded on Monday morning.", "Monday morning", "TIME",
       "2022-03-21TMO"},
  });
}

TEST(DateTagger, RelativeExpressions) {
  Check({
      {"Officials said yesterday that talks failed.", "yesterday", "DATE",
       "2022-03-22"},
      {"The court rules tomorrow.", "tomorrow", "DATE", "2022-03-24"},
      {"Prices rose last year.", "last year", "DATE", "2021"},
      {"Inflation fell last month.", "last month", "DATE", "2022-02"},
      {"The ban takes effect next month.", "next month", "DATE", "2022-04"},
      {"Output is up this year.", "this year", "DATE", "2022"},
      {"Rockets hit the city last week.", "last week", "DATE", "2022-W11"},
      {"He was arrested two days ago.", "two days ago", "DATE", "2022-03-21"},
      {"She left three years ago.", "three years ago", "DATE", "2019"},
      {"Both sides met earlier this week.", "earlier this week", "DATE",
       "2022-W12"},
      {"Ties have grown in recent years.", "recent years", "DATE", "PAST_REF"},
      {"The country must now navigate the fallout.", "now", "DATE",
       "PRESENT_REF"},
      {"He is currently in exile.", "currently", "DATE", "PRESENT_REF"},
      {"The SCO has lost attraction right now.", "right now", "DATE",
       "PRESENT_REF"},
      {"It is quiet at the moment.", "at the moment", "DATE", "PRESENT_REF"},
      {"Where things stand today is unclear.", "today", "DATE", "PRESENT_REF"},
      {"The offensive began this spring.", "this spring", "DATE", "2022-SP"},
      {"A vigil is planned for tonight.", "tonight", "TIME", "2022-03-23TNI"},
  });
}

TEST(DateTagger, PartsOfPeriods) {
  Check({
      {"Unrest broke out in early January.", "early January", "DATE", "2022-01",
       "START"},
      {"The leaders met in early February.", "early February", "DATE",
       "2022-02", "START"},
      {"Growth slowed in mid-2020.", "mid-2020", "DATE", "2020", "MID"},
      {"The plant closed in late 2019.", "late 2019", "DATE", "2019", "END"},
      {"Sales fell at the end of 2021.", "end of 2021", "DATE", "2021",
       "END"},
      {"The mid-1990s saw war.", "mid-1990s", "DATE", "199", "MID"},
      {"In the first half of 2021, exports rose.", "first half of 2021",
       "DATE", "2021-H1"},
  });
}

TEST(DateTagger, Durations) {
  Check({
      {"He served three years in prison.", "three years", "DURATION", "P3Y"},
      {"He was held for 48 hours.", "48 hours", "DURATION", "PT48H"},
      {"The war lasted a decade.", "a decade", "DURATION", "P10Y"},
      {"Talks went on for several months.", "several months", "DURATION",
       "PXM"},
      {"He began a three-year term.", "three-year", "DURATION", "P3Y"},
      {"It changed in a few decisive days.", "a few decisive days", "DURATION",
       "PXD"},
      {"About seven weeks later, troops invaded.", "About seven weeks",
       "DURATION", "P7W", "APPROX"},
      {"The crisis has lasted quite some time.", "quite some time", "DURATION",
       "PXY"},
      {"Fighting over the past two weeks killed many.", "past two weeks",
       "DURATION", "P2W"},
      {"The ceasefire held for twenty-five days.", "twenty-five days",
       "DURATION", "P25D"},
      {"He waited more than two hours.", "more than two hours", "DURATION",
       "PT2H", "MORE_THAN"},
      {"The talks lasted two and a half hours.", "two and a half hours",
       "DURATION", "PT2.5H"},
      {"The siege lasted half a year.", "half a year", "DURATION", "P0.5Y"},
      {"Shelling over the next three days is expected.", "next three days",
       "DURATION", "P3D"},
      {"More strikes are expected in the coming days.", "coming days",
       "DURATION", "PXD"},
      {"Over the past decade, China invested heavily.", "past decade",
       "DURATION", "P10Y"},
  });
}

TEST(DateTagger, QuartersAndNamedMonths) {
  Check({
      {"GDP fell in the third quarter of 2016.", "third quarter of 2016",
       "DATE", "2016-Q3"},
      {"Profits rose in Q1 2021.", "Q1 2021", "DATE", "2021-Q1"},
      {"Output rose in the first quarter last year.",
       "first quarter last year", "DATE", "2021-Q1"},
      {"The vote is due this September.", "this September", "DATE", "2022-09"},
      {"Prices peaked last April.", "last April", "DATE", "2021-04"},
  });
}

TEST(DateTagger, Sets) {
  Check({
      {"The council meets every week.", "every week", "SET", "P1W"},
      {"Figures are published each year.", "each year", "SET", "P1Y"},
      {"The bulletin appears weekly.", "weekly", "SET", "P1W"},
      {"The report is released annually.", "annually", "SET", "P1Y"},
      {"Protesters gather every Monday.", "every Monday", "SET", "XXXX-WXX-1"},
      {"The program costs $5 billion a year.", "a year", "SET", "P1Y"},
      {"Patrols pass three times a week.", "three times a week", "SET", "P1W"},
  });
}

TEST(DateTagger, Ranges) {
  Check({
      {"Cases were logged from 1997 to January 2022.",
       "from 1997 to January 2022", "DURATION", "P25Y", "", "1997", "2022-01"},
      {"He ruled between 2014 and 2016.", "between 2014 and 2016", "DURATION",
       "P2Y", "", "2014", "2016"},
      {"The 2014-2016 crisis hit hard.", "2014-2016", "DURATION", "P2Y", "",
       "2014", "2016"},
      {"The summit ran on March 3-5, 2020.", "March 3-5, 2020", "DURATION",
       "P2D", "", "2020-03-03", "2020-03-05"},
      {"Talks were held from 4 to 22 January 1995.",
       "from 4 to 22 January 1995", "DURATION", "P18D", "", "1995-01-04",
       "1995-01-22"},
      {"Talks ran from Oct. 2 to October 22.", "from Oct. 2 to October 22",
       "DURATION", "P20D", "", "2021-10-02", "2021-10-22"},
      {"He was born on 5 December 1391.", "5 December 1391", "DATE",
       "1391-12-05"},
      {"Fighting raged between March and May.", "between March and May",
       "DURATION", "P2M", "", "2021-03", "2021-05"},
      // Without a year, the day next to the month is resolved.
      {"Talks ran March 3-5.", "March 3-5", "DURATION", "P2D", "",
       "2022-03-03", "2022-03-05"},
      {"They met from 8 to 10 June.", "from 8 to 10 June", "DURATION", "P2D",
       "", "2021-06-08", "2021-06-10"},
  });
}

TEST(DateTagger, ClockTimes) {
  Check({
      {"The blast happened at 10 a.m. local time.", "10 a.m. local time", "TIME",
       "2022-03-23T10:00"},
      {"Curfew starts at 21:30 GMT.", "21:30 GMT", "TIME", "2022-03-23T21:30"},
      {"On March 17, the vote closed at 8 p.m.", "8 p.m.", "TIME",
       "2022-03-17T20:00"},
  });
}

TEST(DateTagger, NonDatesAreIgnored) {
  Check({
      {"Take Route 66 west.", ""},
      {"Ukraine asked for F-16 jets.", ""},
      {"Some 1,500 Uyghurs were tracked.", ""},
      {"The fund holds $2019 million.", ""},
      {"Turnout was 2019% of estimates.", ""},
      {"Call +1 202-555-1234 for details.", ""},
      {"Theresa May resigned as leader.", ""},
      {"Talks may resume soon after a pause.", "soon", "DATE", "FUTURE_REF"},
      {"The 64-year-old diplomat retired.", ""},
      {"He counted 2,000 protesters.", ""},
      {"Ever since, there has been fear.", ""},
      {"The largest war since World War II began.", ""},
      {"A total of 5000 people fled.", ""},
      {"Under Article 2019 of the code, he was charged.", ""},
      {"He is 45 years old.", ""},
  });
}

TEST(DateTagger, MentionsAreOrderedAndDisjoint) {
  const std::string s =
      "On January 1 he took office; in early February he met Xi; "
      "now, three years later, the bloc meets every year.";
  auto found = TagAt(s, CivilDay{2022, 3, 23});
  ASSERT_GE(found.size(), 4u);
  for (size_t i = 1; i < found.size(); ++i)
    EXPECT_LE(found[i - 1].span.end, found[i].span.begin);
  for (const auto& m : found)
    EXPECT_EQ(m.text, s.substr(m.span.begin, m.span.size()));
}

TEST(DateTagger, DurationsLaterAreAnchoredOnThePreviousDate) {
  const std::string s =
      "Unrest broke out in early January. About seven weeks later, the "
      "Kremlin invaded Ukraine.";
  auto found = TagAt(s, CivilDay{2022, 3, 23});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].text, "About seven weeks");
  EXPECT_EQ(found[1].value, "P7W");
  EXPECT_EQ(found[1].anchored, "2022-02");
  EXPECT_EQ(found[0].anchored, "");
}

TEST(DateTagger, CreateFailsWithoutResources) {
  EXPECT_FALSE(DateTagger::Create("/nonexistent/lang/en").ok());
}

}  // namespace
}  // namespace newsfacts
