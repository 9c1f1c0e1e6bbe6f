// Golden files: tests/testdata/dates/golden/<lang>/<family>.txt. Each line
// is one text tagged on its own against the file's `# date:`; every TIMEX3
// is marked inline as {TYPE VALUE[ MOD][ BEGIN..END]|extent}, e.g.
//   He took office on {DATE 2022-01-01|January 1}.
// A line passes when the tagger finds exactly the marked mentions (extent,
// type, value, mod, range ends): nothing missing and nothing extra. Values
// follow TimeML/TIMEX3 (guidelines 1.2.1); each file says which section.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "extract/dates/dates.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

struct Expected {
  std::string text, type, value, mod, begin, end_value;
};

std::string Describe(const std::string& text, const std::string& type,
                     const std::string& value, const std::string& mod,
                     const std::string& begin, const std::string& end) {
  std::string s = "{" + type + " " + value;
  if (!mod.empty()) s += " " + mod;
  if (!begin.empty()) s += " " + begin + ".." + end;
  return s + "|" + text + "}";
}

// Strips the markup of one line; fills `want` in text order.
std::string Parse(const std::string& line, std::vector<Expected>& want) {
  std::string plain;
  size_t pos = 0;
  while (pos < line.size()) {
    const size_t open = line.find('{', pos);
    if (open == std::string::npos) break;
    const size_t bar = line.find('|', open);
    const size_t close = line.find('}', bar);
    EXPECT_NE(close, std::string::npos) << line;
    if (close == std::string::npos) break;
    plain += line.substr(pos, open - pos);
    std::istringstream head(line.substr(open + 1, bar - open - 1));
    Expected e;
    head >> e.type >> e.value;
    std::string extra;
    while (head >> extra) {
      const size_t dots = extra.find("..");
      if (dots != std::string::npos) {
        e.begin = extra.substr(0, dots);
        e.end_value = extra.substr(dots + 2);
      } else {
        e.mod = extra;
      }
    }
    e.text = line.substr(bar + 1, close - bar - 1);
    plain += e.text;
    want.push_back(e);
    pos = close + 1;
  }
  return plain + line.substr(std::min(pos, line.size()));
}

void RunFile(const std::filesystem::path& path, const std::string& lang,
             const DateTagger& tagger) {
  std::istringstream in(testing::ReadFileOrDie(path.string()));
  std::optional<CivilDay> doc;
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    if (line.rfind("# date:", 0) == 0) {
      doc = CivilDay::FromIso(line.substr(line.find_first_not_of(' ', 7)));
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    ++lines;
    std::vector<Expected> want;
    const std::string plain = Parse(line, want);
    std::string expected, got;
    for (const auto& e : want)
      expected += Describe(e.text, e.type, e.value, e.mod, e.begin,
                           e.end_value) + " ";
    for (const auto& m : tagger.Tag(Analyze(plain, lang), doc))
      got += Describe(m.text, m.type, m.value, m.mod, m.begin, m.end_value) +
             " ";
    EXPECT_EQ(got, expected) << path.filename() << ": " << plain;
  }
  EXPECT_GT(lines, 0) << path;
}

TEST(DateGolden, EveryLanguageFolderMatchesItsGoldenFiles) {
  const std::filesystem::path root =
      testing::TestdataDir() + "/dates/golden";
  int files = 0;
  for (const auto& dir : std::filesystem::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const std::string lang = dir.path().filename().string();
    auto tagger = DateTagger::Create(testing::ConfigDir() + "/lang/" + lang);
    ASSERT_OK(tagger);
    for (const auto& f : std::filesystem::directory_iterator(dir.path())) {
      if (f.path().extension() != ".txt") continue;
      SCOPED_TRACE(f.path().string());
      RunFile(f.path(), lang, **tagger);
      ++files;
    }
  }
  EXPECT_GE(files, 4);
}

}  // namespace
}  // namespace newsfacts
