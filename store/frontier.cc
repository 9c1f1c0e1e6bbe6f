// The SQLite implementation of Frontier (store/frontier.h).
#include "store/frontier.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <exception>
#include <string>

#include "store/compress.h"
#include "store/schema.h"
#include "store/sqlite_error.h"
#include "store/sqlite_store.h"

namespace newsfacts {
namespace {

UrlKind KindFromName(const std::string& name) {
  if (name == "feed") return UrlKind::kFeed;
  if (name == "sitemap") return UrlKind::kSitemap;
  if (name == "robots") return UrlKind::kRobots;
  return UrlKind::kArticle;
}

constexpr char kColumns[] =
    "url, coalesce(dedup_key, url), kind, state, coalesce(next_attempt, 0), "
    "attempts, coalesce(last_error, ''), coalesce(etag, ''), "
    "coalesce(last_modified, ''), coalesce(content_hash, ''), "
    "coalesce(last_fetched, 0), coalesce(refetch_interval, 0), "
    "coalesce(source, ''), coalesce(final_url, ''), coalesce(published, '')";

FrontierRow ReadRow(SQLite::Statement& s) {
  FrontierRow r;
  r.url = s.getColumn(0).getString();
  r.dedup_key = s.getColumn(1).getString();
  r.kind = KindFromName(s.getColumn(2).getString());
  r.state = s.getColumn(3).getString();
  r.next_attempt = s.getColumn(4).getInt64();
  r.attempts = s.getColumn(5).getInt();
  r.last_error = s.getColumn(6).getString();
  r.etag = s.getColumn(7).getString();
  r.last_modified = s.getColumn(8).getString();
  r.content_hash = s.getColumn(9).getString();
  r.last_fetched = s.getColumn(10).getInt64();
  r.refetch_interval = s.getColumn(11).getInt64();
  r.source = s.getColumn(12).getString();
  r.final_url = s.getColumn(13).getString();
  r.published = s.getColumn(14).getString();
  return r;
}

class SqliteFrontier : public Frontier {
 public:
  SqliteFrontier(std::unique_ptr<SQLite::Database> db, std::string path)
      : db_(std::move(db)), path_(std::move(path)) {}

  Result<int64_t> ResetInFlight(int64_t run_started) override {
    try {
      SQLite::Statement s(*db_,
                          "UPDATE frontier SET state = 'new', claimed_at = "
                          "NULL WHERE state = 'in_flight' AND "
                          "coalesce(claimed_at, 0) < ?");
      s.bind(1, run_started);
      return static_cast<int64_t>(s.exec());
    } catch (const std::exception& e) {
      return SqlError(e, path_).WithContext("frontier reset");
    }
  }

  Result<std::vector<size_t>> Add(const std::vector<FrontierUrl>& urls,
                                  int64_t now) override {
    try {
      SQLite::Transaction txn(*db_);
      SQLite::Statement known(*db_,
                              "SELECT 1 FROM frontier WHERE kind = 'article' "
                              "AND dedup_key = ?");
      SQLite::Statement insert(
          *db_,
          "INSERT INTO frontier (url, dedup_key, kind, state, next_attempt, "
          "source, published, added_at) VALUES (?, ?, ?, 'new', ?, ?, ?, ?) "
          "ON CONFLICT DO NOTHING");
      std::vector<size_t> added;
      for (size_t i = 0; i < urls.size(); ++i) {
        const FrontierUrl& u = urls[i];
        const std::string key = u.dedup_key.empty() ? u.url : u.dedup_key;
        if (u.kind == UrlKind::kArticle) {
          known.reset();
          known.bind(1, key);
          if (known.executeStep()) continue;
        }
        insert.reset();
        insert.bind(1, u.url);
        insert.bind(2, key);
        insert.bind(3, UrlKindName(u.kind));
        insert.bind(4, now);
        insert.bind(5, u.source);
        insert.bind(6, u.published);
        insert.bind(7, now);
        if (insert.exec() > 0) added.push_back(i);
      }
      txn.commit();
      return added;
    } catch (const std::exception& e) {
      return SqlError(e, path_).WithContext("frontier add");
    }
  }

  Status AddSeed(const FrontierUrl& u, int64_t now) override {
    try {
      SQLite::Statement s(
          *db_,
          "INSERT INTO frontier (url, dedup_key, kind, state, next_attempt, "
          "source, added_at) VALUES (?, ?, ?, 'new', ?, ?, ?) "
          "ON CONFLICT(url) DO UPDATE SET state = 'new', attempts = 0, "
          "next_attempt = min(coalesce(next_attempt, excluded.next_attempt), "
          "excluded.next_attempt), kind = excluded.kind");
      s.bind(1, u.url);
      s.bind(2, u.dedup_key.empty() ? u.url : u.dedup_key);
      s.bind(3, UrlKindName(u.kind));
      s.bind(4, now);
      s.bind(5, u.source);
      s.bind(6, now);
      s.exec();
      return Status::OK();
    } catch (const std::exception& e) {
      return SqlError(e, path_).WithContext("frontier seed");
    }
  }

