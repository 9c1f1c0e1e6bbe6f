// ingest/: turns saved files, folders and stdin into Documents whose `html`
// is valid UTF-8. This is the module's entry header.
//
//   std::vector<InputError> errors;
//   std::vector<std::string> files = ExpandInputs({"pages/", "a.html"},
//   &errors); for (const auto& f : files) {
//     Result<Document> doc = ReadDocument(f, {});
//     if (!doc.ok()) { report(f, doc.status()); continue; }
//   }
//
// Decoding order (WHATWG "encoding sniffing", simplified): BOM, then the
// charset of the Content-Type header, then a <meta> prescan of the first
// 1024 bytes, then UTF-8 if the bytes are valid UTF-8, then ICU charset
// detection, then windows-1252. Labels map as in the WHATWG label table
// (latin1 -> windows-1252). Two deliberate deviations, for <meta> only
// (a Content-Type header is trusted as given): a legacy charset loses to
// bytes that are valid, non-ASCII UTF-8 (pages re-saved as UTF-8 keep their
// old <meta>), and a <meta> UTF-8 over mostly ill-formed bytes loses to
// confident detection (legacy pages in a UTF-8 template).
//
// Thread-safety: free functions with no shared state; safe for concurrent use.
#ifndef NEWSFACTS_INGEST_INGEST_H_
#define NEWSFACTS_INGEST_INGEST_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/types.h"

namespace newsfacts {

struct InputError {
  std::string path;
  Status status;
};

// Expands command-line inputs: a file stays itself; a directory is walked
// recursively for *.html, *.htm, *.html.gz, *.warc and *.warc.gz
// (case-insensitive), sorted by path; "-" stays "-" (stdin). Paths that do
// not exist or cannot be read are appended to `errors` and skipped.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::vector<InputError>* errors);

struct ReadOptions {
  // The page URL when the page itself does not say it (--url). Default: none.
  std::string url;
  // Larger inputs are refused. Default: 64 MiB.
  size_t max_bytes = 64u << 20;
  // Maximum size after gunzip. Default: 256 MiB.
  size_t max_decoded_bytes = 256u << 20;
};

// Reads one file ("-" = stdin), gunzips *.gz, rejects binary and empty input,
// and decodes to UTF-8. Errors name the path.
Result<Document> ReadDocument(const std::string& path,
                              const ReadOptions& options);

// Builds a Document from bytes already in memory (e.g. an HTTP body).
// `content_type` is the HTTP Content-Type header or empty.
Result<Document> DocumentFromBytes(std::string source, std::string bytes,
                                   std::string_view content_type,
                                   const ReadOptions& options);

// True for paths ending in .warc or .warc.gz (case-insensitive): inputs
// read with ForEachWarcDocument rather than ReadDocument.
bool IsWarcPath(std::string_view path);

// Reads a WARC archive (ingest/warc.h) and calls `fn` once per HTML
// response: each `response` record with a 2xx HTTP status and an HTML
// Content-Type (text/html, application/xhtml+xml) becomes a Document with
// source, requested and final URL = WARC-Target-URI, the HTTP status and
// Content-Type, fetch_time = WARC-Date and origin kWarc; its payload is
// de-chunked, gunzipped and decoded to UTF-8 as for files. A record that
// cannot be decoded is passed as its error status (naming the archive and
// the URL). `label` names the record for progress and messages: its
// WARC-Target-URI, else "<path> <record id>". Other records are skipped.
// `fn` returns false to stop. Returns the file-level error (cannot open,
// damaged or truncated archive: records before the damage have been passed),
// else OK.
Status ForEachWarcDocument(
    const std::string& path, const ReadOptions& options,
    const std::function<bool(const std::string& label, Result<Document> doc)>&
        fn);

struct DecodedText {
  std::string utf8;
  std::string charset;  // canonical name, e.g. "UTF-8", "windows-1251"
};

// Decodes HTML bytes to UTF-8 (order above). Invalid sequences in the source
// charset become U+FFFD; an unknown declared charset falls through to
// detection. Fails only on input that is not text.
Result<DecodedText> DecodeToUtf8(std::string_view bytes,
                                 std::string_view content_type);

}  // namespace newsfacts

#endif  // NEWSFACTS_INGEST_INGEST_H_
