// Store::Query (typed rows, one statement, read-only refusal), runs, and raw
// pages kept zstd-compressed.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <variant>

#include "store/compress.h"
#include "store/store.h"
#include "tests/store/store_test_util.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::OpenOrDie;
using testing::QueryInt;
using testing::QueryText;
using testing::SamplePage;
using testing::TempDir;

constexpr char kUrl[] = "https://www.rferl.org/a/sample/31000001.html";

TEST(StoreQuery, ReturnsColumnsAndTypedValues) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("q.db"));
  ASSERT_NE(store, nullptr);
  Result<QueryResult> r = store->Query(
      "SELECT 1 AS i, 2.5 AS d, 'ж' AS t, NULL AS n, x'00ff' AS b");
  ASSERT_OK(r);
  EXPECT_EQ(r->columns, (std::vector<std::string>{"i", "d", "t", "n", "b"}));
  ASSERT_EQ(r->rows.size(), 1u);
  const auto& row = r->rows[0];
  EXPECT_EQ(std::get<int64_t>(row[0]), 1);
  EXPECT_DOUBLE_EQ(std::get<double>(row[1]), 2.5);
  EXPECT_EQ(std::get<std::string>(row[2]), "ж");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(row[3]));
  EXPECT_EQ(std::get<std::string>(row[4]), std::string("\0\xff", 2));
}

TEST(StoreQuery, EmptyResultKeepsColumns) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("e.db"));
  ASSERT_NE(store, nullptr);
  Result<QueryResult> r = store->Query("SELECT id, title FROM articles");
  ASSERT_OK(r);
  EXPECT_EQ(r->columns, (std::vector<std::string>{"id", "title"}));
  EXPECT_TRUE(r->rows.empty());
}

TEST(StoreQuery, RejectsBadInput) {
  struct Case {
    const char* sql;
    Status::Code code;
  };
  const Case cases[] = {
      {"SELEC 1", Status::Code::kInvalidArgument},  // syntax error
      {"SELECT * FROM no_such_table", Status::Code::kInvalidArgument},
      {"", Status::Code::kInvalidArgument},
      {"-- only a comment", Status::Code::kInvalidArgument},
      {"SELECT 1; SELECT 2", Status::Code::kInvalidArgument},
  };
  TempDir dir;
  auto store = OpenOrDie(dir.File("bad.db"));
  ASSERT_NE(store, nullptr);
  for (const Case& c : cases) {
    Result<QueryResult> r = store->Query(c.sql);
    ASSERT_FALSE(r.ok()) << c.sql;
    EXPECT_EQ(r.status().code(), c.code)
        << c.sql << ": " << r.status().ToString();
    EXPECT_NE(r.status().message().find(dir.File("bad.db")), std::string::npos);
  }
  // A trailing semicolon or comment is still one statement.
  EXPECT_OK(store->Query("SELECT 1;"));
  EXPECT_OK(store->Query("SELECT 1; -- done"));
}

// `newsfacts query` opens the store read-only: writes must fail clearly and
// change nothing.
TEST(StoreQuery, ReadOnlyRefusesWrites) {
  TempDir dir;
  const std::string path = dir.File("ro.db");
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    ASSERT_OK(store->PutArticle(SamplePage(kUrl, "<p>x</p>").document,
                                SamplePage(kUrl, "<p>x</p>").article,
                                SamplePage(kUrl, "<p>x</p>").facts));
  }
  auto store = OpenOrDie(path, {.read_only = true});
  ASSERT_NE(store, nullptr);
  for (const char* sql :
       {"DELETE FROM article_rows", "UPDATE article_rows SET title = 'x'",
        "INSERT INTO runs (kind, started_at) VALUES ('x', 0)",
        "DROP VIEW facts", "CREATE TABLE t (x)", "PRAGMA user_version = 7"}) {
    Result<QueryResult> r = store->Query(sql);
    ASSERT_FALSE(r.ok()) << sql;
    EXPECT_EQ(r.status().code(), Status::Code::kUnsupported)
        << sql << ": " << r.status().ToString();
    EXPECT_NE(r.status().message().find("read-only"), std::string::npos);
  }
  // Neither a copy nor an attached file may be created on disk.
  const std::string copy = dir.File("copy.db");
  EXPECT_FALSE(store->Query("VACUUM INTO '" + copy + "'").ok());
  (void)store->Query("ATTACH '" + copy + "' AS other");
  EXPECT_FALSE(std::filesystem::exists(copy));
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(QueryText(*store, "SELECT title FROM articles"), "Sample");
  EXPECT_GE(*store->SchemaVersion(), 1);
  EXPECT_FALSE(store->BeginRun("ingest", "").ok());
}

