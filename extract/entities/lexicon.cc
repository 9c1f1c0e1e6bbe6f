#include "extract/entities/lexicon.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/strings.h"
#include "extract/entities/packaged.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>
#include <utility>
#include <vector>

namespace newsfacts {
namespace {

// One entry per line; `#` starts a comment line.
Result<std::vector<std::string>> ReadList(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("entity list missing: " + path);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    std::string_view v = TrimAsciiSpace(line);
    if (v.empty() || v.front() == '#') continue;
    out.emplace_back(v);
  }
  return out;
}

// "Surface = Canonical" or "Surface" (canonical = surface).
std::pair<std::string, std::string> SplitEntry(std::string_view line) {
  size_t eq = line.find(" = ");
  if (eq == std::string_view::npos) {
    std::string s = NormalizeSpaces(line);
    return {s, s};
  }
  return {NormalizeSpaces(TrimAsciiSpace(line.substr(0, eq))),
          NormalizeSpaces(TrimAsciiSpace(line.substr(eq + 3)))};
}

size_t WordCount(std::string_view s) {
  size_t n = 1;
  for (char c : s) n += (c == ' ' || c == '-' || c == '/' || c == '.');
  return n;
}

}  // namespace

std::string NormalizeSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\xE2' && s.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      if (space) out.push_back(' ');
      space = false;
      out.push_back('\'');
      i += 2;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string_view Lexicon::FirstWordOf(std::string_view s) {
  size_t end = s.size();
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '-' || c == '/' || c == '\'' ||
        (c == '\xE2' && s.compare(i, 3, "\xE2\x80\x99") == 0)) {
      end = i;
      break;
    }
  }
  s = s.substr(0, end);
  if (s.size() > 1 && s.back() == '.') s.remove_suffix(1);
  return s;
}

const GazetteerEntry* Lexicon::Find(std::string_view surface) const {
  auto it = names_.find(surface);
  return it == names_.end() ? nullptr : &it->second;
}

namespace {

// "Kraków" -> "Krakow", "Andrés" -> "Andres"; "" when `surface` is ASCII,
// has no marks or cannot be normalized.
std::string FoldMarks(std::string_view surface) {
  if (std::all_of(surface.begin(), surface.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x80;
      })) {
    return "";
  }
  // Latin letters without their marks ("Kraków" -> "Krakow"): canonical
  // decomposition drops the combining marks; the letters with a stroke or
  // ligatures, which do not decompose, are mapped by hand.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return "";
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(surface.data(), static_cast<int32_t>(surface.size())));
  icu::UnicodeString d = nfd->normalize(in, status);
  if (U_FAILURE(status)) return "";
  icu::UnicodeString out;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0) continue;
    switch (c) {
      case 0x0141: out.append(u"L"); break;   // Ł
      case 0x0142: out.append(u"l"); break;   // ł
      case 0x00D8: out.append(u"O"); break;   // Ø
      case 0x00F8: out.append(u"o"); break;   // ø
      case 0x0110: out.append(u"D"); break;   // Đ
      case 0x0111: out.append(u"d"); break;   // đ
      case 0x00DF: out.append(u"ss"); break;  // ß
      case 0x0131: out.append(u"i"); break;   // ı
      default: out.append(c);
    }
  }
  std::string folded;
  out.toUTF8String(folded);
  if (folded == surface) return "";
  return folded;
}

}  // namespace

const GazetteerEntry* Lexicon::FindFolded(std::string_view surface) const {
  std::string folded = FoldMarks(surface);
  return folded.empty() ? nullptr : Find(folded);
}

bool Lexicon::IsGivenNameFolded(std::string_view w) const {
  std::string folded = FoldMarks(w);
  return !folded.empty() && Has(given_, folded);
}

const std::string* Lexicon::Title(std::string_view surface) const {
  auto it = titles_.find(surface);
  return it == titles_.end() ? nullptr : &it->second;
}

