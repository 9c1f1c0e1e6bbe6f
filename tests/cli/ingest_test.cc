// End-to-end tests of `newsfacts ingest`, `query` and `summary` on real
// SQLite files: idempotence, bad input, read-only queries, and a kill in
// the middle of a folder.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/cli/cli_test_util.h"

namespace newsfacts::testing {
namespace {

using nlohmann::json;

const std::string kSeedPage = TestdataDir() + "/rferl/china-in-eurasia.html";

// Writes `n` distinct copies of the seed page (each its own article id and
// URL) into `folder`.
void WriteVariants(const std::string& folder, int n) {
  std::filesystem::create_directories(folder);
  const std::string page = ReadFileOrDie(kSeedPage);
  for (int i = 0; i < n; ++i) {
    std::string copy = page;
    const std::string id = std::to_string(91000000 + i);
    for (size_t at; (at = copy.find("31812345")) != std::string::npos;) {
      copy.replace(at, 8, id);
    }
    WriteFileOrDie(folder + "/page-" + std::to_string(i) + ".html", copy);
  }
}

json QueryJson(const TempDir& dir, const std::string& db,
               const std::string& sql) {
  RunResult r = RunNewsfacts(dir, {"query", "--db", db, "--format", "json", sql});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out, nullptr, false);
}

int64_t Count(const TempDir& dir, const std::string& db,
              const std::string& sql) {
  json rows = QueryJson(dir, db, sql);
  if (!rows.is_array() || rows.empty()) return -1;
  return rows[0].begin().value().get<int64_t>();
}

TEST(Ingest, StoresOnceThenReportsUnchanged) {
  TempDir dir;
  const std::string db = dir.File("n.db");
  WriteVariants(dir.File("pages"), 3);
  RunResult first = RunNewsfacts(dir, {"ingest", "--db", db, dir.File("pages")});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("read 3, stored 3"), std::string::npos) << first.err;

  RunResult again = RunNewsfacts(dir, {"ingest", "--db", db, dir.File("pages")});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("unchanged 3"), std::string::npos) << again.err;
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM articles"), 3);
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM runs"), 2);
  // The contract's views answer with the seed's facts.
  EXPECT_GT(Count(dir, db, "SELECT COUNT(*) FROM entity_mentions"), 100);
  EXPECT_EQ(Count(dir, db,
                  "SELECT COUNT(*) FROM case_counts WHERE value = 5532"), 3);
  EXPECT_EQ(Count(dir, db,
                  "SELECT COUNT(*) FROM facts f JOIN articles a "
                  "ON a.id = f.article_id WHERE substr(a.text, f.start + 1, "
                  "f.end - f.start) != f.text"),
            0);
}

TEST(Ingest, ChangedPageReplacesItsFacts) {
  TempDir dir;
  const std::string db = dir.File("n.db");
  const std::string page = dir.File("page.html");
  std::string html = ReadFileOrDie(kSeedPage);
  WriteFileOrDie(page, html);
  ASSERT_EQ(RunNewsfacts(dir, {"ingest", "--db", db, page}).exit_code, 0);
  const int64_t before = Count(dir, db, "SELECT COUNT(*) FROM case_counts");
  ASSERT_GT(before, 0);
  const size_t at = html.find("5,532 cases");
  ASSERT_NE(at, std::string::npos);
  html.replace(at, 5, "6,001");
  WriteFileOrDie(page, html);
  RunResult r = RunNewsfacts(dir, {"ingest", "--db", db, page});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("replaced 1"), std::string::npos) << r.err;
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM articles"), 1);
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM case_counts"), before);
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM case_counts WHERE value=5532"),
            0);
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM case_counts WHERE value=6001"),
            1);
}

