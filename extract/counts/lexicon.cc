#include "extract/counts/lexicon.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace newsfacts {
namespace {

// One entry per line, `#` starts a comment, fields are tab-separated.
Result<std::vector<std::vector<std::string>>> ReadTable(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read count resource " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string f;
    while (std::getline(ss, f, '\t')) fields.push_back(f);
    if (fields.empty() || fields[0].empty()) continue;
    std::string& key = fields[0];
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) {
      return static_cast<char>(std::tolower(c));
    });
    rows.push_back(std::move(fields));
  }
  return rows;
}

// The number of tokens a key spans: its words, and a hyphen is a token of
// its own between two ("asylum-seekers" spans three).
size_t TokenCount(const std::string& phrase) {
  return 1 +
         static_cast<size_t>(std::count(phrase.begin(), phrase.end(), ' ')) +
         2 * static_cast<size_t>(std::count(phrase.begin(), phrase.end(), '-'));
}

}  // namespace

Result<CountLexicon> CountLexicon::Load(const std::string& lang_dir) {
  CountLexicon lex;
  auto note = [&lex](const std::string& key) {
    lex.max_phrase_words = std::max(lex.max_phrase_words, TokenCount(key));
    lex.phrase_keys.push_back(key);
  };
  auto q = ReadTable(lang_dir + "/counts-qualifiers.txt");
  NF_RETURN_IF_ERROR(q.status());
  for (auto& r : *q) {
    if (r.size() < 2)
      return Status::InvalidArgument("qualifier needs 2 fields: " + r[0]);
    lex.qualifiers[r[0]] = r[1];
    if (r.size() > 2 && r[2] == "verb") lex.verb_qualifiers.insert(r[0]);
    note(r[0]);
  }
  auto p = ReadTable(lang_dir + "/counts-person-nouns.txt");
  NF_RETURN_IF_ERROR(p.status());
  for (auto& r : *p) {
    PersonNoun noun;
    std::string kind = r.size() > 1 ? r[1] : "generic";
    noun.kind = kind == "state"   ? PersonKind::kState
                : kind == "role"  ? PersonKind::kRole
                : kind == "group" ? PersonKind::kGroup
                                  : PersonKind::kGeneric;
    if (r.size() > 2) noun.event = r[2];
    if (r[0].size() > 1 && r[0].back() == '*') {
      lex.person_stems.emplace_back(r[0].substr(0, r[0].size() - 1), noun);
      continue;
    }
    if (r[0].size() > 1 && r[0].front() == '*') {
      lex.person_suffixes.emplace_back(r[0].substr(1), noun);
      continue;
    }
    lex.persons[r[0]] = noun;
    note(r[0]);
  }
  auto c = ReadTable(lang_dir + "/counts-case-nouns.txt");
  NF_RETURN_IF_ERROR(c.status());
  for (auto& r : *c) {
    if (r[0].size() > 1 && r[0].back() == '*') {
      lex.case_stems.emplace_back(r[0].substr(0, r[0].size() - 1),
                                  r.size() > 1 ? r[1] : "AFFECT");
      continue;
    }
    lex.case_nouns[r[0]] = r.size() > 1 ? r[1] : "AFFECT";
    note(r[0]);
  }
  auto t = ReadTable(lang_dir + "/counts-triggers.txt");
  NF_RETURN_IF_ERROR(t.status());
  for (auto& r : *t) {
    if (r.size() < 2)
      return Status::InvalidArgument("trigger needs 2 fields: " + r[0]);
    if (r[0].size() > 1 && r[0].back() == '*') {
      lex.trigger_stems.emplace_back(r[0].substr(0, r[0].size() - 1), r[1]);
      continue;
    }
    lex.triggers[r[0]] = r[1];
    if (r.size() > 2 && r[2] == "condition")
      lex.condition_triggers.insert(r[0]);
    if (r.size() > 2 && r[2] == "verb") lex.verb_only_triggers.insert(r[0]);
    note(r[0]);
  }
  auto longest_first = [](const auto& a, const auto& b) {
    return a.first.size() > b.first.size();
  };
  std::stable_sort(lex.trigger_stems.begin(), lex.trigger_stems.end(),
                   longest_first);
  std::stable_sort(lex.person_stems.begin(), lex.person_stems.end(),
                   longest_first);
  std::stable_sort(lex.person_suffixes.begin(), lex.person_suffixes.end(),
                   longest_first);
  std::stable_sort(lex.case_stems.begin(), lex.case_stems.end(), longest_first);
  std::sort(lex.phrase_keys.begin(), lex.phrase_keys.end());
  lex.phrase_keys.erase(
      std::unique(lex.phrase_keys.begin(), lex.phrase_keys.end()),
      lex.phrase_keys.end());
  // Optional: a language may have no level verbs that take a preposition
  // a qualifier shares, or no modal word list.
  std::error_code ec;
  if (std::filesystem::exists(lang_dir + "/counts-modals.txt", ec)) {
    auto md = ReadTable(lang_dir + "/counts-modals.txt");
    NF_RETURN_IF_ERROR(md.status());
    for (auto& r : *md) lex.modals.insert(r[0]);
  }
  if (std::filesystem::exists(lang_dir + "/counts-level-verbs.txt", ec)) {
    auto lv = ReadTable(lang_dir + "/counts-level-verbs.txt");
    NF_RETURN_IF_ERROR(lv.status());
    for (auto& r : *lv) {
      std::string stem = r[0];
      if (!stem.empty() && stem.back() == '*') stem.pop_back();
      lex.level_verb_stems.push_back(stem);
    }
  }
  if (std::filesystem::exists(lang_dir + "/counts-gathering-verbs.txt", ec)) {
    auto gv = ReadTable(lang_dir + "/counts-gathering-verbs.txt");
    NF_RETURN_IF_ERROR(gv.status());
    for (auto& r : *gv) {
      if (!r[0].empty() && r[0].back() == '*') {
        lex.gathering_stems.push_back(r[0].substr(0, r[0].size() - 1));
      } else {
        lex.gathering_verbs.insert(r[0]);
      }
    }
  }
  if (std::filesystem::exists(lang_dir + "/counts-leave-verbs.txt", ec)) {
    auto lv = ReadTable(lang_dir + "/counts-leave-verbs.txt");
    NF_RETURN_IF_ERROR(lv.status());
    for (auto& r : *lv) lex.leave_verbs.push_back(r[0]);
  }
  auto s = ReadTable(lang_dir + "/counts-stopwords.txt");
  NF_RETURN_IF_ERROR(s.status());
  for (auto& r : *s) lex.stopwords.insert(r[0]);
  auto n = ReadTable(lang_dir + "/counts-negators.txt");
  NF_RETURN_IF_ERROR(n.status());
  for (auto& r : *n) lex.negators.insert(r[0]);
  auto rv = ReadTable(lang_dir + "/counts-reporting-verbs.txt");
  NF_RETURN_IF_ERROR(rv.status());
  for (auto& r : *rv) lex.reporting_verbs.insert(r[0]);
  std::filesystem::directory_iterator dir(lang_dir, ec);
  if (ec) {
    return Status::NotFound("count resources: " + lang_dir + ": " +
                            ec.message());
  }
  for (const auto& entry : dir) {
    const std::string file = entry.path().filename().string();
    if (!file.starts_with("counts-") || !file.ends_with(".txt")) continue;
    auto rows = ReadTable(entry.path().string());
    NF_RETURN_IF_ERROR(rows.status());
    WordList& list = lex.word_lists[file.substr(7, file.size() - 11)];
    for (auto& r : *rows) {
      if (r[0].size() > 1 && r[0].back() == '*') {
        list.stems.push_back(r[0].substr(0, r[0].size() - 1));
      } else if (r[0].size() > 1 && r[0].front() == '*') {
        list.endings.push_back(r[0].substr(1));
      } else {
        list.words.push_back(r[0]);
      }
    }
    std::sort(list.words.begin(), list.words.end());
  }
  return lex;
}

}  // namespace newsfacts
