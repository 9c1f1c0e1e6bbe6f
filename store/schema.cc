#include "store/schema.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <array>
#include <exception>
#include <string>

#include "store/sqlite_error.h"

namespace newsfacts {
namespace {

// Version 1. The base table for articles is `article_rows` because the
// database contract (spec/facts.md) reserves the name `articles` for a view.
// Offsets (start, "end") are code points into article_rows.text.
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE  -- URL host, or 'file' / 'stdin'
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  source_id INTEGER REFERENCES sources(id),
  source TEXT NOT NULL,
  requested_url TEXT,
  final_url TEXT,
  http_status INTEGER,
  content_type TEXT,
  etag TEXT,
  last_modified TEXT,
  fetch_time INTEGER,
  charset TEXT,
  origin TEXT NOT NULL,
  content_hash TEXT NOT NULL,  -- FNV-1a 64 of the raw bytes, 16 hex digits
  raw BLOB,                    -- zstd frame
  raw_size INTEGER NOT NULL
);
CREATE INDEX documents_source ON documents(source, content_hash);

CREATE TABLE article_rows (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  url TEXT,
  canonical_url TEXT,
  title TEXT,
  authors TEXT NOT NULL DEFAULT '[]',
  published TEXT,
  modified TEXT,
  language TEXT,
  section TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  blocks TEXT NOT NULL DEFAULT '[]',
  captions TEXT NOT NULL DEFAULT '[]',
  posts TEXT NOT NULL DEFAULT '[]',
  content_hash TEXT NOT NULL,
  extracted_at INTEGER NOT NULL
);
CREATE INDEX article_rows_document ON article_rows(document_id);

CREATE TABLE article_urls (
  url TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article_rows(id) ON DELETE CASCADE
);
CREATE INDEX article_urls_article ON article_urls(article_id);

CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  canonical TEXT NOT NULL,
  UNIQUE (type, canonical)
);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article_rows(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  title TEXT,
  rule TEXT,
  CHECK (start >= 0 AND start <= "end")
);
CREATE INDEX mentions_article ON mentions(article_id, start);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE dates (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article_rows(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT,
  mod TEXT,
  anchored TEXT,
  begin TEXT,
  end_value TEXT,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  rule TEXT,
  CHECK (start >= 0 AND start <= "end")
);
CREATE INDEX dates_article ON dates(article_id, start);

CREATE TABLE counts (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article_rows(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  value INTEGER NOT NULL,
  low INTEGER,
  high INTEGER,
  qualifier TEXT NOT NULL,
  unit TEXT,
  subject TEXT,
  event TEXT,
  date TEXT,
  place TEXT,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  rule TEXT,
  CHECK (start >= 0 AND start <= "end")
);
CREATE INDEX counts_article ON counts(article_id, start);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  args TEXT,
  started_at INTEGER NOT NULL,  -- Unix seconds
  finished_at INTEGER,
  read INTEGER NOT NULL DEFAULT 0,
  stored INTEGER NOT NULL DEFAULT 0,
  replaced INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE frontier (
  url TEXT PRIMARY KEY,
  state TEXT NOT NULL DEFAULT 'new',
  next_attempt INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE INDEX frontier_due ON frontier(state, next_attempt);

-- External-content FTS5 index, kept in sync by triggers (the pattern from
-- the FTS5 documentation, section 4.4.3).
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='article_rows', content_rowid='id');
CREATE TRIGGER article_rows_fts_insert AFTER INSERT ON article_rows BEGIN
  INSERT INTO articles_fts(rowid, title, text)
  VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER article_rows_fts_delete AFTER DELETE ON article_rows BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
  VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER article_rows_fts_update AFTER UPDATE ON article_rows BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
  VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text)
  VALUES (new.id, new.title, new.text);
END;

-- The database contract (spec/facts.md): stable views for downstream tools.
CREATE VIEW articles AS
SELECT id, url, canonical_url, title, published, language, section, text,
       modified, authors, tags, kind, document_id, extracted_at
FROM article_rows;

CREATE VIEW entity_mentions AS
SELECT m.article_id, e.type, m.text, e.canonical, m.start, m."end",
       m.title, m.rule
FROM mentions m JOIN entities e ON e.id = m.entity_id;

CREATE VIEW date_mentions AS
SELECT article_id, type, text, value, start, "end", mod, anchored, begin,
       end_value, rule
FROM dates;

CREATE VIEW case_counts AS
SELECT article_id, text, value, low, high, qualifier, unit, subject, event,
       date, place, start, "end", rule
FROM counts;

CREATE VIEW facts AS
SELECT article_id, 'entity' AS kind, text, canonical AS value, start, "end",
       type AS detail, rule
FROM entity_mentions
UNION ALL
SELECT article_id, 'date', text, value, start, "end", type, rule
FROM date_mentions
UNION ALL
SELECT article_id, 'count', text, value, start, "end", event, rule
FROM case_counts;
)sql";

