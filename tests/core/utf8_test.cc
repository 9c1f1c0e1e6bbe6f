#include "core/utf8.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("China\u2019s \u0423\u0439\u0433\u0443\u0440 \U0001F600"));
}

TEST(Utf8, RejectsIllFormedSequences) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("abc\xE2\x80"));       // truncated
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));  // beyond U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(Utf8, SanitizeReplacesEachBadByte) {
  EXPECT_EQ(SanitizeUtf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(SanitizeUtf8("ok\u2019"), "ok\u2019");
}

TEST(CodePointIndex, ConvertsBothWays) {
  const std::string text = "\u2019ab\u0416c";  // 3+1+1+2+1 bytes
  CodePointIndex index(text);
  EXPECT_EQ(CodePointCount(text), 5u);
  EXPECT_EQ(index.ToCodePoint(0), 0u);
  EXPECT_EQ(index.ToCodePoint(3), 1u);
  EXPECT_EQ(index.ToCodePoint(5), 3u);
  EXPECT_EQ(index.ToCodePoint(7), 4u);
  EXPECT_EQ(index.ToCodePoint(8), 5u);
  EXPECT_EQ(index.ToByte(3), 5u);
  EXPECT_EQ(index.ToByte(99), 8u);
}

}  // namespace
}  // namespace newsfacts