TEST(Ingest, MalformedInputsFailOneByOne) {
  TempDir dir;
  const std::string db = dir.File("n.db");
  const std::string pages = dir.File("pages");
  std::filesystem::create_directories(pages);
  WriteFileOrDie(pages + "/a-empty.html", "");
  WriteFileOrDie(pages + "/b-binary.html",
                 std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  // A page of its own (another URL), cut in half.
  const std::string voa = ReadFileOrDie(
      TestdataDir() + "/pangea/voanews_2024-04-28_childcare_7585813.html");
  WriteFileOrDie(pages + "/c-truncated.html", voa.substr(0, voa.size() / 2));
  const std::string seed = ReadFileOrDie(kSeedPage);
  WriteFileOrDie(pages + "/d-invalid-utf8.html",
                 "<html><head><meta charset=utf-8><title>T</title></head>"
                 "<body><article><p>Broken \xff\xfe bytes, but at least 12 "
                 "people were killed in Kabul on Monday, officials said "
                 "today in a statement to reporters.</p></article></body>"
                 "</html>");
  WriteFileOrDie(pages + "/e-unknown-charset.html",
                 "<html><head><meta charset=x-no-such-charset><title>T"
                 "</title></head><body><article><p>Police detained 30 "
                 "protesters in Almaty on Sunday, the Interior Ministry "
                 "said in a statement to reporters.</p></article></body>"
                 "</html>");
  WriteFileOrDie(pages + "/f-good.html", seed);
  RunResult r = RunNewsfacts(dir, {"ingest", "--db", db, pages});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("a-empty.html"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("b-binary.html"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("failed 2"), std::string::npos) << r.err;
  // Truncated HTML, bad bytes and unknown charsets are decoded as well as
  // they can be and stored.
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM articles"), 4);
}

TEST(Ingest, StdinNeedsNoFile) {
  TempDir dir;
  const std::string db = dir.File("n.db");
  RunResult r = RunNewsfacts(
      dir, {"ingest", "--db", db, "--url", "https://example.org/a/1.html", "-"},
      ReadFileOrDie(kSeedPage));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM articles"), 1);
}

TEST(Reextract, RebuildsFactsFromStoredPages) {
  TempDir dir;
  const std::string db = dir.File("n.db");
  const std::string page = dir.File("page.html");
  WriteFileOrDie(page, ReadFileOrDie(kSeedPage));
  ASSERT_EQ(RunNewsfacts(dir, {"ingest", "--no-facts", "--db", db, page})
                .exit_code,
            0);
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM case_counts"), 0);
  // The page is gone from disk: only the database's copy is left.
  std::filesystem::remove(page);
  RunResult r = RunNewsfacts(dir, {"reextract", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("reextracted 1, failed 0"), std::string::npos) << r.err;
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM articles"), 1);
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM case_counts WHERE value=5532"),
            1);
  RunResult missing = RunNewsfacts(dir, {"reextract", "--db", db, "--id", "99"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("article 99"), std::string::npos) << missing.err;
}

TEST(Query, OpensTheDatabaseReadOnly) {
  TempDir dir;
  const std::string db = dir.File("n.db");
  ASSERT_EQ(RunNewsfacts(dir, {"ingest", "--db", db, kSeedPage}).exit_code, 0);
  RunResult w = RunNewsfacts(dir, {"query", "--db", db, "DELETE FROM runs"});
  EXPECT_NE(w.exit_code, 0);
  EXPECT_NE(w.err.find("n.db"), std::string::npos) << w.err;
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM runs"), 1);

  RunResult missing =
      RunNewsfacts(dir, {"query", "--db", dir.File("none.db"), "SELECT 1"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_FALSE(std::filesystem::exists(dir.File("none.db")));

  RunResult csv = RunNewsfacts(
      dir, {"query", "--db", db, "--format", "csv",
            "SELECT 'a,b' AS x, 2 AS y, NULL AS z"});
  EXPECT_EQ(csv.out, "x,y,z\r\n\"a,b\",2,\r\n");
  RunResult table = RunNewsfacts(dir, {"query", "--db", db, "SELECT 1 AS one"});
  EXPECT_EQ(table.out, "one\n---\n1\n");
}

TEST(Summary, ListsArticlesEntitiesDatesAndCounts) {
  TempDir dir;
  const std::string db = dir.File("n.db");
  ASSERT_EQ(RunNewsfacts(dir, {"ingest", "--db", db, kSeedPage}).exit_code, 0);
  RunResult r = RunNewsfacts(dir, {"summary", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* want : {"== Articles (1)", "== Top entities", "== Dates",
                           "== Case counts", "Ukraine War Tests", "5532"}) {
    EXPECT_NE(r.out.find(want), std::string::npos) << want;
  }
}

// Killing ingest in the middle of a folder leaves a database that opens;
// running it again finishes the job with no duplicates.
TEST(Ingest, KilledRunResumesWithoutDuplicates) {
  TempDir dir;
  const std::string db = dir.File("n.db");
  constexpr int kPages = 40;
  WriteVariants(dir.File("pages"), kPages);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string pages = dir.File("pages");
    freopen("/dev/null", "w", stderr);
    execl(NEWSFACTS_BINARY, NEWSFACTS_BINARY, "ingest", "-q", "--db",
          db.c_str(), pages.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until some articles are in, then kill without warning.
  int status = 0;
  bool exited = false;
  for (int i = 0; i < 6000; ++i) {
    if (waitpid(child, &status, WNOHANG) == child) {
      exited = true;
      break;
    }
    if (std::filesystem::exists(db) &&
        Count(dir, db, "SELECT COUNT(*) FROM articles") >= 2) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!exited) {
    kill(child, SIGKILL);
    waitpid(child, &status, 0);
  }
  EXPECT_EQ(QueryJson(dir, db, "PRAGMA integrity_check")[0]["integrity_check"],
            "ok");
  const int64_t partial = Count(dir, db, "SELECT COUNT(*) FROM articles");
  EXPECT_GE(partial, 0);
  EXPECT_LE(partial, kPages);

  RunResult r = RunNewsfacts(dir, {"ingest", "--db", db, dir.File("pages")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(*) FROM articles"), kPages);
  EXPECT_EQ(Count(dir, db, "SELECT COUNT(DISTINCT url) FROM articles"), kPages);
  EXPECT_EQ(Count(dir, db,
                  "SELECT COUNT(*) FROM case_counts WHERE value = 5532"),
            kPages);
}

}  // namespace
}  // namespace newsfacts::testing
