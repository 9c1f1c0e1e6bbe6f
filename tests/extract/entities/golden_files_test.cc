// Golden files in tests/testdata/entities/golden/: one case per paragraph,
// with the mentions marked inline ("[Wang Yi](PERSON, rule=person.title)").
// The tagger must return exactly the marked mentions, in order; the rule id
// (as a prefix), canonical and title are checked where the markup gives
// them. Also: the packaged gazetteers load, and their absence only narrows
// what is found.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/entities/entities.h"
#include "extract/entities/packaged.h"
#include "extract/text/text.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

struct Marked {
  std::string type, text, rule, canonical, title;
};

struct GoldenCase {
  std::string file;
  std::string plain;
  std::vector<Marked> want;
};

std::string Trim(std::string s) {
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// "[Wang Yi](PERSON, rule=person.title)" -> plain text + marks.
GoldenCase Parse(const std::string& file, const std::string& para) {
  GoldenCase c;
  c.file = file;
  size_t i = 0;
  while (i < para.size()) {
    size_t open = para.find('[', i);
    size_t close = open == std::string::npos ? open : para.find("](", open);
    size_t end = close == std::string::npos ? close : para.find(')', close);
    if (end == std::string::npos) {
      c.plain += para.substr(i);
      break;
    }
    c.plain += para.substr(i, open - i);
    Marked m;
    m.text = para.substr(open + 1, close - open - 1);
    std::stringstream attrs(para.substr(close + 2, end - close - 2));
    std::string part;
    bool first = true;
    while (std::getline(attrs, part, ',')) {
      part = Trim(part);
      if (first) {
        m.type = part;
        first = false;
        continue;
      }
      size_t eq = part.find('=');
      std::string key = part.substr(0, eq), value = part.substr(eq + 1);
      if (key == "rule") m.rule = value;
      if (key == "canonical") m.canonical = value;
      if (key == "title") m.title = value;
    }
    c.plain += m.text;
    c.want.push_back(m);
    i = end + 1;
  }
  return c;
}

std::vector<GoldenCase> LoadCases() {
  std::vector<GoldenCase> cases;
  const std::string dir = testing::TestdataDir() + "/entities/golden";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line, para;
    auto flush = [&] {
      if (!para.empty()) cases.push_back(Parse(path.filename(), para));
      para.clear();
    };
    while (std::getline(in, line)) {
      if (line.empty()) {
        flush();
      } else if (line[0] != '#') {
        para += (para.empty() ? "" : "\n") + line;
      }
    }
    flush();
  }
  return cases;
}

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

TEST(EntityGoldenFilesTest, EveryCaseFindsExactlyItsMarkedMentions) {
  std::vector<GoldenCase> cases = LoadCases();
  ASSERT_GE(cases.size(), 30u);
  for (const GoldenCase& c : cases) {
    std::vector<Entity> got = Tagger().Tag(Analyze(c.plain, "en"));
    std::string got_list, want_list;
    for (const Entity& e : got) {
      got_list += std::string(EntityTypeName(e.type)) + " " + e.text + " (" +
                  e.rule + "); ";
    }
    for (const Marked& m : c.want) want_list += m.type + " " + m.text + "; ";
    ASSERT_EQ(got.size(), c.want.size())
        << c.file << ": " << c.plain << "\n got: " << got_list
        << "\n want: " << want_list;
    for (size_t k = 0; k < got.size(); ++k) {
      const Entity& e = got[k];
      const Marked& m = c.want[k];
      SCOPED_TRACE(c.file + ": " + c.plain);
      EXPECT_EQ(EntityTypeName(e.type), m.type) << e.text;
      EXPECT_EQ(e.text, m.text);
      EXPECT_EQ(c.plain.substr(e.span.begin, e.span.size()), e.text);
      EXPECT_FALSE(e.rule.empty()) << e.text;
      if (!m.rule.empty()) {
        EXPECT_EQ(e.rule.compare(0, m.rule.size(), m.rule), 0)
            << e.text << ": rule " << e.rule << ", want " << m.rule;
      }
      if (!m.canonical.empty()) {
        EXPECT_EQ(e.canonical, m.canonical);
      }
      if (!m.title.empty()) {
        EXPECT_EQ(e.title, m.title);
      }
    }
  }
}

TEST(EntityGoldenFilesTest, WithoutPackagedDataHandListsStillWork) {
  auto t = EntityTagger::Create(testing::ConfigDir() + "/lang/en",
                                "/nonexistent-share");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  std::string text = "Officials in Kazakhstan said fighting near Burbank ended.";
  std::vector<Entity> got = (*t)->Tag(Analyze(text, "en"));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].rule, "gaz.loc-countries");  // hand list
  EXPECT_EQ(got[1].rule, "loc.cue");  // no GeoNames: only the cue word
  std::vector<Entity> full = Tagger().Tag(Analyze(text, "en"));
  ASSERT_EQ(full.size(), 2u);
  EXPECT_EQ(full[1].rule, "gaz.geonames-city");
}

// A two-message catalog written byte by byte in the .mo layout.
TEST(EntityGoldenFilesTest, ReadsGettextCatalogs) {
  std::string path = ::testing::TempDir() + "/entities_test.mo";
  {
    std::vector<std::string> orig = {"2761369", "US.CA"};
    std::vector<std::string> trans = {"Vienna", "California"};
    std::string strings;
    std::vector<uint32_t> header = {0x950412deu, 0, 2, 28, 44, 0, 0};
    uint32_t base = 28 + 32;
    std::vector<uint32_t> table;
    for (const auto* list : {&orig, &trans}) {
      for (const std::string& s : *list) {
        table.push_back(static_cast<uint32_t>(s.size()));
        table.push_back(base + static_cast<uint32_t>(strings.size()));
        strings += s;
        strings.push_back('\0');
      }
    }
    std::ofstream out(path, std::ios::binary);
    for (uint32_t v : header) out.write(reinterpret_cast<char*>(&v), 4);
    for (uint32_t v : table) out.write(reinterpret_cast<char*>(&v), 4);
    out << strings;
  }
  auto entries = ReadMoFile(path);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].first, "2761369");
  EXPECT_EQ(entries[0].second, "Vienna");
  EXPECT_EQ(entries[1].second, "California");
  EXPECT_TRUE(ReadMoFile(path + ".missing").empty());
}

}  // namespace
}  // namespace newsfacts
