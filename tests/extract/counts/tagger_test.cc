// Behaviours of the count rules, one sentence each. Entities and dates are
// made by hand ([[NORP]], <<LOC>>, {{DATE=value}} markers) so that only the
// count stage is under test.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "extract/counts/counts.h"
#include "extract/text/text.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

struct Marked {
  std::string text;
  std::vector<Entity> entities;
  std::vector<DateMention> dates;
};

// Strips the markers, recording byte spans.
Marked Parse(const std::string& in) {
  Marked m;
  std::regex mark(R"(\[\[(.+?)\]\]|<<(.+?)>>|\{\{(.+?)=(.+?)\}\})");
  size_t pos = 0;
  for (auto it = std::sregex_iterator(in.begin(), in.end(), mark);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& sm = *it;
    m.text += in.substr(pos, static_cast<size_t>(sm.position()) - pos);
    size_t b = m.text.size();
    if (sm[1].matched || sm[2].matched) {
      Entity e;
      e.type = sm[1].matched ? EntityType::kNorp : EntityType::kLoc;
      e.text = sm[1].matched ? sm[1].str() : sm[2].str();
      m.text += e.text;
      e.span = {b, m.text.size()};
      m.entities.push_back(e);
    } else {
      DateMention d;
      d.text = sm[3].str();
      m.text += d.text;
      d.span = {b, m.text.size()};
      std::string v = sm[4].str();
      if (auto slash = v.find('/'); slash != std::string::npos) {
        d.type = "DURATION";
        d.begin = v.substr(0, slash);
        d.end_value = v.substr(slash + 1);
        d.value = "PXY";
      } else {
        d.value = v;
      }
      m.dates.push_back(d);
    }
    pos = static_cast<size_t>(sm.position() + sm.length());
  }
  m.text += in.substr(pos);
  return m;
}

struct Case {
  std::string input;
  std::string text;  // expected span text; empty: no count at all
  int64_t value = 0;
  std::string qualifier;
  std::string unit;
  std::string subject;
  std::string event;
  std::string date;
  std::string place;
};

class CountTaggerTest : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    auto t = CountTagger::Create(testing::ConfigDir() + "/lang/en");
    ASSERT_OK(t);
    tagger_ = std::move(*t).release();
  }
  static CountTagger* tagger_;
};
CountTagger* CountTaggerTest::tagger_ = nullptr;