// Version 2: the crawl frontier gets what the crawler keeps per URL
// (store/frontier.h) and runs get the crawl's figures. Times are Unix
// seconds; refetch_interval is seconds.
constexpr char kSchemaV2[] = R"sql(
ALTER TABLE frontier ADD COLUMN dedup_key TEXT;
ALTER TABLE frontier ADD COLUMN kind TEXT NOT NULL DEFAULT 'article';
ALTER TABLE frontier ADD COLUMN etag TEXT;
ALTER TABLE frontier ADD COLUMN last_modified TEXT;
ALTER TABLE frontier ADD COLUMN content_hash TEXT;
ALTER TABLE frontier ADD COLUMN last_fetched INTEGER;
ALTER TABLE frontier ADD COLUMN refetch_interval INTEGER;
ALTER TABLE frontier ADD COLUMN source TEXT;
ALTER TABLE frontier ADD COLUMN final_url TEXT;
ALTER TABLE frontier ADD COLUMN published TEXT;
ALTER TABLE frontier ADD COLUMN claimed_at INTEGER;
ALTER TABLE frontier ADD COLUMN added_at INTEGER;
UPDATE frontier SET dedup_key = url WHERE dedup_key IS NULL;
CREATE UNIQUE INDEX frontier_article_key ON frontier(dedup_key)
  WHERE kind = 'article';

ALTER TABLE runs ADD COLUMN queued INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN fetched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN not_modified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
)sql";

// Append new steps here; never edit a released one.
constexpr std::array<const char*, 2> kMigrations = {kSchemaV1, kSchemaV2};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

Result<int> ReadSchemaVersion(SQLite::Database& db, const std::string& path) {
  try {
    // Reading the schema is what makes SQLite look at the file header, so a
    // file that is not a database fails here rather than at first write.
    db.execAndGet("SELECT count(*) FROM sqlite_master");
    return db.execAndGet("PRAGMA user_version").getInt();
  } catch (const std::exception& e) {
    return SqlError(e, path);
  }
}

Status CheckSchemaVersion(int version, const std::string& path) {
  if (version > LatestSchemaVersion()) {
    return Status::Unsupported(
        path + ": database schema version " + std::to_string(version) +
        " is newer than this newsfacts supports (" +
        std::to_string(LatestSchemaVersion()) +
        "); use a newer newsfacts. The database was not changed.");
  }
  if (version < 0) {
    return Status::Corruption(path + ": negative user_version " +
                              std::to_string(version));
  }
  return Status::OK();
}

Status MigrateSchema(SQLite::Database& db, const std::string& path) {
  try {
    for (;;) {
      // Immediate: take the write lock before re-reading the version, so two
      // processes opening a fresh file do not both apply the same step.
      SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
      const int version = db.execAndGet("PRAGMA user_version").getInt();
      NF_RETURN_IF_ERROR(CheckSchemaVersion(version, path));
      if (version == LatestSchemaVersion()) return Status::OK();
      db.exec(kMigrations[version]);
      db.exec("PRAGMA user_version = " + std::to_string(version + 1));
      txn.commit();
    }
  } catch (const std::exception& e) {
    return SqlError(e, path).WithContext("migrating schema");
  }
}

}  // namespace newsfacts
