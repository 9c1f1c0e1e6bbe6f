// Internal to store/: the SQLite implementation of Store (store/store.h).
// Split over store.cc (opening, queries, runs, raw pages) and
// put_article.cc (the one-transaction article write).
//
// Thread-safety: not thread-safe; owns one connection.
#ifndef NEWSFACTS_STORE_SQLITE_STORE_H_
#define NEWSFACTS_STORE_SQLITE_STORE_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/env.h"
#include "store/store.h"

namespace newsfacts {

// Opens (creating if needed) the database at `path` for writing: refuses a
// schema newer than this build's, sets WAL and foreign keys, migrates.
// SQLiteCpp exceptions propagate; callers catch them.
Result<std::unique_ptr<SQLite::Database>> OpenMigratedDatabase(
    const std::string& path, const StoreOptions& options);

class SqliteStore : public Store {
 public:
  // REQUIRES: `db` is open and migrated (unless read_only); `env` non-null.
  SqliteStore(std::unique_ptr<SQLite::Database> db, std::string path,
              bool read_only, Env* env)
      : db_(std::move(db)),
        path_(std::move(path)),
        read_only_(read_only),
        env_(env) {}

  using Store::PutArticle;
  Result<PutOutcome> PutArticle(const Document& document,
                                const Article& article, const Facts& facts,
                                const PutOptions& options) override;
  Result<bool> HasSamePage(const Document& document) override;
  Result<QueryResult> Query(std::string_view sql) override;
  Result<int64_t> BeginRun(std::string_view kind,
                           std::string_view args) override;
  Status FinishRun(int64_t run_id, const RunFigures& figures) override;
  Result<int> SchemaVersion() override;
  Result<std::string> RawPage(int64_t article_id) override;
  Result<Document> StoredDocument(int64_t article_id) override;

 private:
  struct Existing {
    int64_t article_id = 0;
    int64_t document_id = 0;
    std::string content_hash;
  };

  // Helpers of PutArticle; all throw SQLite::Exception, caught by the caller.
  std::optional<Existing> FindArticle(const std::vector<std::string>& urls);
  int64_t WriteDocument(const Document& document, const std::string& hash,
                        const std::string& frame,
                        std::optional<int64_t> document_id);
  int64_t WriteArticle(const Article& article, int64_t document_id,
                       const std::string& hash,
                       std::optional<int64_t> article_id);
  void RegisterUrls(const std::vector<std::string>& urls, int64_t article_id);
  void DeleteFacts(int64_t article_id);
  void InsertFacts(const Article& article, const Facts& facts,
                   int64_t article_id);
  int64_t SourceId(const Document& document);
  int64_t EntityId(const Entity& entity);
  int64_t NowSeconds() const { return env_->NowMicros() / 1000000; }

  Status WritableOrError(std::string_view what) const;

  std::unique_ptr<SQLite::Database> db_;
  std::string path_;
  bool read_only_;
  Env* env_;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_STORE_SQLITE_STORE_H_
