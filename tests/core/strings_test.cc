#include "core/strings.h"

#include <gtest/gtest.h>

#include <fstream>
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
