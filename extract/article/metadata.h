// Internal to extract/article/: page metadata from JSON-LD, OpenGraph,
// <meta>, <time>, html[lang] and <link rel=canonical>. Each field keeps the
// first source that has it in a fixed priority order (JSON-LD, then
// OpenGraph/article:*, then plain <meta>, then markup).
//
//   PageMetadata meta = ReadMetadata(dom);
//   article.published = meta.published;
//
// Thread-safety: stateless functions.
#ifndef NEWSFACTS_EXTRACT_ARTICLE_METADATA_H_
#define NEWSFACTS_EXTRACT_ARTICLE_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/article/dom.h"

namespace newsfacts {

struct PageMetadata {
  std::string canonical_url;
  std::string og_url;
  std::string title;       // best headline, site suffix removed
  std::string html_title;  // raw <title>
  std::string site_name;
  std::vector<std::string> authors;
  std::string published;
  std::string modified;
  std::string language;
  std::string section;
  std::vector<std::string> tags;
  std::string og_type;
  std::vector<std::string> jsonld_types;  // every @type seen
};

PageMetadata ReadMetadata(const Dom& dom);

// "2022-03-23 09:41:26Z" -> "2022-03-23T09:41:26+00:00". Date-only values
// stay "YYYY-MM-DD". Returns "" for unparseable or placeholder dates
// (year < 1900, e.g. 0001-01-01).
std::string NormalizeDate(std::string_view value);

// Splits a byline into people: drops "By", splits on "and", "," and "&",
// removes e-mail addresses, job suffixes after "|" and duplicates.
std::vector<std::string> SplitAuthors(std::string_view byline);

// Appends the names not yet in `out` (case-insensitive).
void AddUnique(const std::vector<std::string>& names,
               std::vector<std::string>* out);

// `title` without bidirectional controls (U+200E/F, U+202A-E, U+2066-9),
// zero-width spaces and byte-order marks, whitespace collapsed: RTL pages
// wrap headlines in direction marks that are no part of them.
std::string CleanTitle(std::string_view title);

// True when `a` and `b` share a word of three or more letters (ASCII case
// folded), or, in scripts written without spaces (Chinese, Japanese, Thai),
// two letters in a row.
bool SharesAWord(std::string_view a, std::string_view b);

// Letters and digits only, ASCII lower-cased, other bytes (UTF-8) kept:
// "Time 4 Talks" -> "time4talks", "By Ann Lee," -> "byannlee".
std::string SqueezeName(std::string_view s);

// "von", "de", "da", "bin": a lower-case word inside a person's name.
bool IsNameParticle(std::string_view word);

// True when `title` reads as a headline rather than a section name: four
// words or more, or ten letters or more of a script without spaces.
bool ReadsAsHeadline(std::string_view title);

// Removes a " | Site" / " - Site" suffix (or prefix) from a <title>.
std::string StripSiteName(std::string_view title, std::string_view site_name);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ARTICLE_METADATA_H_
