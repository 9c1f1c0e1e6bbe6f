#include "core/strings.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

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
