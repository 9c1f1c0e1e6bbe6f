// WARC/1.1 archives (ISO 28500:2017): writing what the crawler fetched and
// reading archives such as Common Crawl's CC-NEWS.
//
//   // Writing (crawl --warc-out DIR):
//   Result<std::unique_ptr<WarcWriter>> w = WarcWriter::Open(dir, "newsfacts");
//   WarcExchange x;
//   x.url = url;
//   x.request_line_and_headers = "GET /a HTTP/1.1\r\nHost: ...\r\n\r\n";
//   x.status = 200;
//   x.response_headers_raw = "HTTP/1.1 200 OK\r\n...\r\n\r\n";
//   x.body = body;
//   x.fetched_micros = now_micros;
//   Status s = (*w)->WriteExchange(x);
//
//   // Reading (ingest FILE.warc.gz):
//   Result<std::unique_ptr<WarcReader>> r = WarcReader::Open(path);
//   WarcRecord rec;
//   for (Result<bool> more = (*r)->Next(&rec); ; more = (*r)->Next(&rec)) {
//     if (!more.ok()) { report(more.status()); break; }
//     if (!*more) break;
//     if (rec.type == "response") Use(rec.target_uri, rec.payload);
//   }
//
// Files written are `<prefix>-<YYYYMMDDhhmmss>-<serial>.warc.gz`: a
// `warcinfo` record first, then for each exchange a `request` and a
// `response` record (WARC-Concurrent-To links them), each record its own
// gzip member, so any record can be read by seeking to its offset. Digests
// are SHA-1 in base32 ("sha1:..."), computed with OpenSSL's libcrypto.
//
// Thread-safety: neither class is thread-safe; a writer or reader belongs
// to one thread at a time. Both own a file and are not copyable.
#ifndef NEWSFACTS_INGEST_WARC_H_
#define NEWSFACTS_INGEST_WARC_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace newsfacts {

// One HTTP request and its response, as the fetcher saw them.
struct WarcExchange {
  std::string url;  // the URL requested (WARC-Target-URI)
  // The request as sent: request line and headers, ending with the blank
  // line ("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"). May be empty: then no
  // request record is written.
  std::string request_line_and_headers;
  int status = 0;  // HTTP status (informational; the header block rules)
  // The response status line and headers as received, ending with the blank
  // line. LF-only line ends are rewritten to CRLF.
  std::string response_headers_raw;
  // The entity body as the fetcher holds it. libcurl always removes the
  // chunked transfer coding, and removes gzip/br when it was asked to
  // decode: then set `body_decoded`. The writer drops Transfer-Encoding
  // (and Content-Encoding when body_decoded) and writes a Content-Length
  // matching `body`, keeping the originals as X-Crawler-Orig-<Name>
  // headers, so that readers parse the record as it stands.
  std::string body;
  bool body_decoded = false;
  int64_t fetched_micros = 0;  // Unix time in microseconds (WARC-Date)
  std::string ip;              // server address (WARC-IP-Address), or ""
  bool truncated = false;      // body cut at the size limit (WARC-Truncated)
};

struct WarcWriterOptions {
  // A new file is started before a record that would take the current one
  // past this size (compressed). Default: 1 GiB (the WARC convention).
  int64_t max_file_bytes = int64_t{1} << 30;
  // Written in the warcinfo record. Default: "newsfacts".
  std::string software = "newsfacts";
  // Extra warcinfo fields, e.g. {"operator", "..."}. Default: none.
  std::vector<std::pair<std::string, std::string>> info;
};

// Appends records to gzip WARC files in a directory. Not copyable: owns
// an open file.
class WarcWriter {
 public:
  // Creates `dir` if needed and opens the first file. Never overwrites an
  // existing file (the serial goes up instead).
  static Result<std::unique_ptr<WarcWriter>> Open(const std::string& dir,
                                                  std::string_view prefix);
  static Result<std::unique_ptr<WarcWriter>> Open(
      const std::string& dir, std::string_view prefix,
      const WarcWriterOptions& options);
  ~WarcWriter();
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;

