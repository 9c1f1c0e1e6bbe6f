// Internal to extract/entities/: the language resources the entity tagger
// reads (gazetteers, titles, name lists, cue words), loaded once from the
// `ent-*.txt` files of one language folder.
//
//   Result<Lexicon> lex = LoadLexicon("config/lang/en");
//   const GazetteerEntry* e = lex->Find("Central Asia");
//
// Thread-safety: immutable after LoadLexicon(); lookups are safe for
// concurrent use.
#ifndef NEWSFACTS_EXTRACT_ENTITIES_LEXICON_H_
#define NEWSFACTS_EXTRACT_ENTITIES_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/status.h"
#include "core/types.h"

namespace newsfacts {

struct GazetteerEntry {
  EntityType type = EntityType::kLoc;
  std::string canonical;
  // e.g. "gaz.loc-countries"; always a string literal (static storage), so
  // the ~40k packaged entries allocate nothing for it.
  std::string_view rule;
  bool skip = false;  // a known non-entity phrase ("World War II")
  // A packaged one-word place ("Split", "Mobile") counts only after a place
  // cue ("in", "near", a dateline, "Logar, Afghanistan").
  bool needs_cue = false;
  // A GeoNames city of 250,000 people or more whose name is no word or
  // person's name.
  bool big_city = false;
  // A country by any list that names countries (ours, ISO 3166-1 and -3,
  // CLDR territories): national teams named so stay places.
  bool IsCountry() const {
    return rule == "gaz.loc-countries" || rule == "gaz.iso3166-1" ||
           rule == "gaz.iso3166-3" || rule.substr(0, 8) == "gaz.cldr";
  }
};

// Transparent hashing so lookups take string_view without copies.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

class Lexicon {
 public:
  // Known names keyed by their surface form with single spaces.
  const GazetteerEntry* Find(std::string_view surface) const;
  // Find() for a name written with marks the lists spell without
  // ("Kraków", "Düsseldorf"); nullptr for ASCII names.
  const GazetteerEntry* FindFolded(std::string_view surface) const;
  // Canonical office title for a surface ("Foreign Minister"), or nullptr.
  const std::string* Title(std::string_view surface) const;

