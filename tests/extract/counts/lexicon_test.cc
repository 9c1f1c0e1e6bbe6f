// The count stage's word lists: config/lang/<lang>/counts-<name>.txt read
// by name (CountLexicon::Words), with whole words, "stem*" and "*ending"
// entries, and a language folder that lacks a list giving an empty one.
#include "extract/counts/lexicon.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "extract/counts/counts.h"
#include "extract/text/text.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

// The files every language with count rules has.
void WriteRequiredFiles(const testing::TempDir& dir) {
  for (const char* name :
       {"counts-qualifiers.txt", "counts-person-nouns.txt",
        "counts-case-nouns.txt", "counts-triggers.txt", "counts-stopwords.txt",
        "counts-negators.txt", "counts-reporting-verbs.txt"}) {
    testing::WriteFileOrDie(dir.File(name), "# empty\n");
  }
}

TEST(CountWordLists, ReadsWordsStemsAndEndingsByName) {
  testing::TempDir dir;
  WriteRequiredFiles(dir);
  testing::WriteFileOrDie(dir.File("counts-crash-words.txt"),
                          "# A header comment.\ncrash*\nSank\n*ided\n");
  auto lex = CountLexicon::Load(dir.path());
  ASSERT_OK(lex);
  const WordList& crash = lex->Words("crash-words");
  EXPECT_TRUE(crash.Has("crash"));
  EXPECT_TRUE(crash.Has("crashed"));   // a stem starts it
  EXPECT_TRUE(crash.Has("sank"));      // keys are lowercased
  EXPECT_FALSE(crash.Has("sanko"));    // a whole word is no stem
  EXPECT_TRUE(crash.Has("collided"));  // an ending ends it
  EXPECT_FALSE(crash.Has("ided"));     // ... but only a longer word
  EXPECT_FALSE(crash.Has("# a header comment."));
  // A list the folder lacks is empty, not an error.
  EXPECT_TRUE(lex->Words("vehicles").empty());
  EXPECT_FALSE(lex->Words("vehicles").Has("bus"));
}

TEST(CountWordLists, EnglishAndRussianListsAreApart) {
  auto en = CountLexicon::Load(testing::ConfigDir() + "/lang/en");
  auto ru = CountLexicon::Load(testing::ConfigDir() + "/lang/ru");
  ASSERT_OK(en);
  ASSERT_OK(ru);
  EXPECT_TRUE(en->Words("units").Has("years"));
  EXPECT_FALSE(en->Words("units").Has("лет"));
  EXPECT_TRUE(ru->Words("units").Has("лет"));
  EXPECT_TRUE(ru->Words("crash-words").Has("столкнулся"));
  EXPECT_TRUE(ru->Words("apposition-openers").Has("в том числе"));
  EXPECT_TRUE(ru->Words("substantive-endings").Has("пострадавших"));
}

// A rule reads its list from the language folder: the same sentence with
// a copy of the English folder that lacks counts-vehicle-carrying.txt and
// counts-crash-words.txt gives the people aboard no event.
TEST(CountWordLists, ListsDriveTheirRules) {
  testing::TempDir dir;
  testing::CopyLangFilesExcept(
      "en", "counts-", {"counts-vehicle-carrying.txt", "counts-crash-words.txt"},
      dir);
  auto full = CountTagger::Create(testing::ConfigDir() + "/lang/en");
  auto bare = CountTagger::Create(dir.path());
  ASSERT_OK(full);
  ASSERT_OK(bare);
  const std::string text = "A bus carrying 40 people overturned on Monday.";
  AnalyzedText at = Analyze(text, "en");
  auto with_lists = (*full)->Tag(at, {}, {});
  ASSERT_EQ(with_lists.size(), 1u);
  EXPECT_EQ(with_lists[0].event, "AFFECT");
  EXPECT_TRUE((*bare)->Tag(at, {}, {}).empty());
}

}  // namespace
}  // namespace newsfacts
