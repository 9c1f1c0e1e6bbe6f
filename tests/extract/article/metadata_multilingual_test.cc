// Titles and publication days of the hand-written news pages in
// tests/testdata/multilingual/ (34 pages, one per language or markup
// situation; expected values in expected.tsv, decided by hand from each
// page, see README.md there).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/types.h"
#include "tests/extract/article/article_test_util.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::ExtractHtml;
using testing::ReadFileOrDie;
using testing::TestdataDir;

TEST(MetadataMultilingual, TitleAndDayOfEveryPage) {
  const std::string dir = TestdataDir() + "/multilingual/";
  std::istringstream rows(ReadFileOrDie(dir + "expected.tsv"));
  std::string row;
  int pages = 0;
  while (std::getline(rows, row)) {
    if (row.empty() || row[0] == '#') continue;
    const size_t tab1 = row.find('\t');
    const size_t tab2 = row.find('\t', tab1 + 1);
    ASSERT_NE(tab2, std::string::npos) << row;
    const std::string file = row.substr(0, tab1);
    const std::string day = row.substr(tab1 + 1, tab2 - tab1 - 1);
    const std::string title = row.substr(tab2 + 1);
    SCOPED_TRACE(file);
    Result<Article> a = ExtractHtml(ReadFileOrDie(dir + file));
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_EQ(a->title, title);
    EXPECT_EQ(a->published.substr(0, 10), day) << a->published;
    ++pages;
  }
  EXPECT_EQ(pages, 34);
}

}  // namespace
}  // namespace newsfacts
