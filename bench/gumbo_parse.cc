// gumbo_parse: the yardstick for extraction speed. Reads pages the way
// `newsfacts extract` does (ingest: gunzip, charset decoding), then only
// parses each with Gumbo and frees the tree. Prints pages, bytes and the
// parse time to stdout as one JSON object.
//
//   gumbo_parse ../shared/eval/extraction/pages/*.html.gz
#include <gumbo.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "ingest/ingest.h"

int main(int argc, char** argv) {
  using Clock = std::chrono::steady_clock;
  std::vector<std::string> inputs(argv + 1, argv + argc);
  std::vector<newsfacts::InputError> errors;
  std::vector<std::string> docs;
  size_t bytes = 0;
  for (const std::string& path : newsfacts::ExpandInputs(inputs, &errors)) {
    auto doc = newsfacts::ReadDocument(path, {});
    if (!doc.ok()) continue;
    bytes += doc->html.size();
    docs.push_back(std::move(doc->html));
  }
  const auto start = Clock::now();
  for (const std::string& html : docs) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions,
                                                html.data(), html.size());
    gumbo_destroy_output(&kGumboDefaultOptions, out);
  }
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  std::printf(
      "{\"pages\": %zu, \"mb\": %.3f, \"parse_seconds\": %.4f, "
      "\"pages_per_s\": %.1f, \"mb_per_s\": %.2f}\n",
      docs.size(), bytes / 1e6, seconds, docs.size() / seconds,
      bytes / 1e6 / seconds);
  return docs.empty() ? 1 : 0;
}
