// Golden tests for the count stage, one file per pattern family under
// tests/extract/counts/golden/ (numbers, qualifiers, units and groups,
// events, negation and modality, date and place, Russian, the families
// that are not counts, and health, disaster, crime, labour, migration and
// protest news in English and Russian, events from other clauses and
// partitives, headline rows, paragraphs, events decided by the text
// around a count, event and people words from news paragraphs). Each line is a sentence with its
// case counts marked inline, as in tests/testdata/counts/devset-written.txt:
//   {span|value|qualifier|EVENT|u=unit|s=subject|d=TIMEX3|p=place|opt}
// The whole tagger runs (entity and date stages included, as in `newsfacts
// tag`), and every line must come out exactly: each marked count found with
// the same text, value, qualifier and event (and unit, subject, date, place
// where given), and no count where none is marked. `opt` items may be found
// or not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "extract/facts/tagger.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

namespace fs = std::filesystem;

struct GoldCount {
  std::string text;
  size_t begin = 0;  // bytes into the plain sentence
  int64_t value = 0;
  std::string qualifier;
  int64_t low = 0, high = 0;
  std::string event;                                      // "" for null
  std::optional<std::string> unit, subject, date, place;  // "" for null
  bool optional = false;
};

struct GoldLine {
  std::string where;  // file:line
  std::string lang = "en";
  std::optional<CivilDay> date;
  std::string text;
  std::vector<GoldCount> counts;
};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string f;
  while (std::getline(ss, f, sep)) out.push_back(f);
  return out;
}

// Parses one annotated line; returns false (and says why) when malformed.
bool ParseLine(const std::string& line, GoldLine* out, std::string* error) {
  size_t pos = 0;
  while (pos < line.size()) {
    size_t open = line.find('{', pos);
    if (open == std::string::npos) {
      out->text += line.substr(pos);
      break;
    }
    size_t close = line.find('}', open);
    size_t bar = line.find('|', open);
    if (close == std::string::npos || bar == std::string::npos || bar > close) {
      *error = "unclosed or empty marker";
      return false;
    }
    out->text += line.substr(pos, open - pos);
    GoldCount c;
    c.text = line.substr(open + 1, bar - open - 1);
    c.begin = out->text.size();
    out->text += c.text;
    std::vector<std::string> f =
        Split(line.substr(bar + 1, close - bar - 1), '|');
    if (f.size() < 3) {
      *error = "marker needs value|qualifier|EVENT: " + c.text;
      return false;
    }
    c.value = std::stoll(f[0]);
    c.qualifier = f[1];
    if (c.qualifier.starts_with("range:")) {
      auto lh = Split(c.qualifier.substr(6), '-');
      c.qualifier = "range";
      c.low = std::stoll(lh.at(0));
      c.high = std::stoll(lh.at(1));
    }
    c.event = f[2] == "-" ? "" : f[2];
    for (size_t k = 3; k < f.size(); ++k) {
      if (f[k] == "opt") {
        c.optional = true;
        continue;
      }
      if (f[k].size() < 2 || f[k][1] != '=') {
        *error = "bad field " + f[k];
        return false;
      }
      std::string v = f[k].substr(2) == "-" ? "" : f[k].substr(2);
      switch (f[k][0]) {
        case 'u':
          c.unit = v;
          break;
        case 's':
          c.subject = v;
          break;
        case 'd':
          c.date = v;
          break;
        case 'p':
          c.place = v;
          break;
        default:
          *error = "bad field " + f[k];
          return false;
      }
    }
    out->counts.push_back(std::move(c));
    pos = close + 1;
  }
  return true;
}

