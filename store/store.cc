// Store::Open and the parts of SqliteStore that are not the article write:
// free-form queries, runs and raw pages.
#include "store/store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <climits>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "store/compress.h"
#include "store/schema.h"
#include "store/sqlite_error.h"
#include "store/sqlite_store.h"

namespace newsfacts {
namespace {

using StatementPtr = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

Result<std::unique_ptr<SQLite::Database>> OpenReadOnly(
    const std::string& path, const StoreOptions& options) {
  // SQLite would report a missing file as a generic "unable to open"; say
  // what it is, and never create it.
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound(path + ": no such database file");
  }
  auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY,
                                               options.busy_timeout_ms);
  Result<int> version = ReadSchemaVersion(*db, path);
  if (!version.ok()) return version.status();
  NF_RETURN_IF_ERROR(CheckSchemaVersion(*version, path));
  if (*version < LatestSchemaVersion()) {
    return Status::Unsupported(
        path + ": database schema version " + std::to_string(*version) +
        " is older than " + std::to_string(LatestSchemaVersion()) +
        " (or not a newsfacts database); open it once for writing, e.g. "
        "with `newsfacts ingest`, to migrate it");
  }
  // Belt and braces: the connection flag already refuses writes, this also
  // covers statements that would write to temp tables.
  db->exec("PRAGMA query_only = ON");
  return db;
}

}  // namespace

Result<std::unique_ptr<SQLite::Database>> OpenMigratedDatabase(
    const std::string& path, const StoreOptions& options) {
  auto db = std::make_unique<SQLite::Database>(
      path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
      options.busy_timeout_ms);
  // Check the version before any PRAGMA that writes (journal_mode does), so
  // a database from a newer newsfacts is left exactly as it was.
  Result<int> version = ReadSchemaVersion(*db, path);
  if (!version.ok()) return version.status();
  NF_RETURN_IF_ERROR(CheckSchemaVersion(*version, path));
  db->exec("PRAGMA journal_mode = WAL");
  db->exec("PRAGMA synchronous = NORMAL");
  db->exec("PRAGMA foreign_keys = ON");
  NF_RETURN_IF_ERROR(MigrateSchema(*db, path));
  return db;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                           const StoreOptions& options) {
  if (path.empty())
    return Status::InvalidArgument("store: empty database path");
  Env* env = options.env != nullptr ? options.env : Env::Default();
  try {
    Result<std::unique_ptr<SQLite::Database>> db =
        options.read_only ? OpenReadOnly(path, options)
                          : OpenMigratedDatabase(path, options);
    if (!db.ok()) return db.status();
    return std::unique_ptr<Store>(
        new SqliteStore(std::move(*db), path, options.read_only, env));
  } catch (const std::exception& e) {
    return SqlError(e, path);
  }
}

Status SqliteStore::WritableOrError(std::string_view what) const {
  if (!read_only_) return Status::OK();
  return Status::Unsupported(path_ + ": " + std::string(what) +
                             ": the database is open read-only");
}

Result<QueryResult> SqliteStore::Query(std::string_view sql) {
  if (sql.size() > INT_MAX) return Status::InvalidArgument("query too long");
  sqlite3* handle = db_->getHandle();
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(handle, sql.data(), static_cast<int>(sql.size()),
                              &raw, &tail);
  StatementPtr stmt(raw, sqlite3_finalize);
  if (rc != SQLITE_OK) {
    const std::string what = std::string("query: ") + sqlite3_errmsg(handle);
    // Plain SQLITE_ERROR at prepare time is the caller's SQL (syntax, an
    // unknown table or column), not a fault of the database.
    if (rc == SQLITE_ERROR) return Status::InvalidArgument(path_ + ": " + what);
    return SqliteStatus(rc, what, path_);
  }
  if (stmt == nullptr) {
    return Status::InvalidArgument(path_ + ": query: no SQL statement");
  }
  // Only whitespace, comments and semicolons may follow: a second statement
  // would otherwise be silently ignored.
  const char* end = sql.data() + sql.size();
  if (tail != nullptr && tail < end) {
    sqlite3_stmt* next_raw = nullptr;
    rc = sqlite3_prepare_v2(handle, tail, static_cast<int>(end - tail),
                            &next_raw, nullptr);
    StatementPtr next(next_raw, sqlite3_finalize);
    if (rc != SQLITE_OK || next != nullptr) {
      return Status::InvalidArgument(path_ +
                                     ": query: give exactly one SQL statement");
    }
  }
  if (read_only_ && !sqlite3_stmt_readonly(stmt.get())) {
    return Status::Unsupported(
        path_ +
        ": query: the database is open read-only; only statements "
        "that read (SELECT, read-only PRAGMA) are allowed");
  }

  QueryResult result;
  const int ncols = sqlite3_column_count(stmt.get());
  for (int i = 0; i < ncols; ++i) {
    const char* name = sqlite3_column_name(stmt.get(), i);
    result.columns.emplace_back(name != nullptr ? name : "");
  }
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    std::vector<SqlValue>& row = result.rows.emplace_back();
    row.reserve(ncols);
    for (int i = 0; i < ncols; ++i) {
      switch (sqlite3_column_type(stmt.get(), i)) {
        case SQLITE_INTEGER:
          row.emplace_back(
              static_cast<int64_t>(sqlite3_column_int64(stmt.get(), i)));
          break;
        case SQLITE_FLOAT:
          row.emplace_back(sqlite3_column_double(stmt.get(), i));
          break;
        case SQLITE_NULL:
          row.emplace_back(std::monostate{});
          break;
        default: {  // TEXT and BLOB both come back as bytes
          const void* data = sqlite3_column_blob(stmt.get(), i);
          const int n = sqlite3_column_bytes(stmt.get(), i);
          row.emplace_back(data != nullptr
                               ? std::string(static_cast<const char*>(data), n)
                               : std::string());
        }
      }
    }
  }
  if (rc != SQLITE_DONE) {
    return SqliteStatus(rc, std::string("query: ") + sqlite3_errmsg(handle),
                        path_);
  }
  return result;
}

