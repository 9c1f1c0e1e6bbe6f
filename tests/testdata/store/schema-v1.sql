-- A newsfacts database at schema version 1, as the released v1 schema
-- (store/schema.cc, step 1) created it, with one article, one run and two
-- frontier rows. tests/store/frontier_test.cc builds a file from this script
-- and checks that opening it upgrades it cleanly.

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

INSERT INTO sources (id, name) VALUES (1, 'www.rferl.org');
INSERT INTO documents (id, source_id, source, requested_url, final_url, http_status, origin, content_hash, raw, raw_size)
  VALUES (1, 1, 'https://www.rferl.org/a/old/100.html', 'https://www.rferl.org/a/old/100.html', 'https://www.rferl.org/a/old/100.html', 200, 'http', '0000000000000000', NULL, 0);
INSERT INTO article_rows (id, document_id, url, title, kind, text, content_hash, extracted_at)
  VALUES (1, 1, 'https://www.rferl.org/a/old/100.html', 'An article stored by schema version 1', 'article', 'Text.', '0000000000000000', 1700000000);
INSERT INTO article_urls (url, article_id) VALUES ('https://www.rferl.org/a/old/100.html', 1);
INSERT INTO runs (kind, args, started_at, finished_at, read, stored) VALUES ('ingest', 'old.html', 1700000000, 1700000001, 1, 1);
INSERT INTO frontier (url, state, next_attempt, attempts) VALUES ('https://www.rferl.org/a/old/101.html', 'new', 0, 0);
INSERT INTO frontier (url, state, next_attempt, attempts) VALUES ('https://www.rferl.org/a/old/102.html', 'in_flight', 0, 1);
PRAGMA user_version = 1;