TEST(StoreRuns, BeginAndFinishRecordFigures) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("runs.db"));
  ASSERT_NE(store, nullptr);
  Result<int64_t> run = store->BeginRun("ingest", "a.html b.html");
  ASSERT_OK(run);
  EXPECT_EQ(QueryInt(*store, "SELECT finished_at IS NULL FROM runs"), 1);
  ASSERT_OK(store->FinishRun(
      *run,
      {.read = 5, .stored = 2, .replaced = 1, .unchanged = 1, .failed = 1}));
  EXPECT_EQ(QueryText(*store,
                      "SELECT kind || '|' || args || '|' || read || stored || "
                      "replaced || unchanged || failed FROM runs WHERE id = " +
                          std::to_string(*run)),
            "ingest|a.html b.html|52111");
  EXPECT_EQ(QueryInt(*store, "SELECT finished_at >= started_at FROM runs"), 1);
  Result<int64_t> second = store->BeginRun("crawl", "");
  ASSERT_OK(second);
  EXPECT_NE(*second, *run);
}

TEST(StoreRuns, FinishingUnknownRunIsNotFound) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("runs.db"));
  ASSERT_NE(store, nullptr);
  Status s = store->FinishRun(42, {});
  EXPECT_EQ(s.code(), Status::Code::kNotFound) << s.ToString();
}

TEST(StoreRawPage, RoundTripsCompressedBytes) {
  // Repetitive HTML with non-UTF-8 bytes: raw is bytes as read, not text.
  std::string raw = "<html><meta charset=windows-1251>\xcf\xf0\xe8\xe2\xe5\xf2";
  for (int i = 0; i < 200; ++i)
    raw += "<p>paragraph " + std::to_string(i) + "</p>";
  raw += std::string("\0tail", 5);
  TempDir dir;
  auto store = OpenOrDie(dir.File("raw.db"));
  ASSERT_NE(store, nullptr);
  testing::Page page = SamplePage(kUrl, raw);
  ASSERT_OK(store->PutArticle(page.document, page.article, page.facts));
  const int64_t id = QueryInt(*store, "SELECT id FROM articles");
  Result<std::string> back = store->RawPage(id);
  ASSERT_OK(back);
  EXPECT_EQ(*back, raw);
  EXPECT_EQ(QueryInt(*store, "SELECT raw_size FROM documents"),
            static_cast<int64_t>(raw.size()));
  EXPECT_LT(QueryInt(*store, "SELECT length(raw) FROM documents"),
            static_cast<int64_t>(raw.size()) / 2);
  EXPECT_EQ(QueryText(*store, "SELECT content_hash FROM documents"),
            ContentHash(raw));
  EXPECT_EQ(store->RawPage(id + 100).status().code(), Status::Code::kNotFound);
}

TEST(StoreRawPage, StoredDocumentGivesBackWhatWasRead) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("doc.db"));
  ASSERT_NE(store, nullptr);
  testing::Page page = SamplePage(kUrl, "<html>\xe9t\xe9</html>");
  page.document.requested_url = "https://rferl.org/a/31000001.html";
  page.document.etag = "\"abc\"";
  page.document.charset = "windows-1252";
  ASSERT_OK(store->PutArticle(page.document, page.article, page.facts));
  Result<Document> doc =
      store->StoredDocument(QueryInt(*store, "SELECT id FROM articles"));
  ASSERT_OK(doc);
  EXPECT_EQ(doc->source, page.document.source);
  EXPECT_EQ(doc->requested_url, page.document.requested_url);
  EXPECT_EQ(doc->final_url, page.document.final_url);
  EXPECT_EQ(doc->http_status, 200);
  EXPECT_EQ(doc->content_type, page.document.content_type);
  EXPECT_EQ(doc->etag, "\"abc\"");
  EXPECT_EQ(doc->last_modified, "");
  EXPECT_EQ(doc->fetch_time, page.document.fetch_time);
  EXPECT_EQ(doc->charset, "windows-1252");
  EXPECT_EQ(doc->origin, Origin::kHttp);
  EXPECT_EQ(doc->raw, page.document.raw);
  EXPECT_TRUE(doc->html.empty());
  EXPECT_EQ(store->StoredDocument(999).status().code(),
            Status::Code::kNotFound);
}

TEST(StoreCompress, RoundTripsAndDetectsDamage) {
  for (const std::string& raw :
       {std::string(), std::string("x"), std::string(100000, 'a'),
        std::string("\0\x01\xff binary", 10)}) {
    Result<std::string> frame = CompressRaw(raw);
    ASSERT_OK(frame);
    Result<std::string> back = DecompressRaw(*frame, raw.size());
    ASSERT_OK(back);
    EXPECT_EQ(*back, raw);
  }
  Result<std::string> frame = CompressRaw("some page");
  ASSERT_OK(frame);
  EXPECT_EQ(DecompressRaw(*frame, 3).status().code(),
            Status::Code::kCorruption);
  EXPECT_EQ(DecompressRaw("not zstd at all", 9).status().code(),
            Status::Code::kCorruption);
}

// FNV-1a 64 reference values (the published test vectors of the algorithm):
// stored hashes must never change between builds.
TEST(StoreCompress, ContentHashIsStableFnv1a64) {
  EXPECT_EQ(ContentHash(""), "cbf29ce484222325");
  EXPECT_EQ(ContentHash("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(ContentHash("foobar"), "85944171f73967e8");
  EXPECT_NE(ContentHash("<html>v1</html>"), ContentHash("<html>v2</html>"));
}

}  // namespace
}  // namespace newsfacts
