// Internal to ingest/: pieces of the WARC writer and reader that tests check
// on their own. Other modules use ingest/warc.h.
//
// Thread-safety: free functions with no shared mutable state.
#ifndef NEWSFACTS_INGEST_WARC_INTERNAL_H_
#define NEWSFACTS_INGEST_WARC_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace newsfacts::ingest_internal {

// RFC 4648 base32 with padding.
std::string Base32(std::string_view bytes);

// "sha1:<base32>" as in WARC-Block-Digest and WARC-Payload-Digest.
std::string Sha1Base32(std::string_view bytes);

// "2026-11-28T18:02:31.123456Z" (WARC 1.1 allows fractional seconds).
std::string WarcDate(int64_t micros);

// "<urn:uuid:...>", a random (version 4) UUID.
std::string NewRecordId();

// `data` as one complete gzip member.
Result<std::string> GzipMember(std::string_view data);

// Removes the chunked transfer coding (RFC 9112 7.1); fails on malformed
// chunking.
Result<std::string> Dechunk(std::string_view body);

}  // namespace newsfacts::ingest_internal

#endif  // NEWSFACTS_INGEST_WARC_INTERNAL_H_
