#include "extract/text/text.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace newsfacts {

namespace {

struct UTextCloser {
  void operator()(UText* ut) const { utext_close(ut); }
};

std::unique_ptr<icu::BreakIterator> NewIterator(bool sentences,
                                                std::string_view lang) {
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard": no sentence break after the abbreviations of the
  // locale's CLDR suppression list ("Mr.", "Dr.", "U.S.").
  std::string id(lang.empty() ? "en" : lang);
  if (sentences) id += "@ss=standard";
  icu::Locale locale(id.c_str());
  std::unique_ptr<icu::BreakIterator> it(
      sentences ? icu::BreakIterator::createSentenceInstance(locale, status)
                : icu::BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status)) return nullptr;
  return it;
}

// Building a break iterator loads and checks its rule tables; each thread
// keeps the pair for the last language it segmented and resets it with
// setText(), so Analyze() stays safe for concurrent use.
struct Iterators {
  std::string lang;
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> words;
};

Iterators& IteratorsFor(std::string_view lang) {
  thread_local Iterators cached;
  if (cached.lang != lang || !cached.sentences || !cached.words) {
    cached.lang = std::string(lang);
    cached.sentences = NewIterator(/*sentences=*/true, lang);
    cached.words = NewIterator(/*sentences=*/false, lang);
  }
  return cached;
}

// The text as UTF-16 for ICU plus the byte offset of every UTF-16 index
// (one past the end included). ICU walks a UTF-16 buffer much faster than
// UTF-8 through UText, which it refills 32 characters at a time. Returns
// false for invalid UTF-8; the caller then iterates the bytes via UText.
bool ToUtf16(std::string_view text, std::u16string* u16,
             std::vector<uint32_t>* offsets) {
  if (text.size() >= static_cast<size_t>(INT32_MAX) / 2) return false;
  // Never more UTF-16 units than bytes: fill sized buffers, then trim.
  u16->resize(text.size());
  offsets->resize(text.size() + 1);
  char16_t* out = u16->data();
  uint32_t* off = offsets->data();
  size_t k = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      off[k] = static_cast<uint32_t>(i);
      out[k++] = static_cast<char16_t>(p[i]);
      ++i;
      continue;
    }
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    off[k] = static_cast<uint32_t>(at);
    if (c <= 0xFFFF) {
      out[k++] = static_cast<char16_t>(c);
    } else {
      out[k++] = static_cast<char16_t>(U16_LEAD(c));
      off[k] = static_cast<uint32_t>(at);
      out[k++] = static_cast<char16_t>(U16_TRAIL(c));
    }
  }
  off[k] = static_cast<uint32_t>(n);
  u16->resize(k);
  offsets->resize(k + 1);
  return true;
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

