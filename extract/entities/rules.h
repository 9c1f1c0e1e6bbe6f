// Internal to extract/entities/: the rule tagger's class and what its rule
// families share. The families live in their own files:
//   entities.cc        the passes: gazetteer matching over capitalized
//                      chunks, organization heads, document learning
//   place_rules.cc     place evidence (prepositions, datelines, suffixes)
//   name_rules.cc      unknown capitalized runs: persons (titles, roles,
//                      speech verbs, given names) and organizations
//                      (acronyms, brand spellings, newspapers)
//
// Thread-safety: RuleEntityTagger is immutable after construction.
#ifndef NEWSFACTS_EXTRACT_ENTITIES_RULES_H_
#define NEWSFACTS_EXTRACT_ENTITIES_RULES_H_

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/strings.h"
#include "extract/entities/entities.h"
#include "extract/entities/lexicon.h"
#include "extract/entities/name_words.h"

namespace newsfacts {
namespace entities_internal {

// What one pass over the text learned about the document, for the next.
struct DocContext {
  // Word of a multi-word person name -> full name ("" when ambiguous).
  std::map<std::string, std::string, std::less<>> person_words;
  // Acronym defined in the text -> what it stands for.
  std::map<std::string, GazetteerEntry, std::less<>> acronyms;
  // Organizations the first pass found by a rule (not a list): the same
  // text is the same organization everywhere in the document ("the Wild"
  // after "Minnesota Wild", a company named once after "shares of").
  std::map<std::string, GazetteerEntry, std::less<>> orgs;
  StringSet org_first_words;  // first word of each key of `orgs`
  size_t org_words = 0;       // most words in a key of `orgs`
  // Places the first pass found in running text ("Hebron" after "in"):
  // the same name in a line in capitals is that place.
  std::set<std::string, std::less<>> found_places;
  // Sports copy: three or more sports-desk words in the document.
  bool sports = false;
  // Sports copy: the place of a team the document names in full ("Denver
  // Nuggets") -> the team; the place alone is the team there too ("put
  // Denver ahead"), except after a preposition of place.
  std::map<std::string, std::string, std::less<>> team_places;
  // Words the document also writes in lower case ("series", "later"): a
  // capitalized use of them is more likely a title or sentence start than
  // part of a person's name.
  // Views into the tagged text (valid while Tag() runs).
  std::unordered_set<std::string_view> lower_words;
  // All-caps words the document writes before a number ("RTX 3080"), and
  // acronyms defined by a name that is no organization ("Heat Assisted
  // Magnetic Recording (HAMR)"): never organizations on their own.
  std::unordered_set<std::string_view> model_prefixes;
  // "Youth Accountability Team (YAT)": first word -> last word of a
  // capitalized name whose initials spell the acronym in brackets after it.
  std::map<size_t, size_t> acronym_names;
  bool UsedInLowerCase(std::string_view word) const {
    if (word.empty() || word.size() > 64 ||
        !std::isupper(static_cast<unsigned char>(word[0]))) {
      return false;
    }
    char buf[64];
    word.copy(buf, word.size());
    buf[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(buf[0])));
    return lower_words.find(std::string_view(buf, word.size())) !=
           lower_words.end();
  }
};

// Person-name words are letters in title case: no digits, no acronyms, no
// inner capitals beyond Mc/Mac/O' prefixes; initials ("J.J.") count.
bool LooksLikeNameWord(const Word& w);
// "WeWork", "SpaceX": an upper-case letter after a lower-case one.
bool CamelCase(std::string_view s);
// "Umarov", "Kovalenko": a family-name ending.
bool SurnameShaped(std::string_view s);
// "Polygraph.info", "Amazon.com": a name with a top-level domain.
bool IsDomainName(std::string_view s);
// An all-caps word that is shouting ("GET OUT and VOTE"), not an acronym.
bool Shouted(const std::vector<Word>& w, size_t i, const DocContext& ctx,
             const Lexicon& lex);

class RuleEntityTagger : public EntityTagger {
 public:
  explicit RuleEntityTagger(Lexicon lex) : lex_(std::move(lex)) {}

