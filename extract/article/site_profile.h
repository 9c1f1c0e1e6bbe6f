// Internal to extract/article/: site profiles, i.e. per-CMS selectors kept as
// data in config/sites/*.toml (see config/sites/pangea.toml for the keys).
//
//   Result<std::vector<SiteProfile>> profiles = LoadSiteProfiles(dir);
//   const SiteProfile* p = MatchProfile(*profiles, url, html);
//
// Thread-safety: profiles are immutable values once loaded.
#ifndef NEWSFACTS_EXTRACT_ARTICLE_SITE_PROFILE_H_
#define NEWSFACTS_EXTRACT_ARTICLE_SITE_PROFILE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "extract/article/dom.h"

namespace newsfacts {

struct SiteProfile {
  std::string name;  // file stem, e.g. "pangea"
  std::string file;  // path it was read from
  // Recognition: URL host ends with one of `hosts`, or the HTML contains at
  // least `min_markers` of `markers`.
  std::vector<std::string> hosts;
  std::vector<std::string> markers;
  int min_markers = 1;
  // Selectors (empty = not used).
  std::vector<Selector> content;  // article text containers
  std::vector<Selector> drop;     // subtrees never part of the text
  Selector post;                  // a container holding one whole post
  Selector title;                 // headline of each post
  Selector date;                  // <time datetime> of each post
  Selector byline;                // one author per match
  Selector section;
  Selector page_date;  // fallback date for non-article pages
  // body class -> page kind ("pg-prog" -> kProgram).
  std::vector<std::pair<std::string, PageKind>> kinds;
};

// Reads every *.toml in `dir` (sorted by name). A missing dir is an error;
// a malformed file gives InvalidArgument naming the file.
Result<std::vector<SiteProfile>> LoadSiteProfiles(const std::string& dir);
Result<SiteProfile> ParseSiteProfile(std::string_view toml_text,
                                     const std::string& file);

const SiteProfile* MatchProfile(const std::vector<SiteProfile>& profiles,
                                std::string_view url, std::string_view html);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ARTICLE_SITE_PROFILE_H_
