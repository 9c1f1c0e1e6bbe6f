// libFuzzer target: hostile bytes through charset decoding (ingest), the
// pre-pass, the Gumbo wrapper and the whole article extractor, with and
// without the Pangea site profile. Not part of CI; build and run as told in
// bench/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/types.h"
#include "extract/article/dom.h"
#include "extract/article/extractor.h"
#include "ingest/ingest.h"

namespace {

const newsfacts::Extractor& TheExtractor() {
  static const std::unique_ptr<newsfacts::Extractor> extractor = [] {
    auto ex = newsfacts::Extractor::Create(
        {.sites_dir = std::string(NEWSFACTS_FUZZ_CONFIG_DIR) + "/sites"});
    if (!ex.ok()) __builtin_trap();
    return std::move(*ex);
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the URL (profile or generic path); the rest is the
  // page as it would come off the wire.
  const bool pangea = (data[0] & 1) != 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  // The pre-pass and the parse on raw (possibly non-UTF-8) text must hold
  // up too: Gumbo replaces bad sequences itself.
  std::string stripped = newsfacts::StripUnparsedBodies(bytes);
  if (stripped.size() > bytes.size()) __builtin_trap();
  auto doc = newsfacts::DocumentFromBytes("fuzz", std::move(bytes), "", {});
  if (!doc.ok()) return 0;
  doc->final_url = pangea ? "https://www.rferl.org/a/fuzz/1.html"
                          : "https://example.com/news/fuzz";
  auto article = TheExtractor().Extract(*doc);
  if (article.ok()) {
    // Every block is non-empty and the text is the blocks joined.
    std::string joined;
    for (const newsfacts::Block& b : article->blocks) {
      if (b.text.empty()) __builtin_trap();
      if (!joined.empty()) joined += "\n\n";
      joined += b.text;
    }
    if (joined != article->text) __builtin_trap();
  }
  return 0;
}
