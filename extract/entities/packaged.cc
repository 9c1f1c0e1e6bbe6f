#include "extract/entities/packaged.h"

#include <geonames.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "core/strings.h"

namespace newsfacts {
namespace {

size_t WordsIn(std::string_view s) {
  size_t n = 1;
  for (char c : s) n += c == ' ';
  return n;
}

// Names a gazetteer can use: start with an upper-case letter (or any
// non-ASCII letter), hold no comma ("Korea, Republic of") or bracket.
bool Usable(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80 && !std::isupper(c)) return false;
  return s.find_first_of(",()[]") == std::string_view::npos;
}

// Adds one name; returns whether it was new.
bool Add(GazetteerMap& names, std::string_view surface,
         std::string_view canonical, const char* rule, bool needs_cue) {
  if (!Usable(surface)) return false;
  std::string key = NormalizeSpaces(surface);
  GazetteerEntry e{EntityType::kLoc, NormalizeSpaces(canonical), rule, false};
  e.needs_cue = needs_cue;
  return names.try_emplace(std::move(key), std::move(e)).second;
}

// Countries and former countries: names, common names and official names.
size_t AddIso3166(const std::string& path, const char* key, const char* rule,
                  GazetteerMap& names, bool& found) {
  std::string data;
  found = ReadFileToString(path, &data);
  if (!found) return 0;
  nlohmann::json doc = nlohmann::json::parse(data, nullptr, false);
  if (doc.is_discarded() || !doc.contains(key)) return 0;
  size_t added = 0;
  for (const auto& c : doc[key]) {
    std::string name = c.value("name", "");
    std::string common = c.value("common_name", "");
    std::string canonical = common.empty() ? name : common;
    if (canonical.find(',') != std::string::npos) continue;
    for (const char* field : {"name", "common_name", "official_name"}) {
      std::string v = c.value(field, "");
      added += Add(names, v, canonical, rule, false);
    }
  }
  return added;
}

// Subdivisions: a one-word name ("Logar", "Georgia") needs a place cue.
size_t AddIso3166_2(const std::string& path, GazetteerMap& names, bool& found) {
  std::string data;
  found = ReadFileToString(path, &data);
  if (!found) return 0;
  nlohmann::json doc = nlohmann::json::parse(data, nullptr, false);
  if (doc.is_discarded() || !doc.contains("3166-2")) return 0;
  size_t added = 0;
  for (const auto& c : doc["3166-2"]) {
    std::string name = c.value("name", "");
    added += Add(names, name, name, "gaz.iso3166-2", WordsIn(name) == 1);
  }
  return added;
}

// CLDR territory names: <territory type="US" alt="short">US</territory>.
size_t AddCldrTerritories(const std::string& path, GazetteerMap& names,
                          bool& found) {
  std::string data;
  found = ReadFileToString(path, &data);
  if (!found) return 0;
  size_t added = 0;
  const std::string open = "<territory type=\"";
  std::unordered_map<std::string, std::string> main_name;
  for (int pass = 0; pass < 2; ++pass) {
    size_t pos = 0;
    while ((pos = data.find(open, pos)) != std::string::npos) {
      pos += open.size();
      size_t q = data.find('"', pos);
      size_t gt = data.find('>', pos);
      size_t lt = data.find('<', gt);
      if (q == std::string::npos || gt == std::string::npos ||
          lt == std::string::npos) {
        break;
      }
      std::string code = data.substr(pos, q - pos);
      bool alt = data.compare(q, 6, "\" alt=") == 0 && q + 1 < gt;
      std::string name = data.substr(gt + 1, lt - gt - 1);
      pos = lt;
      if (code == "ZZ" || code == "001") continue;  // unknown, world
      if (pass == 0 && !alt) main_name.emplace(code, name);
      if (pass == 1) {
        auto it = main_name.find(code);
        std::string canonical = it == main_name.end() ? name : it->second;
        // Short forms ("US", "UK") are left to the hand lists, which know
        // their ambiguities; only longer alternatives are taken here.
        if (alt && name.size() <= 3) continue;
        added += Add(names, name, canonical, "gaz.cldr-territory", false);
      }
    }
  }
  return added;
}

// GeoNames cities ("4885983" -> "Burbank") and first-level divisions
// ("US.CA" -> "California") from libgeonames' message catalog. Single-word
// names ("Mary", "Split", "Mobile") need a place cue.
// Calls `fn(original, translated)` for each string pair of a GNU gettext
// .mo file (either byte order), as views into `data`; false when the file
// is missing or malformed.
//
// The .mo layout (GNU gettext manual, "The Format of GNU MO Files"):
// magic, revision, count, offset of original table, offset of translation
// table; each table holds (length, offset) pairs. Read by hand: libintl
// only translates one message at a time, it cannot list.
template <typename Fn>
bool ForEachMoEntry(const std::string& path, std::string& data, Fn&& fn) {
  if (!ReadFileToString(path, &data) || data.size() < 20) return false;
  auto u32 = [&](size_t at, bool swap) -> uint32_t {
    uint32_t v = 0;
    std::memcpy(&v, data.data() + at, 4);
    if (swap) v = __builtin_bswap32(v);
    return v;
  };
  bool swap = false;
  if (u32(0, false) != 0x950412deu) {
    if (u32(0, true) != 0x950412deu) return false;
    swap = true;
  }
  uint32_t n = u32(8, swap), orig = u32(12, swap), trans = u32(16, swap);
  if (orig + 8ull * n > data.size() || trans + 8ull * n > data.size()) {
    return false;
  }
  // Validate every pair first, so a malformed file adds nothing.
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t ol = u32(orig + 8 * i, swap), oo = u32(orig + 8 * i + 4, swap);
    uint32_t tl = u32(trans + 8 * i, swap), to = u32(trans + 8 * i + 4, swap);
    if (uint64_t{oo} + ol > data.size() || uint64_t{to} + tl > data.size()) {
      return false;
    }
  }
  std::string_view all = data;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t ol = u32(orig + 8 * i, swap), oo = u32(orig + 8 * i + 4, swap);
    uint32_t tl = u32(trans + 8 * i, swap), to = u32(trans + 8 * i + 4, swap);
    fn(all.substr(oo, ol), all.substr(to, tl));
  }
  return n > 0;
}

