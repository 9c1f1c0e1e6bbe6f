// Store::Open: creation, migrations, the contract views, and the ways an
// open must refuse (read-only on a missing file, not a database, a schema
// from the future).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/store/store_test_util.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::OpenOrDie;
using testing::QueryInt;
using testing::QueryText;
using testing::ReadFileOrDie;
using testing::TempDir;
using testing::WriteFileOrDie;

TEST(StoreOpen, CreatesFileAtLatestSchemaVersion) {
  TempDir dir;
  const std::string path = dir.File("new.db");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(std::filesystem::exists(path));
  Result<int> version = store->SchemaVersion();
  ASSERT_OK(version);
  EXPECT_GE(*version, 1);
  EXPECT_EQ(QueryInt(*store, "PRAGMA user_version"), *version);
}

TEST(StoreOpen, UsesWalForeignKeysAndNormalSync) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("p.db"), {.busy_timeout_ms = 1234});
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(QueryText(*store, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryInt(*store, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(QueryInt(*store, "PRAGMA synchronous"), 1);  // NORMAL
  EXPECT_EQ(QueryInt(*store, "PRAGMA busy_timeout"), 1234);
}

TEST(StoreOpen, ReopenIsNoOp) {
  TempDir dir;
  const std::string path = dir.File("re.db");
  std::string schema_before;
  int version_before = 0;
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    version_before = *store->SchemaVersion();
    schema_before =
        QueryText(*store,
                  "SELECT group_concat(sql, ';') FROM (SELECT sql FROM "
                  "sqlite_master WHERE sql IS NOT NULL ORDER BY name)");
  }
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->SchemaVersion(), version_before);
  EXPECT_EQ(QueryText(*store,
                      "SELECT group_concat(sql, ';') FROM (SELECT sql FROM "
                      "sqlite_master WHERE sql IS NOT NULL ORDER BY name)"),
            schema_before);
}

TEST(StoreOpen, HasTheSchemaTables) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("t.db"));
  ASSERT_NE(store, nullptr);
  for (const char* table :
       {"sources", "documents", "article_rows", "article_urls", "entities",
        "mentions", "dates", "counts", "runs", "frontier", "articles_fts"}) {
    EXPECT_EQ(QueryInt(*store, std::string("SELECT count(*) FROM "
                                           "sqlite_master WHERE type = "
                                           "'table' AND name = '") +
                                   table + "'"),
              1)
        << table;
  }
}

// spec/facts.md, "Database contract": each view with at least these columns.
TEST(StoreOpen, ContractViewsHaveTheirColumns) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> views = {
      {"articles",
       {"id", "url", "canonical_url", "title", "published", "language",
        "section", "text"}},
      {"entity_mentions",
       {"article_id", "type", "text", "canonical", "start", "end"}},
      {"date_mentions",
       {"article_id", "type", "text", "value", "start", "end"}},
      {"case_counts",
       {"article_id", "text", "value", "low", "high", "qualifier", "unit",
        "subject", "event", "date", "place", "start", "end"}},
      {"facts", {"article_id", "kind", "text", "value", "start", "end"}},
  };
  TempDir dir;
  auto store = OpenOrDie(dir.File("v.db"));
  ASSERT_NE(store, nullptr);
  for (const auto& [view, columns] : views) {
    EXPECT_EQ(
        QueryText(*store,
                  "SELECT type FROM sqlite_master WHERE name = '" + view + "'"),
        "view")
        << view;
    Result<QueryResult> info = store->Query("PRAGMA table_info(" + view + ")");
    ASSERT_OK(info);
    std::set<std::string> have;
    for (const auto& row : info->rows)
      have.insert(std::get<std::string>(row[1]));
    for (const std::string& column : columns) {
      EXPECT_TRUE(have.count(column)) << view << "." << column;
    }
  }
}

TEST(StoreOpen, ReadOnlyDoesNotCreateMissingFile) {
  TempDir dir;
  const std::string path = dir.File("missing.db");
  Result<std::unique_ptr<Store>> store = Store::Open(path, {.read_only = true});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kNotFound);
  EXPECT_NE(store.status().message().find(path), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(StoreOpen, NonDatabaseFileIsCorruptionNamingPath) {
  const std::vector<std::string> contents = {
      "this is not a database\n",
      std::string(4096, 'x'),
      "<!doctype html><html><body>a page saved by mistake</body></html>\n",
  };
  for (bool read_only : {false, true}) {
    for (const std::string& content : contents) {
      TempDir dir;
      const std::string path = dir.File("not.db");
      WriteFileOrDie(path, content);
      Result<std::unique_ptr<Store>> store =
          Store::Open(path, {.read_only = read_only});
      ASSERT_FALSE(store.ok()) << content.substr(0, 20);
      EXPECT_EQ(store.status().code(), Status::Code::kCorruption)
          << store.status().ToString();
      EXPECT_NE(store.status().message().find(path), std::string::npos);
      EXPECT_EQ(ReadFileOrDie(path), content) << "the file was changed";
    }
  }
}

TEST(StoreOpen, RefusesNewerSchemaAndLeavesFileUntouched) {
  TempDir dir;
  const std::string path = dir.File("future.db");
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    ASSERT_OK(store->Query("PRAGMA user_version = 999"));
  }
  const std::string bytes_before = ReadFileOrDie(path);
  for (bool read_only : {false, true}) {
    Result<std::unique_ptr<Store>> store =
        Store::Open(path, {.read_only = read_only});
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), Status::Code::kUnsupported);
    EXPECT_NE(store.status().message().find("999"), std::string::npos)
        << store.status().ToString();
    EXPECT_NE(store.status().message().find(path), std::string::npos);
  }
  EXPECT_EQ(ReadFileOrDie(path), bytes_before);
}

TEST(StoreOpen, ReadOnlyOpensMigratedDatabase) {
  TempDir dir;
  const std::string path = dir.File("ro.db");
  { ASSERT_NE(OpenOrDie(path), nullptr); }
  auto store = OpenOrDie(path, {.read_only = true});
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM articles"), 0);
}

// An empty file is an empty SQLite database (version 0): opening it for
// writing applies every migration; read-only it cannot be migrated.
TEST(StoreOpen, EmptyFileIsMigratedWhenWritable) {
  TempDir dir;
  const std::string path = dir.File("empty.db");
  WriteFileOrDie(path, "");
  Result<std::unique_ptr<Store>> ro = Store::Open(path, {.read_only = true});
  ASSERT_FALSE(ro.ok());
  EXPECT_EQ(ro.status().code(), Status::Code::kUnsupported)
      << ro.status().ToString();
  EXPECT_EQ(ReadFileOrDie(path), "");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_GE(*store->SchemaVersion(), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM facts"), 0);
}

TEST(StoreOpen, MissingDirectoryIsIOError) {
  TempDir dir;
  const std::string path = dir.File("no/such/dir/x.db");
  Result<std::unique_ptr<Store>> store = Store::Open(path, {});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kIOError)
      << store.status().ToString();
  EXPECT_NE(store.status().message().find(path), std::string::npos);
}

}  // namespace
}  // namespace newsfacts