  bool IsHonorific(std::string_view w) const { return Has(honorifics_, w); }
  bool IsOrgSuffix(std::string_view w) const { return Has(org_suffixes_, w); }
  bool IsLocSuffix(std::string_view w) const { return Has(loc_suffixes_, w); }
  bool IsGivenName(std::string_view w) const {
    if (Has(given_, w)) return true;
    for (char c : w) {
      if (static_cast<unsigned char>(c) >= 0x80) return IsGivenNameFolded(w);
    }
    return false;
  }
  bool IsFamilyName(std::string_view w) const { return Has(family_, w); }
  // "Banque", "Grupo": a word that opens an organization's name in other
  // languages ("Banque Paribas").
  bool IsOrgPrefix(std::string_view w) const { return Has(org_prefixes_, w); }
  // "Chelsea" of "Chelsea FC": a place that names a listed club, which
  // sports copy means by the place's name alone.
  bool IsClubPlace(std::string_view w) const { return Has(club_places_, w); }
  // "Jordan", "Chad": a given name that is also a place's name.
  bool IsPlaceGivenName(std::string_view w) const {
    return Has(place_given_, w);
  }
  bool IsSpeechVerb(std::string_view w) const { return Has(speech_, w); }
  bool IsStopword(std::string_view w) const { return Has(stop_, w); }
  // "English", "Vietnamese": the name of a language in the lexicon's
  // language (ICU's display names of the ISO 639 languages, one word).
  bool IsLanguage(std::string_view w) const { return Has(languages_, w); }
  // "in", "speaks", "translated": a word before a language's name that
  // makes a nationality word the language ("in Vietnamese").
  bool IsLanguageCue(std::string_view w) const {
    return Has(language_cues_, w);
  }
  // "language", "dialect": a noun after a nationality word that makes it
  // the language ("the Uzbek language").
  bool IsLanguageNoun(std::string_view w) const {
    return Has(language_nouns_, w);
  }
  bool IsAcronymStop(std::string_view w) const { return Has(acro_stop_, w); }
  bool IsConnector(std::string_view w) const { return Has(connectors_, w); }
  bool IsLocCue(std::string_view w) const { return Has(loc_cues_, w); }
  // Listed ("actor"), or a lower-case word shaped like an occupation noun
  // ("geologist", "cellist", "physician", "statistician").
  bool IsPersonRole(std::string_view w) const {
    return Has(roles_, w) || RoleShaped(w);
  }
  static bool RoleShaped(std::string_view w);
  // "Andrés", "Joaquín": a listed given name written with marks.
  bool IsGivenNameFolded(std::string_view w) const;
  // "Inc", "Corp.", "Holdings": part of a known organization name after it.
  bool IsLegalForm(std::string_view w) const { return Has(legal_forms_, w); }
  // "retailer", "newspaper": a lower-case noun naming a kind of
  // organization.
  bool IsOrgCue(std::string_view w) const { return Has(org_cues_, w); }
  // "spokesman", "shares", "CEO": a noun that takes an organization
  // ("shares of X", "X's CEO").
  bool IsOrgContext(std::string_view w) const { return Has(org_context_, w); }
  // A team nickname ("Cowboys", "Red Sox"), normalized key.
  bool IsTeamName(std::string_view w) const { return Has(teams_, w); }
  bool IsSportsCue(std::string_view w) const { return Has(sports_, w); }
  // "House", "Army": a state body when written "the X".
  bool IsStateBody(std::string_view w) const { return Has(bodies_, w); }
  // "Ministry", "Department": the head word of a state's agency, which a
  // country before it only qualifies ("US Justice Department").
  bool IsStateHead(std::string_view w) const { return Has(state_heads_, w); }
  const StringSet& sports_cues() const { return sports_; }
  // "Hurricane", "Operation": a noun that names an event or thing with the
  // capitalized word after it ("Hurricane Dorian" is no person).
  bool IsMiscHead(std::string_view w) const { return Has(misc_heads_, w); }
  // "Agreement" in "Paris Agreement": a word after a place that makes the
  // pair a treaty, event or war (MISC).
  bool IsMiscTail(std::string_view w) const { return Has(misc_tails_, w); }
  // "unveiled", "acquired": a verb whose subject is mostly a company.
  bool IsOrgVerb(std::string_view w) const { return Has(org_verbs_, w); }
  // "forward", "quarterback": a playing position after a club's city.
  bool IsSportsPosition(std::string_view w) const {
    return Has(positions_, w);
  }
  // "beat", "drew", "against": a result verb or preposition whose subject
  // or object is a team ("Leeds beat Chelsea").
  bool IsSportsVerb(std::string_view w) const { return Has(sports_verbs_, w); }
  // "Lake", "Mount", "Fort": a place noun before a name ("Lake Tahoe").
  bool IsLocPrefix(std::string_view w) const { return Has(loc_prefixes_, w); }
  // "Jr.", "III": a generational suffix that ends a person's name.
  bool IsNameSuffix(std::string_view w) const { return Has(name_suffixes_, w); }
  // Prepositions that confirm a cue-needing place name ("in", "from").
  bool IsLocPreposition(std::string_view w) const {
    return Has(loc_preps_, w);
  }
  // `w` (any case) is a lower-case word of the system word list
  // (/usr/share/dict/words, package wamerican): "Trek", "Origin".
  bool IsCommonWord(std::string_view w) const;
  // Packaged gazetteer sources read at start-up and names each added.
  const std::vector<std::pair<std::string, size_t>>& packaged_sources() const {
    return packaged_;
  }
  // Word before "'s" inside a known name ("People" in "People's
  // Liberation Army"), where a possessive does not end the name.
  bool IsPossessiveHead(std::string_view w) const {
    return Has(possessive_heads_, w);
  }
  // Last word of a listed title ("Attorney" of "U.S. Attorney", "Mayor"),
  // which names an office after it: "U.S. Attorney's Office".
  bool IsTitleTail(std::string_view w) const { return Has(title_tails_, w); }
  // Lower-case particle inside a place name ("am" in "Frankfurt am Main");
  // `hyphenated` when it stands between hyphens ("Rostov-on-Don").
  bool IsLocParticle(std::string_view w, bool hyphenated) const {
    if (Has(loc_particles_, w)) return true;
    if (!hyphenated) return false;
    std::string key(1, '-');
    key.append(w);
    key.push_back('-');
    return Has(loc_particles_, key);
  }
  // `w` (without its dot) is written with a dot in some list ("Gen", "St").
  bool IsAbbreviation(std::string_view w) const { return Has(abbrevs_, w); }
  // False when no gazetteer, title or honorific key starts with the word
  // holding `token` (a cheap filter before building lookup keys).
  bool MayStartName(std::string_view token) const {
    return Has(first_words_, FirstWordOf(token));
  }
  // The part of a key or token up to its first separator, without a final
  // dot: "St. Petersburg" -> "St", "RFE/RL" -> "RFE", "U.S." -> "U.S".
  static std::string_view FirstWordOf(std::string_view s);
  // True when some gazetteer or title key is longer than `s` and starts
  // with it followed by a space or punctuation ("Central" for "Central
  // Asia", "RFE" for "RFE/RL"). Hashes only: a rare false positive costs
  // one more lookup, never a wrong match.
  bool MayContinue(std::string_view s) const {
    return key_prefixes_.find(std::hash<std::string_view>{}(s)) !=
           key_prefixes_.end();
  }
  // Longest gazetteer or title key, in words, bounding lookups.
  size_t max_words() const { return max_words_; }