// A city this big is known by its name alone, also where a sentence
// opens with it ("Bamako lies ..."), unless its name is also a word or a
// person's name (Lexicon checks that once its word lists are loaded).
constexpr unsigned kBigCity = 250000;

// Populations of libgeonames' cities by their (English) name, the largest
// city of a name winning.
std::unordered_map<std::string, unsigned> CityPopulations() {
  std::unordered_map<std::string, unsigned> out;
  int n = geonames_get_n_cities();
  out.reserve(n > 0 ? static_cast<size_t>(n) : 0);
  for (int i = 0; i < n; ++i) {
    GeonamesCity* c = geonames_get_city(i);
    if (c == nullptr) continue;
    const char* name = geonames_city_get_name(c);
    if (name != nullptr) {
      unsigned& pop = out[name];
      pop = std::max(pop, static_cast<unsigned>(geonames_city_get_population(c)));
    }
    geonames_city_free(c);
  }
  return out;
}

// GeoNames cities ("4885983" -> "Burbank") and first-level divisions
// ("US.CA" -> "California") from libgeonames' message catalog. Single-word
// names ("Mary", "Split", "Mobile") need a place cue, unless `big` says
// the city is big.
size_t AddGeonames(const std::string& path,
                   const std::unordered_map<std::string, unsigned>& big,
                   GazetteerMap& names, bool& found) {
  std::string data;
  size_t added = 0;
  found = ForEachMoEntry(path, data, [&](std::string_view id,
                                         std::string_view name) {
    if (id.empty()) return;
    bool city = std::isdigit(static_cast<unsigned char>(id[0])) != 0;
    bool is_new = Add(names, name, name,
                      city ? "gaz.geonames-city" : "gaz.geonames-admin1",
                      WordsIn(name) == 1);
    added += is_new;
    if (!city) return;
    // Also a subdivision of the same name listed before ("Bamako").
    auto it = big.find(std::string(name));
    if (it == big.end() || it->second < kBigCity) return;
    auto entry = names.find(NormalizeSpaces(name));
    if (entry != names.end() && entry->second.type == EntityType::kLoc) {
      entry->second.big_city = true;
    }
  });
  return added;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ReadMoFile(
    const std::string& path) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string data;
  bool ok = ForEachMoEntry(path, data,
                           [&](std::string_view a, std::string_view b) {
                             out.emplace_back(a, b);
                           });
  if (!ok) out.clear();
  return out;
}

PackagedReport AddPackagedGazetteers(const std::string& share_dir,
                                     const std::string& lang,
                                     GazetteerMap& names) {
  PackagedReport report;
  auto run = [&](const std::string& path, auto&& load) {
    PackagedReport::Source s;
    s.path = path;
    s.added = load(path, s.found);
    report.sources.push_back(std::move(s));
  };
  const std::string iso = share_dir + "/iso-codes/json/";
  // Order matters (first wins): countries, CLDR names, former countries,
  // subdivisions, then cities.
  if (lang == "en") {
    run(iso + "iso_3166-1.json", [&](const std::string& p, bool& f) {
      return AddIso3166(p, "3166-1", "gaz.iso3166-1", names, f);
    });
  }
  run(share_dir + "/unicode/cldr/common/main/" + lang + ".xml",
      [&](const std::string& p, bool& f) {
        return AddCldrTerritories(p, names, f);
      });
  if (lang == "en") {
    run(iso + "iso_3166-3.json", [&](const std::string& p, bool& f) {
      return AddIso3166(p, "3166-3", "gaz.iso3166-3", names, f);
    });
    run(iso + "iso_3166-2.json", [&](const std::string& p, bool& f) {
      return AddIso3166_2(p, names, f);
    });
  }
  if (lang != "en") {
    // Country names in the language: iso-codes' catalog maps the English
    // name (the canonical) to the translation.
    run(share_dir + "/locale/" + lang + "/LC_MESSAGES/iso_3166-1.mo",
        [&](const std::string& p, bool& f) {
          size_t added = 0;
          auto entries = ReadMoFile(p);
          f = !entries.empty();
          for (const auto& [en, name] : entries) {
            if (!en.empty() && en.find(',') == std::string::npos) {
              added += Add(names, name, en, "gaz.iso3166-1", false);
            }
          }
          return added;
        });
  }
  // libgeonames names its cities in English: populations only for "en".
  std::unordered_map<std::string, unsigned> populations;
  if (lang == "en") populations = CityPopulations();
  run(share_dir + "/locale/" + lang + "/LC_MESSAGES/geonames.mo",
      [&](const std::string& p, bool& f) {
        return AddGeonames(p, populations, names, f);
      });
  return report;
}

}  // namespace newsfacts
