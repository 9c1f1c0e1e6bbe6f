// One table per rule family: each case is a text and the mentions the
// tagger must return, written "TYPE text" with optional " => canonical"
// and " | title".
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "extract/entities/entities.h"
#include "extract/text/text.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

struct RuleCase {
  std::string name;
  std::string text;
  std::vector<std::string> want;
};

const EntityTagger& Tagger() {
  static const EntityTagger* tagger = [] {
    auto t = EntityTagger::Create(testing::ConfigDir() + "/lang/en");
    if (!t.ok()) {
      ADD_FAILURE() << t.status().ToString();
      std::abort();
    }
    return std::move(t).value().release();
  }();
  return *tagger;
}

std::string Render(const Entity& e) {
  std::string s = std::string(EntityTypeName(e.type)) + " " + e.text;
  if (e.canonical != e.text) s += " => " + e.canonical;
  if (!e.title.empty()) s += " | " + e.title;
  return s;
}

class EntityRulesTest : public ::testing::TestWithParam<RuleCase> {};

TEST_P(EntityRulesTest, FindsExactlyTheExpectedMentions) {
  const RuleCase& c = GetParam();
  AnalyzedText at = Analyze(c.text, "en");
  std::vector<std::string> got;
  size_t last_end = 0;
  for (const Entity& e : Tagger().Tag(at)) {
    got.push_back(Render(e));
    EXPECT_FALSE(e.rule.empty()) << Render(e);
    EXPECT_GE(e.span.begin, last_end) << "overlap or out of order";
    EXPECT_EQ(c.text.substr(e.span.begin, e.span.size()), e.text);
    last_end = e.span.end;
  }
  EXPECT_EQ(got, c.want) << c.text;
}

