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
