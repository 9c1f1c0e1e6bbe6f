// Refusing non-text input before it reaches the decoder: a PDF or an image
// saved with an .html name would otherwise turn into pages of U+FFFD that
// the extractors waste time on and the store keeps.

#include <array>
#include <string>

#include "ingest/sniff.h"

namespace newsfacts::ingest_internal {
namespace {

// How much of the input the control-character test looks at.
constexpr size_t kSampleBytes = 4096;

struct Signature {
  size_t offset;
  std::string_view magic;
  std::string_view what;
};

// File signatures ("magic numbers") of formats that are often mistaken for
// pages: documents, images, archives, media and executables.
constexpr std::array kSignatures = std::to_array<Signature>({
    {0, "%PDF-", "a PDF document"},
    {0, "\x89PNG\r\n\x1a\n", "a PNG image"},
    {0, "\xff\xd8\xff", "a JPEG image"},
    {0, "GIF87a", "a GIF image"},
    {0, "GIF89a", "a GIF image"},
    {8, "WEBP", "a WebP image"},
    {0, "PK\x03\x04", "a ZIP archive (or Office document)"},
    {0, "PK\x05\x06", "a ZIP archive"},
    {0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE (old Office) document"},
    {0, "\x28\xb5\x2f\xfd", "zstd-compressed data"},
    {0, "BZh", "bzip2-compressed data"},
    {0,
     "\xfd"
     "7zXZ\x00",
     "xz-compressed data"},
    {0, "7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
    {0, "Rar!\x1a\x07", "a RAR archive"},
    {0,
     "\x7f"
     "ELF",
     "an ELF executable"},
    {0, "OggS", "an Ogg media file"},
    {0, "ID3", "an MP3 audio file"},
    {4, "ftyp", "an MP4/QuickTime media file"},
    {0, "\x1a\x45\xdf\xa3", "a Matroska/WebM media file"},
    {0, "wOFF", "a WOFF font"},
    {0, "wOF2", "a WOFF2 font"},
    {0, "SQLite format 3", "an SQLite database"},
});

bool HasSignature(std::string_view bytes, const Signature& sig) {
  return bytes.size() >= sig.offset + sig.magic.size() &&
         bytes.substr(sig.offset, sig.magic.size()) == sig.magic;
}

}  // namespace

Status CheckLooksLikeText(std::string_view bytes, bool utf16) {
  for (const Signature& sig : kSignatures) {
    if (HasSignature(bytes, sig)) {
      return Status::InvalidArgument(
          std::string("binary content: looks like ") + std::string(sig.what) +
          ", not HTML");
    }
  }
  if (utf16) return Status::OK();  // every other byte of ASCII text is NUL
  const std::string_view sample = bytes.substr(0, kSampleBytes);
  size_t nuls = 0, controls = 0;
  for (const char ch : sample) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) {
      ++nuls;
    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
               c != 0x1b) {  // ESC starts ISO-2022 shifts in CJK text
      ++controls;
    }
  }
  // A stray NUL in a saved page happens (and is replaced when decoding);
  // more than 1% of the sample is a binary file.
  if (nuls * 100 > sample.size()) {
    return Status::InvalidArgument("binary content: " + std::to_string(nuls) +
                                   " NUL bytes in the first " +
                                   std::to_string(sample.size()) + " bytes");
  }
  // Text has next to no control bytes; random (compressed, encrypted,
  // image) data has about 11%. 5% keeps clear of both.
  if ((nuls + controls) * 20 > sample.size()) {
    return Status::InvalidArgument(
        "binary content: " + std::to_string(nuls + controls) +
        " control bytes in the first " + std::to_string(sample.size()) +
        " bytes");
  }
  return Status::OK();
}

}  // namespace newsfacts::ingest_internal
