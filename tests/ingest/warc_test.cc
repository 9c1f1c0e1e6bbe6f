#include "ingest/warc.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/gzip.h"
#include "ingest/ingest.h"
#include "ingest/warc_internal.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::ReadFileOrDie;
using testing::TempDir;
using testing::WriteFileOrDie;

const std::string kFixture = testing::TestdataDir() + "/warc/news.warc.gz";

std::vector<WarcRecord> ReadAll(const std::string& path, Status* end = nullptr,
                                const WarcReaderOptions& options = {}) {
  std::vector<WarcRecord> out;
  Result<std::unique_ptr<WarcReader>> reader = WarcReader::Open(path, options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return out;
  WarcRecord rec;
  while (true) {
    Result<bool> more = (*reader)->Next(&rec);
    if (!more.ok()) {
      if (end) *end = more.status();
      break;
    }
    if (!*more) break;
    out.push_back(rec);
  }
  return out;
}

// How many gzip members a file holds, inflating them one by one.
int CountGzipMembers(const std::string& bytes) {
  int members = 0;
  size_t offset = 0;
  while (offset < bytes.size()) {
    z_stream zs{};
    EXPECT_EQ(inflateInit2(&zs, 16 + MAX_WBITS), Z_OK);
    zs.next_in =
        reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + offset));
    zs.avail_in = static_cast<uInt>(bytes.size() - offset);
    char out[65536];
    int rc;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(out);
      zs.avail_out = sizeof(out);
      rc = inflate(&zs, Z_NO_FLUSH);
    } while (rc == Z_OK);
    const size_t used = bytes.size() - offset - zs.avail_in;
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) return -1;
    offset += used;
    ++members;
  }
  return members;
}

WarcExchange Exchange(const std::string& url, const std::string& body) {
  WarcExchange x;
  x.url = url;
  x.request_line_and_headers =
      "GET " + url.substr(url.find('/', 8)) +
      " HTTP/1.1\r\nHost: www.example-pangea.org\r\nUser-Agent: newsfacts\r\n"
      "\r\n";
  x.status = 200;
  x.response_headers_raw =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n";
  x.body = body;
  x.fetched_micros = int64_t{1795975351} * 1000000 + 123456;
  x.ip = "127.0.0.2";
  return x;
}

TEST(WarcInternal, Base32AndSha1FollowRfc4648) {
  // RFC 4648 section 10 test vectors.
  EXPECT_EQ(ingest_internal::Base32(""), "");
  EXPECT_EQ(ingest_internal::Base32("f"), "MY======");
  EXPECT_EQ(ingest_internal::Base32("fo"), "MZXQ====");
  EXPECT_EQ(ingest_internal::Base32("foo"), "MZXW6===");
  EXPECT_EQ(ingest_internal::Base32("foob"), "MZXW6YQ=");
  EXPECT_EQ(ingest_internal::Base32("fooba"), "MZXW6YTB");
  EXPECT_EQ(ingest_internal::Base32("foobar"), "MZXW6YTBOI======");
  // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d (FIPS 180).
  EXPECT_EQ(ingest_internal::Sha1Base32("abc"),
            "sha1:" + ingest_internal::Base32(
                          "\xa9\x99\x3e\x36\x47\x06\x81\x6a\xba\x3e\x25\x71"
                          "\x78\x50\xc2\x6c\x9c\xd0\xd8\x9d"));
  EXPECT_EQ(ingest_internal::WarcDate(int64_t{1795975351} * 1000000 + 5),
            "2026-11-29T18:02:31.000005Z");
  const std::string a = ingest_internal::NewRecordId();
  EXPECT_EQ(a.size(), 47u);
  EXPECT_EQ(a.rfind("<urn:uuid:", 0), 0u);
  EXPECT_NE(a, ingest_internal::NewRecordId());
}

TEST(WarcInternal, DechunkFollowsRfc9112) {
  Result<std::string> plain =
      ingest_internal::Dechunk("5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n");
  ASSERT_OK(plain);
  EXPECT_EQ(*plain, "hello, world");
  EXPECT_FALSE(ingest_internal::Dechunk("5\r\nhel").ok());
  EXPECT_FALSE(ingest_internal::Dechunk("zz\r\nhello\r\n0\r\n\r\n").ok());
  EXPECT_FALSE(ingest_internal::Dechunk("hello").ok());
}

