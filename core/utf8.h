// Small UTF-8 helpers that every stage needs and that do not warrant ICU:
// validity checks and byte <-> code point offset conversion.
// (Hand-written: a few lines of well-known bit logic; ICU stays in the
// modules that own it.)
//
//   CodePointIndex index(text);
//   size_t cp = index.ToCodePoint(span.begin);
//
// Thread-safety: CodePointIndex is immutable after construction.
#ifndef NEWSFACTS_CORE_UTF8_H_
#define NEWSFACTS_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacts {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);

// Number of code points in a valid UTF-8 string.
size_t CodePointCount(std::string_view s);

// Copies `s`, replacing every ill-formed sequence with U+FFFD.
std::string SanitizeUtf8(std::string_view s);

// Converts byte offsets into a UTF-8 text to code point offsets.
class CodePointIndex {
 public:
  // REQUIRES: `text` outlives nothing: the index copies what it needs.
  explicit CodePointIndex(std::string_view text);
  // Code point offset of byte offset `byte` (clamped to the text's end).
  size_t ToCodePoint(size_t byte) const;
  // Byte offset of code point offset `cp` (clamped).
  size_t ToByte(size_t cp) const;

 private:
  std::vector<size_t> starts_;  // byte offset of each code point, plus end
};

}  // namespace newsfacts

#endif  // NEWSFACTS_CORE_UTF8_H_
