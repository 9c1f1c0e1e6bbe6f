// SqliteStore::PutArticle: one transaction that decides stored / replaced /
// unchanged and writes the document, the article, its URLs and its facts.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "store/compress.h"
#include "store/sqlite_error.h"
#include "store/sqlite_store.h"

namespace newsfacts {
namespace {

using nlohmann::json;

bool LooksLikeUrl(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://");
}

// Empty strings mean "unknown" in core/types.h and NULL in the database.
void BindText(SQLite::Statement& stmt, int index, const std::string& value) {
  if (value.empty()) {
    stmt.bind(index);
  } else {
    stmt.bind(index, value);
  }
}

void BindNonZero(SQLite::Statement& stmt, int index, int64_t value) {
  if (value == 0) {
    stmt.bind(index);
  } else {
    stmt.bind(index, value);
  }
}

// JSON text for a column; invalid UTF-8 from a page must not throw.
std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json BlocksJson(const std::vector<Block>& blocks) {
  json out = json::array();
  for (const Block& b : blocks) {
    out.push_back({{"kind", BlockKindName(b.kind)}, {"text", b.text}});
  }
  return out;
}

json PostsJson(const std::vector<Post>& posts) {
  json out = json::array();
  for (const Post& p : posts) {
    out.push_back({{"title", p.title},
                   {"published", p.published},
                   {"authors", p.authors},
                   {"blocks", BlocksJson(p.blocks)},
                   {"text", p.text}});
  }
  return out;
}

// The article's identity comes first (canonical URL, else URL, else the
// document's source), then every other URL the page is known by.
std::vector<std::string> KnownUrls(const Document& document,
                                   const Article& article) {
  std::vector<std::string> urls;
  auto add = [&urls](const std::string& url) {
    if (!url.empty() &&
        std::find(urls.begin(), urls.end(), url) == urls.end()) {
      urls.push_back(url);
    }
  };
  if (!article.canonical_url.empty()) {
    add(article.canonical_url);
  } else if (!article.url.empty()) {
    add(article.url);
  } else {
    add(document.source);
  }
  if (LooksLikeUrl(document.source)) add(document.source);
  add(document.requested_url);
  add(document.final_url);
  add(article.url);
  return urls;
}

// Lower-cased host of an absolute URL, without user info and port.
std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) {
    rest = rest.substr(at + 1);
  }
  if (!rest.starts_with('[')) rest = rest.substr(0, rest.find(':'));
  std::string host(rest);
  for (char& c : host) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return host;
}

}  // namespace