 private:
  friend Result<Lexicon> LoadLexicon(const std::string& lang_dir,
                                     const std::string& share_dir);
  static bool Has(const StringSet& set, std::string_view w) {
    return set.find(w) != set.end();
  }

  std::unordered_map<std::string, GazetteerEntry, StringHash, std::equal_to<>>
      names_;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>
      titles_;
  StringSet honorifics_, org_suffixes_, loc_suffixes_, given_, family_, speech_,
      stop_, acro_stop_, connectors_, abbrevs_, loc_cues_, possessive_heads_,
      title_tails_, loc_particles_, first_words_, loc_preps_, roles_,
      legal_forms_, org_cues_, org_context_, teams_, sports_, bodies_,
      misc_heads_, loc_prefixes_, name_suffixes_, org_verbs_, positions_,
      misc_tails_, sports_verbs_, languages_, language_cues_,
      language_nouns_, state_heads_, place_given_, club_places_,
      org_prefixes_;
  // The system word list: views into one arena holding the file, not one
  // heap string per word (start-up cost).
  std::unordered_set<size_t> key_prefixes_;  // see MayContinue()
  std::shared_ptr<const std::string> dictionary_arena_;
  std::unordered_set<std::string_view> dictionary_;
  std::vector<std::pair<std::string, size_t>> packaged_;
  size_t max_words_ = 1;
};

// Reads the `ent-*.txt` lists of `lang_dir`. Missing files are errors: a
// tagger without its gazetteers would silently find nothing. Then adds the
// packaged gazetteers under `share_dir` (see packaged.h); missing packages
// leave only the hand lists.
Result<Lexicon> LoadLexicon(const std::string& lang_dir,
                            const std::string& share_dir = "/usr/share");

// Collapses runs of white space to one space and writes typographic
// apostrophes as ASCII ones (gazetteer keys and lookups).
std::string NormalizeSpaces(std::string_view s);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ENTITIES_LEXICON_H_
