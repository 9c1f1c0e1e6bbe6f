// Entity-stage and all-stage tagging throughput over JSON lines
// {"id", "text", "date"} from stdin (e.g. the dev set or exported articles).
// Prints one JSON object: start-up seconds of the entity tagger (gazetteers
// included) and of the full fact tagger, and for each of "entities" (text
// analysis + entity rules) and "all" (entities, dates, counts through
// extract/facts) the best-of-`--rounds` wall seconds and MB/s, and MB/s per
// core from the thread's CPU time (the figure to use on a loaded machine).
//
//   build/h-x/bench/entities_tag --config config --rounds 5 < texts.jsonl
#include <algorithm>
#include <time.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/entities/entities.h"
#include "extract/facts/tagger.h"
#include "extract/text/text.h"

namespace {
// CPU seconds of this thread: on a shared, loaded machine this is the
// per-core figure; wall time is reported beside it.
double ThreadCpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t)
      .count();
}
}  // namespace

int main(int argc, char** argv) {
  std::string config = "config";
  int rounds = 3;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--config") config = argv[i + 1];
    if (std::string(argv[i]) == "--rounds") rounds = std::stoi(argv[i + 1]);
  }
  std::vector<std::string> texts;
  size_t bytes = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    auto in = nlohmann::json::parse(line, nullptr, false);
    if (in.is_discarded() || !in.is_object()) continue;
    texts.push_back(in.value("text", ""));
    bytes += texts.back().size();
  }
  auto t0 = std::chrono::steady_clock::now();
  auto entities = newsfacts::EntityTagger::Create(config + "/lang/en");
  double entity_startup = Since(t0);
  if (!entities.ok()) {
    std::cerr << entities.status().ToString() << "\n";
    return 1;
  }
  t0 = std::chrono::steady_clock::now();
  auto all = newsfacts::Tagger::Create({.lang_dir = config + "/lang"});
  double all_startup = Since(t0);
  if (!all.ok()) {
    std::cerr << all.status().ToString() << "\n";
    return 1;
  }
  size_t mentions = 0;
  double cpu = 0;
  auto best = [&](auto&& run) {
    double b = 1e9;
    cpu = 1e9;
    for (int r = 0; r < rounds; ++r) {
      auto t = std::chrono::steady_clock::now();
      double c = ThreadCpu();
      for (const std::string& text : texts) run(text);
      b = std::min(b, Since(t));
      cpu = std::min(cpu, ThreadCpu() - c);
    }
    return b;
  };
  double ent_s = best([&](const std::string& text) {
    mentions += (*entities)->Tag(newsfacts::Analyze(text, "en")).size();
  });
  double ent_cpu = cpu;
  double all_s = best([&](const std::string& text) {
    mentions += (*all)->Tag(text, std::nullopt, "en").entities.size();
  });
  double all_cpu = cpu;
  double mb = static_cast<double>(bytes) / 1e6;
  std::cout << nlohmann::json({{"texts", texts.size()},
                               {"bytes", bytes},
                               {"entity_startup_seconds", entity_startup},
                               {"all_startup_seconds", all_startup},
                               {"entities_seconds", ent_s},
                               {"entities_mb_per_s", mb / ent_s},
                               {"all_seconds", all_s},
                               {"all_mb_per_s", mb / all_s},
                               {"entities_cpu_mb_per_s", mb / ent_cpu},
                               {"all_cpu_mb_per_s", mb / all_cpu},
                               {"mentions", mentions}})
                   .dump()
            << "\n";
  return 0;
}
