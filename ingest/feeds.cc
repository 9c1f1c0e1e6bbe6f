// RSS 2.0, RSS 1.0 and Atom feeds (libxml2 tree), and source sniffing.

#include "ingest/feeds.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <memory>

#include "ingest/gzip.h"
#include "ingest/source_util.h"
#include "ingest/url.h"

namespace newsfacts {
namespace {

using ingest_internal::AnyDateToIso;
using ingest_internal::CollapseWhitespace;

// Feeds are small; a gzip feed is inflated up to this size.
constexpr size_t kMaxFeedBytes = 64u << 20;

// The parser options for every XML source: no network, no DTD loading, no
// entity substitution (so neither XXE nor entity expansion); libxml2's own
// amplification checks stay on (no XML_PARSE_HUGE).
constexpr int kXmlOptions = XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                            XML_PARSE_COMPACT;

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtDeleter {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};
struct XmlCharDeleter {
  void operator()(xmlChar* p) const { xmlFree(p); }
};

std::string_view Name(const xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : "";
}

std::string_view NsHref(const xmlNode* n) {
  return n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : "";
}

bool IsElement(const xmlNode* n, std::string_view local) {
  return n->type == XML_ELEMENT_NODE && Name(n) == local;
}

// The text of an element: its text and CDATA descendants. Entity references
// are skipped, never expanded, so a hostile DTD gains nothing here.
void AppendText(const xmlNode* n, std::string* out) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
        c->content != nullptr) {
      out->append(reinterpret_cast<const char*>(c->content));
    } else if (c->type == XML_ELEMENT_NODE) {
      AppendText(c, out);
    }
  }
}

std::string Text(const xmlNode* n) {
  std::string out;
  AppendText(n, &out);
  return out;
}

