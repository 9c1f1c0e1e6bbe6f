// The crawl frontier (store/frontier.h) on SQLite files, and the upgrade of
// a schema version 1 database to the frontier columns.
#include "store/frontier.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "tests/store/store_test_util.h"

namespace newsfacts::testing {
namespace {

std::unique_ptr<Frontier> OpenFrontier(const std::string& path) {
  auto f = Frontier::Open(path, {});
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? std::move(*f) : nullptr;
}

TEST(Frontier, AddsEachUrlOnceAndEachArticleKeyOnce) {
  TempDir dir;
  auto f = OpenFrontier(dir.File("f.db"));
  ASSERT_NE(f, nullptr);
  Result<std::vector<size_t>> added = f->Add(
      {{"https://x.org/a/one/1.html", "pangea:x.org:1", UrlKind::kArticle},
       {"https://x.org/a/1.html", "pangea:x.org:1", UrlKind::kArticle},
       {"https://x.org/a/one/1.html", "pangea:x.org:1", UrlKind::kArticle},
       {"https://x.org/feed.xml", "", UrlKind::kFeed},
       {"https://x.org/b.html", "", UrlKind::kArticle}},
      100);
  ASSERT_OK(added);
  EXPECT_EQ(*added, (std::vector<size_t>{0, 3, 4}));
  added = f->Add({{"https://x.org/a/other-slug/1.html", "pangea:x.org:1",
                   UrlKind::kArticle}},
                 101);
  ASSERT_OK(added);
  EXPECT_TRUE(added->empty());
  Result<bool> known = f->KnownArticle("pangea:x.org:1");
  ASSERT_OK(known);
  EXPECT_TRUE(*known);
}

TEST(Frontier, DueListsSourcesFirstAndHonoursNextAttempt) {
  TempDir dir;
  auto f = OpenFrontier(dir.File("f.db"));
  ASSERT_NE(f, nullptr);
  ASSERT_OK(f->Add({{"https://x.org/a.html"}, {"https://x.org/b.html"}}, 100));
  ASSERT_OK(f->AddSeed({"https://x.org/feed.xml", "", UrlKind::kFeed}, 100));
  FrontierUpdate later;
  later.url = "https://x.org/b.html";
  later.state = "new";
  later.next_attempt = 500;
  later.attempts = 1;
  later.last_error = "HTTP 503";
  ASSERT_OK(f->Finish(later));
  Result<std::vector<FrontierRow>> due = f->Due(200, 100);
  ASSERT_OK(due);
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].url, "https://x.org/feed.xml");
  EXPECT_EQ((*due)[1].url, "https://x.org/a.html");
  due = f->Due(500, 100);
  ASSERT_OK(due);
  EXPECT_EQ(due->size(), 3u);
}

TEST(Frontier, FeedsComeBackAfterTheirIntervalArticlesDoNot) {
  TempDir dir;
  auto f = OpenFrontier(dir.File("f.db"));
  ASSERT_NE(f, nullptr);
  ASSERT_OK(f->AddSeed({"https://x.org/feed.xml", "", UrlKind::kFeed}, 100));
  ASSERT_OK(f->Add({{"https://x.org/a.html"}}, 100));
  for (const char* url : {"https://x.org/feed.xml", "https://x.org/a.html"}) {
    FrontierUpdate done;
    done.url = url;
    done.state = "done";
    done.next_attempt = 1000;
    done.etag = "\"v1\"";
    done.content_hash = "abc";
    done.refetch_interval = 900;
    ASSERT_OK(f->Finish(done));
  }
  Result<std::vector<FrontierRow>> due = f->Due(999, 100);
  ASSERT_OK(due);
  EXPECT_TRUE(due->empty());
  due = f->Due(1000, 100);
  ASSERT_OK(due);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].etag, "\"v1\"");
  EXPECT_EQ((*due)[0].refetch_interval, 900);
  // A seed is due on every run, whatever its interval; validators stay.
  ASSERT_OK(f->AddSeed({"https://x.org/feed.xml", "", UrlKind::kFeed}, 500));
  due = f->Due(500, 100);
  ASSERT_OK(due);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].content_hash, "abc");
}

TEST(Frontier, ResetInFlightFreesRowsOfADeadRunOnly) {
  TempDir dir;
  auto f = OpenFrontier(dir.File("f.db"));
  ASSERT_NE(f, nullptr);
  ASSERT_OK(f->Add({{"https://x.org/a.html"}, {"https://x.org/b.html"}}, 100));
  ASSERT_OK(f->Claim("https://x.org/a.html", 100));
  ASSERT_OK(f->Claim("https://x.org/b.html", 300));
  Result<int64_t> reset = f->ResetInFlight(200);
  ASSERT_OK(reset);
  EXPECT_EQ(*reset, 1);
  Result<std::optional<FrontierRow>> a = f->Get("https://x.org/a.html");
  ASSERT_OK(a);
  ASSERT_TRUE(a->has_value());
  EXPECT_EQ((*a)->state, "new");
  Result<std::optional<FrontierRow>> b = f->Get("https://x.org/b.html");
  ASSERT_OK(b);
  EXPECT_EQ((*b)->state, "in_flight");
}

// A database written by schema version 1 opens, is upgraded in place, and
// keeps its article, run and frontier rows.
TEST(Frontier, UpgradesASchemaVersion1Database) {
  TempDir dir;
  const std::string path = dir.File("v1.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(ReadFileOrDie(TestdataDir() + "/store/schema-v1.sql"));
    ASSERT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 1);
  }
  auto store = Store::Open(path, {});
  ASSERT_OK(store);
  Result<int> version = (*store)->SchemaVersion();
  ASSERT_OK(version);
  EXPECT_EQ(*version, 2);
  EXPECT_EQ(QueryText(**store, "SELECT title FROM articles WHERE id = 1"),
            "An article stored by schema version 1");
  EXPECT_EQ(QueryInt(**store, "SELECT stored FROM runs"), 1);
  EXPECT_EQ(QueryInt(**store, "SELECT queued FROM runs"), 0);

  auto f = OpenFrontier(path);
  ASSERT_NE(f, nullptr);
  Result<std::optional<FrontierRow>> row =
      f->Get("https://www.rferl.org/a/old/101.html");
  ASSERT_OK(row);
  ASSERT_TRUE(row->has_value());
  EXPECT_EQ((*row)->kind, UrlKind::kArticle);
  EXPECT_EQ((*row)->dedup_key, "https://www.rferl.org/a/old/101.html");
  Result<int64_t> reset = f->ResetInFlight(1);
  ASSERT_OK(reset);
  EXPECT_EQ(*reset, 1);  // the v1 row left in flight
}

}  // namespace
}  // namespace newsfacts::testing
