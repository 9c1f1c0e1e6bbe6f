// DecodeToUtf8: choosing the charset (HTML Living Standard 13.2.3.1
// "Determining the character encoding", simplified) and converting with ICU.

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <string>

#include "core/utf8.h"
#include "ingest/ingest.h"
#include "ingest/sniff.h"

namespace newsfacts {
namespace {

using ingest_internal::BomCharset;
using ingest_internal::CanonicalCharset;
using ingest_internal::CharsetFromContentType;
using ingest_internal::CheckLooksLikeText;
using ingest_internal::PrescanMetaCharset;

// ICU reports 0-100. Below this its guess is barely better than the
// windows-1252 fallback (short or mixed-script pages).
constexpr int32_t kMinDetectionConfidence = 20;

// Detection reads this much; enough text for its n-gram statistics.
constexpr size_t kDetectionBytes = 64u << 10;

constexpr std::string_view kFallbackCharset = "windows-1252";

bool IsUtf16(std::string_view canonical) {
  return canonical == "UTF-16LE" || canonical == "UTF-16BE";
}

// Where ICU's converter of the same name differs from what browsers decode
// (WHATWG EUC-KR is Microsoft's superset, and so on), name the superset.
const char* IcuConverterName(const std::string& canonical) {
  if (canonical == "EUC-KR") return "windows-949";
  if (canonical == "Shift_JIS") return "windows-31j";
  if (canonical == "Big5") return "windows-950";
  if (canonical == "GBK") return "windows-936";
  return canonical.c_str();
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// Converts with ICU's substitution callback, so ill-formed or unmapped
// input becomes U+FFFD (or U+001A for single-byte tables, fixed below).
Result<std::string> Convert(std::string_view bytes, const std::string& name) {
  if (name == "UTF-8" && IsValidUtf8(bytes)) {
    // Most pages: well-formed UTF-8 decodes to itself. Only what the ICU
    // path below would change (NUL and U+001A to U+FFFD, a leading BOM) is
    // rewritten, without a round trip through UTF-16.
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::string out;
    out.reserve(bytes.size());
    size_t start = 0;
    for (size_t i = 0; i < bytes.size(); ++i) {
      if (bytes[i] != '\0' && bytes[i] != '\x1A') continue;
      out.append(bytes.substr(start, i - start));
      out.append("\xEF\xBF\xBD");
      start = i + 1;
    }
    out.append(bytes.substr(start));
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(
      ucnv_open(IcuConverterName(name), &status));
  if (U_FAILURE(status) || conv == nullptr) {
    return Status::Unsupported("no converter for charset " + name);
  }
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()),
                          conv.get(), status);
  if (U_FAILURE(status)) {
    return Status::Corruption("cannot decode as " + name + ": " +
                              u_errorName(status));
  }
  // NUL is never text in a page (the HTML parser drops or replaces it) and
  // U+001A is how ICU's single-byte converters mark an unmappable byte.
  text.findAndReplace(icu::UnicodeString(static_cast<UChar>(0)),
                      icu::UnicodeString(static_cast<UChar>(0xFFFD)));
  text.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x1A)),
                      icu::UnicodeString(static_cast<UChar>(0xFFFD)));
  // A BOM can survive when a header or <meta> chose the charset.
  if (text.length() > 0 && text.charAt(0) == 0xFEFF) text.remove(0, 1);
  std::string out;
  text.toUTF8String(out);
  return out;
}

// The words of `bytes` that hold a non-ASCII byte, joined by spaces.
// Legacy charsets differ only in their high bytes, while the page chrome
// (scripts, English navigation, markup) is ASCII and reads as Latin text: on
// a Cyrillic page with a large English frame ICU would otherwise answer
// ISO-8859-1 with more confidence than KOI8-R.
std::string NonAsciiWords(std::string_view bytes) {
  std::string out;
  size_t start = 0;
  auto flush = [&](size_t end) {
    bool high = false;
    for (size_t i = start; i < end && !high; ++i) {
      high = static_cast<unsigned char>(bytes[i]) >= 0x80;
    }
    if (high) {
      out.append(bytes.substr(start, end - start));
      out += ' ';
    }
  };
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '<' ||
        c == '>') {
      flush(i);
      start = i + 1;
    }
  }
  flush(bytes.size());
  return out;
}

