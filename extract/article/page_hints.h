// Internal to extract/article/: fallbacks for pages whose <head> lacks
// metadata: a publication date from the URL or from visible date strings
// near "date"/"published" markup, and bylines from author markup.
//
//   std::string day = FindVisibleDate(dom, url);      // "2019-10-16" or ""
//   std::vector<std::string> who = FindBylines(dom);
//
// Thread-safety: stateless functions.
#ifndef NEWSFACTS_EXTRACT_ARTICLE_PAGE_HINTS_H_
#define NEWSFACTS_EXTRACT_ARTICLE_PAGE_HINTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/article/dom.h"

namespace newsfacts {

// First date written as "2019-10-16", "16.10.2019", "16. Oktober 2019",
// "October 16, 2019" or "16 October 2019" in `text`; "" if none.
std::string ParseTextDate(std::string_view text);

// /2019/10/16/ or 2019-10-16 in a URL path; "" if none.
std::string DateFromUrl(std::string_view url);

// Date from <time datetime>, itemprop=datePublished, then the text of
// date-like elements (class/id with date, time, publish, posted, datum,
// meta, byline), then the URL. "" if none.
std::string FindVisibleDate(const Dom& dom, std::string_view url);

// The publication time to report for a page whose metadata states
// `published` (and maybe `modified`), checked against the day the page
// shows next to its headline (or in its URL path):
// - the shown day is the modified day, later than the published one: the
//   page presents the update as its date, so `modified` is returned;
// - `published` is in UTC and one day off the shown day: the site shows
//   its local day, so the same instant is returned in the smallest whole-
//   hour offset that lands on that day ("2023-11-09T05:30:59+00:00" shown
//   as "8 November" -> "2023-11-08T23:30:59-06:00");
// - otherwise `published` as it is ("" stays "").
std::string ChoosePublished(const Dom& dom, std::string_view url,
                            const std::string& published,
                            const std::string& modified);

// `utc` ("YYYY-MM-DDTHH:MM:SS+00:00") written in the whole-hour offset
// that puts it on `day`, one day before or after its UTC day; "" when no
// offset between -10:00 and +14:00 does.
std::string ShiftUtcToDay(std::string_view utc, std::string_view day);

// True when a <footer> or <aside> encloses `n` (an <h1> there is a widget
// heading such as "Impressum", not the page's headline).
bool InFooterOrAside(const GumboNode* n);

// People named by rel=author, itemprop=author and author/byline markup.
std::vector<std::string> FindBylines(const Dom& dom);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ARTICLE_PAGE_HINTS_H_
