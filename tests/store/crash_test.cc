// Crash safety: a writer killed with SIGKILL in the middle of a series of
// PutArticle calls leaves a database that opens, passes integrity_check and
// holds only whole articles (each with all of its facts).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "store/store.h"
#include "tests/store/store_test_util.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::OpenOrDie;
using testing::Page;
using testing::QueryInt;
using testing::QueryText;
using testing::SamplePage;
using testing::TempDir;

constexpr int kPages = 100000;  // more than the child can write before the kill

[[noreturn]] void WriteUntilKilled(const std::string& path) {
  Result<std::unique_ptr<Store>> store = Store::Open(path, {});
  if (!store.ok()) _exit(2);
  for (int i = 0; i < kPages; ++i) {
    const std::string url =
        "https://www.rferl.org/a/p/" + std::to_string(i) + ".html";
    Page page = SamplePage(url, "<html>" + std::to_string(i) + "</html>");
    if (!(*store)->PutArticle(page.document, page.article, page.facts).ok()) {
      _exit(3);
    }
  }
  _exit(0);
}

TEST(StoreCrash, KilledWriterLeavesOnlyWholeArticles) {
  TempDir dir;
  const std::string path = dir.File("crash.db");
  { ASSERT_NE(OpenOrDie(path), nullptr); }  // schema in place before forking
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) WriteUntilKilled(path);

  // Wait (without a time limit on correctness) until some articles are in.
  int64_t seen = 0;
  {
    auto reader = OpenOrDie(path, {.read_only = true});
    ASSERT_NE(reader, nullptr);
    for (int i = 0; i < 20000 && seen < 20; ++i) {
      usleep(1000);
      Result<QueryResult> r = reader->Query("SELECT count(*) FROM articles");
      if (r.ok()) seen = std::get<int64_t>(r->rows[0][0]);
    }
  }
  kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer ended before the kill";
  ASSERT_GE(seen, 20);

  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(QueryText(*store, "PRAGMA integrity_check"), "ok");
  Result<QueryResult> dangling = store->Query("PRAGMA foreign_key_check");
  ASSERT_OK(dangling);
  EXPECT_TRUE(dangling->rows.empty());
  const int64_t articles = QueryInt(*store, "SELECT count(*) FROM articles");
  EXPECT_GE(articles, seen);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM documents"), articles);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM facts"), 4 * articles);
  EXPECT_EQ(QueryInt(*store,
                     "SELECT count(*) FROM articles_fts WHERE articles_fts "
                     "MATCH 'arrested'"),
            articles);
  // The writer can go on where it stopped.
  Page next = SamplePage("https://www.rferl.org/a/p/0.html", "<html>0</html>");
  Result<PutOutcome> again =
      store->PutArticle(next.document, next.article, next.facts);
  ASSERT_OK(again);
  EXPECT_EQ(*again, PutOutcome::kUnchanged);
}

}  // namespace
}  // namespace newsfacts
