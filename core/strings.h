// Small ASCII string helpers shared by the modules that parse protocols and
// data files (HTTP headers, robots.txt, WARC, word lists). Text in human
// languages goes through ICU instead (extract/text/).
#ifndef NEWSFACTS_CORE_STRINGS_H_
#define NEWSFACTS_CORE_STRINGS_H_

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace newsfacts {

// Space, tab, CR, LF, form feed, vertical tab (what isspace() says in the
// C locale, without the call).
inline bool IsAsciiSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// `s` without leading and trailing ASCII white space.
std::string_view TrimAsciiSpace(std::string_view s);

// `s` is one or more ASCII digits ("2024", "07"), nothing else.
inline bool IsAsciiDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// `s` with A-Z lowered; other bytes (UTF-8 included) unchanged.
std::string ToLowerAscii(std::string_view s);

// 0-15 for a hexadecimal digit, else -1.
int HexDigitValue(char c);

// Calls `fn(piece)` for each piece of `text` between `sep` bytes, empty
// pieces included (none after a final `sep`, none for empty text). `fn`
// returns void, or bool to stop early with false.
template <typename Fn>
void ForEachPiece(std::string_view text, char sep, Fn&& fn) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(sep, start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view piece = text.substr(start, end - start);
    start = end + 1;
    if constexpr (std::is_void_v<std::invoke_result_t<Fn&, std::string_view>>) {
      fn(piece);
    } else if (!fn(piece)) {
      return;
    }
  }
}

// ForEachPiece over lines: split at LF, a CR before it removed.
template <typename Fn>
void ForEachLine(std::string_view text, Fn&& fn) {
  ForEachPiece(text, '\n', [&fn](std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return fn(line);
  });
}

// Whether any of a fixed set of keywords occurs in a string, in one pass over
// the string instead of one search per keyword: the class-name checks of the
// extractor ask this of every element of every page. Keywords are bucketed
// by their first byte. (Aho-Corasick would do for long lists; these lists
// are dozens of short words, and the strings are class names.)
class SubstringSet {
 public:
  SubstringSet(const std::string_view* begin, const std::string_view* end);
  template <size_t N>
  explicit SubstringSet(const std::string_view (&keywords)[N])
      : SubstringSet(keywords, keywords + N) {}
  SubstringSet(std::initializer_list<std::string_view> keywords)
      : SubstringSet(keywords.begin(), keywords.end()) {}

  // True when some keyword is a substring of `s` (an empty keyword always is).
  bool FoundIn(std::string_view s) const;

 private:
  std::vector<std::string> keywords_;   // ordered by first byte
  std::array<uint32_t, 257> bucket_{};  // keywords_[bucket_[b], bucket_[b+1])
  bool has_empty_ = false;
};

// How many of `patterns` occur in `text` (each counted once), stopping as
// soon as `enough` are found: one Wu-Manber pass (shifts on pairs of bytes)
// instead of one search per pattern, for a few markers looked for in whole
// pages. Case-sensitive. Hand-written: no Debian library offers a small
// multi-pattern search (Hyperscan is x86-only and far too heavy for this).
size_t CountSubstringsIn(std::string_view text,
                         const std::vector<std::string>& patterns,
                         size_t enough);

// Reads the whole file at `path` into `*out` with one read of its size.
// Returns false if it cannot be opened or read.
bool ReadFileToString(const std::string& path, std::string* out);

}  // namespace newsfacts

#endif  // NEWSFACTS_CORE_STRINGS_H_
