// extract/text/: ICU text analysis shared by the fact stages: sentence and
// word segmentation of a text, once, so each rule stage reads the same
// tokens. Spans are UTF-8 byte ranges into the analysed text.
//
//   AnalyzedText at = Analyze(article.text, "en");
//   for (const Span& s : at.sentences) ...
//
// Thread-safety: Analyze() is safe for concurrent use.
#ifndef NEWSFACTS_EXTRACT_TEXT_TEXT_H_
#define NEWSFACTS_EXTRACT_TEXT_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace newsfacts {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

struct AnalyzedText {
  std::string_view text;         // REQUIRES: outlives this value
  std::vector<Span> sentences;   // in order, covering the non-space text
  std::vector<Token> tokens;     // words, numbers, punctuation; no spaces
  std::string_view Slice(Span s) const { return text.substr(s.begin, s.size()); }
  // Index of the sentence holding byte offset `pos` (last one if past end).
  size_t SentenceAt(size_t pos) const;
};

// Segments `text` (valid UTF-8) into sentences (paragraph breaks always end
// a sentence) and tokens. `lang` is a BCP 47 code; Default rules: "en".
AnalyzedText Analyze(std::string_view text, std::string_view lang);

// Lowercases UTF-8 with ICU's root rules ("Более" -> "более"); ASCII-only
// input takes a fast path with the same result.
std::string LowerCase(std::string_view s);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_TEXT_TEXT_H_