Result<PutOutcome> SqliteStore::PutArticle(const Document& document,
                                           const Article& article,
                                           const Facts& facts,
                                           const PutOptions& options) {
  NF_RETURN_IF_ERROR(WritableOrError("put article"));
  // Files read from disk may only fill `html`; hash what we have.
  const std::string& raw = document.raw.empty() ? document.html : document.raw;
  const std::string hash = ContentHash(raw);
  const std::vector<std::string> urls = KnownUrls(document, article);
  if (urls.empty()) {
    return Status::InvalidArgument(
        path_ + ": put article: no URL or source identifies the article");
  }
  // Compress before taking the write lock.
  Result<std::string> frame = CompressRaw(raw);
  if (!frame.ok()) return frame.status().WithContext(urls.front());

  try {
    // Immediate: the lookup and the write must see the same database, even
    // with another process ingesting into it.
    SQLite::Transaction txn(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    const std::optional<Existing> existing = FindArticle(urls);
    if (existing.has_value() && existing->content_hash == hash &&
        !options.even_if_unchanged) {
      return PutOutcome::kUnchanged;  // the transaction rolls back: no writes
    }
    std::optional<int64_t> document_id, article_id;
    if (existing.has_value()) {
      document_id = existing->document_id;
      article_id = existing->article_id;
    }
    const int64_t doc_id = WriteDocument(document, hash, *frame, document_id);
    const int64_t id = WriteArticle(article, doc_id, hash, article_id);
    if (existing.has_value()) DeleteFacts(id);
    RegisterUrls(urls, id);
    InsertFacts(article, facts, id);
    txn.commit();
    return existing.has_value() ? PutOutcome::kReplaced : PutOutcome::kStored;
  } catch (const std::exception& e) {
    return SqlError(e, path_).WithContext("put article " + urls.front());
  }
}

std::optional<SqliteStore::Existing> SqliteStore::FindArticle(
    const std::vector<std::string>& urls) {
  SQLite::Statement select(
      *db_,
      "SELECT a.id, a.document_id, a.content_hash FROM article_urls u "
      "JOIN article_rows a ON a.id = u.article_id WHERE u.url = ?");
  for (const std::string& url : urls) {
    select.reset();
    select.bind(1, url);
    if (select.executeStep()) {
      return Existing{select.getColumn(0).getInt64(),
                      select.getColumn(1).getInt64(),
                      select.getColumn(2).getString()};
    }
  }
  return std::nullopt;
}

int64_t SqliteStore::SourceId(const Document& document) {
  std::string name;
  for (const std::string* url :
       {&document.final_url, &document.requested_url, &document.source}) {
    if (name.empty() && LooksLikeUrl(*url)) name = HostOf(*url);
  }
  if (name.empty()) name = OriginName(document.origin);
  SQLite::Statement insert(
      *db_, "INSERT INTO sources (name) VALUES (?) ON CONFLICT DO NOTHING");
  insert.bind(1, name);
  insert.exec();
  SQLite::Statement select(*db_, "SELECT id FROM sources WHERE name = ?");
  select.bind(1, name);
  select.executeStep();
  return select.getColumn(0).getInt64();
}

int64_t SqliteStore::WriteDocument(const Document& document,
                                   const std::string& hash,
                                   const std::string& frame,
                                   std::optional<int64_t> document_id) {
  const int64_t source_id = SourceId(document);
  SQLite::Statement stmt(
      *db_, document_id.has_value()
                ? "UPDATE documents SET source_id = ?1, source = ?2, "
                  "requested_url = ?3, final_url = ?4, http_status = ?5, "
                  "content_type = ?6, etag = ?7, last_modified = ?8, "
                  "fetch_time = ?9, charset = ?10, origin = ?11, "
                  "content_hash = ?12, raw = ?13, raw_size = ?14 "
                  "WHERE id = ?15"
                : "INSERT INTO documents (source_id, source, requested_url, "
                  "final_url, http_status, content_type, etag, last_modified, "
                  "fetch_time, charset, origin, content_hash, raw, raw_size) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                  "?13, ?14)");
  const std::string& raw = document.raw.empty() ? document.html : document.raw;
  stmt.bind(1, source_id);
  stmt.bind(2, document.source);
  BindText(stmt, 3, document.requested_url);
  BindText(stmt, 4, document.final_url);
  BindNonZero(stmt, 5, document.http_status);
  BindText(stmt, 6, document.content_type);
  BindText(stmt, 7, document.etag);
  BindText(stmt, 8, document.last_modified);
  BindNonZero(stmt, 9, document.fetch_time);
  BindText(stmt, 10, document.charset);
  stmt.bind(11, OriginName(document.origin));
  stmt.bind(12, hash);
  stmt.bind(13, frame.data(), static_cast<int>(frame.size()));
  stmt.bind(14, static_cast<int64_t>(raw.size()));
  if (document_id.has_value()) stmt.bind(15, *document_id);
  stmt.exec();
  return document_id.has_value() ? *document_id : db_->getLastInsertRowid();
}

int64_t SqliteStore::WriteArticle(const Article& article, int64_t document_id,
                                  const std::string& hash,
                                  std::optional<int64_t> article_id) {
  SQLite::Statement stmt(
      *db_, article_id.has_value()
                ? "UPDATE article_rows SET document_id = ?1, url = ?2, "
                  "canonical_url = ?3, title = ?4, authors = ?5, "
                  "published = ?6, modified = ?7, language = ?8, "
                  "section = ?9, tags = ?10, kind = ?11, text = ?12, "
                  "blocks = ?13, captions = ?14, posts = ?15, "
                  "content_hash = ?16, extracted_at = ?17 WHERE id = ?18"
                : "INSERT INTO article_rows (document_id, url, canonical_url, "
                  "title, authors, published, modified, language, section, "
                  "tags, kind, text, blocks, captions, posts, content_hash, "
                  "extracted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                  "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
  stmt.bind(1, document_id);
  BindText(stmt, 2, article.url);
  BindText(stmt, 3, article.canonical_url);
  BindText(stmt, 4, article.title);
  stmt.bind(5, Dump(json(article.authors)));
  BindText(stmt, 6, article.published);
  BindText(stmt, 7, article.modified);
  BindText(stmt, 8, article.language);
  BindText(stmt, 9, article.section);
  stmt.bind(10, Dump(json(article.tags)));
  stmt.bind(11, PageKindName(article.kind));
  // Not NULL even when empty: offsets and substr() are defined over it.
  stmt.bind(12, article.text);
  stmt.bind(13, Dump(BlocksJson(article.blocks)));
  stmt.bind(14, Dump(json(article.captions)));
  stmt.bind(15, Dump(PostsJson(article.posts)));
  stmt.bind(16, hash);
  stmt.bind(17, NowSeconds());
  if (article_id.has_value()) stmt.bind(18, *article_id);
  stmt.exec();
  return article_id.has_value() ? *article_id : db_->getLastInsertRowid();
}

void SqliteStore::RegisterUrls(const std::vector<std::string>& urls,
                               int64_t article_id) {
  // A URL already claimed by another article keeps its first owner: ids
  // that downstream tools saw must not silently change meaning.
  SQLite::Statement insert(
      *db_,
      "INSERT INTO article_urls (url, article_id) VALUES (?, ?) "
      "ON CONFLICT (url) DO NOTHING");
  for (const std::string& url : urls) {
    insert.reset();
    insert.bind(1, url);
    insert.bind(2, article_id);
    insert.exec();
  }
}

void SqliteStore::DeleteFacts(int64_t article_id) {
  // Entities only this article mentioned would otherwise linger after a
  // re-extraction dropped them; remember them to prune after the deletes.
  std::vector<int64_t> entity_ids;
  SQLite::Statement old_entities(
      *db_, "SELECT DISTINCT entity_id FROM mentions WHERE article_id = ?");
  old_entities.bind(1, article_id);
  while (old_entities.executeStep()) {
    entity_ids.push_back(old_entities.getColumn(0).getInt64());
  }
  for (const char* sql : {"DELETE FROM mentions WHERE article_id = ?",
                          "DELETE FROM dates WHERE article_id = ?",
                          "DELETE FROM counts WHERE article_id = ?"}) {
    SQLite::Statement del(*db_, sql);
    del.bind(1, article_id);
    del.exec();
  }
  SQLite::Statement prune(*db_,
                          "DELETE FROM entities WHERE id = ?1 AND NOT EXISTS "
                          "(SELECT 1 FROM mentions WHERE entity_id = ?1)");
  for (int64_t id : entity_ids) {
    prune.reset();
    prune.bind(1, id);
    prune.exec();
  }
}

}  // namespace newsfacts
