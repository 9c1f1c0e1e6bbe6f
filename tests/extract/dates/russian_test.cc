// Russian date rules: ICU supplies the month names in the nominative and
// the genitive ("17 марта"), config/lang/ru the rest; matching uses
// Unicode word edges since RE2's \b is ASCII-only. Document date
// 2022-03-23.
#include <gtest/gtest.h>

#include "extract/dates/dates.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

struct RuCase {
  std::string sentence;
  std::string text;
  std::string type;
  std::string value;
  std::string mod = "";
};

TEST(DateTaggerRu, Families) {
  auto tagger = DateTagger::Create(testing::ConfigDir() + "/lang/ru");
  ASSERT_OK(tagger);
  const std::vector<RuCase> cases = {
      {"Соглашение подписали 17 марта 2021 года.", "17 марта 2021 года", "DATE",
       "2021-03-17"},
      {"Встреча прошла 4 февраля в Пекине.", "4 февраля", "DATE", "2022-02-04"},
      {"Талибы захватили Кабул в августе.", "августе", "DATE", "2021-08"},
      {"Беспорядки начались в начале января.", "начале января", "DATE",
       "2022-01", "START"},
      {"Организация основана в 2001 году.", "2001 году", "DATE", "2001"},
      {"Сейчас ситуация изменилась.", "Сейчас", "DATE", "PRESENT_REF"},
      {"Цены выросли в прошлом году.", "прошлом году", "DATE", "2021"},
      {"Он провел в тюрьме три года.", "три года", "DURATION", "P3Y"},
      {"Отчет публикуется ежегодно.", "ежегодно", "SET", "P1Y"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.sentence);
    AnalyzedText at = Analyze(c.sentence, "ru");
    const DateMention* hit = nullptr;
    auto found = (*tagger)->Tag(at, CivilDay{2022, 3, 23});
    std::string got;
    for (const auto& m : found) {
      got += "\"" + m.text + "\" ";
      if (m.text == c.text) hit = &m;
    }
    ASSERT_NE(hit, nullptr) << "got " << got;
    EXPECT_EQ(hit->type, c.type);
    EXPECT_EQ(hit->value, c.value);
    EXPECT_EQ(hit->mod, c.mod);
  }
}

TEST(DateTaggerRu, WordsInsideLongerWordsAreNotDates) {
  auto tagger = DateTagger::Create(testing::ConfigDir() + "/lang/ru");
  ASSERT_OK(tagger);
  AnalyzedText at = Analyze("Сейчасный вчерашний мартовский", "ru");
  EXPECT_TRUE((*tagger)->Tag(at, CivilDay{2022, 3, 23}).empty());
}

}  // namespace
}  // namespace newsfacts
