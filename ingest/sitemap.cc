// Sitemaps (sitemaps.org protocol 0.9, Google News extension), streamed with
// libxml2's xmlTextReader so that a 50,000-URL sitemap never becomes a tree.

#include <libxml/xmlreader.h>

#include <climits>
#include <memory>

#include "core/strings.h"
#include "ingest/feeds.h"
#include "ingest/gzip.h"
#include "ingest/source_util.h"
#include "ingest/url.h"

namespace newsfacts {
namespace {

using ingest_internal::AnyDateToIso;
using ingest_internal::CollapseWhitespace;

// Same policy as feeds: no network, no DTD, no entity substitution.
constexpr int kXmlOptions = XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING | XML_PARSE_COMPACT;

struct ReaderDeleter {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

// The first error libxml2 reports, with its position.
struct FirstError {
  bool set = false;
  int line = 0;
  int column = 0;
  std::string message;
};

extern "C" void RecordXmlError(void* user, xmlErrorPtr error) {
  auto* first = static_cast<FirstError*>(user);
  if (first->set || error == nullptr) return;
  if (error->level < XML_ERR_ERROR) return;  // warnings do not stop a parse
  first->set = true;
  first->line = error->line;
  first->column = error->int2;
  if (error->message != nullptr) {
    first->message = CollapseWhitespace(error->message);
  }
}

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s))
           : std::string_view();
}

bool IsNewsNamespace(std::string_view ns) {
  return ns.find("sitemap-news") != std::string_view::npos;
}

std::string ResolveLoc(std::string_view base_url, std::string_view loc) {
  loc = TrimAsciiSpace(loc);
  if (loc.empty()) return "";
  if (base_url.empty()) return std::string(loc);
  Result<std::string> abs = ResolveUrl(base_url, loc);
  return abs.ok() ? *abs : "";
}

// One URL per line; other lines (comments, blank, relative) are skipped.
Status ParseTextSitemap(std::string_view text,
                        const std::function<void(SitemapEntry)>& on_entry) {
  ForEachLine(text, [&on_entry](std::string_view line) {
    line = TrimAsciiSpace(line);
    if (line.rfind("http://", 0) == 0 || line.rfind("https://", 0) == 0) {
      SitemapEntry entry;
      entry.url = std::string(line);
      on_entry(std::move(entry));
    }
  });
  return Status::OK();
}

// Which field of an entry the reader is inside.
enum class Field { kNone, kLoc, kLastmod, kNewsDate, kNewsTitle };

Status ParseXmlSitemap(std::string_view xml, std::string_view base_url,
                       const std::function<void(SitemapEntry)>& on_entry) {
  ingest_internal::EnsureXmlInitialized();
  if (xml.size() > INT_MAX) return Status::InvalidArgument("sitemap too large");
  const std::string url(base_url);
  std::unique_ptr<xmlTextReader, ReaderDeleter> reader(xmlReaderForMemory(
      xml.data(), static_cast<int>(xml.size()),
      url.empty() ? nullptr : url.c_str(), nullptr, kXmlOptions));
  if (!reader) return Status::Internal("libxml2: cannot create a reader");
  FirstError error;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), RecordXmlError, &error);

  std::string root;
  bool index = false;
  bool in_entry = false;
  Field field = Field::kNone;
  std::string text;
  SitemapEntry entry;
  auto finish_entry = [&] {
    entry.url = ResolveLoc(base_url, entry.url);
    entry.is_sitemap = index;
    if (!entry.url.empty()) on_entry(std::move(entry));
    entry = SitemapEntry();
    in_entry = false;
  };
  auto finish_field = [&] {
    switch (field) {
      case Field::kLoc:
        entry.url = text;
        break;
      case Field::kLastmod:
        entry.lastmod = AnyDateToIso(text);
        break;
      case Field::kNewsDate:
        entry.news_publication_date = AnyDateToIso(text);
        break;
      case Field::kNewsTitle:
        entry.news_title = CollapseWhitespace(text);
        break;
      case Field::kNone:
        break;
    }
    field = Field::kNone;
    text.clear();
  };

  int rc;
  while ((rc = xmlTextReaderRead(reader.get())) == 1) {
    xmlTextReader* r = reader.get();
    const int type = xmlTextReaderNodeType(r);
    const int depth = xmlTextReaderDepth(r);
    if (type == XML_READER_TYPE_ELEMENT) {
      const std::string_view name = View(xmlTextReaderConstLocalName(r));
      const bool empty = xmlTextReaderIsEmptyElement(r) == 1;
      if (depth == 0) {
        root = std::string(name);
        if (root != "urlset" && root != "sitemapindex") {
          return Status::InvalidArgument(
              "not a sitemap: the root element is <" + root + ">");
        }
        index = root == "sitemapindex";
        continue;
      }
      if (depth == 1 && (name == "url" || name == "sitemap")) {
        entry = SitemapEntry();
        in_entry = true;
        if (empty) finish_entry();
        continue;
      }
      if (!in_entry || empty) continue;
      const std::string_view ns = View(xmlTextReaderConstNamespaceUri(r));
      if (depth == 2 && name == "loc") {
        field = Field::kLoc;
      } else if (depth == 2 && name == "lastmod") {
        field = Field::kLastmod;
      } else if (depth == 3 && IsNewsNamespace(ns) &&
                 name == "publication_date") {
        field = Field::kNewsDate;
      } else if (depth == 3 && IsNewsNamespace(ns) && name == "title") {
        field = Field::kNewsTitle;
      } else {
        continue;
      }
      text.clear();
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
      // Entity references are reported as their own nodes and ignored, so
      // nothing is ever expanded.
      if (field != Field::kNone) text += View(xmlTextReaderConstValue(r));
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (field != Field::kNone) {
        finish_field();
      } else if (depth == 1 && in_entry) {
        finish_entry();
      }
    }
  }
  if (rc != 0 || error.set) {
    std::string message = "malformed XML in sitemap";
    if (error.set) {
      message += " at line " + std::to_string(error.line) + ", column " +
                 std::to_string(error.column) + ": " + error.message;
    }
    return Status::Corruption(message);
  }
  if (root.empty())
    return Status::InvalidArgument("sitemap has no root element");
  return Status::OK();
}

}  // namespace

Status ParseSitemap(std::string_view bytes, std::string_view base_url,
                    const std::function<void(SitemapEntry)>& on_entry) {
  return ParseSitemap(bytes, base_url, on_entry, SitemapOptions());
}

Status ParseSitemap(std::string_view bytes, std::string_view base_url,
                    const std::function<void(SitemapEntry)>& on_entry,
                    const SitemapOptions& options) {
  std::string inflated;
  if (ingest_internal::LooksGzipped(bytes)) {
    Result<std::string> plain =
        ingest_internal::Gunzip(bytes, options.max_decoded_bytes);
    if (!plain.ok()) return plain.status().WithContext("gzip sitemap");
    inflated = std::move(*plain);
    bytes = inflated;
  }
  std::string_view s = bytes;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  s = TrimAsciiSpace(s);
  if (s.empty()) return Status::InvalidArgument("empty sitemap");
  if (s.front() != '<') return ParseTextSitemap(s, on_entry);
  return ParseXmlSitemap(bytes, base_url, on_entry);
}

}  // namespace newsfacts
