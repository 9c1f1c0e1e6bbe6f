// store/: the only user of SQLiteCpp. Owns the schema (migrated with
// PRAGMA user_version), idempotent article writes, and read-only queries.
// The stable views for downstream tools (articles, entity_mentions,
// date_mentions, case_counts, facts) follow spec/facts.md.
//
//   Result<std::unique_ptr<Store>> store = Store::Open("newsfacts.db", {});
//   Result<PutOutcome> put = (*store)->PutArticle(doc, article, facts);
//
// Every PutArticle is one transaction: a crash leaves the database as it was
// before or after that article, never in between.
//
// Views (the database contract; base tables may change between schema
// versions, these do not): articles(id, url, canonical_url, title,
// published, language, section, text, ...), entity_mentions(article_id,
// type, text, canonical, start, end, title, rule), date_mentions(article_id,
// type, text, value, start, end, mod, anchored, begin, end_value, rule),
// case_counts(article_id, text, value, low, high, qualifier, unit, subject,
// event, date, place, start, end, rule), facts(article_id, kind, text,
// value, start, end, detail, rule). start/end are code point offsets into
// articles.text: substr(text, start + 1, "end" - start) is the mention
// (`end` is an SQL keyword: quote it). Full text: articles_fts (FTS5 over
// title and text, rowid = articles.id).
//
// Every SQL error is returned as a Status naming the database path; a file
// that is not a database is Corruption, a database written by a newer
// newsfacts (higher user_version) is Unsupported and left untouched.
//
// Thread-safety: not thread-safe (one SQLite connection); use one Store per
// thread. Non-copyable: it owns the connection.
#ifndef NEWSFACTS_STORE_STORE_H_
#define NEWSFACTS_STORE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/env.h"
#include "core/status.h"
#include "core/types.h"

namespace newsfacts {

struct StoreOptions {
  // Open read-only (no schema changes; writes fail). Default: false.
  bool read_only = false;
  // Milliseconds to wait on a locked database. Default: 5000.
  int busy_timeout_ms = 5000;
  // Clock for extracted_at / run timestamps; not owned, must outlive the
  // store. Default: nullptr = Env::Default().
  Env* env = nullptr;
};

enum class PutOutcome {
  kStored,     // new article
  kReplaced,   // known article whose page changed: facts replaced
  kUnchanged,  // same page content as stored: nothing written
};

struct PutOptions {
  // Rewrite the article and its facts even when the page bytes are the same
  // as stored (re-extraction after the rules changed); the outcome is then
  // kReplaced. Default: false.
  bool even_if_unchanged = false;
};

// One SQL value as returned by Query().
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<SqlValue>> rows;
};

// Figures of one ingest or crawl run, kept in the `runs` table.
struct RunFigures {
  int64_t read = 0;
  int64_t stored = 0;
  int64_t replaced = 0;
  int64_t unchanged = 0;
  int64_t failed = 0;
  // Crawl runs only (0 for ingest): URLs added to the frontier, HTTP
  // responses received, 304 Not Modified answers, URLs skipped (too old,
  // disallowed by robots.txt, off-limits address).
  int64_t queued = 0;
  int64_t fetched = 0;
  int64_t not_modified = 0;
  int64_t skipped = 0;
};

class Store {
 public:
  // Opens (creating and migrating unless read_only) the database at `path`.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options);
  virtual ~Store() = default;

  // Writes the document (raw bytes compressed), the article and its facts.
  // Spans in `facts` are UTF-8 byte offsets into `article.text`; the store
  // keeps code point offsets. The article is identified by its canonical
  // URL, else its URL, else document.source, and is also found by any URL
  // stored for it before (requested, final, canonical). Same raw bytes as
  // stored: kUnchanged, nothing written. A span with begin > end fails the
  // whole write (InvalidArgument) and changes nothing.
  Result<PutOutcome> PutArticle(const Document& document,
                                const Article& article, const Facts& facts) {
    return PutArticle(document, article, facts, PutOptions{});
  }
  virtual Result<PutOutcome> PutArticle(const Document& document,
                                        const Article& article,
                                        const Facts& facts,
                                        const PutOptions& options) = 0;

  // True when a stored article was extracted from a document with the same
  // source (path or URL) and the same raw bytes as `document`: writing it
  // again would change nothing, so callers may skip extraction.
  virtual Result<bool> HasSamePage(const Document& document) = 0;

  // Runs one SQL statement and returns all its rows.
  virtual Result<QueryResult> Query(std::string_view sql) = 0;

  // Records runs: Begin returns the run id.
  virtual Result<int64_t> BeginRun(std::string_view kind,
                                   std::string_view args) = 0;
  virtual Status FinishRun(int64_t run_id, const RunFigures& figures) = 0;

  // Current schema version (PRAGMA user_version).
  virtual Result<int> SchemaVersion() = 0;

  // The raw page bytes (as read, decompressed) the stored article was
  // extracted from, for re-extraction without refetching. NotFound for an
  // unknown id.
  virtual Result<std::string> RawPage(int64_t article_id) = 0;

  // The stored document of an article as it was read: source, URLs, fetch
  // metadata and `raw` (decompressed). `html` is left empty: decode `raw`
  // again (ingest/) so a fixed decoder applies. NotFound for an unknown id.
  virtual Result<Document> StoredDocument(int64_t article_id) = 0;

 protected:
  Store() = default;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_STORE_STORE_H_