std::vector<GoldLine> LoadFile(const fs::path& path) {
  std::vector<GoldLine> lines;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  std::string line, lang = "en";
  std::optional<CivilDay> date;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    if (line.starts_with("@lang ")) {
      lang = line.substr(6);
      continue;
    }
    if (line.starts_with("@date ")) {
      date = CivilDay::FromIso(line.substr(6));
      continue;
    }
    GoldLine g;
    g.where = path.filename().string() + ":" + std::to_string(n);
    g.lang = lang;
    g.date = date;
    std::string error;
    EXPECT_TRUE(ParseLine(line, &g, &error)) << g.where << ": " << error;
    lines.push_back(std::move(g));
  }
  return lines;
}

std::string Describe(const CaseCount& c) {
  std::ostringstream os;
  os << "{" << c.text << "|" << c.value << "|" << c.qualifier;
  if (c.qualifier == "range") {
    os << ":" << c.low.value_or(-1) << "-" << c.high.value_or(-1);
  }
  os << "|" << (c.event.empty() ? "-" : c.event) << "|u=" << c.unit
     << "|s=" << c.subject << "|d=" << c.date << "|p=" << c.place << "}";
  return os.str();
}

// The differences between a found count and its gold, empty when none.
std::string Compare(const GoldCount& g, const CaseCount& c) {
  std::string diff;
  auto check = [&](const char* what, const std::string& want,
                   const std::string& got) {
    if (want != got) {
      diff +=
          std::string(" ") + what + ": want '" + want + "' got '" + got + "';";
    }
  };
  check("text", g.text, c.text);
  check("value", std::to_string(g.value), std::to_string(c.value));
  check("qualifier", g.qualifier, c.qualifier);
  if (g.qualifier == "range") {
    check("low", std::to_string(g.low), std::to_string(c.low.value_or(-1)));
    check("high", std::to_string(g.high), std::to_string(c.high.value_or(-1)));
  }
  check("event", g.event, c.event);
  if (g.unit) check("unit", *g.unit, c.unit);
  if (g.subject) check("subject", *g.subject, c.subject);
  if (g.date) check("date", *g.date, c.date);
  if (g.place) check("place", *g.place, c.place);
  return diff;
}

class CountsGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CountsGoldenTest, EveryLineComesOutAsAnnotated) {
  auto tagger = Tagger::Create({.lang_dir = testing::ConfigDir() + "/lang"});
  ASSERT_OK(tagger);
  const fs::path file = fs::path(NEWSFACTS_GOLDEN_DIR) / (GetParam() + ".txt");
  std::vector<GoldLine> lines = LoadFile(file);
  ASSERT_FALSE(lines.empty()) << file;
  for (const GoldLine& g : lines) {
    Facts f = (*tagger)->Tag(g.text, g.date, g.lang);
    std::vector<bool> used(f.counts.size(), false);
    for (const GoldCount& gc : g.counts) {
      // The found count that overlaps the marked span.
      std::optional<size_t> hit;
      for (size_t k = 0; k < f.counts.size() && !hit; ++k) {
        if (!used[k] && f.counts[k].span.begin < gc.begin + gc.text.size() &&
            gc.begin < f.counts[k].span.end) {
          hit = k;
        }
      }
      if (!hit) {
        EXPECT_TRUE(gc.optional)
            << g.where << ": missed {" << gc.text << "} in: " << g.text;
        continue;
      }
      used[*hit] = true;
      if (gc.optional) continue;
      std::string diff = Compare(gc, f.counts[*hit]);
      EXPECT_TRUE(diff.empty()) << g.where << ": " << diff << " in: " << g.text;
    }
    for (size_t k = 0; k < f.counts.size(); ++k) {
      EXPECT_TRUE(used[k]) << g.where
                           << ": not a count: " << Describe(f.counts[k])
                           << " in: " << g.text;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Families, CountsGoldenTest,
                         ::testing::Values("numbers", "qualifiers",
                                           "units_groups", "events",
                                           "negation_modality", "date_place",
                                           "russian", "not_counts",
                                           "health_disasters",
                                           "crime_labour_migration",
                                           "russian_domains", "clauses",
                                           "headlines", "paragraphs",
                                           "context_events", "event_words"));

}  // namespace
}  // namespace newsfacts