const RuleCase kCases[] = {
    // Titles: the office goes to `title`, the nationality is its own NORP.
    {"TitleWithNationality",
     "He met Chinese Foreign Minister Wang Yi on Monday.",
     {"NORP Chinese", "PERSON Wang Yi | Foreign Minister"}},
    {"TitleLongestForm",
     "Russian President Vladimir Putin spoke.",
     {"NORP Russian => Russians", "PERSON Vladimir Putin | President"}},
    {"LowerCaseTitle",
     "The talks were led by president Emomali Rahmon.",
     {"PERSON Emomali Rahmon | President"}},
    {"AbbreviatedTitleIsExpanded",
     "a bill from Sen. Elizabeth Warren",
     {"PERSON Elizabeth Warren | Senator"}},
    {"HonorificIsNotTitle",
     "The plan was drafted by Mr. Karimov last year.",
     {"PERSON Karimov"}},
    // Speech verbs mark unknown single names as people.
    {"SaidBeforeName", "\"It is over,\" said Umarov.", {"PERSON Umarov"}},
    // A site named by its domain is an organization, never a speaker.
    {"DomainNameIsOrg", "Polygraph.info said the claim was false.",
     {"ORG Polygraph.info"}},
    {"NameBeforeTold",
     "Later Umarov told reporters the news.",
     {"PERSON Umarov"}},
    // Acronyms: the definition gives later uses their expansion.
    {"AcronymDefinition",
     "The Eurasian Development Bank (EDB) lends money. The EDB grew.",
     {"ORG Eurasian Development Bank", "ORG EDB => Eurasian Development Bank",
      "ORG EDB => Eurasian Development Bank"}},
    {"GazetteerAcronym",
     "The EU and NATO met in Brussels.",
     {"ORG EU => European Union", "ORG NATO", "LOC Brussels"}},
    {"SlashAcronymStaysAsWritten", "He told RFE/RL on Friday.", {"ORG RFE/RL"}},
    {"DottedAcronym",
     "Sanctions by the U.S. followed.",
     {"LOC U.S. => United States"}},
    // Possessives are cut from the span.
    {"Possessive",
     "China\xE2\x80\x99s role and Russia's army grew.",
     {"LOC China", "LOC Russia"}},
    {"PossessiveSplitsOrgs",
     "She joined the Wilson Center's Kissinger Institute on China and the "
     "United States.",
     {"ORG Wilson Center",
      "ORG Kissinger Institute on China and the United States"}},
    // Sentence-initial capitals are not names by themselves.
    {"SentenceInitialCommonWord",
     "Unrest broke out across Kazakhstan.",
     {"LOC Kazakhstan"}},
    {"SentenceInitialDeterminer", "The Kremlin denied it.", {"ORG Kremlin"}},
    // Coordinated ellipsis is one place; plain coordination is two.
    {"CoordinatedEllipsis",
     "Both South and Central Asia changed.",
     {"LOC South and Central Asia => Central and South Asia"}},
    {"PlainCoordination",
     "It spans the Middle East and South Asia.",
     {"LOC Middle East", "LOC South Asia"}},
    // NORP as adjective and noun; canonical is the group's plural noun.
    {"NorpAdjectiveAndNoun",
     "Turkish officials said Uyghurs and a Kazakh fled.",
     {"NORP Turkish => Turks", "NORP Uyghurs", "NORP Kazakh => Kazakhs"}},
    {"HyphenatedNorp", "a Russian-led force", {"NORP Russian => Russians"}},
    // Metonymy keeps the literal type.
    {"Metonymy",
     "Beijing and the Kremlin disagreed, and the Taliban waited.",
     {"LOC Beijing", "ORG Kremlin", "ORG Taliban"}},
    {"CapitalAsGovernmentStaysLoc",
     "Washington said it would respond.",
     {"LOC Washington"}},
    // Organization head words and connectors.
    {"OrgSuffix",
     "a professor at Frostburg State University in Maryland",
     {"ORG Frostburg State University", "LOC Maryland"}},
    {"OrgWithPlaceInside",
     "a fellow at the Moscow Carnegie Center",
     {"ORG Moscow Carnegie Center"}},
    {"OrgWithConnector",
     "at the Italian Institute for International Political Studies",
     {"ORG Italian Institute for International Political Studies"}},
    {"PlaceHeadWord",
     "unrest in Xinjiang Province grew",
     {"LOC Xinjiang Province => Xinjiang"}},
    // Document consistency: short forms take the longest name.
    {"LaterSurname",
     "Temur Umarov is an analyst. Reporters asked Umarov about it.",
     {"PERSON Temur Umarov", "PERSON Umarov => Temur Umarov"}},
    {"FamilyNameFirst",
     "Zhang Ming left Brussels. Zhang returned to Beijing.",
     {"PERSON Zhang Ming", "LOC Brussels", "PERSON Zhang => Zhang Ming",
      "LOC Beijing"}},
    {"SpeakerLabel",
     "Bradley Jardine: Yes.\n\nJardine: No.",
     {"PERSON Bradley Jardine", "PERSON Jardine => Bradley Jardine"}},
    // Unknown multi-word capitalized names default to PERSON.
    {"CapitalizedRunIsPerson",
     "Kazakh activist Serikzhan Bilash fled.",
     {"NORP Kazakh => Kazakhs", "PERSON Serikzhan Bilash"}},
    // Names inside names and non-entity phrases.
    {"NameInsideName",
     "after the collapse of the Soviet Union",
     {"LOC Soviet Union"}},
    {"PossessiveInsideKnownName",
     "Troops of the People\xE2\x80\x99s Liberation Army and China's navy",
     {"ORG People\xE2\x80\x99s Liberation Army => People's Liberation Army",
      "LOC China"}},
    {"UnknownAcronymIsOrg", "a report by the IPRS think tank", {"ORG IPRS"}},
    {"CommonAbbreviationIsNotOrg", "the GDP and CPU prices rose", {}},
    {"PlaceCue",
     "incidents in a town called Barin in the south",
     {"LOC Barin"}},
    {"PlaceNameAsSurname",
     "Fans cheered Michael Jordan in Chicago.",
     {"PERSON Michael Jordan", "LOC Chicago"}},
    {"NonEntityEvent", "the largest war since World War II", {}},
    {"HeadingNeedsGazetteer",
     "China's Western Neighborhood Gets Nervous",
     {"LOC China"}},
    {"NoEntities", "nothing to see here, move along.", {}},
};

INSTANTIATE_TEST_SUITE_P(Rules, EntityRulesTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<RuleCase>& info) {
                           return info.param.name;
                         });

TEST(EntityTagger, MissingConfigIsAnError) {
  testing::TempDir dir;
  EXPECT_FALSE(EntityTagger::Create(dir.path()).ok());
}

TEST(EntityTagger, EmptyTextHasNoEntities) {
  AnalyzedText at = Analyze("", "en");
  EXPECT_TRUE(Tagger().Tag(at).empty());
}

// Reports throughput for the log; no timing assertion.
TEST(EntityTagger, ReportsThroughputOnSeedPosts) {
  std::string text = testing::ReadFileOrDie(testing::TestdataDir() +
                                            "/rferl/seed-facts.gold.jsonl");
  AnalyzedText at = Analyze(text, "en");
  auto start = std::chrono::steady_clock::now();
  std::vector<Entity> found = Tagger().Tag(at);
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::cout << "entities: " << text.size() << " bytes, " << found.size()
            << " mentions, " << (secs > 0 ? text.size() / secs / 1e6 : 0)
            << " MB/s (Tag only)\n";
  EXPECT_FALSE(found.empty());
}

}  // namespace
}  // namespace newsfacts
