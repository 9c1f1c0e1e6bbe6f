// The fact stages together, on the bundled config: languages, partial
// language folders, and the seed page's must-have facts.
#include "extract/facts/tagger.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::ConfigDir;
using testing::TempDir;

TEST(Tagger, TagsEnglishWithTheBundledResources) {
  auto tagger = Tagger::Create({.lang_dir = ConfigDir() + "/lang"});
  ASSERT_OK(tagger);
  const std::string text =
      "On March 17, Chinese Foreign Minister Wang Yi said at least 12 people "
      "were killed in Kabul.";
  Facts f = (*tagger)->Tag(text, CivilDay{2022, 3, 23}, "en");
  ASSERT_FALSE(f.dates.empty());
  EXPECT_EQ(f.dates[0].value, "2022-03-17");
  bool wang = false;
  for (const Entity& e : f.entities) {
    if (e.text == "Wang Yi") wang = e.type == EntityType::kPerson;
  }
  EXPECT_TRUE(wang);
  ASSERT_EQ(f.counts.size(), 1u);
  EXPECT_EQ(f.counts[0].value, 12);
  EXPECT_EQ(f.counts[0].event, "KILL");
}

TEST(Tagger, UsesTheLanguagesOwnDateRules) {
  auto tagger = Tagger::Create({.lang_dir = ConfigDir() + "/lang"});
  ASSERT_OK(tagger);
  const std::string text = "Суд состоялся 17 марта 2021 года.";
  Facts f = (*tagger)->Tag(text, CivilDay{2022, 3, 23}, "ru");
  ASSERT_FALSE(f.dates.empty());
  EXPECT_EQ(f.dates[0].value, "2021-03-17");
}

TEST(Tagger, UnknownLanguageFallsBackToTheDefault) {
  auto tagger = Tagger::Create({.lang_dir = ConfigDir() + "/lang"});
  ASSERT_OK(tagger);
  Facts f = (*tagger)->Tag("It happened on March 17.", CivilDay{2022, 3, 23},
                           "xx-YY");
  ASSERT_FALSE(f.dates.empty());
  EXPECT_EQ(f.dates[0].value, "2022-03-17");
}

TEST(Tagger, NoCountsInALanguageWithoutCountingWords) {
  auto tagger = Tagger::Create({.lang_dir = ConfigDir() + "/lang"});
  ASSERT_OK(tagger);
  // German "die" is an article, not the English verb of killing.
  const std::string text =
      "Laut Polizei wurden 15 Personen festgenommen, die Lage ist ruhig.";
  Facts de = (*tagger)->Tag(text, CivilDay{2022, 3, 23}, "de");
  EXPECT_TRUE(de.counts.empty());
  Facts en = (*tagger)->Tag("At least 12 people were killed in the crash.",
                            CivilDay{2022, 3, 23}, "en");
  EXPECT_FALSE(en.counts.empty());
}

TEST(Tagger, FailsWithoutTheDefaultLanguage) {
  TempDir dir;
  std::filesystem::create_directories(dir.File("lang/de"));
  auto tagger = Tagger::Create({.lang_dir = dir.File("lang")});
  ASSERT_FALSE(tagger.ok());
  EXPECT_EQ(tagger.status().code(), Status::Code::kNotFound);
  EXPECT_NE(tagger.status().message().find("'en'"), std::string::npos);
  EXPECT_FALSE(Tagger::Create({.lang_dir = dir.File("nope")}).ok());
}

}  // namespace
}  // namespace newsfacts