// ICU charset detection; "" when it has no confident answer.
std::string Detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
  if (U_FAILURE(status)) return "";
  const std::string sample = NonAsciiWords(bytes.substr(0, kDetectionBytes));
  if (sample.empty()) return "";
  // Markup is ASCII whatever the charset; the filter keeps what tags are
  // left from drowning the statistics of the text.
  ucsdet_enableInputFilter(det.get(), true);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()),
                 &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &status);
  if (U_FAILURE(status)) return "";
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode s = U_ZERO_ERROR;
    const int32_t confidence = ucsdet_getConfidence(matches[i], &s);
    if (U_FAILURE(s) || confidence < kMinDetectionConfidence) break;
    const char* name = ucsdet_getName(matches[i], &s);
    if (U_FAILURE(s) || name == nullptr) continue;
    const std::string canonical = CanonicalCharset(name);
    // Only reached when the bytes are not UTF-8, and UTF-16/32 without a
    // BOM is not something web pages are.
    if (canonical.empty() || canonical == "UTF-8" || IsUtf16(canonical) ||
        canonical.find("UTF-32") != std::string::npos) {
      continue;
    }
    return canonical;
  }
  return "";
}

// A legacy-charset page behind a wrong <meta charset=utf-8> shows as
// mostly ill-formed non-ASCII; a real UTF-8 page with a few stray bytes
// does not. Below this many ill-formed sequences we trust the <meta>.
constexpr size_t kMinIllFormedForMislabel = 16;

// True when most non-ASCII sequences in `bytes` are ill-formed UTF-8.
bool MostlyIllFormedUtf8(std::string_view bytes) {
  size_t ill_formed = 0, well_formed = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length =
      static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX));
  int32_t i = 0;
  while (i < length) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      ++ill_formed;
    } else {
      ++well_formed;
    }
  }
  return ill_formed >= kMinIllFormedForMislabel && ill_formed > well_formed;
}

bool HasNonAscii(std::string_view bytes) {
  for (const char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

}  // namespace

Result<DecodedText> DecodeToUtf8(std::string_view bytes,
                                 std::string_view content_type) {
  size_t bom_size = 0;
  std::string charset(BomCharset(bytes, &bom_size));
  bytes.remove_prefix(bom_size);
  if (charset.empty())
    charset = CanonicalCharset(CharsetFromContentType(content_type));
  NF_RETURN_IF_ERROR(CheckLooksLikeText(bytes, IsUtf16(charset)));

  if (charset.empty()) {
    charset = CanonicalCharset(PrescanMetaCharset(bytes));
    // 13.2.3.2: a <meta> cannot truthfully declare UTF-16 (the prescan read
    // it as ASCII), so such pages are UTF-8.
    if (IsUtf16(charset)) charset = "UTF-8";
    // Saved pages are often re-encoded to UTF-8 but keep their old <meta>.
    // Legacy-charset text with non-ASCII bytes is practically never valid
    // UTF-8, so valid UTF-8 with non-ASCII bytes outvotes the <meta>.
    if (!charset.empty() && charset != "UTF-8" && HasNonAscii(bytes) &&
        IsValidUtf8(bytes)) {
      charset = "UTF-8";
    }
    // The reverse mistake, a legacy page labelled UTF-8 by a template:
    // when most of it is not UTF-8 and detection is sure, detection wins.
    // (A few bad bytes in a UTF-8 page still decode to U+FFFD.)
    if (charset == "UTF-8" && MostlyIllFormedUtf8(bytes)) {
      const std::string detected = Detect(bytes);
      if (!detected.empty()) charset = detected;
    }
  }
  if (charset.empty() && IsValidUtf8(bytes)) charset = "UTF-8";
  if (charset.empty()) charset = Detect(bytes);
  if (charset.empty()) charset = std::string(kFallbackCharset);

  Result<std::string> utf8 = Convert(bytes, charset);
  if (!utf8.ok() && charset != kFallbackCharset) {
    // A label ICU accepted by name but cannot open a converter for.
    charset = std::string(kFallbackCharset);
    utf8 = Convert(bytes, charset);
  }
  if (!utf8.ok()) return utf8.status();
  DecodedText out;
  // Belt and braces: the output contract is valid UTF-8 whatever ICU did.
  out.utf8 = IsValidUtf8(*utf8) ? std::move(*utf8) : SanitizeUtf8(*utf8);
  out.charset = std::move(charset);
  return out;
}

}  // namespace newsfacts