  // Writes the request record (when `exchange.request_line_and_headers`
  // is set) and the
  // response record, each flushed to the OS before returning.
  Status WriteExchange(const WarcExchange& exchange);

  // Writes one record of any type (e.g. "metadata", "resource") with the
  // given content type and block, and extra WARC headers. Returns its
  // WARC-Record-ID ("<urn:uuid:...>") through *record_id when non-null.
  Status WriteRecord(
      std::string_view type, std::string_view target_uri, int64_t date_micros,
      std::string_view content_type, std::string_view block,
      const std::vector<std::pair<std::string, std::string>>& extra_headers,
      std::string* record_id);

  // The file being written and the files finished so far.
  const std::string& current_path() const { return path_; }
  const std::vector<std::string>& finished_paths() const { return finished_; }

  // Flushes and closes the current file. Further writes fail.
  Status Close();

 private:
  WarcWriter() = default;
  Status OpenNextFile();

  std::string dir_;
  std::string prefix_;
  WarcWriterOptions options_;
  std::string path_;
  std::vector<std::string> finished_;
  void* file_ = nullptr;  // FILE*
  int64_t file_bytes_ = 0;
  int records_in_file_ = 0;  // besides the warcinfo record
  int serial_ = 0;
};

// One record as read. Header names in the vectors keep their spelling;
// lookups with WarcHeader are case-insensitive.
struct WarcRecord {
  std::string type;          // WARC-Type: "response", "request", ...
  std::string record_id;     // WARC-Record-ID
  std::string target_uri;    // WARC-Target-URI ("" when absent)
  std::string date;          // WARC-Date as written (ISO 8601)
  int64_t date_seconds = 0;  // WARC-Date as Unix seconds (0 if unparsable)
  std::string content_type;  // the record's Content-Type
  std::vector<std::pair<std::string, std::string>> warc_headers;

  // For records whose block is an HTTP message (content type
  // "application/http"): status (responses), headers, and the payload with
  // the chunked transfer coding and gzip/deflate content codings removed.
  // For other records: http_status 0, no headers, payload = the block.
  int http_status = 0;
  std::vector<std::pair<std::string, std::string>> http_headers;
  std::string payload;
  // Non-empty when the payload could not be decoded (bad chunking, bad or
  // oversize gzip) or the block was larger than the reader's limit; then
  // `payload` is empty. The reader goes on with the next record.
  std::string payload_error;
  // The block was cut by its writer (a WARC-Truncated header).
  bool truncated = false;
};

// Case-insensitive header lookup; "" when absent.
std::string WarcHeader(
    const std::vector<std::pair<std::string, std::string>>& headers,
    std::string_view name);

struct WarcReaderOptions {
  // Records whose block is larger are skipped (read past without being kept;
  // payload_error says so). Default: 64 MiB.
  size_t max_block_bytes = 64u << 20;
  // Cap on a payload after removing gzip/deflate. Default: 256 MiB.
  size_t max_decoded_bytes = 256u << 20;
};

// Reads a .warc or .warc.gz file (one gzip member per record, or the whole
// file as one or several members) record by record; memory is bounded by
// the largest block kept. Not copyable: owns an open file.
class WarcReader {
 public:
  static Result<std::unique_ptr<WarcReader>> Open(const std::string& path);
  static Result<std::unique_ptr<WarcReader>> Open(
      const std::string& path, const WarcReaderOptions& options);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Reads the next record into *out. Returns true when a record was read,
  // false at the clean end of the file, and Corruption (naming the file and
  // byte offset of the record) when the file is damaged or ends inside a
  // record; after an error the reader is done.
  Result<bool> Next(WarcRecord* out);

  const std::string& path() const { return path_; }

 private:
  WarcReader() = default;
  Status Fill(size_t want);

  std::string path_;
  WarcReaderOptions options_;
  void* gz_ = nullptr;  // gzFile
  std::string buf_;     // bytes read but not yet consumed
  size_t pos_ = 0;      // start of unconsumed bytes in buf_
  bool eof_ = false;
  bool failed_ = false;
  int64_t offset_ = 0;  // uncompressed offset of buf_[pos_]
};

}  // namespace newsfacts

#endif  // NEWSFACTS_INGEST_WARC_H_
