// Internal to ingest/: helpers shared by the feed, sitemap and WARC readers
// (dates as feeds write them, text clean-up, libxml2 start-up). Other modules
// use ingest/feeds.h and ingest/warc.h.
//
//   std::string iso = Rfc822DateToIso("Sat, 28 Nov 2026 18:02:31 +0300");
//   // -> "2026-11-28T15:02:31Z"
//
// Thread-safety: free functions with no shared mutable state.
#ifndef NEWSFACTS_INGEST_SOURCE_UTIL_H_
#define NEWSFACTS_INGEST_SOURCE_UTIL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsfacts::ingest_internal {

// RFC 822 / RFC 1123 dates as in RSS <pubDate> ("Sat, 28 Nov 2026 18:02:31
// GMT"): optional weekday, two- or four-digit year, optional seconds,
// numeric offsets and the RFC 822 zone names (UT, GMT, Z, EST ... PDT;
// military letters count as UTC). Returns "YYYY-MM-DDTHH:MM:SSZ" or "".
std::string Rfc822DateToIso(std::string_view text);

// W3C datetime / ISO 8601 as in sitemaps, Atom and dc:date: "YYYY",
// "YYYY-MM", "YYYY-MM-DD" (returned as that day), or a date and time with
// optional fraction and offset ("Z", "+hh:mm", "+hhmm"; none = UTC).
// Returns "YYYY-MM-DDTHH:MM:SSZ" (or the date part alone when no time was
// given) or "" when unparsable.
std::string W3cDateToIso(std::string_view text);

// Tries W3cDateToIso, then Rfc822DateToIso (feeds mix them up).
std::string AnyDateToIso(std::string_view text);

// Seconds since the Unix epoch of a UTC civil time (proleptic Gregorian).
int64_t UnixSeconds(int year, int month, int day, int hour, int minute,
                    int second);

// Collapses runs of XML whitespace to one space and trims the ends.
std::string CollapseWhitespace(std::string_view text);

// Calls libxml2's xmlInitParser once per process (thread-safe).
void EnsureXmlInitialized();

}  // namespace newsfacts::ingest_internal

#endif  // NEWSFACTS_INGEST_SOURCE_UTIL_H_
