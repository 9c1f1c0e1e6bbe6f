// Small ASCII string helpers shared by the modules that parse protocols and
// data files (HTTP headers, robots.txt, WARC, word lists). Text in human
// languages goes through ICU instead (extract/text/).
#ifndef NEWSFACTS_CORE_STRINGS_H_
#define NEWSFACTS_CORE_STRINGS_H_

#include <string>
#include <string_view>
#include <type_traits>

namespace newsfacts {

// Space, tab, CR, LF, form feed, vertical tab.
bool IsAsciiSpace(char c);

// `s` without leading and trailing ASCII white space.
std::string_view TrimAsciiSpace(std::string_view s);

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

// Reads the whole file at `path` into `*out` with one read of its size.
// Returns false if it cannot be opened or read.
bool ReadFileToString(const std::string& path, std::string* out);

}  // namespace newsfacts

#endif  // NEWSFACTS_CORE_STRINGS_H_
