// Development set from Microsoft Recognizers-Text's English DateTime specs
// (MIT), converted and hand-filtered by
// tests/testdata/dates/convert_recognizers.py, which also lists the TIMEX3
// equivalents of Recognizers' range values (2016-Q3 for
// 2016-07-01/2016-10-01). The specs are chat-style
// requests, not news, so this tracks breadth rather than the seed's
// precision: the assertions are floors at the level reached, to catch
// regressions, and the misses print for the next round of rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <sstream>

#include "extract/dates/dates.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, sep)) out.push_back(part);
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(DateRecognizers, DevSetFloors) {
  auto tagger = DateTagger::Create(testing::ConfigDir() + "/lang/en");
  ASSERT_OK(tagger);
  std::istringstream lines(testing::ReadFileOrDie(
      testing::TestdataDir() + "/dates/recognizers-dev.tsv"));
  int total = 0, overlap = 0, exact = 0, value_ok = 0;
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto cols = Split(line, '\t');
    ASSERT_GE(cols.size(), 4u) << line;
    const std::string& sentence = cols[1];
    const std::string& want = cols[2];
    const auto accepted = Split(cols[3], '|');
    size_t at = Lower(sentence).find(Lower(want));
    ASSERT_NE(at, std::string::npos) << line;
    const size_t want_end = at + want.size();
    // Recognizers keep a leading article in the extent; TimeML leaves it
    // out, so the extent after "the " counts as exact too.
    const size_t bare = Lower(want).rfind("the ", 0) == 0 ? at + 4 : at;
    ++total;
    AnalyzedText text = Analyze(sentence, "en");
    bool hit = false, same = false, good = false;
    std::string got;
    for (const auto& m : (*tagger)->Tag(text, CivilDay::FromIso(cols[0]))) {
      got += " \"" + m.text + "\"=" + m.value;
      if (m.span.begin >= want_end || at >= m.span.end) continue;
      hit = true;
      same |= (m.span.begin == at || m.span.begin == bare) &&
              m.span.end == want_end;
      const std::string range = m.begin + "/" + m.end_value;
      good |=
          std::find(accepted.begin(), accepted.end(), m.value) !=
              accepted.end() ||
          std::find(accepted.begin(), accepted.end(), range) != accepted.end();
    }
    overlap += hit;
    exact += same;
    value_ok += good;
    if (!good)
      std::cout << "  MISS [" << cols[4] << "] " << want << " want " << cols[3]
                << " got" << got << "\n";
  }
  ASSERT_GT(total, 100);
  const double r_overlap = 1.0 * overlap / total;
  const double r_exact = 1.0 * exact / total;
  const double v = 1.0 * value_ok / total;
  std::cout << "recognizers dev: cases=" << total
            << " recall(overlap)=" << r_overlap << " recall(exact)=" << r_exact
            << " value-accuracy=" << v << "\n";
  EXPECT_GE(r_overlap, 0.84);
  EXPECT_GE(r_exact, 0.54);
  EXPECT_GE(v, 0.54);
}

}  // namespace
}  // namespace newsfacts
