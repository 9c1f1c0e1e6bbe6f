// The values that flow between the stages: Document -> Article -> Facts.
//
// All are plain owning structs. Inside the pipeline every Span is a range of
// UTF-8 *bytes* into the text it was found in; the JSON output and the
// database convert to Unicode code points at the boundary (core/utf8.h).
// Empty strings stand for "unknown" (null in JSON and SQL).
//
// Thread-safety: value types.
#ifndef NEWSFACTS_CORE_TYPES_H_
#define NEWSFACTS_CORE_TYPES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacts {

// [begin, end) in UTF-8 bytes.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// A calendar day, used as the reference date for relative expressions.
struct CivilDay {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  bool operator==(const CivilDay&) const = default;
  // Parses the leading "YYYY-MM-DD" of an ISO 8601 string.
  static std::optional<CivilDay> FromIso(std::string_view iso);
  std::string ToIso() const;  // "YYYY-MM-DD"
};

// Proleptic Gregorian calendar arithmetic (H. Hinnant's days-from-civil
// algorithms). Day 0 is 1970-01-01.
int64_t DaysFromCivil(const CivilDay& d);
CivilDay CivilFromDays(int64_t days);
// Days in `month` (1-12) of `year`; 0 for a month out of range.
int DaysInMonth(int year, int month);

enum class Origin { kFile, kStdin, kHttp, kFeed, kSitemap, kWarc };
const char* OriginName(Origin origin);

// One fetched or read page, decoded to UTF-8.
struct Document {
  std::string source;         // the path or URL it was read from
  std::string requested_url;  // URL asked for (or given with --url)
  std::string final_url;      // after redirects; empty for files
  int http_status = 0;        // 0 when not fetched over HTTP
  std::string content_type;
  std::string etag;
  std::string last_modified;
  int64_t fetch_time = 0;     // Unix seconds
  std::string raw;            // bytes as read (transport encoding removed)
  std::string html;           // the page as UTF-8
  std::string charset;        // charset `html` was decoded from
  Origin origin = Origin::kFile;
};

enum class BlockKind { kParagraph, kHeading, kQuote, kListItem, kTable };
const char* BlockKindName(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
};

// One of several articles carried by one page (newsletter, blog, live blog).
struct Post {
  std::string title;
  std::string published;  // ISO 8601 with offset, or empty
  std::vector<std::string> authors;
  std::vector<Block> blocks;
  std::string text;       // blocks joined by "\n\n"
};

enum class PageKind { kArticle, kLive, kProgram, kVideo, kGallery, kOther };
const char* PageKindName(PageKind kind);

struct Article {
  std::string url;            // final URL, else canonical, else og:url
  std::string canonical_url;
  std::string title;
  std::vector<std::string> authors;
  std::string published;      // ISO 8601 with offset, e.g. 2022-04-27T10:15:00+00:00
  std::string modified;
  std::string language;       // BCP 47
  std::string section;
  std::vector<std::string> tags;
  std::vector<Block> blocks;
  std::string text;           // blocks joined by "\n\n"
  std::vector<std::string> captions;
  std::vector<Post> posts;    // only for multi-article pages
  PageKind kind = PageKind::kArticle;
};

enum class EntityType { kPerson, kOrg, kLoc, kNorp };
const char* EntityTypeName(EntityType type);  // "PERSON", "ORG", ...

struct Entity {
  EntityType type = EntityType::kPerson;
  Span span;
  std::string text;
  std::string canonical;
  std::string title;  // PERSON only: "Foreign Minister"
  std::string rule;   // id of the rule that produced it
};

struct DateMention {
  Span span;
  std::string text;
  std::string type = "DATE";  // DATE, TIME, DURATION, SET
  std::string value;          // TIMEX3 value
  std::string mod;            // START, MID, END, APPROX, ... or empty
  std::string anchored;       // the date a relative duration points to
  std::string begin;          // range begin value
  std::string end_value;      // range end value
  std::string rule;
};

struct CaseCount {
  Span span;
  std::string text;
  int64_t value = 0;
  std::optional<int64_t> low;
  std::optional<int64_t> high;
  std::string qualifier = "exact";  // exact, approx, min, max, range
  std::string unit;
  std::string subject;
  std::string event;  // KILL, WOUND, ARREST, ... or empty
  std::string date;   // TIMEX3 value tied to the count
  std::string place;
  std::string rule;
};

struct Facts {
  std::vector<Entity> entities;
  std::vector<DateMention> dates;
  std::vector<CaseCount> counts;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_CORE_TYPES_H_
