#include "core/strings.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace newsfacts {
namespace {

TEST(Strings, TrimAsciiSpace) {
  EXPECT_EQ(TrimAsciiSpace(" \t a b \r\n\f\v"), "a b");
  EXPECT_EQ(TrimAsciiSpace("   "), "");
  // No-break space is not ASCII white space.
  EXPECT_EQ(TrimAsciiSpace("\xC2\xA0x"), "\xC2\xA0x");
}

TEST(Strings, ToLowerAsciiLeavesOtherBytes) {
  EXPECT_EQ(ToLowerAscii("Content-Type: ÄB"), "content-type: Äb");
}

TEST(Strings, HexDigitValue) {
  EXPECT_EQ(HexDigitValue('0'), 0);
  EXPECT_EQ(HexDigitValue('a'), 10);
  EXPECT_EQ(HexDigitValue('F'), 15);
  EXPECT_EQ(HexDigitValue('g'), -1);
}

TEST(Strings, SubstringSetFindsAnyKeywordAnywhere) {
  const SubstringSet set({"share", "ad-slot", "nav", "x"});
  EXPECT_TRUE(set.FoundIn("post-share-bar"));
  EXPECT_TRUE(set.FoundIn("ad-slot"));        // the whole string
  EXPECT_TRUE(set.FoundIn("top-ad-slot"));    // at the end
  EXPECT_TRUE(set.FoundIn("navbar"));         // at the start
  EXPECT_TRUE(set.FoundIn("box"));            // one byte
  EXPECT_FALSE(set.FoundIn("article-body"));
  EXPECT_FALSE(set.FoundIn("ad-slo"));        // a keyword cut by the end
  EXPECT_FALSE(set.FoundIn("shar"));
  EXPECT_FALSE(set.FoundIn(""));
  // Keywords sharing a first byte are all tried.
  const SubstringSet same({"abc", "abd", "a-z"});
  EXPECT_TRUE(same.FoundIn("xxabdxx"));
  EXPECT_TRUE(same.FoundIn("a-z"));
  EXPECT_FALSE(same.FoundIn("ab ab a-"));
  // Bytes above 0x7f (UTF-8) are keywords and text like any other.
  const SubstringSet utf8({"\xd0\xbd\xd0\xb0"});
  EXPECT_TRUE(utf8.FoundIn("\xd1\x81\xd0\xbd\xd0\xb0"));
  EXPECT_FALSE(utf8.FoundIn("\xd0\xbd"));
  // An empty keyword is in every string, as for find().
  EXPECT_TRUE(SubstringSet({"zz", ""}).FoundIn(""));
  EXPECT_FALSE(SubstringSet(static_cast<const std::string_view*>(nullptr),
                            static_cast<const std::string_view*>(nullptr))
                   .FoundIn("anything"));
}

TEST(Strings, CountSubstringsInCountsEachPatternOnceAndStopsEarly) {
  const std::vector<std::string> markers = {"gdb.rferl.org", "utag/bbg/",
                                            "Content/responsive/RFE"};
  const std::string page =
      "<link href=//gdb.rferl.org/x.css><script src=/utag/bbg/a.js>"
      "<link href=//gdb.rferl.org/y.css>";
  EXPECT_EQ(CountSubstringsIn(page, markers, 10), 2u);
  EXPECT_EQ(CountSubstringsIn(page, markers, 1), 1u);  // stops at the first
  EXPECT_EQ(CountSubstringsIn("content/responsive/rfe", markers, 10), 0u);
  EXPECT_EQ(CountSubstringsIn("gdb.rferl.or", markers, 10), 0u);  // cut short
  EXPECT_EQ(CountSubstringsIn("", markers, 10), 0u);
  // At the very start and the very end of the text; one-byte patterns.
  EXPECT_EQ(CountSubstringsIn("utag/bbg/ ... gdb.rferl.org", markers, 10), 2u);
  EXPECT_EQ(CountSubstringsIn("abc", {"c", "", "zz"}, 10), 2u);
}

TEST(Strings, CountSubstringsInAgreesWithFind) {
  // Small alphabets make overlapping and repeated pairs frequent.
  std::mt19937 rng(7);
  auto random_string = [&rng](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s.push_back("abc"[rng() % 3]);
    return s;
  };
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> patterns;
    for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k)
      patterns.push_back(random_string(1 + rng() % 6));
    const std::string text = random_string(rng() % 40);
    size_t expected = 0;
    for (const std::string& p : patterns) {
      if (text.find(p) != std::string::npos) ++expected;
    }
    // Repeated patterns count once each as listed, like find() above.
    ASSERT_EQ(CountSubstringsIn(text, patterns, patterns.size()), expected)
        << text;
  }
}

TEST(Strings, ForEachPieceKeepsEmptyPiecesAndStopsOnFalse) {
  std::vector<std::string> got;
  ForEachPiece("a  b ", ' ', [&](std::string_view p) { got.emplace_back(p); });
  EXPECT_EQ(got, (std::vector<std::string>{"a", "", "b"}));
  got.clear();
  ForEachPiece("", ' ', [&](std::string_view p) { got.emplace_back(p); });
  EXPECT_TRUE(got.empty());
  got.clear();
  ForEachPiece("x,y,z", ',', [&](std::string_view p) {
    got.emplace_back(p);
    return p != "y";
  });
  EXPECT_EQ(got, (std::vector<std::string>{"x", "y"}));
}

TEST(Strings, ForEachLineDropsCarriageReturns) {
  std::vector<std::string> got;
  ForEachLine("one\r\ntwo\n\r\nthree\r", [&](std::string_view line) {
    got.emplace_back(line);
  });
  EXPECT_EQ(got, (std::vector<std::string>{"one", "two", "", "three"}));
}

TEST(Strings, ReadFileToString) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/f.bin";
  std::string bytes("a\0b\nc", 5);
  std::ofstream(path, std::ios::binary) << bytes;
  std::string out;
  ASSERT_TRUE(ReadFileToString(path, &out));
  EXPECT_EQ(out, bytes);
  EXPECT_FALSE(ReadFileToString(dir.path() + "/missing", &out));
}

}  // namespace
}  // namespace newsfacts
