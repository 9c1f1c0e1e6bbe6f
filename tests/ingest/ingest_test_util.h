// Internal to tests/ingest: builds the byte inputs the ingest tests need
// (text in legacy charsets via ICU, gzip via zlib), so that no binary test
// file has to be checked in.
#ifndef NEWSFACTS_TESTS_INGEST_INGEST_TEST_UTIL_H_
#define NEWSFACTS_TESTS_INGEST_INGEST_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <zlib.h>

#include <string>
#include <string_view>

namespace newsfacts::testing {

// `utf8` encoded in `charset` (an ICU converter name).
inline std::string Encode(std::string_view utf8, const char* charset) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << charset;
  std::string out(static_cast<size_t>(text.length()) * 4 + 16, '\0');
  const int32_t n =
      ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()),
                      text.getBuffer(), text.length(), &status);
  ucnv_close(conv);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<size_t>(n));
  return out;
}

// A real gzip file of `data` (RFC 1952), as gzip(1) would write it.
inline std::string GzipBytes(std::string_view data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                         Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace newsfacts::testing

#endif  // NEWSFACTS_TESTS_INGEST_INGEST_TEST_UTIL_H_
