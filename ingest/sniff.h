// Internal to ingest/: the byte-level sniffing steps behind DecodeToUtf8 and
// ReadDocument, exposed here so that tests can check each step on its own.
// Other modules use ingest/ingest.h.
//
//   std::string label = PrescanMetaCharset(bytes);   // "windows-1251" or ""
//   std::string name = CanonicalCharset(label);       // "" when unknown
//
// Thread-safety: free functions with no shared state.
#ifndef NEWSFACTS_INGEST_SNIFF_H_
#define NEWSFACTS_INGEST_SNIFF_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace newsfacts::ingest_internal {

// The charset named by a byte order mark at the start of `bytes`
// ("UTF-8", "UTF-16LE", "UTF-16BE"), or "" without one. Sets *bom_size to
// the BOM's length (0 without one).
std::string_view BomCharset(std::string_view bytes, size_t* bom_size);

// The raw `charset` parameter of a Content-Type value
// ("text/html; charset=\"koi8-r\"" -> "koi8-r"), or "".
std::string CharsetFromContentType(std::string_view content_type);

// The raw charset label found by the WHATWG HTML prescan (HTML Living
// Standard 13.2.3.2 "Prescan a byte stream to determine its encoding",
// simplified) of the first 1024 bytes: <meta charset=...> or
// <meta http-equiv="content-type" content="...charset=...">, else the
// encoding of an <?xml ...?> declaration at the very start. "" if none.
std::string PrescanMetaCharset(std::string_view bytes);

// The charset named in a Content-Type-like `content` attribute value
// (WHATWG "algorithm for extracting a character encoding from a meta
// element"), or "".
std::string CharsetFromMetaContent(std::string_view content);

// Maps a label to the canonical name we decode with, following the WHATWG
// Encoding Standard label table where it differs from ICU ("latin1",
// "ascii" -> "windows-1252"; "x-cp1251" -> "windows-1251"). Labels outside
// the table are kept when ICU has a converter for them. Returns "" for
// labels nobody knows and for "replacement"-class labels.
std::string CanonicalCharset(std::string_view label);

// OK when `bytes` look like text; InvalidArgument naming the kind of file
// otherwise (known binary signatures, NUL bytes or many control characters
// in the first KiBs). `utf16` skips the NUL test for UTF-16 input.
Status CheckLooksLikeText(std::string_view bytes, bool utf16);

// A start or end tag found by ForEachHtmlTag. Names are lowercased;
// attribute values keep their case and are not entity-decoded.
struct HtmlTag {
  std::string name;
  bool end_tag = false;
  std::vector<std::pair<std::string, std::string>> attributes;
};

// Walks the tags of `html` with the prescan's tokenizer (comments,
// doctypes and processing instructions skipped; the contents of script,
// style, textarea and title skipped), calling `fn` for each until it
// returns false. Not an HTML parser: used for <link> discovery in <head>.
void ForEachHtmlTag(std::string_view html,
                    const std::function<bool(const HtmlTag&)>& fn);

}  // namespace newsfacts::ingest_internal

#endif  // NEWSFACTS_INGEST_SNIFF_H_