bool Lexicon::RoleShaped(std::string_view w) {
  if (w.size() < 7 || !std::islower(static_cast<unsigned char>(w[0]))) {
    return false;
  }
  if (w.ends_with("ician")) return true;
  if (!w.ends_with("ist")) return false;
  // Verbs ("insist", "exist") and "-list" compounds ("shortlist"), but
  // not the "-alist" / "-elist" nouns ("journalist", "panelist").
  std::string_view stem = w.substr(0, w.size() - 3);
  if (stem.ends_with("s") || stem.ends_with("x") || stem.ends_with("w")) {
    return false;
  }
  return !stem.ends_with("l") || stem.ends_with("al") || stem.ends_with("el");
}

bool Lexicon::IsCommonWord(std::string_view w) const {
  if (dictionary_.empty() || w.empty() || w.size() > 40) return false;
  char buf[40];
  for (size_t i = 0; i < w.size(); ++i) {
    buf[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[i])));
  }
  return dictionary_.find(std::string_view(buf, w.size())) != dictionary_.end();
}

Result<Lexicon> LoadLexicon(const std::string& lang_dir,
                            const std::string& share_dir) {
  Lexicon lex;
  struct GazFile {
    const char* name;
    EntityType type;
    const char* rule;
  };
  // Later files do not override earlier ones: countries win over cities
  // with the same spelling (e.g. "Singapore").
  const GazFile kGazetteers[] = {
      {"ent-loc-countries", EntityType::kLoc, "gaz.loc-countries"},
      {"ent-org-names", EntityType::kOrg, "gaz.org-names"},
      {"ent-org-companies", EntityType::kOrg, "gaz.org-companies"},
      {"ent-org-world", EntityType::kOrg, "gaz.org-world"},
      {"ent-org-media", EntityType::kOrg, "gaz.org-media"},
      {"ent-org-public", EntityType::kOrg, "gaz.org-public"},
      {"ent-org-sports", EntityType::kOrg, "gaz.org-sports"},
      {"ent-norp", EntityType::kNorp, "gaz.norp"},
      {"ent-loc-regions", EntityType::kLoc, "gaz.loc-regions"},
      {"ent-loc-cities", EntityType::kLoc, "gaz.loc-cities"},
  };
  for (const GazFile& g : kGazetteers) {
    auto lines = ReadList(lang_dir + "/" + g.name + ".txt");
    if (!lines.ok()) return lines.status();
    for (const std::string& line : *lines) {
      auto [surface, canonical] = SplitEntry(line);
      lex.max_words_ = std::max(lex.max_words_, WordCount(surface));
      lex.names_.try_emplace(
          surface, GazetteerEntry{g.type, canonical, g.rule});
    }
  }
  {
    std::string lang = lang_dir;
    while (!lang.empty() && lang.back() == '/') lang.pop_back();
    lang = lang.substr(lang.find_last_of('/') + 1);
    lex.names_.reserve(lex.names_.size() + 40000);  // packaged names
    PackagedReport report = AddPackagedGazetteers(share_dir, lang, lex.names_);
    for (const auto& s : report.sources) {
      if (s.found) lex.packaged_.emplace_back(s.path, s.added);
    }
    // Language names from ICU's locale data: a nationality word used as
    // one ("in Vietnamese") names no group of people.
    const icu::Locale display(lang.c_str());
    for (const char* const* code = icu::Locale::getISOLanguages();
         *code != nullptr; ++code) {
      icu::UnicodeString name;
      icu::Locale(*code).getDisplayLanguage(display, name);
      std::string utf8;
      name.toUTF8String(utf8);
      if (!utf8.empty() && utf8 != *code &&
          utf8.find(' ') == std::string::npos) {
        lex.languages_.insert(std::move(utf8));
      }
    }
    if (lang == "en") {
      // Lower-case entries only: capitalized ones are names. The file is
      // kept whole and the set holds views of its lines.
      auto arena = std::make_shared<std::string>();
      if (ReadFileToString(share_dir + "/dict/words", arena.get())) {
        lex.dictionary_.reserve(arena->size() / 12);
        ForEachLine(*arena, [&lex](std::string_view word) {
          if (!word.empty() &&
              std::islower(static_cast<unsigned char>(word[0])) &&
              word.find('\'') == std::string_view::npos) {
            lex.dictionary_.insert(word);
          }
        });
      }
      if (!lex.dictionary_.empty()) {
        lex.dictionary_arena_ = std::move(arena);
        lex.packaged_.emplace_back(share_dir + "/dict/words",
                                   lex.dictionary_.size());
      }
    }
    for (const auto& [k, v] : lex.names_) {
      if (v.needs_cue || v.rule.compare(0, 8, "gaz.iso3") == 0 ||
          v.rule.compare(0, 8, "gaz.geon") == 0 ||
          v.rule.compare(0, 8, "gaz.cldr") == 0) {
        // Longer packaged names ("Saint Vincent and the Grenadines")
        // still match; the cap keeps lookups cheap.
        lex.max_words_ = std::max(lex.max_words_,
                                  std::min<size_t>(WordCount(k), 7));
      }
    }
  }
  {
    auto lines = ReadList(lang_dir + "/ent-non-entities.txt");
    if (!lines.ok()) return lines.status();
    for (const std::string& line : *lines) {
      auto [surface, canonical] = SplitEntry(line);
      lex.max_words_ = std::max(lex.max_words_, WordCount(surface));
      GazetteerEntry e{EntityType::kOrg, canonical, "gaz.non-entities", true};
      lex.names_.insert_or_assign(surface, std::move(e));
    }
  }
  {
    auto lines = ReadList(lang_dir + "/ent-titles.txt");
    if (!lines.ok()) return lines.status();
    for (const std::string& line : *lines) {
      auto [surface, canonical] = SplitEntry(line);
      lex.max_words_ = std::max(lex.max_words_, WordCount(surface));
      lex.titles_.try_emplace(surface, canonical);
      // Lower-case use before a name ("president Vladimir Putin").
      std::string lower = surface;
      for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      lex.titles_.try_emplace(lower, canonical);
    }
  }
  const std::pair<const char*, StringSet*> kSets[] = {
      {"ent-honorifics", &lex.honorifics_},
      {"ent-org-suffixes", &lex.org_suffixes_},
      {"ent-loc-suffixes", &lex.loc_suffixes_},
      {"ent-given-names", &lex.given_},
      {"ent-family-names", &lex.family_},
      {"ent-speech-verbs", &lex.speech_},
      {"ent-stopwords", &lex.stop_},
      {"ent-acronym-stopwords", &lex.acro_stop_},
      {"ent-connectors", &lex.connectors_},
      {"ent-loc-cues", &lex.loc_cues_},
      {"ent-loc-prepositions", &lex.loc_preps_},
      {"ent-person-roles", &lex.roles_},
      {"ent-org-legal-forms", &lex.legal_forms_},
      {"ent-org-cues", &lex.org_cues_},
      {"ent-org-context", &lex.org_context_},
      {"ent-org-teams", &lex.teams_},
      {"ent-sports-cues", &lex.sports_},
      {"ent-org-bodies", &lex.bodies_},
      {"ent-org-state-heads", &lex.state_heads_},
      {"ent-given-names-places", &lex.place_given_},
      {"ent-org-prefixes", &lex.org_prefixes_},
      {"ent-misc-heads", &lex.misc_heads_},
      {"ent-misc-tails", &lex.misc_tails_},
      {"ent-loc-prefixes", &lex.loc_prefixes_},
      {"ent-loc-particles", &lex.loc_particles_},
      {"ent-person-suffixes", &lex.name_suffixes_},
      {"ent-org-verbs", &lex.org_verbs_},
      {"ent-sports-positions", &lex.positions_},
      {"ent-sports-verbs", &lex.sports_verbs_},
      {"ent-language-cues", &lex.language_cues_},
      {"ent-language-nouns", &lex.language_nouns_},
  };
  for (const auto& [name, set] : kSets) {
    auto lines = ReadList(lang_dir + "/" + name + ".txt");
    if (!lines.ok()) return lines.status();
    for (std::string& line : *lines) set->insert(std::move(line));
  }
  // "Chelsea FC", "FC Barcelona": the place in a listed club's name.
  for (const auto& [k, v] : lex.names_) {
    if (v.rule != "gaz.org-sports") continue;
    std::string_view key = k, place;
    for (std::string_view tail : {" FC", " AFC", " F.C.", " CF", " SC"}) {
      if (key.size() > tail.size() && key.ends_with(tail)) {
        place = key.substr(0, key.size() - tail.size());
      }
    }
    for (std::string_view head : {"FC ", "AFC ", "CF ", "SC "}) {
      if (key.size() > head.size() && key.starts_with(head)) {
        place = key.substr(head.size());
      }
    }
    if (place.empty()) continue;
    auto it = lex.names_.find(place);
    if (it != lex.names_.end() && it->second.type == EntityType::kLoc &&
        !it->second.skip) {
      lex.club_places_.emplace(place);
    }
  }
  // A big city whose name is also a word or a person's name
  // ("Charlotte", "Reading", "Buffalo") is not known by its name alone.
  for (auto& [k, v] : lex.names_) {
    if (v.big_city &&
        (lex.IsGivenName(k) || lex.IsFamilyName(k) || lex.IsCommonWord(k) ||
         lex.IsStopword(k))) {
      v.big_city = false;
    }
  }
  // Words written with a final dot anywhere in the lists, so the tagger can
  // glue "Gen" + "." back into one word before matching.
  auto add_abbrevs = [&lex](std::string_view key) {
    ForEachPiece(key, ' ', [&lex](std::string_view w) {
      if (w.size() > 1 && w.back() == '.') {
        lex.abbrevs_.emplace(w.substr(0, w.size() - 1));
      }
    });
  };
  auto add_prefixes = [&lex](std::string_view key) {
    for (size_t i = 1; i < key.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(key[i]);
      if (c < 0x80 && !std::isalnum(c)) {
        lex.key_prefixes_.insert(
            std::hash<std::string_view>{}(key.substr(0, i)));
      }
    }
  };
  lex.key_prefixes_.reserve(lex.names_.size() + lex.titles_.size());
  for (const auto& [k, v] : lex.names_) {
    add_prefixes(k);
    lex.first_words_.emplace(Lexicon::FirstWordOf(k));
    add_abbrevs(k);
    size_t poss = k.find("'s ");
    if (poss != std::string::npos) {
      size_t start = k.rfind(' ', poss);
      start = start == std::string::npos ? 0 : start + 1;
      lex.possessive_heads_.emplace(k.substr(start, poss - start));
    }
  }
  for (const auto& [k, v] : lex.titles_) {
    add_prefixes(k);
    if (!k.empty() && std::isupper(static_cast<unsigned char>(k[0]))) {
      size_t sp = k.rfind(' ');
      lex.title_tails_.emplace(sp == std::string::npos ? k : k.substr(sp + 1));
    }
    lex.first_words_.emplace(Lexicon::FirstWordOf(k));
    add_abbrevs(k);
  }
  for (const std::string& k : lex.honorifics_) {
    lex.first_words_.emplace(Lexicon::FirstWordOf(k));
  }
  for (const StringSet* set :
       {&lex.honorifics_, &lex.org_suffixes_, &lex.stop_, &lex.legal_forms_,
        &lex.name_suffixes_, &lex.loc_prefixes_}) {
    for (const std::string& k : *set) add_abbrevs(k);
  }
  return lex;
}

}  // namespace newsfacts