  std::vector<Entity> Tag(const AnalyzedText& at) const override {
    std::vector<Word> words = BuildWords(at, lex_);
    DocContext ctx;
    ctx.lower_words.reserve(words.size());
    for (const Word& word : words) {
      // insert() looks the word up before allocating a node; emplace()
      // would allocate (and free) one for every repeated word.
      if (word.is_word && !word.cap) ctx.lower_words.insert(word.text);
    }
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      const Word& x = words[i];
      const Word& y = words[i + 1];
      if (x.all_caps && y.is_word && !y.text.empty() &&
          std::isdigit(static_cast<unsigned char>(y.text[0])) &&
          y.span.begin == x.span.end + 1 && !x.possessive &&
          at.text[x.span.end] == ' ') {
        ctx.model_prefixes.insert(x.text);
      }
    }
    // Sports copy: three sports-desk words, in any case ("SOCCER -",
    // "Scorers:" count too): the lower-case ones from `lower_words`, the
    // capitalized ones (few) one by one.
    std::vector<std::string> cues;
    for (const std::string& cue : lex_.sports_cues()) {
      if (ctx.lower_words.count(cue) != 0) cues.push_back(cue);
    }
    for (const Word& word : words) {
      if (cues.size() >= 3) break;
      if (!word.is_word || !word.cap || word.text.size() > 24) continue;
      std::string lower = ToLowerAscii(word.text);
      if (lex_.IsSportsCue(lower) &&
          std::find(cues.begin(), cues.end(), lower) == cues.end()) {
        cues.emplace_back(lower);
      }
    }
    ctx.sports = cues.size() >= 3;
    FindAcronymNames(words, ctx);
    std::vector<Entity> first = Pass(at, words, ctx);
    Learn(at, words, first, ctx);
    std::vector<Entity> out = Pass(at, words, ctx);
    // A mention the first pass found keeps the rule that found it there.
    size_t j = 0;
    for (Entity& e : out) {
      if (e.rule != "org.doc" && e.rule != "loc.doc" && e.rule != "person.doc" &&
          e.rule != "org.list" && e.rule != "loc.list") {
        continue;
      }
      while (j < first.size() && first[j].span.begin < e.span.begin) ++j;
      if (j < first.size() && first[j].span.begin == e.span.begin &&
          first[j].span.end == e.span.end && first[j].type == e.type) {
        e.rule = first[j].rule;
      }
    }
    DropLanguages(words, out);
    ResolveCanonicals(out);
    return out;
  }

 private:
  struct Match {
    size_t end = 0;  // last word index, inclusive
    const GazetteerEntry* gaz = nullptr;
    const std::string* title = nullptr;
    bool honorific = false;
    bool with_s = false;  // the name ends in the cut-off 's ("Lowe's")
  };

  std::string Key(const AnalyzedText& at, const std::vector<Word>& w, size_t a,
                  size_t b) const {
    return NormalizeSpaces(
        at.text.substr(w[a].span.begin, w[b].span.end - w[a].span.begin));
  }

  // Key() without a copy when the text needs no normalizing (single
  // spaces, ASCII apostrophes): a view into the text, else into `buf`.
  std::string_view KeyView(const AnalyzedText& at, const std::vector<Word>& w,
                           size_t a, size_t b, std::string& buf) const {
    return WordsText(at, w, a, b, buf);
  }

  // Longest gazetteer / title / honorific match starting at `a`, within
  // the chunk ending at `last`.
  Match Longest(const AnalyzedText& at, const std::vector<Word>& w, size_t a,
                size_t last, const DocContext& ctx) const;

  // Evidence that words a..b name a place: a preposition of place before
  // ("in Split"), a direction + "of" ("north of Kabul"), a place noun after
  // ("Logar province"), a comma and a known place after ("Greenbelt,
  // Maryland") or a dateline ("HAYWARD, Calif. (AP) --").
  bool PlaceCue(const AnalyzedText& at, const std::vector<Word>& w, size_t a,
                size_t b, const DocContext& ctx) const;

  // "Greenbelt, Maryland": the last word of a listed place after a comma
  // after word b, or 0.
  size_t CommaPlace(const AnalyzedText& at, const std::vector<Word>& w,
                    size_t b) const;
  // The last word of the longest listed place (one needing no cue) that
  // starts at word i, within its capitalized chunk, or 0.
  size_t ListedPlaceEnd(const AnalyzedText& at, const std::vector<Word>& w,
                        size_t i) const;

  static bool IsCompassWord(std::string_view k);
  // "Central", "Northern", "East": a compass adjective before a place.
  static bool IsCompassAdjective(std::string_view k) {
    return IsCompassWord(k) || k == "Central" || k == "Northern" ||
           k == "Southern" || k == "Eastern" || k == "Western";
  }
  // A packaged or listed place, also one that needs a cue ("Bamako
  // asked" is the city's government, never a company).
  bool ListedPlace(std::string_view k) const {
    const GazetteerEntry* g = lex_.Find(k);
    return g != nullptr && !g->skip && g->type == EntityType::kLoc;
  }
  // "Addison, a village ...": a place-noun apposition after word b.
  bool PlaceApposition(const std::vector<Word>& w, size_t b) const;

  // A one-word packaged place with nothing that makes it another kind of
  // word: not a dictionary word, given or family name, not at a sentence
  // start, and not next to other capitalized words ("the Burbank
  // entertainment giant").
  bool StandalonePlace(const std::vector<Word>& w, size_t a, size_t b,
                       size_t last, const DocContext& ctx,
                       bool big_city = false) const;

