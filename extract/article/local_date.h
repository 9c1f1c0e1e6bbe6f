// Internal to extract/article/: calendar days as news pages print them in
// any language and script, for pages whose markup states no machine-
// readable date. Month names come from ICU's locale data (wide and
// abbreviated, format and stand-alone forms, so the genitive "марта",
// "Μαρτίου", "března" as well as "март"), for ~60 languages; digits of any
// script are read ("١٥", "۱۴۰۲", "১৫", "१५").
//
//   LocalDate("15 марта 2024 г., 10:00", "ru");          // "2024-03-15"
//   LocalDate("2024年3月15日 10:00", "zh");               // "2024-03-15"
//   LocalDate("۲۵ اسفند ۱۴۰۲", "fa");                     // "2024-03-15"
//   LocalDate("15 มีนาคม 2567", "th");                    // "2024-03-15"
//
// Forms read: day month year ("15 de marzo de 2024", "15. března 2024"),
// month day year ("March 15, 2024"), year month day ("2024. március 15.",
// "2024 m. kovo 15 d."), CJK and Korean "年月日"/"년 월 일" (also in the
// Japanese eras: "令和6年3月15日"), Vietnamese
// "15 tháng 3 năm 2024", numeric "2024-03-15", "15.03.2024", "15/03/2024"
// (day/month order of a slashed date from the locale's short date pattern;
// without a language only unambiguous ones). Solar Hijri years (Persian and
// Dari month names, or a numeric year 1300-1499 on a Persian/Pashto page),
// Islamic days (Umm al-Qura month names: "5 رمضان 1445") and Thai Buddhist
// years (2400+) become Gregorian days.
//
// Thread-safety: safe for concurrent use (tables are built once).
#ifndef NEWSFACTS_EXTRACT_ARTICLE_LOCAL_DATE_H_
#define NEWSFACTS_EXTRACT_ARTICLE_LOCAL_DATE_H_

#include <string>
#include <string_view>

#include "extract/article/dom.h"

namespace newsfacts {

// The first day written in `text` ("YYYY-MM-DD"), years 1990-2100 only;
// "" if none. `lang`: the page's BCP 47 language ("pt-BR", "fa", "" when
// unknown); it settles month names that differ between languages
// ("listopad" is November in Polish and Czech, October in Croatian) and
// the order of "03/04/2024".
std::string LocalDate(std::string_view text, std::string_view lang);

// The page's language: <html lang>, else <meta http-equiv=content-language>
// or og:locale; "" when none.
std::string PageLanguage(const Dom& dom);

// A day written in the text of the page's own date markup (class or id
// naming a date, time, publication or article meta, <time> elements) in
// any language, outside navigation, footers, asides, teasers and
// comments; "" if none.
std::string LocalDateInMarkup(const Dom& dom, std::string_view lang);

// A day in a URL path written without separators between all its parts,
// as Chinese and other CMSs do: "/2024/0315/", "/2024-03/15/",
// "/202403/15/", "/20240315/", "t20240315_123.html" (eight digits with no
// digit beside them). Years 1990-2100; "" if none. "/2024/03/15/" is
// DateFromUrl()'s.
std::string CompactDateInUrl(std::string_view url);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ARTICLE_LOCAL_DATE_H_
