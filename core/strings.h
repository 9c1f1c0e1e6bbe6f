// Small ASCII string helpers shared by the modules that parse protocols and
// data files (HTTP headers, robots.txt, WARC, word lists). Text in human
// languages goes through ICU instead (extract/text/).
#ifndef NEWSFACTS_CORE_STRINGS_H_
#define NEWSFACTS_CORE_STRINGS_H_

#include <string>
#include <string_view>

namespace newsfacts {

// Space, tab, CR, LF, form feed, vertical tab.
bool IsAsciiSpace(char c);

// `s` without leading and trailing ASCII white space.
std::string_view TrimAsciiSpace(std::string_view s);

// `s` with A-Z lowered; other bytes (UTF-8 included) unchanged.
std::string ToLowerAscii(std::string_view s);

// 0-15 for a hexadecimal digit, else -1.
int HexDigitValue(char c);

// Reads the whole file at `path` into `*out` with one read of its size.
// Returns false if it cannot be opened or read.
bool ReadFileToString(const std::string& path, std::string* out);

}  // namespace newsfacts

#endif  // NEWSFACTS_CORE_STRINGS_H_
