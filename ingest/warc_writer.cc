// WarcWriter: WARC/1.1 records, each its own gzip member (zlib), SHA-1
// digests and random record ids from OpenSSL's libcrypto.

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <zlib.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "core/strings.h"
#include "ingest/warc.h"
#include "ingest/warc_internal.h"

namespace newsfacts {
namespace ingest_internal {

std::string Base32(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (const char ch : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(ch);
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  while (out.size() % 8 != 0) out.push_back('=');
  return out;
}

std::string Sha1Base32(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha1(),
                 nullptr) != 1) {
    return "";
  }
  return "sha1:" +
         Base32(std::string_view(reinterpret_cast<char*>(digest), size));
}

std::string WarcDate(int64_t micros) {
  const std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ",
                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                tm.tm_min, tm.tm_sec, static_cast<int>(micros % 1000000));
  return buf;
}

std::string NewRecordId() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof(b)) != 1) {
    // RAND_bytes fails only without an entropy source; fall back to the
    // clock mixed with a counter (unique within the process, not secret).
    static uint64_t counter = 0;
    const uint64_t t = static_cast<uint64_t>(
        std::chrono::steady_clock::now().time_since_epoch().count());
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(t >> (8 * i));
    const uint64_t c = ++counter;
    for (int i = 0; i < 8; ++i) {
      b[8 + i] = static_cast<unsigned char>(c >> (8 * i));
    }
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122
  char buf[64];
  std::snprintf(buf, sizeof(buf),
                "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                "%02x%02x%02x%02x%02x%02x>",
                b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
                b[10], b[11], b[12], b[13], b[14], b[15]);
  return buf;
}

Result<std::string> GzipMember(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    return Status::Internal("gzip: cannot initialize zlib");
  }
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32,
                  '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return Status::Internal("gzip: deflate failed");
  return out;
}

}  // namespace ingest_internal

namespace {

using ingest_internal::GzipMember;
using ingest_internal::NewRecordId;
using ingest_internal::Sha1Base32;
using ingest_internal::WarcDate;

using Headers = std::vector<std::pair<std::string, std::string>>;

// Records larger than this cannot be written in one deflate call.
constexpr size_t kMaxRecordBytes = size_t{1} << 31;

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Splits an HTTP head into lines (LF or CRLF), dropping the blank line
// that ends it and anything after.
std::vector<std::string> HeadLines(std::string_view head) {
  std::vector<std::string> lines;
  ForEachLine(head, [&lines](std::string_view line) {
    if (line.empty()) return false;
    lines.emplace_back(line);
    return true;
  });
  return lines;
}

// The response head as it goes into the record: CRLF line ends, and
// framing headers that no longer describe `body` renamed (see warc.h).
std::string ResponseHead(const WarcExchange& x) {
  std::vector<std::string> lines = HeadLines(x.response_headers_raw);
  if (lines.empty()) lines.push_back("HTTP/1.1 " + std::to_string(x.status));
  bool rewrote = false;
  bool has_length = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string& line = lines[i];
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string name = ToLowerAscii(line.substr(0, colon));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
      value.erase(value.begin());
    }
    bool rename = false;
    if (name == "transfer-encoding") {
      rename = true;
    } else if (name == "content-encoding" && x.body_decoded) {
      rename = true;
    } else if (name == "content-length") {
      if (value == std::to_string(x.body.size()) && !has_length) {
        has_length = true;
      } else {
        rename = true;
      }
    }
    if (rename) {
      line = "X-Crawler-Orig-" + line;
      rewrote = true;
    }
  }
  if (rewrote && !has_length) {
    lines.push_back("Content-Length: " + std::to_string(x.body.size()));
  }
  std::string out;
  for (const std::string& line : lines) {
    out += line;
    out += "\r\n";
  }
  out += "\r\n";
  return out;
}

