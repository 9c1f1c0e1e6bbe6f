// Internal to ingest/: gzip detection and size-capped decompression used by
// ReadDocument and DocumentFromBytes. Other modules use ingest/ingest.h.
//
//   if (LooksGzipped(bytes)) {
//     Result<std::string> plain = Gunzip(bytes, 256u << 20);
//   }
//
// Thread-safety: free functions with no shared state.
#ifndef NEWSFACTS_INGEST_GZIP_H_
#define NEWSFACTS_INGEST_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace newsfacts::ingest_internal {

// True when `bytes` start with the gzip magic number (RFC 1952 2.3.1).
bool LooksGzipped(std::string_view bytes);

// Decompresses one or more concatenated gzip members. Fails with Corruption
// on damaged or truncated data and with InvalidArgument when the output
// would exceed `max_decoded_bytes` (so a small bomb cannot exhaust memory).
// Messages do not name a file; callers add that context.
Result<std::string> Gunzip(std::string_view bytes, size_t max_decoded_bytes);

// Up to the first `max_bytes` decompressed bytes of a gzip stream, for
// sniffing what it holds; whatever could be decoded when the data is damaged
// or truncated ("" when nothing).
std::string GunzipPrefix(std::string_view bytes, size_t max_bytes);

}  // namespace newsfacts::ingest_internal

#endif  // NEWSFACTS_INGEST_GZIP_H_
