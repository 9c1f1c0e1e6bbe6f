// Internal to extract/entities/: the word view the entity rules work on —
// tokens with possessives split off, abbreviations glued to their dot,
// capitalization and sentence position precomputed — plus the chunker that
// groups capitalized words into candidate names.
//
//   std::vector<Word> words = BuildWords(analyzed, lexicon);
//   size_t last = ChunkEnd(analyzed, words, i, lexicon);
//
// Thread-safety: stateless functions.
#ifndef NEWSFACTS_EXTRACT_ENTITIES_NAME_WORDS_H_
#define NEWSFACTS_EXTRACT_ENTITIES_NAME_WORDS_H_

#include <string_view>
#include <vector>

#include "core/types.h"
#include "extract/entities/lexicon.h"
#include "extract/text/text.h"

namespace newsfacts {

struct Word {
  Span span;
  std::string_view text;
  bool is_word = false;     // letters or digits (not punctuation)
  bool cap = false;         // starts with an upper-case letter
  bool all_caps = false;    // two or more letters, all upper case ("SCO")
  bool possessive = false;  // a 's / ’s was cut off the end
  bool sentence_start = false;
  bool heading = false;  // in a title-case line ("China's New Role")
  // In a line written in capitals ("SOCCER - JAPAN GET LUCKY WIN"): case
  // says nothing about which words are names.
  bool caps_line = false;
  size_t sentence = 0;
};

std::vector<Word> BuildWords(const AnalyzedText& at, const Lexicon& lex);

// Some letter: ASCII, or any non-ASCII byte (the scripts news copy uses
// outside ASCII are letters far more often than symbols).
bool HasLetter(std::string_view s);

// Nothing but spaces and tabs (no line break).
bool OnlySpaces(std::string_view s);

// The text of words a..b with single spaces: a view into the text when it
// needs no normalizing (single spaces, ASCII apostrophes), else into
// `buf`.
std::string_view WordsText(const AnalyzedText& at, const std::vector<Word>& w,
                           size_t a, size_t b, std::string& buf);

// A Central Asian patronymic after the father's name ("kyzy", "uulu").
bool IsPatronymicTail(std::string_view w);

// A lower-case particle inside a person's name ("de", "da", "van", "bin").
bool IsPersonParticle(std::string_view w);

// Last index of the capitalized chunk starting at `first` (a capitalized
// word): capitalized words, glued punctuation ("RFE/RL", "Nagorno-Karabakh")
// and, inside organization names, lower-case connectors.
size_t ChunkEnd(const AnalyzedText& at, const std::vector<Word>& w,
                size_t first, const Lexicon& lex);

inline bool HeadingSentence(const std::vector<Word>& w, size_t i) {
  return w[i].heading;
}

// "Recep Tayyip Erdogan" -> {"Recep", "Tayyip", "Erdogan"}.
std::vector<std::string_view> SplitName(std::string_view name);

// `word` is the last word of the longer name `name` ("Nawrocki" of "Karol
// Nawrocki"): the family name a later mention may stand for.
bool IsFamilyNameOf(std::string_view name, std::string_view word);

// Person mentions take the longest person name of the document that holds
// all their words (Putin -> Vladimir Putin).
void ResolveCanonicals(std::vector<Entity>& entities);

}  // namespace newsfacts

#endif  // NEWSFACTS_EXTRACT_ENTITIES_NAME_WORDS_H_
