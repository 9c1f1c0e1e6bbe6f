// ReadDocument and DocumentFromBytes: bytes from a file, stdin or memory ->
// a Document with UTF-8 html.

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "ingest/gzip.h"
#include "ingest/ingest.h"

namespace newsfacts {
namespace {

using ingest_internal::Gunzip;
using ingest_internal::LooksGzipped;

int64_t NowUnixSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Reads at most max_bytes + 1 bytes so that an oversized stream is noticed
// without holding all of it.
Status ReadStream(std::FILE* f, const std::string& name, size_t max_bytes,
                  std::string* out) {
  char buffer[64 << 10];
  while (true) {
    const size_t n = std::fread(buffer, 1, sizeof(buffer), f);
    out->append(buffer, n);
    if (out->size() > max_bytes) {
      return Status::InvalidArgument(name +
                                     ": input larger than the limit of " +
                                     std::to_string(max_bytes) + " bytes");
    }
    if (n < sizeof(buffer)) break;
  }
  if (std::ferror(f)) {
    return Status::IOError(name + ": read error: " + std::strerror(errno));
  }
  return Status::OK();
}

}  // namespace

Result<Document> DocumentFromBytes(std::string source, std::string bytes,
                                   std::string_view content_type,
                                   const ReadOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return Status::InvalidArgument(
        source + ": input of " + std::to_string(bytes.size()) +
        " bytes is larger than the limit of " +
        std::to_string(options.max_bytes) + " bytes");
  }
  if (bytes.empty()) return Status::InvalidArgument(source + ": empty file");
  // By magic number, not by name: servers and "Save as" both produce gzip
  // bodies behind plain .html names.
  if (LooksGzipped(bytes)) {
    Result<std::string> plain = Gunzip(bytes, options.max_decoded_bytes);
    if (!plain.ok()) return plain.status().WithContext(source);
    bytes = std::move(*plain);
    if (bytes.empty()) {
      return Status::InvalidArgument(source + ": empty file (after gunzip)");
    }
  }
  Result<DecodedText> decoded = DecodeToUtf8(bytes, content_type);
  if (!decoded.ok()) return decoded.status().WithContext(source);

  Document doc;
  doc.source = std::move(source);
  doc.requested_url = options.url;
  doc.content_type = std::string(content_type);
  doc.fetch_time = NowUnixSeconds();
  doc.raw = std::move(bytes);
  doc.html = std::move(decoded->utf8);
  doc.charset = std::move(decoded->charset);
  return doc;
}

Result<Document> ReadDocument(const std::string& path,
                              const ReadOptions& options) {
  std::string bytes;
  int64_t mtime = 0;
  if (path == "-") {
    NF_RETURN_IF_ERROR(ReadStream(stdin, "<stdin>", options.max_bytes, &bytes));
    std::clearerr(stdin);
  } else {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      const int err = errno;
      if (err == ENOENT) {
        return Status::NotFound(path + ": no such file or directory");
      }
      return Status::IOError(path + ": " + std::strerror(err));
    }
    if (S_ISDIR(st.st_mode)) {
      return Status::InvalidArgument(path + ": is a directory");
    }
    if (S_ISREG(st.st_mode) &&
        static_cast<uint64_t>(st.st_size) > options.max_bytes) {
      return Status::InvalidArgument(
          path + ": file of " + std::to_string(st.st_size) +
          " bytes is larger than the limit of " +
          std::to_string(options.max_bytes) + " bytes");
    }
    mtime = static_cast<int64_t>(st.st_mtime);
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
    if (f == nullptr) {
      return Status::IOError(path + ": cannot open: " + std::strerror(errno));
    }
    NF_RETURN_IF_ERROR(ReadStream(f.get(), path, options.max_bytes, &bytes));
  }
  const bool is_stdin = path == "-";
  Result<Document> doc =
      DocumentFromBytes(is_stdin ? "<stdin>" : path, std::move(bytes),
                        /*content_type=*/"", options);
  if (!doc.ok()) return doc.status();
  doc->source = path;
  doc->origin = is_stdin ? Origin::kStdin : Origin::kFile;
  if (!is_stdin) doc->fetch_time = mtime;
  return doc;
}

}  // namespace newsfacts
