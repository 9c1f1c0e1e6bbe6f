// Internal to extract/entities/: gazetteers from Debian-packaged data under
// /usr/share, loaded at start-up next to the hand lists of config/lang/<code>:
//
//   iso-codes          iso_3166-1.json (countries), iso_3166-3.json (former
//                      countries), iso_3166-2.json (subdivisions)
//   unicode-cldr-core  common/main/<lang>.xml territory names
//   libgeonames-common locale/<lang>/LC_MESSAGES/geonames.mo: the GeoNames
//                      cities of 15,000+ people (~24k) and first-level
//                      divisions that libgeonames ships, by name
//
//   PackagedReport r = AddPackagedGazetteers("/usr/share", "en", names);
//
// Hand lists win: an entry already in `names` is never replaced. A missing
// package is no error (the tagger then runs on the hand lists alone); the
// report says which sources were read and how many names each gave.
//
// Thread-safety: plain functions over caller-owned data.
#ifndef NEWSFACTS_EXTRACT_ENTITIES_PACKAGED_H_
#define NEWSFACTS_EXTRACT_ENTITIES_PACKAGED_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "extract/entities/lexicon.h"

namespace newsfacts {

struct PackagedReport {
  struct Source {
    std::string path;
    bool found = false;
    size_t added = 0;  // names not already known
  };
  std::vector<Source> sources;
};

using GazetteerMap = std::unordered_map<std::string, GazetteerEntry, StringHash,
                                        std::equal_to<>>;

PackagedReport AddPackagedGazetteers(const std::string& share_dir,
                                     const std::string& lang,
                                     GazetteerMap& names);

// Original -> translated strings of a GNU gettext .mo file (either byte
// order). Empty when the file is missing or malformed.
std::vector<std::pair<std::string, std::string>> ReadMoFile(
    const std::string& path);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ENTITIES_PACKAGED_H_
