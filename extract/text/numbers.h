// Number expressions in running text: digits with thousands separators
// ("5,532", "5 532" with NBSP, "1.150" in languages that group with '.'),
// decimals with scale words ("1.2 million", "1,5 млн"), spelled-out numbers
// ("one hundred and twenty", "three dozen") and vague multiples ("dozens",
// "hundreds of thousands", "several hundred"). A small hand-written grammar,
// so the count stage can ask "does a number start here, and where does it
// end?" without regular expressions per language.
//
//   auto n = ParseNumberAt(text, token.span.begin, "en");
//   if (n && !n->vague) Use(n->value, n->end);
//
// Thread-safety: pure functions; safe for concurrent use.
#ifndef NEWSFACTS_EXTRACT_TEXT_NUMBERS_H_
#define NEWSFACTS_EXTRACT_TEXT_NUMBERS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace newsfacts {

struct ParsedNumber {
  size_t begin = 0;      // byte offset of the first character
  size_t end = 0;        // byte offset just past the expression
  int64_t value = 0;     // rounded down when a decimal has no scale word
  bool vague = false;    // "dozens", "thousands", "several hundred": a minimum
  bool plus = false;     // "7,000-plus", "7,000+": a minimum
  bool spelled = false;  // written in words ("seven thousand")
  bool has_separator = false;  // "5,532" (so not a year or an id)
  bool decimal = false;        // had a fractional part
};

// Parses the longest number expression that starts exactly at byte `pos`
// of `text` (valid UTF-8). `lang` is a BCP 47 code ("en", "ru", "de", ...);
// it decides whether '.' or ',' groups thousands. Returns nullopt when no
// number starts there, or when the digits run on into letters ("10th").
std::optional<ParsedNumber> ParseNumberAt(std::string_view text, size_t pos,
                                          std::string_view lang);

// Parses `text` as a whole (e.g. "1,5 млн" or "twenty-three"); nullopt if
// anything is left over.
std::optional<int64_t> ParseNumber(std::string_view text,
                                   std::string_view lang);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_TEXT_NUMBERS_H_