  // A line in capitals ("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE
  // DEFEAT ."), where case cannot tell names: only what the lists or the
  // document know in title case ("Japan", "YELTSIN" after "Boris
  // Yeltsin"). Appends the names; returns one past the line's last word.
  size_t CapsLine(const AnalyzedText& at, const std::vector<Word>& w, size_t i,
                  const DocContext& ctx, std::vector<Entity>& out) const;

  // "MADRID —", "BUFFALO, N.Y. —", "NEW DELHI:", "LONDON 1996-08-30": a
  // paragraph-opening place before a dash, colon, comma, "(AP)" or a day.
  static bool Dateline(const AnalyzedText& at, const std::vector<Word>& w,
                       size_t a, size_t b);

  // "NEW DELHI" -> "New Delhi" (ASCII letters; others kept).
  std::string TitleCase(const AnalyzedText& at, const std::vector<Word>& w,
                        size_t a, size_t b) const;

  // An all-caps place opening a paragraph before dateline punctuation
  // ("MADRID —", "SIOUX FALLS, S.D. –"): one past its last word, or 0.
  size_t DatelinePlace(const AnalyzedText& at, const std::vector<Word>& w,
                       size_t i) const;
  // "Published 2026-10-29 | MOSCOW": a place in capitals ending a byline
  // line after a bar; one past its last word, or 0.
  size_t BylinePlace(const AnalyzedText& at, const std::vector<Word>& w,
                     size_t i) const;

  // "Frankfurt am Main", "Stratford-upon-Avon", "Castellón de la Plana":
  // the last word of a place name starting at `i` whose capitalized parts
  // are joined by lower-case particles, or 0; `canonical` is set from the
  // gazetteer when the whole name is listed.
  size_t ParticlePlaceEnd(const AnalyzedText& at, const std::vector<Word>& w,
                          size_t i, std::string& canonical) const;

  static bool Matched(const Match& m) {
    return m.gaz != nullptr || m.title != nullptr || m.honorific;
  }

  Entity Make(const AnalyzedText& at, const std::vector<Word>& w, size_t a,
              size_t b, EntityType type, std::string canonical,
              std::string rule) const {
    Entity e;
    e.type = type;
    e.span = Span{w[a].span.begin, w[b].span.end};
    e.text = std::string(at.Slice(e.span));
    e.canonical = canonical.empty() ? e.text : std::move(canonical);
    e.rule = std::move(rule);
    return e;
  }

  // The listed organization whose name is exactly words a..b, or nullptr
  // ("Justice Department" after "US", "General Motors" after "Rival").
  const GazetteerEntry* ListedOrg(const AnalyzedText& at,
                                  const std::vector<Word>& w, size_t a,
                                  size_t b, const DocContext& ctx) const {
    Match m = Longest(at, w, a, b, ctx);
    return m.gaz != nullptr && !m.gaz->skip &&
                   m.gaz->type == EntityType::kOrg && m.end == b
               ? m.gaz
               : nullptr;
  }

  // "In Patna, ...": the word before word a opens its sentence and is a
  // place cue ("In", "Near") in lower case.
  bool OpeningPlaceCue(const std::vector<Word>& w, size_t a) const {
    return a > 0 && w[a - 1].is_word && w[a - 1].cap &&
           w[a - 1].sentence_start && w[a - 1].text.size() <= 8 &&
           lex_.IsLocCue(ToLowerAscii(w[a - 1].text));
  }

  // "Cabinet Secretary" in "Treasury Cabinet Secretary John Mbadi": words
  // k and k + 1 (within `last`) are a listed two-word title, whose head
  // word belongs to no organization name before it.
  bool StartsTitle(const std::vector<Word>& w, size_t k, size_t last) const {
    if (k >= last || !w[k].is_word || w[k].possessive || !w[k + 1].is_word ||
        !w[k + 1].cap) {
      return false;
    }
    std::string two(w[k].text);
    two.push_back(' ');
    two.append(w[k + 1].text);
    return lex_.Title(two) != nullptr;
  }