std::string RequestHead(std::string_view request) {
  std::string out;
  for (const std::string& line : HeadLines(request)) {
    out += line;
    out += "\r\n";
  }
  out += "\r\n";
  return out;
}

// One whole record (header, block, trailing CRLF CRLF), uncompressed.
std::string RecordBytes(std::string_view type, const std::string& record_id,
                        std::string_view target_uri, int64_t date_micros,
                        std::string_view content_type, std::string_view block,
                        const Headers& extra) {
  std::string out = "WARC/1.1\r\n";
  auto header = [&out](std::string_view name, std::string_view value) {
    out.append(name);
    out += ": ";
    out.append(value);
    out += "\r\n";
  };
  header("WARC-Type", type);
  header("WARC-Record-ID", record_id);
  header("WARC-Date", WarcDate(date_micros));
  if (!target_uri.empty()) header("WARC-Target-URI", target_uri);
  for (const auto& [name, value] : extra) header(name, value);
  header("WARC-Block-Digest", Sha1Base32(block));
  if (!content_type.empty()) header("Content-Type", content_type);
  header("Content-Length", std::to_string(block.size()));
  out += "\r\n";
  out.append(block);
  out += "\r\n\r\n";
  return out;
}

Status WriteAll(std::FILE* f, const std::string& path, std::string_view data) {
  if (std::fwrite(data.data(), 1, data.size(), f) != data.size() ||
      std::fflush(f) != 0) {
    return Status::IOError(path + ": write failed");
  }
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<WarcWriter>> WarcWriter::Open(const std::string& dir,
                                                     std::string_view prefix) {
  return Open(dir, prefix, WarcWriterOptions());
}

Result<std::unique_ptr<WarcWriter>> WarcWriter::Open(
    const std::string& dir, std::string_view prefix,
    const WarcWriterOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError(dir + ": cannot create: " + ec.message());
  std::unique_ptr<WarcWriter> w(new WarcWriter());
  w->dir_ = dir;
  w->prefix_ = std::string(prefix);
  w->options_ = options;
  NF_RETURN_IF_ERROR(w->OpenNextFile());
  return w;
}

WarcWriter::~WarcWriter() { Close(); }

Status WarcWriter::OpenNextFile() {
  if (file_ != nullptr) {
    std::fclose(static_cast<std::FILE*>(file_));
    file_ = nullptr;
    finished_.push_back(path_);
  }
  const int64_t now = NowMicros();
  const std::time_t seconds = static_cast<std::time_t>(now / 1000000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", &tm);
  std::FILE* f = nullptr;
  std::string path;
  for (int attempts = 0; attempts < 100000 && f == nullptr; ++attempts) {
    char serial[16];
    std::snprintf(serial, sizeof(serial), "%05d", serial_++);
    path = (std::filesystem::path(dir_) /
            (prefix_ + "-" + stamp + "-" + serial + ".warc.gz"))
               .string();
    f = std::fopen(path.c_str(), "wbx");  // never overwrite
    if (f == nullptr && errno != EEXIST) {
      return Status::IOError(path + ": cannot create: " + std::strerror(errno));
    }
  }
  if (f == nullptr) return Status::IOError(dir_ + ": no free WARC file name");
  file_ = f;
  path_ = path;
  file_bytes_ = 0;
  records_in_file_ = 0;

  std::string fields = "software: " + options_.software + "\r\n";
  fields += "format: WARC File Format 1.1\r\n";
  fields +=
      "conformsTo: "
      "https://iipc.github.io/warc-specifications/specifications/"
      "warc-format/warc-1.1/\r\n";
  for (const auto& [name, value] : options_.info) {
    fields += name + ": " + value + "\r\n";
  }
  const std::string filename = std::filesystem::path(path_).filename().string();
  Result<std::string> member = GzipMember(
      RecordBytes("warcinfo", NewRecordId(), "", now, "application/warc-fields",
                  fields, {{"WARC-Filename", filename}}));
  if (!member.ok()) return member.status();
  NF_RETURN_IF_ERROR(WriteAll(f, path_, *member));
  file_bytes_ += static_cast<int64_t>(member->size());
  return Status::OK();
}

Status WarcWriter::WriteRecord(std::string_view type,
                               std::string_view target_uri, int64_t date_micros,
                               std::string_view content_type,
                               std::string_view block,
                               const Headers& extra_headers,
                               std::string* record_id) {
  if (file_ == nullptr) return Status::IOError("WARC writer is closed");
  if (block.size() > kMaxRecordBytes) {
    return Status::InvalidArgument("WARC record too large");
  }
  const std::string id = NewRecordId();
  Result<std::string> member = GzipMember(RecordBytes(
      type, id, target_uri, date_micros, content_type, block, extra_headers));
  if (!member.ok()) return member.status();
  if (records_in_file_ > 0 &&
      file_bytes_ + static_cast<int64_t>(member->size()) >
          options_.max_file_bytes) {
    NF_RETURN_IF_ERROR(OpenNextFile());
  }
  NF_RETURN_IF_ERROR(WriteAll(static_cast<std::FILE*>(file_), path_, *member));
  file_bytes_ += static_cast<int64_t>(member->size());
  ++records_in_file_;
  if (record_id != nullptr) *record_id = id;
  return Status::OK();
}

Status WarcWriter::WriteExchange(const WarcExchange& x) {
  if (file_ == nullptr) return Status::IOError("WARC writer is closed");
  if (x.body.size() > kMaxRecordBytes) {
    return Status::InvalidArgument("WARC record too large: " + x.url);
  }
  const int64_t date = x.fetched_micros != 0 ? x.fetched_micros : NowMicros();
  const std::string response_id = NewRecordId();
  const std::string request_id = NewRecordId();
  const std::string block = ResponseHead(x) + x.body;

  Headers response_extra;
  if (!x.ip.empty()) response_extra.emplace_back("WARC-IP-Address", x.ip);
  if (!x.request_line_and_headers.empty()) {
    response_extra.emplace_back("WARC-Concurrent-To", request_id);
  }
  response_extra.emplace_back("WARC-Payload-Digest", Sha1Base32(x.body));
  if (x.truncated) response_extra.emplace_back("WARC-Truncated", "length");
  Result<std::string> response = GzipMember(
      RecordBytes("response", response_id, x.url, date,
                  "application/http;msgtype=response", block, response_extra));
  if (!response.ok()) return response.status();
  std::string members = std::move(*response);
  if (!x.request_line_and_headers.empty()) {
    Headers request_extra;
    if (!x.ip.empty()) request_extra.emplace_back("WARC-IP-Address", x.ip);
    request_extra.emplace_back("WARC-Concurrent-To", response_id);
    Result<std::string> request = GzipMember(RecordBytes(
        "request", request_id, x.url, date, "application/http;msgtype=request",
        RequestHead(x.request_line_and_headers), request_extra));
    if (!request.ok()) return request.status();
    members += *request;
  }
  // The pair stays in one file.
  if (records_in_file_ > 0 &&
      file_bytes_ + static_cast<int64_t>(members.size()) >
          options_.max_file_bytes) {
    NF_RETURN_IF_ERROR(OpenNextFile());
  }
  NF_RETURN_IF_ERROR(WriteAll(static_cast<std::FILE*>(file_), path_, members));
  file_bytes_ += static_cast<int64_t>(members.size());
  ++records_in_file_;
  return Status::OK();
}

Status WarcWriter::Close() {
  if (file_ == nullptr) return Status::OK();
  const int rc = std::fclose(static_cast<std::FILE*>(file_));
  file_ = nullptr;
  finished_.push_back(path_);
  if (rc != 0) return Status::IOError(path_ + ": close failed");
  return Status::OK();
}

}  // namespace newsfacts
