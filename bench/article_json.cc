// article_json: the article extractor alone over pages, one JSON line each
// with the fields the eval scorers read (source, title, authors, published,
// modified, kind, text, captions). Same input handling as `newsfacts
// extract` (ingest), without the CLI, the store or the fact stages, so the
// extraction can be evaluated and profiled on its own.
//
//   article_json [--sites DIR] PAGES... > out.jsonl
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/article/extractor.h"
#include "ingest/ingest.h"

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string sites = "config/sites";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--sites" && i + 1 < argc) {
      sites = argv[++i];
    } else {
      inputs.push_back(arg);
    }
  }
  auto extractor = newsfacts::Extractor::Create({.sites_dir = sites});
  if (!extractor.ok()) {
    std::fprintf(stderr, "%s\n", extractor.status().ToString().c_str());
    return 2;
  }
  std::vector<newsfacts::InputError> errors;
  int failed = 0;
  for (const std::string& path : newsfacts::ExpandInputs(inputs, &errors)) {
    auto doc = newsfacts::ReadDocument(path, {});
    nlohmann::json row = {{"source", path}};
    if (doc.ok()) {
      auto a = (*extractor)->Extract(*doc);
      if (a.ok()) {
        row["title"] = a->title;
        row["authors"] = a->authors;
        row["published"] = a->published;
        row["modified"] = a->modified;
        row["section"] = a->section;
        row["kind"] = newsfacts::PageKindName(a->kind);
        row["text"] = a->text;
        row["captions"] = a->captions;
      } else {
        row["error"] = a.status().ToString();
        ++failed;
      }
    } else {
      row["error"] = doc.status().ToString();
      ++failed;
    }
    std::cout << row.dump(-1, ' ', false,
                          nlohmann::json::error_handler_t::replace)
              << "\n";
  }
  return failed > 0 ? 1 : 0;
}
