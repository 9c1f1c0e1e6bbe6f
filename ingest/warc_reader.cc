// WarcReader: streams records out of .warc and .warc.gz files. zlib's gzFile
// reads plain files and concatenated gzip members alike, so one code path
// serves per-record gzip (the convention), whole-file gzip and no gzip.

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/strings.h"
#include "ingest/gzip.h"
#include "ingest/source_util.h"
#include "ingest/warc.h"
#include "ingest/warc_internal.h"

namespace newsfacts {
namespace ingest_internal {

Result<std::string> Dechunk(std::string_view body) {
  std::string out;
  size_t p = 0;
  while (true) {
    const size_t eol = body.find('\n', p);
    if (eol == std::string_view::npos) {
      return Status::Corruption("chunked body: missing chunk size line");
    }
    std::string_view line = body.substr(p, eol - p);
    line = line.substr(0, line.find(';'));  // chunk extensions
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.size() > 15) {
      return Status::Corruption("chunked body: bad chunk size");
    }
    size_t size = 0;
    for (const char c : line) {
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
      if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0) return Status::Corruption("chunked body: bad chunk size");
      size = size * 16 + static_cast<size_t>(v);
    }
    p = eol + 1;
    if (size == 0) return out;  // trailers, if any, are ignored
    if (size > body.size() - p) {
      return Status::Corruption("chunked body: chunk runs past the end");
    }
    out.append(body.substr(p, size));
    p += size;
    if (body.substr(p, 2) == "\r\n") {
      p += 2;
    } else if (body.substr(p, 1) == "\n") {
      p += 1;
    } else {
      return Status::Corruption("chunked body: missing CRLF after a chunk");
    }
  }
}

}  // namespace ingest_internal

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr size_t kReadChunk = 256u << 10;
constexpr size_t kMaxHeadBytes = 1u << 20;

// Parses "Name: value" lines (LF or CRLF; folded continuation lines joined)
// from `head`, which excludes the first line.
Headers ParseHeaderLines(std::string_view head) {
  Headers out;
  ForEachLine(head, [&out](std::string_view line) {
    if (line.empty()) return;
    if ((line.front() == ' ' || line.front() == '\t') && !out.empty()) {
      out.back().second += " ";
      out.back().second += TrimAsciiSpace(line);
      return;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return;
    out.emplace_back(std::string(TrimAsciiSpace(line.substr(0, colon))),
                     std::string(TrimAsciiSpace(line.substr(colon + 1))));
  });
  return out;
}

int64_t ParseWarcDate(std::string_view date) {
  const std::string iso = ingest_internal::W3cDateToIso(date);
  int y, mo, d, h = 0, mi = 0, s = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y,
                                     &mo, &d, &h, &mi, &s) < 3) {
    return 0;
  }
  return ingest_internal::UnixSeconds(y, mo, d, h, mi, s);
}

// Inflates a zlib or gzip stream (Content-Encoding: deflate is zlib in
// practice; raw deflate is tried as well), stopping at `cap`.
Result<std::string> Inflate(std::string_view data, size_t cap) {
  for (const int window_bits : {32 + MAX_WBITS, -MAX_WBITS}) {
    z_stream zs{};
    if (inflateInit2(&zs, window_bits) != Z_OK) {
      return Status::Internal("zlib: cannot initialize");
    }
    std::string out;
    char buffer[64u << 10];
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    bool too_big = false;
    while (rc == Z_OK) {
      zs.next_out = reinterpret_cast<Bytef*>(buffer);
      zs.avail_out = sizeof(buffer);
      rc = inflate(&zs, Z_NO_FLUSH);
      const size_t produced = sizeof(buffer) - zs.avail_out;
      if (out.size() + produced > cap) {
        too_big = true;
        break;
      }
      out.append(buffer, produced);
      if (rc == Z_OK && produced == 0 && zs.avail_in == 0) break;
    }
    inflateEnd(&zs);
    if (too_big) {
      return Status::InvalidArgument("decoded payload exceeds the limit of " +
                                     std::to_string(cap) + " bytes");
    }
    if (rc == Z_STREAM_END) return out;
  }
  return Status::Corruption("damaged deflate payload");
}

