// gumbo_parse: the yardstick for extraction speed. Reads pages the way
// `newsfacts extract` does (ingest: gunzip, charset decoding), then only
// parses each with Gumbo and frees the tree. Then, in the same process and
// on the same decoded pages, runs the article extractor (parse + clean +
// metadata, no fact tagging), so that the two times compare page for page
// without process start-up, file reading or JSON printing. Each pass runs
// `--rounds` times (default 3) and the fastest round counts, which tames the
// noise of a shared machine. Prints one JSON object to stdout.
//
//   gumbo_parse [--rounds N] [--sites DIR] ../shared/eval/extraction/pages/*.html.gz
#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "extract/article/extractor.h"
#include "ingest/ingest.h"

int main(int argc, char** argv) {
  using Clock = std::chrono::steady_clock;
  std::vector<std::string> inputs;
  int rounds = 3;
  std::string sites = "config/sites";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--sites" && i + 1 < argc) {
      sites = argv[++i];
    } else {
      inputs.push_back(arg);
    }
  }
  std::vector<newsfacts::InputError> errors;
  std::vector<newsfacts::Document> docs;
  size_t bytes = 0;
  for (const std::string& path : newsfacts::ExpandInputs(inputs, &errors)) {
    auto doc = newsfacts::ReadDocument(path, {});
    if (!doc.ok()) continue;
    bytes += doc->html.size();
    docs.push_back(std::move(*doc));
  }
  auto extractor = newsfacts::Extractor::Create({.sites_dir = sites});
  if (!extractor.ok()) {
    std::fprintf(stderr, "%s\n", extractor.status().ToString().c_str());
    return 2;
  }
  double parse_s = 1e9, extract_s = 1e9;
  size_t extracted = 0;
  for (int r = 0; r < rounds; ++r) {
    auto start = Clock::now();
    for (const newsfacts::Document& doc : docs) {
      GumboOutput* out = gumbo_parse_with_options(
          &kGumboDefaultOptions, doc.html.data(), doc.html.size());
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
    parse_s = std::min(
        parse_s, std::chrono::duration<double>(Clock::now() - start).count());
    start = Clock::now();
    extracted = 0;
    for (const newsfacts::Document& doc : docs) {
      if ((*extractor)->Extract(doc).ok()) ++extracted;
    }
    extract_s = std::min(
        extract_s,
        std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::printf(
      "{\"pages\": %zu, \"mb\": %.3f, \"parse_seconds\": %.4f, "
      "\"pages_per_s\": %.1f, \"mb_per_s\": %.2f, "
      "\"extract_seconds\": %.4f, \"extract_pages_per_s\": %.1f, "
      "\"extract_mb_per_s\": %.2f, \"extracted\": %zu, "
      "\"extract_over_parse\": %.3f}\n",
      docs.size(), bytes / 1e6, parse_s, docs.size() / parse_s,
      bytes / 1e6 / parse_s, extract_s, docs.size() / extract_s,
      bytes / 1e6 / extract_s, extracted, extract_s / parse_s);
  return docs.empty() ? 1 : 0;
}
