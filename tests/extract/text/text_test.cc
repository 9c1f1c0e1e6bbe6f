#include "extract/text/text.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

std::vector<std::string> Sentences(const AnalyzedText& at) {
  std::vector<std::string> out;
  for (const Span& s : at.sentences) out.emplace_back(at.Slice(s));
  return out;
}

TEST(Analyze, SplitsSentencesAndParagraphs) {
  const std::string text =
      "Ma said so. He left.\n\nA New Face For Eurasia\n\nThe U.S. envoy came.";
  AnalyzedText at = Analyze(text, "en");
  EXPECT_EQ(Sentences(at),
            (std::vector<std::string>{"Ma said so.", "He left.",
                                      "A New Face For Eurasia",
                                      "The U.S. envoy came."}));
}

TEST(Analyze, TokensAreByteSpansWithKinds) {
  const std::string text = "Some 1,500 Uyghurs\u2019 cases.";
  AnalyzedText at = Analyze(text, "en");
  std::vector<std::string> pieces;
  for (const Token& t : at.tokens) pieces.emplace_back(at.Slice(t.span));
  EXPECT_EQ(pieces, (std::vector<std::string>{"Some", "1,500", "Uyghurs",
                                              "\u2019", "cases", "."}));
  EXPECT_EQ(at.tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(at.tokens[2].kind, TokenKind::kWord);
  EXPECT_EQ(at.tokens[5].kind, TokenKind::kPunct);
}

TEST(Analyze, SentenceAtFindsTheEnclosingSentence) {
  const std::string text = "One. Two three.";
  AnalyzedText at = Analyze(text, "en");
  ASSERT_EQ(at.sentences.size(), 2u);
  EXPECT_EQ(at.SentenceAt(0), 0u);
  EXPECT_EQ(at.SentenceAt(6), 1u);
  EXPECT_EQ(at.SentenceAt(100), 1u);
}

TEST(Analyze, EmptyTextHasNothing) {
  AnalyzedText at = Analyze("", "en");
  EXPECT_TRUE(at.sentences.empty());
  EXPECT_TRUE(at.tokens.empty());
}

TEST(LowerCase, AsciiAndOtherScripts) {
  EXPECT_EQ(LowerCase("Between MARCH"), "between march");
  EXPECT_EQ(LowerCase("\u0411\u043e\u043b\u0435\u0435"),
            "\u0431\u043e\u043b\u0435\u0435");  // Более
  EXPECT_EQ(LowerCase("\u00c9T\u00c9"), "\u00e9t\u00e9");  // ÉTÉ
  EXPECT_EQ(LowerCase(""), "");
}

}  // namespace
}  // namespace newsfacts