// Fills the HTTP fields of `rec` from its block.
void ParseHttpBlock(std::string block, const WarcReaderOptions& options,
                    WarcRecord* rec) {
  size_t head_end = block.find("\r\n\r\n");
  size_t body_start = head_end == std::string::npos ? 0 : head_end + 4;
  const size_t lf_end = block.find("\n\n");
  if (lf_end != std::string::npos &&
      (head_end == std::string::npos || lf_end < head_end)) {
    head_end = lf_end;
    body_start = lf_end + 2;
  }
  if (head_end == std::string::npos) {
    rec->payload_error = "HTTP message without the end of its header";
    return;
  }
  const std::string_view head(block.data(), head_end);
  const size_t first_eol = head.find('\n');
  const std::string_view first_line =
      TrimAsciiSpace(head.substr(0, std::min(first_eol, head.size())));
  if (first_line.substr(0, 5) == "HTTP/") {
    const size_t space = first_line.find(' ');
    if (space != std::string_view::npos) {
      rec->http_status =
          std::atoi(std::string(first_line.substr(space + 1, 3)).c_str());
    }
  }
  if (first_eol != std::string_view::npos) {
    rec->http_headers = ParseHeaderLines(head.substr(first_eol + 1));
  }
  std::string payload = block.substr(body_start);
  block.clear();
  block.shrink_to_fit();

  if (ToLowerAscii(WarcHeader(rec->http_headers, "Transfer-Encoding"))
          .find("chunked") != std::string::npos) {
    // Some archives store the payload already de-chunked but keep the
    // header; keep the bytes as they are when they do not parse as chunks.
    Result<std::string> plain = ingest_internal::Dechunk(payload);
    if (plain.ok()) payload = std::move(*plain);
  }
  const std::string encoding =
      ToLowerAscii(TrimAsciiSpace(WarcHeader(rec->http_headers, "Content-Encoding")));
  if (encoding == "gzip" || encoding == "x-gzip") {
    // Archives also keep the header over an already decoded payload.
    if (ingest_internal::LooksGzipped(payload)) {
      Result<std::string> plain =
          ingest_internal::Gunzip(payload, options.max_decoded_bytes);
      if (!plain.ok()) {
        rec->payload_error = plain.status().message();
        return;
      }
      payload = std::move(*plain);
    }
  } else if (encoding == "deflate") {
    Result<std::string> plain = Inflate(payload, options.max_decoded_bytes);
    if (!plain.ok()) {
      rec->payload_error = plain.status().message();
      return;
    }
    payload = std::move(*plain);
  } else if (!encoding.empty() && encoding != "identity") {
    rec->payload_error = "unsupported Content-Encoding: " + encoding;
    return;
  }
  rec->payload = std::move(payload);
}

}  // namespace

std::string WarcHeader(const Headers& headers, std::string_view name) {
  const std::string lower = ToLowerAscii(name);
  for (const auto& [n, v] : headers) {
    if (ToLowerAscii(n) == lower) return v;
  }
  return "";
}

Result<std::unique_ptr<WarcReader>> WarcReader::Open(const std::string& path) {
  return Open(path, WarcReaderOptions());
}

Result<std::unique_ptr<WarcReader>> WarcReader::Open(
    const std::string& path, const WarcReaderOptions& options) {
  gzFile gz = gzopen(path.c_str(), "rb");
  if (gz == nullptr) {
    return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  }
  gzbuffer(gz, 128u << 10);
  std::unique_ptr<WarcReader> r(new WarcReader());
  r->path_ = path;
  r->options_ = options;
  r->gz_ = gz;
  return r;
}

WarcReader::~WarcReader() {
  if (gz_ != nullptr) gzclose(static_cast<gzFile>(gz_));
}

// Makes at least `want` unconsumed bytes available in buf_ unless the file
// ends first (then eof_ is set and fewer are there).
Status WarcReader::Fill(size_t want) {
  while (buf_.size() - pos_ < want && !eof_) {
    if (pos_ > 0 && pos_ >= buf_.size() / 2) {
      buf_.erase(0, pos_);
      pos_ = 0;
    }
    const size_t old = buf_.size();
    const size_t chunk = std::max(kReadChunk, want - (buf_.size() - pos_));
    buf_.resize(old + chunk);
    const int n =
        gzread(static_cast<gzFile>(gz_), buf_.data() + old,
               static_cast<unsigned>(std::min<size_t>(chunk, 1u << 30)));
    if (n < 0) {
      buf_.resize(old);
      int code = 0;
      const char* msg = gzerror(static_cast<gzFile>(gz_), &code);
      return Status::Corruption(path_ + ": damaged gzip data near offset " +
                                std::to_string(offset_) + ": " +
                                (msg ? msg : "?"));
    }
    buf_.resize(old + static_cast<size_t>(n));
    if (n == 0) {
      int code = 0;
      const char* msg = gzerror(static_cast<gzFile>(gz_), &code);
      if (code != Z_OK && code != Z_STREAM_END) {
        return Status::Corruption(
            path_ + ": truncated or damaged gzip data: " + (msg ? msg : "?"));
      }
      eof_ = true;
    }
  }
  return Status::OK();
}

