// Per-stage tagging throughput in one run: text analysis, the entity stage,
// the date stage and the count stage (given the other two stages' output,
// as extract/facts passes it), over JSON lines {"text", "date", "lang"}
// from stdin. Prints one JSON object with, for each stage, the best-of-
// `--rounds` seconds and MB/s on one core, the number of mentions found,
// and the count stage's speed as a ratio of the entity and date stages'.
//
//   python3 -c '...' > texts.jsonl   # e.g. the extraction gold bodies
//   build/h-x/bench/stage_throughput --config config --rounds 5 < texts.jsonl
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "extract/counts/counts.h"
#include "extract/dates/dates.h"
#include "extract/entities/entities.h"
#include "extract/text/text.h"

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

struct Doc {
  std::string text;
  std::string lang;
  std::optional<newsfacts::CivilDay> date;
};

struct Stages {
  std::unique_ptr<newsfacts::EntityTagger> entities;
  std::unique_ptr<newsfacts::DateTagger> dates;
  std::unique_ptr<newsfacts::CountTagger> counts;
};

}  // namespace

int main(int argc, char** argv) {
  std::string config = "config";
  int rounds = 3;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--config") config = argv[i + 1];
    if (std::string(argv[i]) == "--rounds") rounds = std::stoi(argv[i + 1]);
  }
  std::vector<Doc> docs;
  size_t bytes = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    auto in = nlohmann::json::parse(line, nullptr, false);
    if (in.is_discarded() || !in.is_object() || !in.contains("text")) continue;
    Doc d;
    d.text = in["text"].get<std::string>();
    d.lang = in.value("lang", "en");
    if (in.contains("date") && in["date"].is_string()) {
      d.date = newsfacts::CivilDay::FromIso(in["date"].get<std::string>());
    }
    bytes += d.text.size();
    docs.push_back(std::move(d));
  }
  std::map<std::string, Stages> stages;
  for (const Doc& d : docs) {
    if (stages.count(d.lang)) continue;
    const std::string dir = config + "/lang/" + d.lang;
    auto e = newsfacts::EntityTagger::Create(dir);
    auto t = newsfacts::DateTagger::Create(dir);
    auto c = newsfacts::CountTagger::Create(dir);
    if (!e.ok() || !t.ok() || !c.ok()) {
      std::cerr << "cannot load the stages for " << dir << "\n";
      return 1;
    }
    stages[d.lang] = {std::move(*e), std::move(*t), std::move(*c)};
  }

  // Inputs of the later stages, computed once and kept, so that each stage
  // is timed on its own.
  std::vector<newsfacts::AnalyzedText> analyzed;
  std::vector<std::vector<newsfacts::Entity>> entities(docs.size());
  std::vector<std::vector<newsfacts::DateMention>> dates(docs.size());
  double best[4] = {1e30, 1e30, 1e30, 1e30};
  size_t found[4] = {0, 0, 0, 0};
  for (int r = 0; r < rounds; ++r) {
    analyzed.clear();
    auto t0 = Clock::now();
    for (const Doc& d : docs)
      analyzed.push_back(newsfacts::Analyze(d.text, d.lang));
    best[0] = std::min(best[0], Since(t0));
    found[0] = 0;
    for (const auto& at : analyzed) found[0] += at.tokens.size();

    t0 = Clock::now();
    for (size_t i = 0; i < docs.size(); ++i) {
      entities[i] = stages[docs[i].lang].entities->Tag(analyzed[i]);
    }
    best[1] = std::min(best[1], Since(t0));

    t0 = Clock::now();
    for (size_t i = 0; i < docs.size(); ++i) {
      dates[i] = stages[docs[i].lang].dates->Tag(analyzed[i], docs[i].date);
    }
    best[2] = std::min(best[2], Since(t0));

    t0 = Clock::now();
    found[3] = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      found[3] += stages[docs[i].lang]
                      .counts->Tag(analyzed[i], entities[i], dates[i])
                      .size();
    }
    best[3] = std::min(best[3], Since(t0));
  }
  found[1] = found[2] = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    found[1] += entities[i].size();
    found[2] += dates[i].size();
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  nlohmann::json out;
  out["docs"] = docs.size();
  out["mb"] = mb;
  out["rounds"] = rounds;
  const char* names[4] = {"analyze", "entities", "dates", "counts"};
  const char* what[4] = {"tokens", "mentions", "mentions", "counts"};
  for (int s = 0; s < 4; ++s) {
    out[names[s]] = {
        {"seconds", best[s]}, {"mb_per_s", mb / best[s]}, {what[s], found[s]}};
  }
  // How many times faster the count stage is than each other stage.
  out["counts_speed_vs_entities"] = best[1] / best[3];
  out["counts_speed_vs_dates"] = best[2] / best[3];
  std::cout << out.dump(1) << "\n";
  return 0;
}