TEST(WarcWriter, WrittenRecordsReadBack) {
  TempDir dir;
  Result<std::unique_ptr<WarcWriter>> writer =
      WarcWriter::Open(dir.File("warc"), "newsfacts");
  ASSERT_OK(writer);
  const std::string page =
      "<html><head><title>Story</title></head><body><p>Text.</p></body></html>";
  ASSERT_OK((*writer)->WriteExchange(
      Exchange("https://www.example-pangea.org/a/story/1.html", page)));
  // curl de-chunked and gunzipped this body: the framing headers are kept
  // under other names and Content-Length describes the stored body.
  WarcExchange decoded =
      Exchange("https://www.example-pangea.org/a/story/2.html", page + "2");
  decoded.response_headers_raw =
      "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n"
      "Transfer-Encoding: chunked\n\n";
  decoded.body_decoded = true;
  ASSERT_OK((*writer)->WriteExchange(decoded));
  WarcExchange no_request =
      Exchange("https://www.example-pangea.org/robots.txt", "User-agent: *\n");
  no_request.request_line_and_headers.clear();
  no_request.status = 404;
  no_request.response_headers_raw = "HTTP/1.1 404 Not Found\r\n\r\n";
  ASSERT_OK((*writer)->WriteExchange(no_request));
  const std::string path = (*writer)->current_path();
  ASSERT_OK((*writer)->Close());
  EXPECT_FALSE((*writer)->WriteExchange(no_request).ok());

  const std::string name = std::filesystem::path(path).filename().string();
  EXPECT_EQ(name.rfind("newsfacts-", 0), 0u) << name;
  EXPECT_NE(name.find("-00000.warc.gz"), std::string::npos) << name;

  const std::vector<WarcRecord> records = ReadAll(path);
  ASSERT_EQ(records.size(), 6u);
  // One gzip member per record.
  EXPECT_EQ(CountGzipMembers(ReadFileOrDie(path)), 6);

  EXPECT_EQ(records[0].type, "warcinfo");
  EXPECT_EQ(records[0].content_type, "application/warc-fields");
  EXPECT_NE(records[0].payload.find("software: newsfacts"), std::string::npos);
  EXPECT_EQ(WarcHeader(records[0].warc_headers, "WARC-Filename"), name);

  const WarcRecord& response = records[1];
  const WarcRecord& request = records[2];
  EXPECT_EQ(response.type, "response");
  EXPECT_EQ(response.target_uri,
            "https://www.example-pangea.org/a/story/1.html");
  EXPECT_EQ(response.http_status, 200);
  EXPECT_EQ(response.payload, page);
  EXPECT_EQ(response.date, "2026-11-29T18:02:31.123456Z");
  EXPECT_EQ(response.date_seconds, 1795975351);
  EXPECT_EQ(WarcHeader(response.warc_headers, "WARC-IP-Address"), "127.0.0.2");
  EXPECT_EQ(WarcHeader(response.warc_headers, "WARC-Payload-Digest"),
            ingest_internal::Sha1Base32(page));
  EXPECT_EQ(WarcHeader(response.http_headers, "content-type"),
            "text/html; charset=utf-8");
  EXPECT_EQ(request.type, "request");
  EXPECT_EQ(request.target_uri, response.target_uri);
  EXPECT_EQ(WarcHeader(request.warc_headers, "WARC-Concurrent-To"),
            response.record_id);
  EXPECT_EQ(WarcHeader(response.warc_headers, "WARC-Concurrent-To"),
            request.record_id);
  EXPECT_NE(response.record_id, request.record_id);

  const WarcRecord& second = records[3];
  EXPECT_EQ(second.payload, page + "2");
  EXPECT_EQ(WarcHeader(second.http_headers, "Transfer-Encoding"), "");
  EXPECT_EQ(WarcHeader(second.http_headers, "Content-Encoding"), "");
  EXPECT_EQ(WarcHeader(second.http_headers, "X-Crawler-Orig-Content-Encoding"),
            "gzip");
  EXPECT_EQ(WarcHeader(second.http_headers, "Content-Length"),
            std::to_string(page.size() + 1));

  EXPECT_EQ(records[5].type, "response");
  EXPECT_EQ(records[5].http_status, 404);
  EXPECT_EQ(records[5].payload, "User-agent: *\n");
  EXPECT_EQ(WarcHeader(records[5].warc_headers, "WARC-Concurrent-To"), "");
}

