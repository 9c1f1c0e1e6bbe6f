#include "extract/text/text.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

namespace newsfacts {

namespace {

// UTF-8 bytes are iterated through UText, so break positions come back as
// byte offsets into the original text: no conversion tables needed.
struct UTextCloser {
  void operator()(UText* ut) const { utext_close(ut); }
};

std::unique_ptr<icu::BreakIterator> NewIterator(bool sentences,
                                                std::string_view lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(std::string(lang.empty() ? "en" : lang).c_str());
  std::unique_ptr<icu::BreakIterator> it(
      sentences ? icu::BreakIterator::createSentenceInstance(locale, status)
                : icu::BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status)) return nullptr;
  return it;
}

bool IsSpaceOnly(std::string_view s) {
  for (unsigned char c : s) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// Trims ASCII white space off both ends of `span`.
Span Trim(std::string_view text, Span span) {
  auto space = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  };
  while (span.begin < span.end && space(text[span.begin])) ++span.begin;
  while (span.end > span.begin && space(text[span.end - 1])) --span.end;
  return span;
}

TokenKind KindOf(std::string_view piece, int32_t rule_status) {
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) {
    return TokenKind::kNumber;
  }
  if (rule_status >= UBRK_WORD_LETTER) return TokenKind::kWord;
  // ICU gives "none" status to punctuation and to symbols.
  if (!piece.empty() && static_cast<unsigned char>(piece[0]) >= 0x80) {
    return TokenKind::kPunct;
  }
  return TokenKind::kPunct;
}

}  // namespace

size_t AnalyzedText::SentenceAt(size_t pos) const {
  auto it = std::upper_bound(
      sentences.begin(), sentences.end(), pos,
      [](size_t p, const Span& s) { return p < s.end; });
  if (it == sentences.end()) return sentences.empty() ? 0 : sentences.size() - 1;
  return static_cast<size_t>(it - sentences.begin());
}

AnalyzedText Analyze(std::string_view text, std::string_view lang) {
  AnalyzedText out;
  out.text = text;
  if (text.empty()) return out;

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()),
                     &status));
  if (U_FAILURE(status)) return out;

  if (auto it = NewIterator(/*sentences=*/true, lang)) {
    it->setText(ut.get(), status);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE;
         start = end, end = it->next()) {
      Span s = Trim(text, {static_cast<size_t>(start),
                           static_cast<size_t>(end)});
      if (s.size() > 0) out.sentences.push_back(s);
    }
  }

  if (auto it = NewIterator(/*sentences=*/false, lang)) {
    status = U_ZERO_ERROR;
    it->setText(ut.get(), status);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE;
         start = end, end = it->next()) {
      std::string_view piece = text.substr(start, end - start);
      if (IsSpaceOnly(piece)) continue;
      out.tokens.push_back(
          {{static_cast<size_t>(start), static_cast<size_t>(end)},
           KindOf(piece, it->getRuleStatus())});
    }
  }
  return out;
}

std::string LowerCase(std::string_view s) {
  const bool ascii = std::all_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
  std::string out;
  if (ascii) {
    out.assign(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

}  // namespace newsfacts
