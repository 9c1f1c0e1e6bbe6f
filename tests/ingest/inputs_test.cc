// ExpandInputs on a real directory tree in a TempDir.

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::TempDir;
using testing::WriteFileOrDie;

TEST(ExpandInputs, WalksFoldersForPagesSortedByPath) {
  TempDir dir;
  std::filesystem::create_directories(dir.File("site/b/deep"));
  std::filesystem::create_directories(dir.File("site/a"));
  const std::vector<std::string> pages = {
      "site/a/one.html",
      "site/b/deep/THREE.HTM",
      "site/b/two.html.gz",
      "site/z.Html",
  };
  const std::vector<std::string> others = {
      "site/a/notes.txt", "site/b/data.json",  "site/b/page.htm.bak",
      "site/b/image.png", "site/a/archive.gz",
  };
  for (const auto& f : pages) WriteFileOrDie(dir.File(f), "<p>x</p>");
  for (const auto& f : others) WriteFileOrDie(dir.File(f), "x");

  std::vector<InputError> errors;
  std::vector<std::string> files = ExpandInputs({dir.File("site")}, &errors);
  EXPECT_TRUE(errors.empty());
  std::vector<std::string> want;
  for (const auto& f : pages) want.push_back(dir.File(f));
  EXPECT_EQ(files, want);
}

TEST(ExpandInputs, KeepsFilesAndStdinInCommandLineOrder) {
  TempDir dir;
  WriteFileOrDie(dir.File("b.html"), "x");
  WriteFileOrDie(dir.File("a.txt"), "x");  // named files keep any extension
  std::vector<InputError> errors;
  std::vector<std::string> files =
      ExpandInputs({dir.File("b.html"), "-", dir.File("a.txt")}, &errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(files, (std::vector<std::string>{dir.File("b.html"), "-",
                                             dir.File("a.txt")}));
}

TEST(ExpandInputs, ReportsMissingPathsAndGoesOn) {
  TempDir dir;
  WriteFileOrDie(dir.File("ok.html"), "x");
  const std::string missing = dir.File("missing.html");
  std::vector<InputError> errors;
  std::vector<std::string> files =
      ExpandInputs({missing, dir.File("ok.html")}, &errors);
  EXPECT_EQ(files, std::vector<std::string>{dir.File("ok.html")});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, missing);
  EXPECT_EQ(errors[0].status.code(), Status::Code::kNotFound);
  EXPECT_NE(errors[0].status.message().find(missing), std::string::npos);
}

TEST(ExpandInputs, ReportsUnreadableFiles) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  TempDir dir;
  WriteFileOrDie(dir.File("secret.html"), "x");
  ::chmod(dir.File("secret.html").c_str(), 0);
  std::vector<InputError> errors;
  std::vector<std::string> files =
      ExpandInputs({dir.File("secret.html"), dir.path()}, &errors);
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(errors.size(), 2u);  // once named, once found in the folder
  EXPECT_EQ(errors[0].path, dir.File("secret.html"));
  EXPECT_NE(errors[0].status.message().find("secret.html"), std::string::npos);
}

TEST(ExpandInputs, EmptyFolderGivesNothing) {
  TempDir dir;
  std::vector<InputError> errors;
  EXPECT_TRUE(ExpandInputs({dir.path()}, &errors).empty());
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace newsfacts