TEST(WarcWriter, RotatesAtTheSizeLimitAndNeverOverwrites) {
  TempDir dir;
  WarcWriterOptions options;
  options.max_file_bytes = 4096;
  Result<std::unique_ptr<WarcWriter>> writer =
      WarcWriter::Open(dir.path(), "crawl", options);
  ASSERT_OK(writer);
  // Bodies that do not compress much, so that a few fill a file.
  std::vector<std::string> bodies;
  for (int i = 0; i < 12; ++i) {
    std::string body;
    uint32_t x = 2166136261u + static_cast<uint32_t>(i);
    for (int j = 0; j < 1500; ++j) {
      x = x * 1664525u + 1013904223u;
      body.push_back(static_cast<char>('a' + (x >> 24) % 26));
    }
    bodies.push_back(body);
    ASSERT_OK((*writer)->WriteExchange(Exchange(
        "https://www.example-pangea.org/a/x/" + std::to_string(i) + ".html",
        body)));
  }
  ASSERT_OK((*writer)->Close());
  const std::vector<std::string>& files = (*writer)->finished_paths();
  ASSERT_GT(files.size(), 2u);
  std::vector<std::string> payloads;
  for (const std::string& f : files) {
    const std::vector<WarcRecord> records = ReadAll(f);
    ASSERT_FALSE(records.empty());
    EXPECT_EQ(records[0].type, "warcinfo") << f;
    for (const WarcRecord& r : records) {
      if (r.type == "response") payloads.push_back(r.payload);
    }
  }
  EXPECT_EQ(payloads, bodies);  // every exchange once, in order

  // A second writer in the same second picks the next free name.
  Result<std::unique_ptr<WarcWriter>> again =
      WarcWriter::Open(dir.path(), "crawl", options);
  ASSERT_OK(again);
  for (const std::string& f : files) EXPECT_NE((*again)->current_path(), f);
}

TEST(WarcReader, HandWrittenFixture) {
  Status end;
  const std::vector<WarcRecord> records = ReadAll(kFixture, &end);
  ASSERT_OK(end);
  ASSERT_EQ(records.size(), 8u);
  const std::vector<std::string> types = {"warcinfo", "request",  "response",
                                          "response", "response", "response",
                                          "metadata", "response"};
  for (size_t i = 0; i < types.size(); ++i)
    EXPECT_EQ(records[i].type, types[i]);
  const std::string page =
      ReadFileOrDie(testing::TestdataDir() + "/rferl/china-in-eurasia.html");
  EXPECT_EQ(records[2].payload, page);
  EXPECT_EQ(records[2].http_status, 200);
  // Chunked and gzip: both codings removed.
  std::string second = page;
  for (size_t at; (at = second.find("31812345")) != std::string::npos;) {
    second.replace(at, 8, "31899999");
  }
  EXPECT_EQ(records[3].payload, second);
  EXPECT_EQ(records[3].date_seconds, 1795860002);  // 2026-11-28T10:00:02.5Z
  EXPECT_EQ(records[5].http_status, 404);
  EXPECT_EQ(records[6].payload, "fetchTimeMs: 120\r\n");
  EXPECT_NE(records[7].payload_error, "");
  EXPECT_EQ(records[7].payload, "");
}

TEST(WarcReader, UncompressedWarcAndWholeFileGzip) {
  TempDir dir;
  Result<std::string> plain =
      ingest_internal::Gunzip(ReadFileOrDie(kFixture), 16u << 20);
  ASSERT_OK(plain);
  WriteFileOrDie(dir.File("news.warc"), *plain);
  EXPECT_EQ(ReadAll(dir.File("news.warc")).size(), 8u);
  WriteFileOrDie(dir.File("whole.warc.gz"), testing::GzipBytes(*plain));
  EXPECT_EQ(ReadAll(dir.File("whole.warc.gz")).size(), 8u);
}

TEST(WarcReader, DamagedFilesAreCorruptionAfterTheGoodRecords) {
  TempDir dir;
  const std::string bytes = ReadFileOrDie(kFixture);
  WriteFileOrDie(dir.File("cut.warc.gz"),
                 bytes.substr(0, bytes.size() * 3 / 4));
  Status end;
  std::vector<WarcRecord> records = ReadAll(dir.File("cut.warc.gz"), &end);
  EXPECT_FALSE(end.ok());
  EXPECT_EQ(end.code(), Status::Code::kCorruption);
  EXPECT_NE(end.message().find("cut.warc.gz"), std::string::npos);
  EXPECT_GE(records.size(), 3u);
  EXPECT_LT(records.size(), 8u);

  Result<std::string> plain = ingest_internal::Gunzip(bytes, 16u << 20);
  ASSERT_OK(plain);
  WriteFileOrDie(dir.File("cut.warc"), plain->substr(0, plain->size() - 100));
  records = ReadAll(dir.File("cut.warc"), &end);
  EXPECT_EQ(end.code(), Status::Code::kCorruption);
  EXPECT_NE(end.message().find("ends inside"), std::string::npos)
      << end.message();
  EXPECT_EQ(records.size(), 7u);

  WriteFileOrDie(dir.File("html.warc"),
                 "<html><body>not a warc</body></html>\r\n\r\n");
  records = ReadAll(dir.File("html.warc"), &end);
  EXPECT_TRUE(records.empty());
  EXPECT_EQ(end.code(), Status::Code::kCorruption);

  EXPECT_FALSE(WarcReader::Open(dir.File("missing.warc")).ok());
}

