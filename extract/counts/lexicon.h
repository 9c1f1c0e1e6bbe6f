// Internal to extract/counts/: the word lists the count rules read, loaded
// once from config/lang/<lang>/counts-*.txt.
//
//   auto lex = CountLexicon::Load(lang_dir);
//   if (lex->triggers.count("killed")) ...
//
// Thread-safety: immutable after Load().
#ifndef NEWSFACTS_EXTRACT_COUNTS_LEXICON_H_
#define NEWSFACTS_EXTRACT_COUNTS_LEXICON_H_

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/status.h"

namespace newsfacts {

// What a person noun says about a count of it.
enum class PersonKind {
  kGeneric,  // people, others: no named group, needs an event
  kGroup,    // journalists, civilians: a named group, needs an event
  kRole,     // prisoners, refugees: a case by what it is; a trigger in
             // the clause may say more ("refugees were deported")
  kState,    // dead, injured, missing: the noun is the event itself
};

struct PersonNoun {
  PersonKind kind = PersonKind::kGeneric;
  std::string event;  // for kRole: the event it implies
};

// A word list the rules read by name (config/lang/<lang>/counts-<name>.txt,
// first column): whole lowercase words, entries written "stem*" that
// match every word they start ("crash*" covers crashed, crashes), and
// entries written "*ending" that match every longer word they end
// ("*ers" covers engineers).
struct WordList {
  std::vector<std::string> words;  // sorted
  std::vector<std::string> stems;
  std::vector<std::string> endings;
  // Whether `w` is a listed word, starts with a listed stem or ends with
  // a listed ending.
  bool Has(std::string_view w) const {
    if (std::binary_search(words.begin(), words.end(), w, std::less<>())) {
      return true;
    }
    for (const std::string& s : stems) {
      if (w.starts_with(s)) return true;
    }
    for (const std::string& e : endings) {
      if (w.size() > e.size() && w.ends_with(e)) return true;
    }
    return false;
  }
  bool empty() const {
    return words.empty() && stems.empty() && endings.empty();
  }
};

struct CountLexicon {
  // Keys are lowercase phrases with single spaces ("at least").
  std::unordered_map<std::string, std::string> qualifiers;
  // Qualifiers that are verbs ("превысило тысячу"): they qualify the count
  // but stay out of its text. Marked "verb" in a third column.
  std::unordered_set<std::string> verb_qualifiers;
  std::unordered_map<std::string, PersonNoun> persons;
  std::unordered_map<std::string, std::string> case_nouns;  // -> event
  std::unordered_map<std::string, std::string> triggers;    // -> event
  // Triggers that are names of a disease or condition ("covid", "cholera"):
  // they say what happened to a count only as its modifier or complement
  // ("cholera cases", "sick with measles").
  std::unordered_set<std::string> condition_triggers;
  // Triggers that say what happened only as a verb, never as a participle
  // before the counted noun ("contracted dengue" but "30,000 contracted
  // staff"). Marked "verb" in a third column.
  std::unordered_set<std::string> verb_only_triggers;
  // Entries written "stem*" (for inflected languages: "задержа*" covers
  // задержаны, задержали, задержания): one-word prefixes, longest first.
  std::vector<std::pair<std::string, std::string>> trigger_stems;
  std::vector<std::pair<std::string, PersonNoun>> person_stems;
  // Entries written "*ending" in the person nouns: one word that ends so
  // (Russian agentive "*ников", "*телей") is a person noun of that kind
  // when no listed noun or stem matched.
  std::vector<std::pair<std::string, PersonNoun>> person_suffixes;
  // Case-noun stems ("случа*" covers случаев, случаи, случаях).
  std::vector<std::pair<std::string, std::string>> case_stems;
  // Stems of verbs that move a figure to a level ("выросло до 35",
  // "достигло"): a max qualifier right after one ("до") is no qualifier.
  // From the optional counts-level-verbs.txt.
  std::vector<std::string> level_verb_stems;
  // Modal and forecast words ("could", "may", "threatened", "могут"): a
  // count in their clause is tagged with its rule id ending ".modal". From
  // the optional counts-modals.txt.
  std::unordered_set<std::string> modals;
  // Verbs of crowds gathering ("gathered", "lined", "packed"): with a
  // protest named in the sentence or its paragraph they make a count of
  // people a protest. From the optional counts-gathering-verbs.txt; "stem*"
  // entries in gathering_stems.
  std::unordered_set<std::string> gathering_verbs;
  std::vector<std::string> gathering_stems;
  // Verbs of leaving ("left", "fled", "покинули"): with a named place
  // right after them the count is DISPLACE and the place is the one left.
  // From the optional counts-leave-verbs.txt; "stem*" entries as prefixes.
  std::vector<std::string> leave_verbs;
  bool IsLeaveVerb(std::string_view w) const {
    for (const std::string& e : leave_verbs) {
      if (e.back() == '*'
              ? w.starts_with(std::string_view(e).substr(0, e.size() - 1))
              : w == e) {
        return true;
      }
    }
    return false;
  }
  std::unordered_set<std::string> stopwords;
  std::unordered_set<std::string> negators;
  std::unordered_set<std::string> reporting_verbs;  // end the event search
  size_t max_phrase_words = 1;                      // longest key, in tokens
  // Every key of qualifiers, persons, case_nouns and triggers, sorted: a
  // phrase that no key starts with ends a longest-match search early.
  std::vector<std::string> phrase_keys;

  // Every counts-<name>.txt of the language folder by <name>, read as a
  // word list: the small closed classes the rules test words against
  // (units, vehicles, verbs of estimating, ...). The lists above that
  // have fields of their own are read here too, by their first column.
  std::map<std::string, WordList, std::less<>> word_lists;
  // The word list `name` ("units" for counts-units.txt); an empty list
  // when the language has no such file, so a rule that needs it finds
  // nothing rather than failing.
  const WordList& Words(std::string_view name) const {
    static const WordList kNone;
    auto it = word_lists.find(name);
    return it == word_lists.end() ? kNone : it->second;
  }

  static Result<CountLexicon> Load(const std::string& lang_dir);
};

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_COUNTS_LEXICON_H_
