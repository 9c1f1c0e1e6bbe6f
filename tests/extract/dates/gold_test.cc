// Scores the date tagger on the hand-annotated RFE/RL seed posts
// (tests/testdata/rferl/seed-facts.gold.jsonl; ANNOTATION-NOTES.md §3, §5):
// exact and overlapping extent precision/recall and value accuracy, with
// "alt" forms accepted and "optional" items neither rewarded nor punished.
#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/utf8.h"
#include "extract/dates/dates.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using nlohmann::json;

struct Score {
  int gold = 0, system = 0, exact = 0, overlap = 0, value_ok = 0, fp = 0;
};

struct SysItem {
  size_t start, end;
  DateMention m;
};

bool SameValue(const json& g, const DateMention& m) {
  return g.value("value", "") == m.value && g.value("type", "") == m.type;
}

Score ScorePost(const json& post, const DateTagger& tagger) {
  const std::string text = post["text"];
  AnalyzedText at = Analyze(text, "en");
  auto doc = CivilDay::FromIso(post["date"].get<std::string>());
  CodePointIndex index(text);
  std::vector<SysItem> sys;
  for (auto& m : tagger.Tag(at, doc))
    sys.push_back(
        {index.ToCodePoint(m.span.begin), index.ToCodePoint(m.span.end), m});
  std::vector<bool> used(sys.size(), false);
  Score s;
  for (const auto& g : post["dates"]) {
    std::vector<json> forms = {g};
    if (g.contains("alt"))
      for (const auto& a : g["alt"]) forms.push_back(a);
    const bool optional = g.value("optional", false);
    bool exact = false, overlap = false, value = false;
    for (size_t i = 0; i < sys.size(); ++i) {
      for (const auto& f : forms) {
        const size_t fs = f["start"], fe = f["end"];
        if (sys[i].start < fe && fs < sys[i].end) {
          overlap = true;
          used[i] = true;
          if (fs == sys[i].start && fe == sys[i].end) exact = true;
          if (SameValue(f, sys[i].m)) value = true;
        }
      }
    }
    if (optional) continue;
    ++s.gold;
    s.exact += exact;
    s.overlap += overlap;
    s.value_ok += value;
    if (!overlap || !value)
      std::cout << "  MISS " << post["id"] << " " << g["text"] << " want "
                << g["value"] << (overlap ? " (value wrong)" : "") << "\n";
  }
  for (size_t i = 0; i < sys.size(); ++i) {
    ++s.system;
    if (!used[i]) {
      ++s.fp;
      std::cout << "  FP   " << post["id"] << " \"" << sys[i].m.text << "\" "
                << sys[i].m.type << " " << sys[i].m.value << " ["
                << sys[i].m.rule << "]\n";
    }
  }
  return s;
}

TEST(DateGold, SeedPostsReachRecallAndValueAccuracy) {
  auto tagger = DateTagger::Create(testing::ConfigDir() + "/lang/en");
  ASSERT_OK(tagger);
  std::istringstream lines(testing::ReadFileOrDie(
      testing::TestdataDir() + "/rferl/seed-facts.gold.jsonl"));
  Score total;
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    Score s = ScorePost(json::parse(line), **tagger);
    total.gold += s.gold;
    total.system += s.system;
    total.exact += s.exact;
    total.overlap += s.overlap;
    total.value_ok += s.value_ok;
    total.fp += s.fp;
  }
  ASSERT_GT(total.gold, 0);
  const double recall_overlap = 1.0 * total.overlap / total.gold;
  const double recall_exact = 1.0 * total.exact / total.gold;
  const double value_acc = 1.0 * total.value_ok / total.gold;
  const double precision =
      total.system ? 1.0 * (total.system - total.fp) / total.system : 0;
  std::cout << "dates seed: gold=" << total.gold << " system=" << total.system
            << " recall(overlap)=" << recall_overlap
            << " recall(exact)=" << recall_exact
            << " value-accuracy=" << value_acc
            << " precision(overlap)=" << precision << "\n";
  EXPECT_GE(recall_overlap, 0.95);
  EXPECT_GE(value_acc, 0.95);
  EXPECT_GE(precision, 0.95);
}

}  // namespace
}  // namespace newsfacts