std::string Attr(const xmlNode* n, const char* name) {
  std::unique_ptr<xmlChar, XmlCharDeleter> v(
      xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
  return v ? std::string(reinterpret_cast<const char*>(v.get())) : "";
}

// xml:base of `n` resolved against the document URL (`base_url`).
std::string BaseOf(const xmlDoc* doc, const xmlNode* n) {
  std::unique_ptr<xmlChar, XmlCharDeleter> base(xmlNodeGetBase(doc, n));
  return base ? std::string(reinterpret_cast<const char*>(base.get())) : "";
}

std::string Resolve(const std::string& base, std::string_view ref) {
  if (base.empty()) {
    Result<std::string> abs = NormalizeUrl(ref);
    return abs.ok() ? std::string(ref) : "";
  }
  Result<std::string> abs = ResolveUrl(base, ref);
  return abs.ok() ? *abs : "";
}

bool LooksLikeHttpUrl(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

// Atom text constructs with type="html" hold escaped markup: drop the tags
// and decode the few entities that titles carry.
std::string HtmlToText(std::string_view html) {
  std::string no_tags;
  bool in_tag = false;
  for (const char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) no_tags.push_back(c);
    if (c == '>') in_tag = false;
  }
  static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"},   {"&gt;", ">"},  {"&quot;", "\""},
      {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
  std::string out;
  for (size_t i = 0; i < no_tags.size(); ++i) {
    bool replaced = false;
    if (no_tags[i] == '&') {
      for (const auto& [entity, text] : kEntities) {
        if (std::string_view(no_tags).substr(i, entity.size()) == entity) {
          out.append(text);
          i += entity.size() - 1;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(no_tags[i]);
  }
  return out;
}

FeedItem RssItem(const xmlDoc* doc, const xmlNode* item) {
  FeedItem out;
  std::string link, orig_link, guid, atom_link;
  bool guid_permalink = true;
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = Name(c);
    const std::string_view ns = NsHref(c);
    if (name == "title" && out.title.empty()) {
      out.title = CollapseWhitespace(Text(c));
    } else if (name == "link" && ns.find("Atom") != std::string_view::npos) {
      if (atom_link.empty()) atom_link = Attr(c, "href");
    } else if (name == "link" && link.empty()) {
      link = CollapseWhitespace(Text(c));
    } else if (name == "origLink" && orig_link.empty()) {
      orig_link = CollapseWhitespace(Text(c));  // feedburner:origLink
    } else if (name == "guid" && guid.empty()) {
      guid = CollapseWhitespace(Text(c));
      guid_permalink = Attr(c, "isPermaLink") != "false";
    } else if (name == "pubDate" && out.published.empty()) {
      out.published = AnyDateToIso(Text(c));
    } else if (name == "date" && out.published.empty()) {
      out.published = AnyDateToIso(Text(c));  // dc:date
    } else if (name == "updated" && out.updated.empty()) {
      out.updated = AnyDateToIso(Text(c));
    }
  }
  const std::string about = Attr(item, "about");  // RSS 1.0 rdf:about
  out.id = !guid.empty() ? guid : about;
  std::string chosen;
  for (const std::string* candidate : {&orig_link, &link, &atom_link}) {
    if (!candidate->empty()) {
      chosen = *candidate;
      break;
    }
  }
  if (chosen.empty() && guid_permalink && LooksLikeHttpUrl(guid)) chosen = guid;
  if (chosen.empty() && LooksLikeHttpUrl(about)) chosen = about;
  if (!chosen.empty()) out.url = Resolve(BaseOf(doc, item), chosen);
  return out;
}

FeedItem AtomEntry(const xmlDoc* doc, const xmlNode* entry) {
  FeedItem out;
  std::string alternate;
  for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = Name(c);
    if (name == "title" && out.title.empty()) {
      const std::string type = Attr(c, "type");
      std::string text = Text(c);
      if (type == "html" || type == "xhtml") text = HtmlToText(text);
      out.title = CollapseWhitespace(text);
    } else if (name == "link") {
      const std::string rel = Attr(c, "rel");
      const std::string href = Attr(c, "href");
      if (href.empty()) continue;
      const std::string resolved = Resolve(BaseOf(doc, c), href);
      if (resolved.empty()) continue;
      // Other relations (self, edit, enclosure, related) are not the
      // entry's page.
      if ((rel.empty() || rel == "alternate") && alternate.empty()) {
        alternate = resolved;
      }
    } else if (name == "id" && out.id.empty()) {
      out.id = CollapseWhitespace(Text(c));
    } else if (name == "published" && out.published.empty()) {
      out.published = AnyDateToIso(Text(c));
    } else if (name == "issued" && out.published.empty()) {
      out.published = AnyDateToIso(Text(c));  // Atom 0.3
    } else if (name == "updated" && out.updated.empty()) {
      out.updated = AnyDateToIso(Text(c));
    }
  }
  out.url = alternate;
  return out;
}

// The first error libxml2 reports (the last one is usually a consequence,
// such as "premature end of data"), with its position.
struct FirstError {
  bool set = false;
  int line = 0;
  int column = 0;
  std::string message;
};

// libxml2 passes the parser context as `user`; its _private holds ours.
extern "C" void RecordFirstError(void* user, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxt*>(user);
  auto* first = ctxt ? static_cast<FirstError*>(ctxt->_private) : nullptr;
  if (first == nullptr || first->set || error == nullptr) return;
  if (error->level < XML_ERR_ERROR) return;
  first->set = true;
  first->line = error->line;
  first->column = error->int2;
  if (error->message != nullptr) {
    first->message = CollapseWhitespace(error->message);
  }
}

Status XmlError(const FirstError& e, std::string_view what) {
  std::string message = "malformed XML in " + std::string(what);
  if (e.set) {
    message += " at line " + std::to_string(e.line) + ", column " +
               std::to_string(e.column) + ": " + e.message;
  }
  return Status::Corruption(message);
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' ||
                        s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  return s;
}

// The local name of the first element of an XML-ish text, skipping the XML
// declaration, comments, processing instructions and DOCTYPE; "" if none is
// found in `s`.
std::string RootElementName(std::string_view s) {
  size_t p = 0;
  while (true) {
    p = s.find('<', p);
    if (p == std::string_view::npos || p + 1 >= s.size()) return "";
    if (s.substr(p, 4) == "<!--") {
      p = s.find("-->", p + 4);
      if (p == std::string_view::npos) return "";
      continue;
    }
    if (s[p + 1] == '?' || s[p + 1] == '!') {
      p = s.find('>', p + 1);
      if (p == std::string_view::npos) return "";
      continue;
    }
    size_t end = p + 1;
    while (end < s.size() && s[end] != ' ' && s[end] != '>' && s[end] != '/' &&
           s[end] != '\t' && s[end] != '\r' && s[end] != '\n') {
      ++end;
    }
    std::string_view name = s.substr(p + 1, end - p - 1);
    const size_t colon = name.find(':');
    if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
    std::string lower;
    for (const char c : name) {
      lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    }
    return lower;
  }
}

std::string LowerMediaType(std::string_view content_type) {
  std::string out;
  for (const char c : content_type.substr(0, content_type.find(';'))) {
    if (c == ' ' || c == '\t') continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  }
  return out;
}

}  // namespace

Result<std::vector<FeedItem>> ParseFeed(std::string_view xml,
                                        std::string_view base_url) {
  ingest_internal::EnsureXmlInitialized();
  std::string inflated;
  if (ingest_internal::LooksGzipped(xml)) {
    Result<std::string> plain = ingest_internal::Gunzip(xml, kMaxFeedBytes);
    if (!plain.ok()) return plain.status().WithContext("feed");
    inflated = std::move(*plain);
    xml = inflated;
  }
  if (xml.size() > INT_MAX) return Status::InvalidArgument("feed too large");
  std::unique_ptr<xmlParserCtxt, CtxtDeleter> ctxt(xmlNewParserCtxt());
  if (!ctxt) return Status::Internal("libxml2: cannot create a parser");
  FirstError first_error;
  ctxt->_private = &first_error;
  ctxt->sax->serror = RecordFirstError;
  const std::string url(base_url);
  std::unique_ptr<xmlDoc, DocDeleter> doc(xmlCtxtReadMemory(
      ctxt.get(), xml.data(), static_cast<int>(xml.size()),
      url.empty() ? nullptr : url.c_str(), nullptr, kXmlOptions));
  if (!doc) return XmlError(first_error, "feed");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr)
    return Status::InvalidArgument("feed has no root element");

  std::vector<FeedItem> items;
  auto add = [&](FeedItem item) {
    if (!item.url.empty()) items.push_back(std::move(item));
  };
  const std::string_view root_name = Name(root);
  if (root_name == "feed") {
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (IsElement(c, "entry")) add(AtomEntry(doc.get(), c));
    }
  } else if (root_name == "rss" || root_name == "RDF") {
    // RSS 2.0 items sit in <channel>; RSS 1.0 items next to it.
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (IsElement(c, "item")) add(RssItem(doc.get(), c));
      if (IsElement(c, "channel")) {
        for (const xmlNode* i = c->children; i != nullptr; i = i->next) {
          if (IsElement(i, "item")) add(RssItem(doc.get(), i));
        }
      }
    }
  } else {
    return Status::InvalidArgument("not a feed: the root element is <" +
                                   std::string(root_name) + ">");
  }
  return items;
}

