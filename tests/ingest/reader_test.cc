// ReadDocument and DocumentFromBytes on files written to a TempDir, and on
// the real saved pages in tests/testdata.

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "ingest/ingest.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::Encode;
using testing::GzipBytes;
using testing::ReadFileOrDie;
using testing::TempDir;
using testing::TestdataDir;
using testing::WriteFileOrDie;

constexpr std::string_view kPage =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Kyiv</title>"
    "</head><body><p>Київ — столиця України.</p></body></html>";

int64_t MtimeOf(const std::string& path) {
  struct stat st;
  EXPECT_EQ(::stat(path.c_str(), &st), 0);
  return static_cast<int64_t>(st.st_mtime);
}

TEST(ReadDocument, FillsTheDocumentFromAFile) {
  TempDir dir;
  const std::string path = dir.File("page.html");
  WriteFileOrDie(path, kPage);
  ReadOptions options;
  options.url = "https://example.org/a/1.html";
  Result<Document> doc = ReadDocument(path, options);
  ASSERT_OK(doc);
  EXPECT_EQ(doc->source, path);
  EXPECT_EQ(doc->requested_url, options.url);
  EXPECT_EQ(doc->origin, Origin::kFile);
  EXPECT_EQ(doc->raw, kPage);
  EXPECT_EQ(doc->html, kPage);
  EXPECT_EQ(doc->charset, "UTF-8");
  EXPECT_EQ(doc->fetch_time, MtimeOf(path));
  EXPECT_EQ(doc->http_status, 0);
}

TEST(ReadDocument, GunzipsByExtensionAndByMagicBytes) {
  TempDir dir;
  const std::string gz = GzipBytes(kPage);
  for (const char* name : {"page.html.gz", "page.HTML.GZ", "disguised.html"}) {
    SCOPED_TRACE(name);
    WriteFileOrDie(dir.File(name), gz);
    Result<Document> doc = ReadDocument(dir.File(name), {});
    ASSERT_OK(doc);
    EXPECT_EQ(doc->html, kPage);
    EXPECT_EQ(doc->raw, kPage);  // raw is after transport decoding
  }
}

TEST(ReadDocument, ReadsConcatenatedGzipMembers) {
  TempDir dir;
  const std::string half = std::string(kPage.substr(0, 40));
  const std::string rest = std::string(kPage.substr(40));
  WriteFileOrDie(dir.File("two.html.gz"), GzipBytes(half) + GzipBytes(rest));
  Result<Document> doc = ReadDocument(dir.File("two.html.gz"), {});
  ASSERT_OK(doc);
  EXPECT_EQ(doc->html, kPage);
}

TEST(ReadDocument, DecodesGzippedLegacyCharset) {
  TempDir dir;
  const std::string utf8 =
      "<html><head><meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=windows-1251\"></head><body><p>В Москве "
      "задержали 15 человек.</p></body></html>";
  WriteFileOrDie(dir.File("ru.html.gz"),
                 GzipBytes(Encode(utf8, "windows-1251")));
  Result<Document> doc = ReadDocument(dir.File("ru.html.gz"), {});
  ASSERT_OK(doc);
  EXPECT_EQ(doc->charset, "windows-1251");
  EXPECT_EQ(doc->html, utf8);
}

TEST(ReadDocument, TruncatedHtmlIsNotAnError) {
  TempDir dir;
  WriteFileOrDie(dir.File("cut.html"), "<html><body><p>Half a sent");
  Result<Document> doc = ReadDocument(dir.File("cut.html"), {});
  ASSERT_OK(doc);
  EXPECT_EQ(doc->html, "<html><body><p>Half a sent");
}

struct ErrorCase {
  std::string name;
  std::string file_name;
  std::string bytes;
  size_t max_bytes;
  size_t max_decoded_bytes;
  std::string want_message;  // appears in the message, besides the path
};

// Bytes like those of compressed or encrypted data, the same on every run.
std::string NoiseBytes(size_t n) {
  std::mt19937 gen(42);
  std::string out(n, '\0');
  for (char& c : out) c = static_cast<char>(gen() & 0xFF);
  return out;
}

