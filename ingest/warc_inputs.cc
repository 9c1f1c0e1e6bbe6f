// ForEachWarcDocument: the HTML responses of a WARC archive as Documents.

#include <string>

#include "ingest/ingest.h"
#include "ingest/warc.h"

namespace newsfacts {
namespace {

std::string MediaType(std::string_view content_type) {
  std::string out;
  for (const char c : content_type.substr(0, content_type.find(';'))) {
    if (c == ' ' || c == '\t') continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a')
                                         : c);
  }
  return out;
}

bool IsHtmlResponse(const WarcRecord& rec, std::string* content_type) {
  if (rec.type != "response" || rec.http_status < 200 ||
      rec.http_status > 299) {
    return false;
  }
  *content_type = WarcHeader(rec.http_headers, "Content-Type");
  const std::string type = MediaType(*content_type);
  return type == "text/html" || type == "application/xhtml+xml";
}

}  // namespace

Status ForEachWarcDocument(
    const std::string& path, const ReadOptions& options,
    const std::function<bool(const std::string& label, Result<Document> doc)>&
        fn) {
  WarcReaderOptions reader_options;
  reader_options.max_block_bytes = options.max_bytes;
  reader_options.max_decoded_bytes = options.max_decoded_bytes;
  Result<std::unique_ptr<WarcReader>> reader =
      WarcReader::Open(path, reader_options);
  if (!reader.ok()) return reader.status();
  WarcRecord rec;
  while (true) {
    Result<bool> more = (*reader)->Next(&rec);
    if (!more.ok()) return more.status();
    if (!*more) return Status::OK();
    std::string content_type;
    // Records over the size limit come back without their HTTP headers, so
    // there is no telling whether they were pages: they are skipped, as
    // ReadDocument refuses files over the same limit.
    if (!IsHtmlResponse(rec, &content_type)) continue;
    const std::string label =
        rec.target_uri.empty() ? path + " " + rec.record_id : rec.target_uri;
    if (!rec.payload_error.empty()) {
      if (!fn(label, Status::InvalidArgument(path + ": " + label + ": " +
                                             rec.payload_error))) {
        return Status::OK();
      }
      continue;
    }
    if (rec.truncated) {
      if (!fn(label, Status::InvalidArgument(
                         path + ": " + label +
                         ": the archived response is truncated"))) {
        return Status::OK();
      }
      continue;
    }
    Result<Document> doc = DocumentFromBytes(
        rec.target_uri, std::move(rec.payload), content_type, options);
    if (doc.ok()) {
      doc->requested_url = rec.target_uri;
      doc->final_url = rec.target_uri;
      doc->http_status = rec.http_status;
      doc->content_type = content_type;
      doc->etag = WarcHeader(rec.http_headers, "ETag");
      doc->last_modified = WarcHeader(rec.http_headers, "Last-Modified");
      if (rec.date_seconds != 0) doc->fetch_time = rec.date_seconds;
      doc->origin = Origin::kWarc;
    }
    if (!fn(label, std::move(doc))) return Status::OK();
  }
}

}  // namespace newsfacts