  // End of an organization name whose head word is at `k`: the head, more
  // head words, or a connector phrase running to the chunk end.
  size_t OrgEnd(const std::vector<Word>& w, size_t k, size_t last) const {
    size_t end = k;
    while (end < last) {
      size_t n = end + 1;
      if (w[n].is_word && !w[n].cap && lex_.IsConnector(w[n].text)) {
        // "the Socialist Party of Prime Minister Lionel Jospin": a title
        // after the connector starts a person, not the name's tail.
        // A title that ends the chunk names no person ("the Federal Court
        // of Justice").
        if (n < last && w[n + 1].is_word && !lex_.IsOrgSuffix(w[n + 1].text) &&
            ((lex_.Title(w[n + 1].text) != nullptr && n + 1 < last) ||
             (n + 2 < last && w[n + 2].is_word &&
              lex_.Title(std::string(w[n + 1].text) + " " +
                         std::string(w[n + 2].text)) != nullptr))) {
          return end;
        }
        return last;
      }
      if (w[n].is_word && lex_.IsOrgSuffix(w[n].text) &&
          !StartsTitle(w, n, last)) {
        end = n;
        continue;
      }
      // "Senate Foreign Relations Committee", "Police Officers'
      // Association": up to three capitalized words that are no title or
      // given name before another head word belong to the name.
      size_t m = n;
      while (m <= last && m < n + 4 && !w[m - 1].possessive &&
             ((w[m].is_word && w[m].cap && !lex_.IsOrgSuffix(w[m].text) &&
               lex_.Title(w[m].text) == nullptr &&
               !lex_.IsGivenName(w[m].text)) ||
              (!w[m].is_word && (w[m].text == "'" ||
                                 w[m].text == "\xE2\x80\x99")))) {
        ++m;
      }
      if (m > n && m <= last && w[m].is_word && w[m].cap &&
          !w[m - 1].possessive && lex_.IsOrgSuffix(w[m].text)) {
        end = m;
        continue;
      }
      break;
    }
    return end;
  }

  // "Memphis International Airport", "Aviva Stadium", "Davis-Monthan Air
  // Force Base": place head words right after an organization name (its
  // last word `end`) make the whole a place, a facility named for it. The
  // new last word, or `end`.
  size_t FacilityEnd(const std::vector<Word>& w, size_t end,
                     size_t last) const {
    size_t k = end;
    while (k < last && !w[k].possessive && w[k + 1].is_word && w[k + 1].cap &&
           lex_.IsLocSuffix(w[k + 1].text) && !lex_.IsOrgSuffix(w[k + 1].text)) {
      ++k;
    }
    return k;
  }

  std::vector<Entity> Pass(const AnalyzedText& at, const std::vector<Word>& w,
                           const DocContext& ctx) const;
  void Chunk(const AnalyzedText& at, const std::vector<Word>& w, size_t first,
             size_t last, const DocContext& ctx,
             std::vector<Entity>& out) const;
  bool ClassifyRun(const AnalyzedText& at, const std::vector<Word>& w, size_t a,
                   size_t b, size_t chunk_last, const std::string& title,
                   bool honorific, const DocContext& ctx,
                   std::vector<Entity>& out) const;
  // "Dallas Cowboys", "Minnesota Wild": a place and a team nickname (or,
  // in sports copy, a capitalized plural) right after it. One past the
  // nickname's last word, or 0.
  size_t TeamEnd(const AnalyzedText& at, const std::vector<Word>& w,
                 size_t place_end, size_t last, const DocContext& ctx) const;
  // Sports copy: words a..b (a city) next to a result verb or a score
  // ("Leeds beat", "against Leeds", "Leeds 2", "a win over Leeds").
  bool SportsResult(const std::vector<Word>& w, size_t a, size_t b) const;
  // A results line, names and scores only ("Leeds 0 Chelsea 3"), or in
  // sports copy a standings row ("Barnsley 5 4 1 0 11 4 13"), with words
  // a..b one of its names.
  static bool ScoreLineName(const std::vector<Word>& w, size_t a, size_t b,
                            const DocContext& ctx);
  // The organization cues of ClassifyRun: an organization noun before the
  // name or in an apposition after it, "spokesman for", "shares of",
  // "X's CEO".
  bool OrgContext(const std::vector<Word>& w, size_t a, size_t b) const;
  // “Melvin and Howard”: words a..b sit inside a quoted run of
  // capitalized words and lower-case connectors, the title of a work.
  bool QuotedTitle(const std::vector<Word>& w, size_t a, size_t b) const;
  // Some word of a..b is a dictionary word that is not a listed name.
  bool DictionaryWordIn(const std::vector<Word>& w, size_t a, size_t b) const;
  // Fills ctx.acronym_names (and ctx.model_prefixes for expansions that
  // name a technique or product).
  void FindAcronymNames(const std::vector<Word>& w, DocContext& ctx) const;
  void Learn(const AnalyzedText& at, const std::vector<Word>& w,
             const std::vector<Entity>& found, DocContext& ctx) const;
  void LearnLists(const AnalyzedText& at, const std::vector<Word>& w,
                  const std::vector<Entity>& found, DocContext& ctx) const;
  // "printed in English, Vietnamese and Spanish", "the Uzbek language": a
  // nationality word that names a language is no NORP mention (CoNLL's
  // MISC); drops such mentions from `out`.
  void DropLanguages(const std::vector<Word>& w,
                     std::vector<Entity>& out) const;

  Lexicon lex_;
};

}  // namespace entities_internal
}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ENTITIES_RULES_H_
