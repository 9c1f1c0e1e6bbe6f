#include "store/compress.h"

#include <zstd.h>

#include <cstdint>
#include <cstdio>

namespace newsfacts {
namespace {

constexpr int kZstdLevel = 3;
constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

}  // namespace

Result<std::string> CompressRaw(std::string_view raw) {
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  const size_t n =
      ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), kZstdLevel);
  if (ZSTD_isError(n)) {
    return Status::Internal(std::string("zstd compress: ") +
                            ZSTD_getErrorName(n));
  }
  out.resize(n);
  return out;
}

Result<std::string> DecompressRaw(std::string_view frame,
                                  size_t expected_size) {
  const unsigned long long declared =
      ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (declared == ZSTD_CONTENTSIZE_ERROR) {
    return Status::Corruption("raw page: not a zstd frame");
  }
  if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != expected_size) {
    return Status::Corruption("raw page: frame holds " +
                              std::to_string(declared) + " bytes, expected " +
                              std::to_string(expected_size));
  }
  std::string out(expected_size, '\0');
  const size_t n =
      ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n)) {
    return Status::Corruption(std::string("raw page: zstd: ") +
                              ZSTD_getErrorName(n));
  }
  if (n != expected_size) {
    return Status::Corruption("raw page: decoded " + std::to_string(n) +
                              " bytes, expected " +
                              std::to_string(expected_size));
  }
  return out;
}

std::string ContentHash(std::string_view bytes) {
  uint64_t h = kFnvOffsetBasis;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kFnvPrime;
  }
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx",
                static_cast<unsigned long long>(h));
  return std::string(hex, 16);
}

}  // namespace newsfacts
