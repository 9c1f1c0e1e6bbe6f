// Helpers shared by the test binaries (header-only, test code only).
#ifndef NEWSFACTS_TESTS_TEST_UTIL_H_
#define NEWSFACTS_TESTS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <string>
#include <string_view>

#include "core/status.h"

#define ASSERT_OK(expr)                                   \
  do {                                                    \
    const auto& nf_r_ = (expr);                           \
    ASSERT_TRUE(nf_r_.ok()) << ::newsfacts::testing::StatusOf(nf_r_).ToString(); \
  } while (0)
#define EXPECT_OK(expr)                                   \
  do {                                                    \
    const auto& nf_r_ = (expr);                           \
    EXPECT_TRUE(nf_r_.ok()) << ::newsfacts::testing::StatusOf(nf_r_).ToString(); \
  } while (0)

namespace newsfacts::testing {

inline const Status& StatusOf(const Status& s) { return s; }
template <typename T>
const Status& StatusOf(const Result<T>& r) {
  return r.status();
}

inline std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFileOrDie(const std::string& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

inline std::string ConfigDir() { return NEWSFACTS_CONFIG_DIR; }
inline std::string TestdataDir() { return NEWSFACTS_TESTDATA_DIR; }
inline std::string SharedDir() { return NEWSFACTS_SHARED_DIR; }

// A fresh empty directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    auto base = std::filesystem::temp_directory_path();
    for (int i = 0;; ++i) {
      path_ = base / ("newsfacts-test-" + std::to_string(::getpid()) + "-" +
                      std::to_string(i));
      if (std::filesystem::create_directory(path_)) break;
    }
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path() const { return path_.string(); }
  std::string File(const std::string& name) const {
    return (path_ / name).string();
  }

 private:
  std::filesystem::path path_;
};

// Copies the files of the bundled language folder `lang` whose names start
// with `prefix` into `dir`, except those in `skip`: a language folder that
// lacks some lists.
inline void CopyLangFilesExcept(const std::string& lang, std::string_view prefix,
                                std::initializer_list<std::string_view> skip,
                                const TempDir& dir) {
  for (const auto& e :
       std::filesystem::directory_iterator(ConfigDir() + "/lang/" + lang)) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    bool skipped = false;
    for (std::string_view s : skip) skipped = skipped || name == s;
    if (!skipped) std::filesystem::copy_file(e.path(), dir.File(name));
  }
}

}  // namespace newsfacts::testing

#endif  // NEWSFACTS_TESTS_TEST_UTIL_H_