TEST_P(CountTaggerTest, FindsTheCountAndItsAttributes) {
  const Case& c = GetParam();
  Marked m = Parse(c.input);
  AnalyzedText at = Analyze(m.text, "en");
  std::vector<CaseCount> found = tagger_->Tag(at, m.entities, m.dates);
  if (c.text.empty()) {
    EXPECT_TRUE(found.empty()) << m.text << " -> " << found[0].text;
    return;
  }
  ASSERT_EQ(found.size(), 1u) << m.text;
  const CaseCount& f = found[0];
  EXPECT_EQ(f.text, c.text);
  EXPECT_EQ(at.Slice(f.span), c.text);
  EXPECT_EQ(f.value, c.value);
  EXPECT_EQ(f.qualifier, c.qualifier);
  EXPECT_EQ(f.unit, c.unit);
  EXPECT_EQ(f.subject, c.subject);
  EXPECT_EQ(f.event, c.event);
  EXPECT_EQ(f.date, c.date);
  EXPECT_EQ(f.place, c.place);
  EXPECT_FALSE(f.rule.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, CountTaggerTest,
    ::testing::Values(
        Case{"The study documented 5,532 cases of [[Uyghurs]] facing "
             "intimidation, {{from 1997 to January 2022=1997/2022-01}}.",
             "5,532 cases", 5532, "exact", "cases", "Uyghurs", "INTIMIDATE",
             "1997/2022-01", ""},
        Case{"More than 2,500 [[Afghan]] civilians were killed in <<Helmand>>.",
             "More than 2,500 Afghan civilians", 2500, "min", "civilians",
             "Afghan civilians", "KILL", "", "Helmand"},
        Case{"{{On Monday=2024-03-04}}, police detained 40 protesters.",
             "40 protesters", 40, "exact", "protesters", "", "ARREST",
             "2024-03-04", ""},
        Case{"Hundreds of thousands of people fled to <<Poland>>.",
             "Hundreds of thousands of people", 100000, "min", "people", "",
             "DISPLACE", "", "Poland"},
        Case{"Between 200 and 300 students were arrested.",
             "Between 200 and 300 students", 200, "range", "students",
             "students", "ARREST", "", ""},
        Case{"The earthquake killed more than 39,000.", "more than 39,000",
             39000, "min", "", "", "KILL", "", ""},
        Case{"Some 40 refugees were detained in <<Turkey>>, <<Iran>> and "
             "<<Iraq>>.",
             "Some 40 refugees", 40, "approx", "refugees", "", "ARREST", "",
             ""},
        Case{"They recorded 26 cases in a host country.", "26 cases", 26,
             "exact", "cases", "", "AFFECT", "", ""},
        Case{"A 7,000-plus toll of incidents was logged.", "", 0, "", "", "",
             "", "", ""},
        Case{"Officials counted 7,000-plus incidents.", "7,000-plus incidents",
             7000, "min", "incidents", "", "AFFECT", "", ""},
        Case{"The city of 2 million people has one hospital.", "", 0, "", "",
             "", "", "", ""},
        Case{"Four members of the security forces were killed.", "Four members",
             4, "exact", "members", "security forces", "KILL", "", ""},
        Case{"Infanticide cases (2023): 12", "12", 12, "exact", "cases", "",
             "KILL", "", ""},
        Case{"Police said 30 were injured.", "30", 30, "exact", "", "", "WOUND",
             "", ""},
        Case{"No one was killed.", "", 0, "", "", "", "", "", ""},
        Case{"The 64-year-old was detained.", "", 0, "", "", "", "", "", ""},
        Case{"It spent $5 million on 10 countries.", "", 0, "", "", "", "", "",
             ""},
        Case{"She was one of the students arrested.", "", 0, "", "", "", "", "",
             ""},
        Case{"In 2019 police were not called.", "", 0, "", "", "", "", "", ""},
        Case{"Police did not detain 40 people, the ministry said.", "", 0, "",
             "", "", "", "", ""}));

// Modal and forecast counts are kept (optional in gold) and say so in their
// rule id; reported ones do not.
TEST(CountTaggerModalityTest, ModalCountsEndTheirRuleWithModal) {
  auto t = CountTagger::Create(testing::ConfigDir() + "/lang/en");
  ASSERT_OK(t);
  struct {
    std::string text;
    bool modal;
  } cases[] = {
      {"The storm could affect up to 10,000 people.", true},
      {"The government threatened to deport 200 refugees.", true},
      {"Up to 300 workers may be laid off.", true},
      {"At least 12 people were killed.", false},
      {"Police detained 40 protesters on Monday.", false},
  };
  for (const auto& c : cases) {
    AnalyzedText at = Analyze(c.text, "en");
    std::vector<CaseCount> found = (*t)->Tag(at, {}, {});
    ASSERT_EQ(found.size(), 1u) << c.text;
    EXPECT_EQ(found[0].rule.ends_with(".modal"), c.modal)
        << c.text << " -> " << found[0].rule;
  }
}

TEST(CountTaggerCreateTest, FailsOnAMissingFolder) {
  testing::TempDir dir;
  EXPECT_FALSE(CountTagger::Create(dir.File("nope")).ok());
}

TEST(CountTaggerCreateTest, FailsOnHalfASetOfRules) {
  testing::TempDir dir;
  testing::WriteFileOrDie(dir.File("counts-triggers.txt"), "killed\tKILL\n");
  EXPECT_FALSE(CountTagger::Create(dir.path()).ok());
}

// The optional word lists (counts-gathering-verbs.txt, counts-leave-verbs.txt)
// drive their rules: the same sentences with a copy of the English folder
// that lacks them give no protest crowd, and no displacement from a place
// left.
TEST(CountTaggerCreateTest, OptionalListsDriveTheirRules) {
  testing::TempDir dir;
  testing::CopyLangFilesExcept(
      "en", "counts-", {"counts-gathering-verbs.txt", "counts-leave-verbs.txt"},
      dir);
  auto full = CountTagger::Create(testing::ConfigDir() + "/lang/en");
  auto bare = CountTagger::Create(dir.path());
  ASSERT_OK(full);
  ASSERT_OK(bare);
  const std::string crowd =
      "The union called a strike over pay. About 3,000 workers gathered "
      "outside the plant.";
  AnalyzedText at = Analyze(crowd, "en");
  auto with_list = (*full)->Tag(at, {}, {});
  ASSERT_EQ(with_list.size(), 1u);
  EXPECT_EQ(with_list[0].event, "PROTEST");
  EXPECT_TRUE((*bare)->Tag(at, {}, {}).empty());

  Marked m = Parse("Some 400 people have left <<Xinjiang>> for <<Kazakhstan>>.");
  AnalyzedText left = Analyze(m.text, "en");
  auto displaced = (*full)->Tag(left, m.entities, m.dates);
  ASSERT_EQ(displaced.size(), 1u);
  EXPECT_EQ(displaced[0].event, "DISPLACE");
  EXPECT_EQ(displaced[0].place, "Xinjiang");
  EXPECT_TRUE((*bare)->Tag(left, m.entities, m.dates).empty());
}

TEST(CountTaggerCreateTest, LanguageWithoutCountRulesFindsNothing) {
  testing::TempDir dir;
  auto tagger = CountTagger::Create(dir.path());
  ASSERT_OK(tagger);
  std::string text = "At least 12 people were killed.";
  EXPECT_TRUE((*tagger)->Tag(Analyze(text, "en"), {}, {}).empty());
}

}  // namespace
}  // namespace newsfacts

namespace newsfacts {
namespace {

// Page content is never trusted: fragments that end mid-pattern must not
// crash or read out of range (the sanitizer build checks the latter).
TEST(CountTaggerRobustnessTest, OddFragmentsAreHandled) {
  auto tagger = CountTagger::Create(testing::ConfigDir() + "/lang/en");
  ASSERT_OK(tagger);
  for (std::string s : {"",
                        "1",
                        "$",
                        "5,",
                        "between 5 and",
                        "of of of 5 of",
                        "12:",
                        "Dozens",
                        "\xE2\x80\x94"
                        "5\xE2\x80\x94",
                        "killed 5",
                        "5 killed",
                        "cases: 7",
                        "hundreds of",
                        "a dozen",
                        "1-",
                        "-1",
                        "tens of",
                        "7,000-plus",
                        "5\xC2\xA0\xC2\xA0",
                        "\xD0\x9C\xD0\xBB\xD0\xBD 5",
                        "One of.",
                        "no one",
                        "including 5",
                        "number of prisoners: 9"}) {
    std::vector<CaseCount> found = (*tagger)->Tag(Analyze(s, "en"), {}, {});
    for (const CaseCount& c : found) {
      EXPECT_LE(c.span.end, s.size()) << s;
      EXPECT_EQ(c.text, s.substr(c.span.begin, c.span.size())) << s;
    }
  }
  std::string killed = "killed 5";
  EXPECT_EQ((*tagger)->Tag(Analyze(killed, "en"), {}, {}).size(), 1u);
}

}  // namespace
}  // namespace newsfacts