Result<int64_t> SqliteStore::BeginRun(std::string_view kind,
                                      std::string_view args) {
  NF_RETURN_IF_ERROR(WritableOrError("begin run"));
  try {
    SQLite::Statement insert(
        *db_, "INSERT INTO runs (kind, args, started_at) VALUES (?, ?, ?)");
    insert.bind(1, std::string(kind));
    insert.bind(2, std::string(args));
    insert.bind(3, static_cast<int64_t>(NowSeconds()));
    insert.exec();
    return static_cast<int64_t>(db_->getLastInsertRowid());
  } catch (const std::exception& e) {
    return SqlError(e, path_).WithContext("begin run");
  }
}

Status SqliteStore::FinishRun(int64_t run_id, const RunFigures& figures) {
  NF_RETURN_IF_ERROR(WritableOrError("finish run"));
  try {
    SQLite::Statement update(
        *db_,
        "UPDATE runs SET finished_at = ?, read = ?, stored = ?, replaced = ?, "
        "unchanged = ?, failed = ?, queued = ?, fetched = ?, not_modified = ?, "
        "skipped = ? WHERE id = ?");
    update.bind(1, static_cast<int64_t>(NowSeconds()));
    update.bind(2, figures.read);
    update.bind(3, figures.stored);
    update.bind(4, figures.replaced);
    update.bind(5, figures.unchanged);
    update.bind(6, figures.failed);
    update.bind(7, figures.queued);
    update.bind(8, figures.fetched);
    update.bind(9, figures.not_modified);
    update.bind(10, figures.skipped);
    update.bind(11, run_id);
    if (update.exec() == 0) {
      return Status::NotFound(path_ + ": no run with id " +
                              std::to_string(run_id));
    }
    return Status::OK();
  } catch (const std::exception& e) {
    return SqlError(e, path_).WithContext("finish run");
  }
}

Result<int> SqliteStore::SchemaVersion() {
  try {
    return db_->execAndGet("PRAGMA user_version").getInt();
  } catch (const std::exception& e) {
    return SqlError(e, path_);
  }
}

Result<bool> SqliteStore::HasSamePage(const Document& document) {
  try {
    SQLite::Statement select(
        *db_,
        "SELECT 1 FROM documents d JOIN article_rows a ON a.document_id = d.id "
        "WHERE d.source = ? AND d.content_hash = ? LIMIT 1");
    select.bind(1, document.source);
    select.bind(2, ContentHash(document.raw));
    return select.executeStep();
  } catch (const std::exception& e) {
    return SqlError(e, path_);
  }
}

Result<Document> SqliteStore::StoredDocument(int64_t article_id) {
  try {
    SQLite::Statement select(
        *db_,
        "SELECT d.source, d.requested_url, d.final_url, d.http_status, "
        "d.content_type, d.etag, d.last_modified, d.fetch_time, d.charset, "
        "d.origin FROM article_rows a JOIN documents d "
        "ON d.id = a.document_id WHERE a.id = ?");
    select.bind(1, article_id);
    if (!select.executeStep()) {
      return Status::NotFound(path_ + ": no article with id " +
                              std::to_string(article_id));
    }
    // NULL columns read back as "" and 0: the "unknown" of core/types.h.
    Document doc;
    doc.source = select.getColumn(0).getString();
    doc.requested_url = select.getColumn(1).getString();
    doc.final_url = select.getColumn(2).getString();
    doc.http_status = select.getColumn(3).getInt();
    doc.content_type = select.getColumn(4).getString();
    doc.etag = select.getColumn(5).getString();
    doc.last_modified = select.getColumn(6).getString();
    doc.fetch_time = select.getColumn(7).getInt64();
    doc.charset = select.getColumn(8).getString();
    const std::string origin = select.getColumn(9).getString();
    for (Origin o : {Origin::kFile, Origin::kStdin, Origin::kHttp,
                     Origin::kFeed, Origin::kSitemap, Origin::kWarc}) {
      if (origin == OriginName(o)) doc.origin = o;
    }
    Result<std::string> raw = RawPage(article_id);
    if (!raw.ok()) return raw.status();
    doc.raw = std::move(*raw);
    return doc;
  } catch (const std::exception& e) {
    return SqlError(e, path_);
  }
}

Result<std::string> SqliteStore::RawPage(int64_t article_id) {
  try {
    SQLite::Statement select(
        *db_,
        "SELECT d.raw, d.raw_size FROM article_rows a "
        "JOIN documents d ON d.id = a.document_id WHERE a.id = ?");
    select.bind(1, article_id);
    if (!select.executeStep()) {
      return Status::NotFound(path_ + ": no article with id " +
                              std::to_string(article_id));
    }
    SQLite::Column raw = select.getColumn(0);
    const int64_t size = select.getColumn(1).getInt64();
    if (size < 0) return Status::Corruption(path_ + ": negative raw_size");
    std::string_view frame(static_cast<const char*>(raw.getBlob()),
                           static_cast<size_t>(raw.getBytes()));
    Result<std::string> page = DecompressRaw(frame, static_cast<size_t>(size));
    if (!page.ok()) {
      return page.status().WithContext(path_ + ": article " +
                                       std::to_string(article_id));
    }
    return page;
  } catch (const std::exception& e) {
    return SqlError(e, path_);
  }
}

}  // namespace newsfacts
