// Internal to store/: zstd compression of raw pages and the stable content
// hash that decides whether a page changed.
//
//   Result<std::string> frame = CompressRaw(document.raw);
//   Result<std::string> raw = DecompressRaw(*frame, raw_size);
//   std::string hash = ContentHash(document.raw);  // "cbf29ce484222325"
//
// Thread-safety: stateless functions, safe for concurrent use.
#ifndef NEWSFACTS_STORE_COMPRESS_H_
#define NEWSFACTS_STORE_COMPRESS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace newsfacts {

// One zstd frame holding `raw` (level 3: fast, and HTML compresses ~5x).
Result<std::string> CompressRaw(std::string_view raw);

// Inverse of CompressRaw. `expected_size` is the stored raw size; a frame
// that does not decode to exactly that many bytes is Corruption.
Result<std::string> DecompressRaw(std::string_view frame, size_t expected_size);

// FNV-1a 64 of `bytes` as 16 lower-case hex digits. Written here rather than
// std::hash because it must be identical across builds and machines: it is
// compared with hashes stored by earlier runs.
std::string ContentHash(std::string_view bytes);

}  // namespace newsfacts

#endif  // NEWSFACTS_STORE_COMPRESS_H_