bool AsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Words that open sentences far more often than they follow a person's
// middle initial ("in Group A. The game ...").
bool OpensSentence(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "A",     "After", "Also",  "An",    "And",  "As",    "At",    "But",
      "By",    "For",   "From",  "He",    "Her",  "His",   "However",
      "I",     "If",    "In",    "It",    "Its",  "Meanwhile", "Now",
      "On",    "Our",   "She",   "So",    "That", "The",   "Their",
      "Then",  "There", "These", "They",  "This", "Those", "To",    "We",
      "When",  "While", "With",  "You"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// ICU ends a sentence at every capital and dot: "Sonya A." | "Zoghlin
// said". A capital initial right after a capitalized word, before a
// capitalized word that rarely opens a sentence, is a middle initial.
// Written by hand: ICU's suppression lists hold abbreviations, not
// initials.
void JoinMiddleInitials(std::string_view text, std::vector<Span>& sentences) {
  std::vector<Span> out;
  out.reserve(sentences.size());
  for (const Span& s : sentences) {
    if (!out.empty()) {
      std::string_view prev = text.substr(out.back().begin, out.back().size());
      size_t n = prev.size();
      bool initial = n >= 4 && prev[n - 1] == '.' && AsciiUpper(prev[n - 2]) &&
                     prev[n - 3] == ' ';
      if (initial) {
        // The word before the initial starts with a capital.
        size_t e = n - 3;
        size_t b = e;
        while (b > 0 && prev[b - 1] != ' ' && prev[b - 1] != '\n') --b;
        initial = b < e && AsciiUpper(prev[b]);
      }
      // "the U.S. Interior Department": ICU's suppression list holds
      // "U.S." but its filter lets the break through; capital initials
      // with dots ("U.S.", "U.K.", "U.N.") before a capitalized word that
      // rarely opens a sentence end no sentence.
      size_t dots = 0;
      for (size_t k = n; k >= 2 && prev[k - 1] == '.' && AsciiUpper(prev[k - 2]);
           k -= 2) {
        ++dots;
        if (k == 2 || prev[k - 3] == ' ' || prev[k - 3] == '\n' ||
            prev[k - 3] == '(') {
          initial = initial || dots >= 2;
          break;
        }
      }
      std::string_view next = text.substr(s.begin, s.size());
      size_t w = 0;
      while (w < next.size() && next[w] != ' ' && next[w] != ',' &&
             next[w] != '.' && next[w] != '\n') {
        ++w;
      }
      std::string_view between =
          text.substr(out.back().end, s.begin - out.back().end);
      if (initial && !next.empty() && AsciiUpper(next[0]) &&
          !OpensSentence(next.substr(0, w)) &&
          between.find('\n') == std::string_view::npos) {
        out.back().end = s.end;
        continue;
      }
    }
    out.push_back(s);
  }
  sentences = std::move(out);
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
  thread_local std::u16string u16;
  thread_local std::vector<uint32_t> offsets;
  const bool utf16 = ToUtf16(text, &u16, &offsets);
  std::unique_ptr<UText, UTextCloser> ut(
      utf16 ? utext_openUChars(nullptr, u16.data(),
                               static_cast<int64_t>(u16.size()), &status)
            : utext_openUTF8(nullptr, text.data(),
                             static_cast<int64_t>(text.size()), &status));
  if (U_FAILURE(status)) return out;
  // Byte offset into `text` of an index ICU returns.
  auto byte = [&](int32_t i) -> size_t {
    return utf16 ? offsets[static_cast<size_t>(i)] : static_cast<size_t>(i);
  };

  Iterators& its = IteratorsFor(lang);
  if (icu::BreakIterator* it = its.sentences.get()) {
    it->setText(ut.get(), status);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE;
         start = end, end = it->next()) {
      Span s = Trim(text, {byte(start), byte(end)});
      if (s.size() > 0) out.sentences.push_back(s);
    }
    JoinMiddleInitials(text, out.sentences);
  }

  if (icu::BreakIterator* it = its.words.get()) {
    status = U_ZERO_ERROR;
    it->setText(ut.get(), status);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE;
         start = end, end = it->next()) {
      const size_t b = byte(start), e = byte(end);
      std::string_view piece = text.substr(b, e - b);
      if (IsSpaceOnly(piece)) continue;
      out.tokens.push_back({{b, e}, KindOf(piece, it->getRuleStatus())});
    }
  }
  // The iterators are kept for the next call: point them away from this
  // text's buffers.
  status = U_ZERO_ERROR;
  static const char16_t kEmpty[1] = {0};
  std::unique_ptr<UText, UTextCloser> empty(
      utext_openUChars(nullptr, kEmpty, 0, &status));
  if (U_SUCCESS(status)) {
    if (its.sentences) its.sentences->setText(empty.get(), status);
    if (its.words) its.words->setText(empty.get(), status);
  }
  return out;
}

std::string LowerCase(std::string_view s) {
  // Fast path: ASCII letters map inline; any other character that lower
  // case leaves alone (quotes, dashes, lower-case letters, CJK) is copied.
  // A character that changes (Changes_When_Lowercased, the property ICU's
  // full case mapping defines) or invalid UTF-8 sends the whole string
  // through ICU, so context rules such as final sigma still apply.
  std::string out(s);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(
      std::min(s.size(), static_cast<size_t>(INT32_MAX)));
  bool icu = s.size() > static_cast<size_t>(INT32_MAX);
  for (int32_t i = 0; i < n && !icu;) {
    if (p[i] < 0x80) {
      if (p[i] >= 'A' && p[i] <= 'Z') out[i] = static_cast<char>(p[i] + 32);
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    icu = c < 0 || u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_LOWERCASED);
  }
  if (!icu) return out;
  out.clear();
  icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

}  // namespace newsfacts