std::vector<ErrorCase> ErrorCases() {
  const size_t k64M = 64u << 20, k256M = 256u << 20;
  const std::string gz = GzipBytes(std::string(kPage) + std::string(5000, ' '));
  // 8 MiB of spaces squeeze into a few KiB: a small decompression bomb.
  const std::string bomb = GzipBytes(std::string(8u << 20, ' '));
  return {
      {"Empty", "empty.html", "", k64M, k256M, "empty file"},
      {"EmptyAfterGunzip", "empty.html.gz", GzipBytes(""), k64M, k256M,
       "empty file"},
      {"Pdf", "paper.html", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj", k64M, k256M,
       "PDF"},
      {"Png", "logo.html", "\x89PNG\r\n\x1a\n" + std::string(64, 'x'), k64M,
       k256M, "PNG"},
      {"Jpeg", "photo.htm", "\xFF\xD8\xFF\xE0" + std::string(64, 'x'), k64M,
       k256M, "JPEG"},
      {"Zip", "bundle.html", "PK\x03\x04" + std::string(64, 'x'), k64M, k256M,
       "ZIP"},
      {"ManyNuls", "blob.html",
       "<html>" + std::string(100, '\0') + std::string(400, 'a'), k64M, k256M,
       "NUL"},
      {"ControlBytes", "blob2.html",
       std::string(200, '\x01') + std::string(200, 'a'), k64M, k256M,
       "control bytes"},
      {"RandomBytes", "noise.html", NoiseBytes(3000), k64M, k256M,
       "binary content"},
      {"TruncatedGzip", "cut.html.gz", gz.substr(0, gz.size() / 2), k64M, k256M,
       "truncated"},
      {"GzipWithoutTrailer", "notrailer.html.gz", gz.substr(0, gz.size() - 4),
       k64M, k256M, "truncated"},
      {"DamagedGzip", "bad.html.gz",
       gz.substr(0, 10) + std::string(200, '\xFF'), k64M, k256M, "damaged"},
      {"GzipBombOverCap", "bomb.html.gz", bomb, k64M, 1u << 20,
       "decompression bomb"},
      {"InputOverCap", "big.html", std::string(5000, 'a'), 4096, k256M,
       "limit"},
  };
}

TEST(ReadDocument, RejectsBadInputWithMessagesNamingTheFile) {
  TempDir dir;
  for (const ErrorCase& c : ErrorCases()) {
    SCOPED_TRACE(c.name);
    const std::string path = dir.File(c.file_name);
    WriteFileOrDie(path, c.bytes);
    ReadOptions options;
    options.max_bytes = c.max_bytes;
    options.max_decoded_bytes = c.max_decoded_bytes;
    Result<Document> doc = ReadDocument(path, options);
    ASSERT_FALSE(doc.ok());
    const std::string& message = doc.status().message();
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find(c.want_message), std::string::npos) << message;
  }
}

TEST(ReadDocument, MissingFileAndDirectoryAreErrors) {
  TempDir dir;
  Result<Document> missing = ReadDocument(dir.File("nope.html"), {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_NE(missing.status().message().find("nope.html"), std::string::npos);
  Result<Document> folder = ReadDocument(dir.path(), {});
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.status().message().find("directory"), std::string::npos);
}

TEST(ReadDocument, ReadsStdin) {
  TempDir dir;
  WriteFileOrDie(dir.File("in.html"), GzipBytes(kPage));
  ASSERT_NE(std::freopen(dir.File("in.html").c_str(), "rb", stdin), nullptr);
  Result<Document> doc = ReadDocument("-", {});
  ASSERT_OK(doc);
  EXPECT_EQ(doc->source, "-");
  EXPECT_EQ(doc->origin, Origin::kStdin);
  EXPECT_EQ(doc->html, kPage);
  EXPECT_GT(doc->fetch_time, 1600000000);  // "now", not 0
}

TEST(ReadDocument, ReadsTheSavedFixturePages) {
  std::vector<std::string> paths;
  for (const char* sub : {"pangea", "rferl"}) {
    for (const auto& e :
         std::filesystem::directory_iterator(TestdataDir() + "/" + sub)) {
      if (e.path().extension() == ".html") paths.push_back(e.path().string());
    }
  }
  ASSERT_GE(paths.size(), 4u);
  for (const std::string& path : paths) {
    SCOPED_TRACE(path);
    Result<Document> doc = ReadDocument(path, {});
    ASSERT_OK(doc);
    EXPECT_EQ(doc->charset, "UTF-8");
    EXPECT_TRUE(IsValidUtf8(doc->html));
    EXPECT_GT(doc->html.size(), 10000u);
    EXPECT_NE(doc->html.find("<html"), std::string::npos);
    EXPECT_EQ(doc->raw, ReadFileOrDie(path));
  }
}

TEST(DocumentFromBytes, UsesTheContentTypeHeader) {
  const std::string body = Encode("<p>Привет из Минска</p>", "windows-1251");
  ReadOptions options;
  options.url = "https://example.org/p";
  Result<Document> doc = DocumentFromBytes(
      "https://example.org/p", body, "text/html; charset=cp1251", options);
  ASSERT_OK(doc);
  EXPECT_EQ(doc->source, "https://example.org/p");
  EXPECT_EQ(doc->requested_url, "https://example.org/p");
  EXPECT_EQ(doc->content_type, "text/html; charset=cp1251");
  EXPECT_EQ(doc->charset, "windows-1251");
  EXPECT_EQ(doc->html, "<p>Привет из Минска</p>");
  EXPECT_EQ(doc->raw, body);
}

TEST(DocumentFromBytes, ErrorsNameTheSource) {
  Result<Document> doc =
      DocumentFromBytes("https://example.org/x.pdf", "%PDF-1.5\n", "", {});
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("https://example.org/x.pdf"),
            std::string::npos);
}

}  // namespace
}  // namespace newsfacts
