// Runs only the date tagger over JSON lines {"id", "text", "date", "lang"}
// from stdin and prints one line {"id", "dates": [...]} per input line, plus
// a last line {"tag_seconds": s, "bytes": n} on stderr: the tagging time
// alone, for bench/dates_throughput.sh and the TimeML scorer
// (tests/testdata/dates/score_timeml.py).
//
//   bench/dates_tag --config config < texts.jsonl > dates.jsonl
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "extract/dates/dates.h"
#include "extract/text/text.h"

int main(int argc, char** argv) {
  using newsfacts::DateTagger;
  std::string config = "config";
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--config") config = argv[i + 1];
  std::map<std::string, std::unique_ptr<DateTagger>> taggers;
  double seconds = 0;
  size_t bytes = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    auto in = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (in.is_discarded() || !in.is_object()) {
      std::cerr << "dates_tag: bad input line\n";
      return 1;
    }
    const std::string lang = in.value("lang", "en");
    auto& tagger = taggers[lang];
    if (!tagger) {
      auto t = DateTagger::Create(config + "/lang/" + lang);
      if (!t.ok()) {
        std::cerr << "dates_tag: " << t.status().ToString() << "\n";
        return 1;
      }
      tagger = std::move(*t);
    }
    const std::string text = in.value("text", "");
    const auto doc = newsfacts::CivilDay::FromIso(in.value("date", ""));
    const auto start = std::chrono::steady_clock::now();
    auto analyzed = newsfacts::Analyze(text, lang);
    auto found = tagger->Tag(analyzed, doc);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                             start)
                   .count();
    bytes += text.size();
    nlohmann::json out = {{"id", in.value("id", nlohmann::json())},
                          {"dates", nlohmann::json::array()}};
    for (const auto& m : found) {
      nlohmann::json j = {{"text", m.text},   {"start", m.span.begin},
                          {"end", m.span.end}, {"type", m.type},
                          {"value", m.value}, {"rule", m.rule}};
      if (!m.mod.empty()) j["mod"] = m.mod;
      if (!m.begin.empty()) j["begin"] = m.begin;
      if (!m.end_value.empty()) j["end_value"] = m.end_value;
      if (!m.anchored.empty()) j["anchored"] = m.anchored;
      out["dates"].push_back(std::move(j));
    }
    std::cout << out.dump(-1, ' ', false,
                          nlohmann::json::error_handler_t::replace)
              << "\n";
  }
  std::cerr << nlohmann::json({{"tag_seconds", seconds}, {"bytes", bytes}})
                   .dump()
            << "\n";
  return 0;
}
