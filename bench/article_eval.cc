// article_eval: runs the article extractor on saved pages (.html or
// .html.gz) and prints one JSON line per page, in the shape the evaluation
// scorers read ({"source", "url", "title", "authors", "published", "text",
// ...}). Pages are assumed to be UTF-8; invalid bytes are replaced.
//
//   article_eval [--sites config/sites] pages/*.html.gz > /tmp/pred.jsonl
//
// Timing of the whole run goes to stderr.
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/types.h"
#include "core/utf8.h"
#include "extract/article/extractor.h"

namespace {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buf;
  buf << in.rdbuf();
  *out = buf.str();
  return true;
}

bool Gunzip(const std::string& in, std::string* out) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char chunk[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof(chunk);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out->append(chunk, sizeof(chunk) - zs.avail_out);
  }
  inflateEnd(&zs);
  return rc == Z_STREAM_END;
}

}  // namespace

int main(int argc, char** argv) {
  std::string sites;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--sites" && i + 1 < argc) {
      sites = argv[++i];
    } else {
      files.push_back(a);
    }
  }
  auto ex = newsfacts::Extractor::Create({.sites_dir = sites});
  if (!ex.ok()) {
    std::cerr << ex.status().message() << "\n";
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  size_t bytes = 0;
  for (const std::string& path : files) {
    std::string raw;
    if (!ReadFile(path, &raw)) {
      std::cerr << "cannot read " << path << "\n";
      continue;
    }
    std::string html;
    if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0) {
      if (!Gunzip(raw, &html)) std::cerr << "bad gzip " << path << "\n";
    } else {
      html = std::move(raw);
    }
    bytes += html.size();
    newsfacts::Document doc;
    doc.source = path;
    doc.html = newsfacts::SanitizeUtf8(html);
    auto article = (*ex)->Extract(doc);
    nlohmann::json j;
    j["source"] = path;
    if (!article.ok()) {
      j["error"] = article.status().message();
      j["text"] = "";
    } else {
      const newsfacts::Article& a = *article;
      j["url"] = a.url;
      j["title"] = a.title;
      j["authors"] = a.authors;
      j["published"] = a.published;
      j["modified"] = a.modified;
      j["language"] = a.language;
      j["section"] = a.section;
      j["kind"] = newsfacts::PageKindName(a.kind);
      j["text"] = a.text;
      j["captions"] = a.captions;
      nlohmann::json posts = nlohmann::json::array();
      for (const auto& p : a.posts) {
        posts.push_back({{"title", p.title},
                         {"published", p.published},
                         {"authors", p.authors},
                         {"text", p.text}});
      }
      j["posts"] = posts;
    }
    std::cout << j.dump(-1, ' ', false,
                        nlohmann::json::error_handler_t::replace)
              << "\n";
  }
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::cerr << files.size() << " pages, " << bytes / 1e6 << " MB in " << secs
            << " s\n";
  return 0;
}