Result<bool> WarcReader::Next(WarcRecord* out) {
  if (failed_) return false;
  *out = WarcRecord();
  auto fail = [this](const std::string& why) {
    failed_ = true;
    return Status::Corruption(path_ + ": record at offset " +
                              std::to_string(offset_) + ": " + why);
  };
  auto consume = [this](size_t n) {
    pos_ += n;
    offset_ += static_cast<int64_t>(n);
  };
  // Blank lines between records (the trailing CRLF CRLF, extra newlines).
  while (true) {
    Status s = Fill(1);
    if (!s.ok()) {
      failed_ = true;
      return s;
    }
    if (pos_ >= buf_.size()) return false;  // clean end
    if (buf_[pos_] != '\r' && buf_[pos_] != '\n') break;
    consume(1);
  }
  // The record header, up to the blank line.
  size_t head_end = std::string::npos;
  size_t searched = 0;
  while (true) {
    head_end = buf_.find("\r\n\r\n", pos_ + (searched > 3 ? searched - 3 : 0));
    if (head_end != std::string::npos) break;
    searched = buf_.size() - pos_;
    if (searched > kMaxHeadBytes) return fail("record header too long");
    if (eof_) return fail("file ends inside a record header");
    Status s = Fill(searched + kReadChunk);
    if (!s.ok()) {
      failed_ = true;
      return s;
    }
  }
  const std::string_view head(buf_.data() + pos_, head_end - pos_);
  const size_t first_eol = head.find('\n');
  const std::string_view version = TrimAsciiSpace(head.substr(0, first_eol));
  if (version.substr(0, 5) != "WARC/") {
    return fail("not a WARC record (no WARC/ version line)");
  }
  out->warc_headers = ParseHeaderLines(first_eol == std::string_view::npos
                                           ? std::string_view()
                                           : head.substr(first_eol + 1));
  const int64_t record_offset = offset_;
  consume(head_end + 4 - pos_);

  const std::string length_text =
      WarcHeader(out->warc_headers, "Content-Length");
  char* end = nullptr;
  const unsigned long long length =
      std::strtoull(length_text.c_str(), &end, 10);
  if (length_text.empty() || end == length_text.c_str() || *end != '\0') {
    offset_ = record_offset;
    return fail("missing or bad Content-Length");
  }
  out->type = WarcHeader(out->warc_headers, "WARC-Type");
  out->record_id = WarcHeader(out->warc_headers, "WARC-Record-ID");
  out->target_uri = WarcHeader(out->warc_headers, "WARC-Target-URI");
  // WARC 1.0 files written by some tools wrap the URI in angle brackets.
  if (out->target_uri.size() >= 2 && out->target_uri.front() == '<' &&
      out->target_uri.back() == '>') {
    out->target_uri = out->target_uri.substr(1, out->target_uri.size() - 2);
  }
  out->date = WarcHeader(out->warc_headers, "WARC-Date");
  out->date_seconds = ParseWarcDate(out->date);
  out->content_type = WarcHeader(out->warc_headers, "Content-Type");
  out->truncated = !WarcHeader(out->warc_headers, "WARC-Truncated").empty();

  if (length > options_.max_block_bytes) {
    // Read past the block without keeping it.
    unsigned long long left = length;
    while (left > 0) {
      Status s = Fill(1);
      if (!s.ok()) {
        failed_ = true;
        return s;
      }
      const size_t have = buf_.size() - pos_;
      if (have == 0) return fail("file ends inside a record block");
      const size_t take =
          static_cast<size_t>(std::min<unsigned long long>(have, left));
      consume(take);
      left -= take;
    }
    out->payload_error = "record block of " + std::to_string(length) +
                         " bytes exceeds the limit of " +
                         std::to_string(options_.max_block_bytes);
    return true;
  }
  Status s = Fill(static_cast<size_t>(length));
  if (!s.ok()) {
    failed_ = true;
    return s;
  }
  if (buf_.size() - pos_ < length) {
    offset_ = record_offset;
    return fail("file ends inside a record block");
  }
  std::string block = buf_.substr(pos_, static_cast<size_t>(length));
  consume(static_cast<size_t>(length));

  if (ToLowerAscii(out->content_type).rfind("application/http", 0) == 0) {
    ParseHttpBlock(std::move(block), options_, out);
  } else {
    out->payload = std::move(block);
  }
  return true;
}

}  // namespace newsfacts
