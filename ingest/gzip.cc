#include "ingest/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace newsfacts::ingest_internal {
namespace {

constexpr size_t kChunk = 64u << 10;

// zlib counts in uInt; feed it at most this much input at a time.
constexpr size_t kMaxAvailIn = std::numeric_limits<uInt>::max() / 2;

// Owns a z_stream so that every return path releases it.
class Inflater {
 public:
  Inflater() = default;
  ~Inflater() {
    if (initialized_) inflateEnd(&stream_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool Init() {
    // 16 + MAX_WBITS: expect a gzip (not zlib) header and check the CRC.
    initialized_ = inflateInit2(&stream_, 16 + MAX_WBITS) == Z_OK;
    return initialized_;
  }
  z_stream* stream() { return &stream_; }

 private:
  z_stream stream_{};
  bool initialized_ = false;
};

}  // namespace

bool LooksGzipped(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Result<std::string> Gunzip(std::string_view bytes, size_t max_decoded_bytes) {
  Inflater inflater;
  if (!inflater.Init()) return Status::Internal("gzip: cannot initialize zlib");
  z_stream* zs = inflater.stream();

  std::string out;
  const auto* next = reinterpret_cast<const Bytef*>(bytes.data());
  size_t remaining = bytes.size();
  char buffer[kChunk];
  bool member_done = false;
  while (true) {
    if (zs->avail_in == 0 && remaining > 0) {
      const size_t take = std::min(remaining, kMaxAvailIn);
      zs->next_in = const_cast<Bytef*>(next);
      zs->avail_in = static_cast<uInt>(take);
      next += take;
      remaining -= take;
    }
    zs->next_out = reinterpret_cast<Bytef*>(buffer);
    zs->avail_out = kChunk;
    const int rc = inflate(zs, Z_NO_FLUSH);
    const size_t produced = kChunk - zs->avail_out;
    if (out.size() + produced > max_decoded_bytes) {
      return Status::InvalidArgument(
          "gzip: decompressed size exceeds the limit of " +
          std::to_string(max_decoded_bytes) +
          " bytes (refusing a possible decompression bomb)");
    }
    out.append(buffer, produced);
    if (rc == Z_STREAM_END) {
      member_done = true;
      // RFC 1952 2.2: a file may hold several members back to back.
      const std::string_view rest(reinterpret_cast<const char*>(zs->next_in),
                                  zs->avail_in);
      const bool more_in_window = LooksGzipped(rest);
      const bool more_after =
          zs->avail_in == 0 &&
          LooksGzipped(
              std::string_view(reinterpret_cast<const char*>(next), remaining));
      if (!more_in_window && !more_after) break;  // trailing bytes are ignored
      if (inflateReset(zs) != Z_OK) {
        return Status::Internal("gzip: cannot reset zlib");
      }
      member_done = false;
      continue;
    }
    if (rc == Z_BUF_ERROR) {
      // No progress possible: the input ended inside a member.
      if (zs->avail_in == 0 && remaining == 0) break;
      continue;
    }
    if (rc != Z_OK) {
      const char* why = zs->msg != nullptr ? zs->msg : "invalid data";
      return Status::Corruption(std::string("gzip: damaged data (") + why +
                                ")");
    }
    if (zs->avail_in == 0 && remaining == 0 && produced == 0) break;
  }
  if (!member_done) {
    return Status::Corruption(
        "gzip: truncated data (the stream ends before the gzip trailer)");
  }
  return out;
}

std::string GunzipPrefix(std::string_view bytes, size_t max_bytes) {
  Inflater inflater;
  if (!inflater.Init()) return "";
  z_stream* zs = inflater.stream();
  std::string out(max_bytes, '\0');
  zs->next_in =
      reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs->avail_in = static_cast<uInt>(std::min(bytes.size(), kMaxAvailIn));
  zs->next_out = reinterpret_cast<Bytef*>(out.data());
  zs->avail_out = static_cast<uInt>(max_bytes);
  while (zs->avail_out > 0) {
    const int rc = inflate(zs, Z_NO_FLUSH);
    if (rc != Z_OK) break;
  }
  out.resize(max_bytes - zs->avail_out);
  return out;
}

}  // namespace newsfacts::ingest_internal
