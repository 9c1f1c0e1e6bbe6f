// Golden end-to-end test: every tests/testdata/pages/NAME.html, run through
// `newsfacts extract --json --no-facts`, gives the hand-reviewed
// NAME.expected.json (see tests/testdata/pages/README.md for what each page
// tests: charsets, truncation, live blogs, video pages, bylines).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_util.h"

namespace newsfacts::testing {
namespace {

using nlohmann::json;

TEST(GoldenPages, ExtractMatchesReviewedExpectations) {
  TempDir dir;
  int pages = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(TestdataDir() + "/pages")) {
    const std::string path = entry.path().string();
    const std::string suffix = ".expected.json";
    if (path.size() < suffix.size() ||
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    const std::string html = path.substr(0, path.size() - suffix.size()) +
                             ".html";
    SCOPED_TRACE(html);
    ++pages;
    const json want = json::parse(ReadFileOrDie(path));
    RunResult r = RunNewsfacts(dir, {"extract", "--json", "--no-facts", html});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json got = json::parse(r.out);
    EXPECT_EQ(std::filesystem::path(got["source"].get<std::string>())
                  .filename()
                  .string(),
              want["source"]);
    for (const char* key : {"url", "title", "authors", "published", "modified",
                            "language", "section", "kind", "text",
                            "captions"}) {
      EXPECT_EQ(got[key], want[key]) << key;
    }
    ASSERT_EQ(got["posts"].size(), want["posts"].size());
    for (size_t i = 0; i < want["posts"].size(); ++i) {
      for (const char* key : {"title", "published", "text"}) {
        EXPECT_EQ(got["posts"][i][key], want["posts"][i][key])
            << "post " << i << " " << key;
      }
    }
  }
  EXPECT_GE(pages, 8);
}

}  // namespace
}  // namespace newsfacts::testing
