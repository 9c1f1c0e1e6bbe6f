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

// Spans stay UTF-8 byte ranges for characters outside the BMP (two
// UTF-16 units inside ICU) and for invalid UTF-8 (segmented as bytes).
TEST(Analyze, ByteSpansAroundAstralCharactersAndInvalidBytes) {
  const std::string text = "Zo\u00eb saw \U0001D49C\U0001D49C here. Bye \U0001F600 now.";
  AnalyzedText at = Analyze(text, "en");
  std::vector<std::string> pieces;
  for (const Token& t : at.tokens) pieces.emplace_back(at.Slice(t.span));
  EXPECT_EQ(pieces, (std::vector<std::string>{
                        "Zo\u00eb", "saw", "\U0001D49C\U0001D49C", "here",
                        ".", "Bye", "\U0001F600", "now", "."}));
  EXPECT_EQ(Sentences(at),
            (std::vector<std::string>{
                "Zo\u00eb saw \U0001D49C\U0001D49C here.",
                "Bye \U0001F600 now."}));

  const std::string bad = "One \xff two. Three.";
  AnalyzedText at2 = Analyze(bad, "en");
  std::vector<std::string> words;
  for (const Token& t : at2.tokens) {
    if (t.kind == TokenKind::kWord) words.emplace_back(at2.Slice(t.span));
  }
  EXPECT_EQ(words, (std::vector<std::string>{"One", "two", "Three"}));
  EXPECT_EQ(Sentences(at2).back(), "Three.");
}

// A capital initial after a name, and the titles ICU's English
// suppression list knows, end no sentence.
TEST(Analyze, InitialsAndTitlesEndNoSentence) {
  const std::string text =
      "Sonya A. Zoghlin, the lawyer, spoke. Mr. Smith left with Patrick W. "
      "Carlineo Jr. on Monday. He sat in Group A. The game ended.";
  AnalyzedText at = Analyze(text, "en");
  EXPECT_EQ(Sentences(at),
            (std::vector<std::string>{
                "Sonya A. Zoghlin, the lawyer, spoke.",
                "Mr. Smith left with Patrick W. Carlineo Jr. on Monday.",
                "He sat in Group A.", "The game ended."}));
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

// Text with no character that lower case changes comes back as it was;
// one that changes brings ICU's context rules (final sigma) and full
// mappings (U+0130 -> "i" + combining dot) to the whole string.
TEST(LowerCase, CaselessTextAndContextRules) {
  EXPECT_EQ(LowerCase("\u201cQuote\u201d \u2014 \u2019s 1,500"),
            "\u201cquote\u201d \u2014 \u2019s 1,500");
  EXPECT_EQ(LowerCase("\u5317\u4eac \u00e9t\u00e9"), "\u5317\u4eac \u00e9t\u00e9");
  EXPECT_EQ(LowerCase("\u039f\u0394\u039f\u03a3 \u03a3"),
            "\u03bf\u03b4\u03bf\u03c2 \u03c3");  // ΟΔΟΣ Σ -> οδος σ
  EXPECT_EQ(LowerCase("\u0130stanbul"), "i\u0307stanbul");
}

}  // namespace
}  // namespace newsfacts