TEST(WarcReader, OversizeRecordsAreSkippedNotKept) {
  WarcReaderOptions options;
  options.max_block_bytes = 50000;  // below the two article responses
  Status end;
  const std::vector<WarcRecord> records = ReadAll(kFixture, &end, options);
  ASSERT_OK(end);
  ASSERT_EQ(records.size(), 8u);
  EXPECT_NE(records[2].payload_error.find("exceeds"), std::string::npos);
  EXPECT_EQ(records[2].payload, "");
  EXPECT_EQ(records[4].payload_error, "");  // the small JPEG record
}

TEST(ForEachWarcDocument, HtmlResponsesBecomeDocuments) {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  ASSERT_OK(ForEachWarcDocument(
      kFixture, {}, [&](const std::string& label, Result<Document> doc) {
        if (doc.ok()) {
          docs.push_back(*doc);
        } else {
          errors.push_back(label + " | " + doc.status().message());
        }
        return true;
      }));
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("https://www.rferl.org/a/broken/1.html"),
            std::string::npos)
      << errors[0];
  const Document& d = docs[0];
  EXPECT_EQ(d.source, "https://www.rferl.org/a/china-in-eurasia/31812345.html");
  EXPECT_EQ(d.requested_url, d.source);
  EXPECT_EQ(d.final_url, d.source);
  EXPECT_EQ(d.http_status, 200);
  EXPECT_EQ(d.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(d.etag, "\"abc123\"");
  EXPECT_EQ(d.fetch_time, 1795860001);
  EXPECT_EQ(d.origin, Origin::kWarc);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_NE(docs[1].html.find("31899999"), std::string::npos);

  // Stopping early.
  int calls = 0;
  ASSERT_OK(ForEachWarcDocument(kFixture, {},
                                [&](const std::string&, Result<Document>) {
                                  ++calls;
                                  return false;
                                }));
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(IsWarcPath("a/B.WARC.GZ"));
  EXPECT_TRUE(IsWarcPath("x.warc"));
  EXPECT_FALSE(IsWarcPath("x.warc.html"));
}

// warcio.js (Webrecorder) reads what WarcWriter writes: every record, with
// its type, target URI, HTTP status, and a payload whose SHA-1 matches
// WARC-Payload-Digest. Runs when `npm install --prefix bench` has been done.
TEST(WarcWriter, ReadableByWarcioJs) {
  const std::string root = testing::TestdataDir() + "/../..";
  if (!std::filesystem::exists(root + "/bench/node_modules/warcio")) {
    GTEST_SKIP() << "bench/node_modules/warcio is not installed";
  }
  TempDir dir;
  Result<std::unique_ptr<WarcWriter>> writer =
      WarcWriter::Open(dir.path(), "nf");
  ASSERT_OK(writer);
  const std::string page = "<html><body><p>Привет, мир.</p></body></html>";
  ASSERT_OK((*writer)->WriteExchange(
      Exchange("https://www.example-pangea.org/a/story/1.html", page)));
  WarcExchange decoded =
      Exchange("https://www.example-pangea.org/a/story/2.html", page + page);
  decoded.response_headers_raw =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
      "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n";
  decoded.body_decoded = true;
  ASSERT_OK((*writer)->WriteExchange(decoded));
  const std::string path = (*writer)->current_path();
  ASSERT_OK((*writer)->Close());

  const std::string out = dir.File("warcio.jsonl");
  const std::string cmd = "cd '" + root + "/bench' && node warc_check.mjs '" +
                          path + "' > '" + out + "' 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << ReadFileOrDie(out);
  std::istringstream lines(ReadFileOrDie(out));
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(lines, line);) {
    records.push_back(nlohmann::json::parse(line));
  }
  ASSERT_EQ(records.size(), 5u) << ReadFileOrDie(out);
  EXPECT_EQ(records[0]["type"], "warcinfo");
  const std::vector<std::string> types = {"response", "request", "response",
                                          "request"};
  for (size_t i = 1; i < records.size(); ++i) {
    EXPECT_EQ(records[i]["type"], types[i - 1]);
  }
  EXPECT_EQ(records[1]["uri"], "https://www.example-pangea.org/a/story/1.html");
  EXPECT_EQ(records[1]["status"], 200);
  EXPECT_EQ(records[1]["payload_length"], page.size());
  EXPECT_EQ(records[1]["payload_digest"], records[1]["computed_digest"]);
  EXPECT_EQ(records[2]["concurrent_to"], records[1]["id"]);
  EXPECT_EQ(records[3]["payload_length"], 2 * page.size());
  EXPECT_EQ(records[3]["payload_digest"], records[3]["computed_digest"]);
  EXPECT_EQ(records[3]["content_type"], "text/html");
}

}  // namespace
}  // namespace newsfacts