  Result<std::vector<FrontierRow>> Due(int64_t now, int limit) override {
    try {
      SQLite::Statement s(
          *db_,
          std::string("SELECT ") + kColumns +
              " FROM frontier WHERE coalesce(next_attempt, 0) <= ? AND "
              "(state IN ('new', 'failed') OR (state = 'done' AND kind IN "
              "('feed', 'sitemap'))) ORDER BY kind = 'article', "
              "coalesce(added_at, 0), rowid LIMIT ?");
      s.bind(1, now);
      s.bind(2, limit);
      std::vector<FrontierRow> out;
      while (s.executeStep()) out.push_back(ReadRow(s));
      return out;
    } catch (const std::exception& e) {
      return SqlError(e, path_).WithContext("frontier due");
    }
  }

  Result<std::optional<FrontierRow>> Get(std::string_view url) override {
    try {
      SQLite::Statement s(
          *db_, std::string("SELECT ") + kColumns + " FROM frontier WHERE url = ?");
      s.bind(1, std::string(url));
      if (!s.executeStep()) return std::optional<FrontierRow>();
      return std::optional<FrontierRow>(ReadRow(s));
    } catch (const std::exception& e) {
      return SqlError(e, path_).WithContext("frontier get");
    }
  }

  Result<bool> KnownArticle(std::string_view dedup_key) override {
    try {
      SQLite::Statement s(*db_,
                          "SELECT 1 FROM frontier WHERE kind = 'article' AND "
                          "dedup_key = ?");
      s.bind(1, std::string(dedup_key));
      return s.executeStep();
    } catch (const std::exception& e) {
      return SqlError(e, path_).WithContext("frontier lookup");
    }
  }

  Status Claim(std::string_view url, int64_t now) override {
    try {
      SQLite::Statement s(*db_,
                          "UPDATE frontier SET state = 'in_flight', "
                          "claimed_at = ? WHERE url = ?");
      s.bind(1, now);
      s.bind(2, std::string(url));
      if (s.exec() == 0) {
        return Status::NotFound(path_ + ": frontier has no " + std::string(url));
      }
      return Status::OK();
    } catch (const std::exception& e) {
      return SqlError(e, path_).WithContext("frontier claim");
    }
  }

  Status Finish(const FrontierUpdate& u) override {
    try {
      SQLite::Statement s(
          *db_,
          "UPDATE frontier SET state = ?, next_attempt = ?, attempts = ?, "
          "last_error = nullif(?, ''), claimed_at = NULL, "
          "etag = coalesce(nullif(?, ''), etag), "
          "last_modified = coalesce(nullif(?, ''), last_modified), "
          "content_hash = coalesce(nullif(?, ''), content_hash), "
          "final_url = coalesce(nullif(?, ''), final_url), "
          "last_fetched = coalesce(nullif(?, 0), last_fetched), "
          "refetch_interval = coalesce(nullif(?, 0), refetch_interval) "
          "WHERE url = ?");
      s.bind(1, u.state);
      s.bind(2, u.next_attempt);
      s.bind(3, u.attempts);
      s.bind(4, u.last_error);
      s.bind(5, u.etag);
      s.bind(6, u.last_modified);
      s.bind(7, u.content_hash);
      s.bind(8, u.final_url);
      s.bind(9, u.last_fetched);
      s.bind(10, u.refetch_interval);
      s.bind(11, u.url);
      s.exec();
      return Status::OK();
    } catch (const std::exception& e) {
      return SqlError(e, path_).WithContext("frontier finish");
    }
  }

  Result<std::vector<std::pair<std::string, int64_t>>> CountByState()
      override {
    try {
      SQLite::Statement s(
          *db_, "SELECT state, count(*) FROM frontier GROUP BY state");
      std::vector<std::pair<std::string, int64_t>> out;
      while (s.executeStep()) {
        out.emplace_back(s.getColumn(0).getString(),
                         s.getColumn(1).getInt64());
      }
      return out;
    } catch (const std::exception& e) {
      return SqlError(e, path_).WithContext("frontier counts");
    }
  }

 private:
  std::unique_ptr<SQLite::Database> db_;
  std::string path_;
};

}  // namespace

const char* UrlKindName(UrlKind kind) {
  switch (kind) {
    case UrlKind::kArticle: return "article";
    case UrlKind::kFeed: return "feed";
    case UrlKind::kSitemap: return "sitemap";
    case UrlKind::kRobots: return "robots";
  }
  return "article";
}

std::string FrontierContentHash(std::string_view bytes) {
  return ContentHash(bytes);
}

Result<std::unique_ptr<Frontier>> Frontier::Open(const std::string& path,
                                                 const StoreOptions& options) {
  if (path.empty()) return Status::InvalidArgument("frontier: empty path");
  try {
    Result<std::unique_ptr<SQLite::Database>> db =
        OpenMigratedDatabase(path, options);
    if (!db.ok()) return db.status();
    return std::unique_ptr<Frontier>(new SqliteFrontier(std::move(*db), path));
  } catch (const std::exception& e) {
    return SqlError(e, path);
  }
}

}  // namespace newsfacts