const char* SourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::kFeed:
      return "feed";
    case SourceKind::kSitemap:
      return "sitemap";
    case SourceKind::kSitemapIndex:
      return "sitemap index";
    case SourceKind::kHtml:
      return "html";
    case SourceKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

SourceKind SniffSource(std::string_view bytes, std::string_view content_type) {
  constexpr size_t kSniffBytes = 8192;
  std::string head;
  if (ingest_internal::LooksGzipped(bytes)) {
    head = ingest_internal::GunzipPrefix(bytes, kSniffBytes);
  } else {
    head = std::string(bytes.substr(0, kSniffBytes));
  }
  const std::string_view s = SkipBomAndSpace(head);
  const std::string type = LowerMediaType(content_type);
  if (!s.empty() && s.front() == '<') {
    const std::string root = RootElementName(s);
    if (root == "rss" || root == "rdf" || root == "feed")
      return SourceKind::kFeed;
    if (root == "urlset") return SourceKind::kSitemap;
    if (root == "sitemapindex") return SourceKind::kSitemapIndex;
    if (root == "html" || root == "head" || root == "body" ||
        s.substr(0, 9) == "<!DOCTYPE" || s.substr(0, 9) == "<!doctype") {
      if (root.empty() || root == "html" || root == "head" || root == "body") {
        return SourceKind::kHtml;
      }
    }
  }
  if (type == "text/html" || type == "application/xhtml+xml") {
    return SourceKind::kHtml;
  }
  if (type == "application/rss+xml" || type == "application/atom+xml" ||
      type == "application/rdf+xml") {
    return SourceKind::kFeed;
  }
  if ((type.empty() || type == "text/plain") &&
      (s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0)) {
    return SourceKind::kSitemap;
  }
  return SourceKind::kUnknown;
}

}  // namespace newsfacts
