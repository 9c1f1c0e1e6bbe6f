// `newsfacts crawl` end to end: the real binary against the test site on
// two loopback hosts; assertions on the requests the servers saw and on the
// database.
#include <signal.h>
#include <sys/file.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "ingest/warc.h"
#include "store/store.h"
#include "tests/cli/cli_test_util.h"
#include "tests/crawl/test_site.h"

namespace newsfacts::testing {
namespace {

constexpr int64_t kDelayMicros = 100'000;  // --delay 0.1

std::unique_ptr<Store> OpenDb(const std::string& db) {
  auto store = Store::Open(db, {.read_only = true});
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(*store) : nullptr;
}

int64_t Int(Store& store, const std::string& sql) {
  Result<QueryResult> r = store.Query(sql);
  EXPECT_TRUE(r.ok()) << sql << ": " << r.status().ToString();
  if (!r.ok() || r->rows.empty()) return -1;
  const SqlValue& v = r->rows[0][0];
  return std::holds_alternative<int64_t>(v) ? std::get<int64_t>(v) : -1;
}

std::string Text(Store& store, const std::string& sql) {
  Result<QueryResult> r = store.Query(sql);
  EXPECT_TRUE(r.ok()) << sql << ": " << r.status().ToString();
  if (!r.ok() || r->rows.empty()) return "";
  const SqlValue& v = r->rows[0][0];
  return std::holds_alternative<std::string>(v) ? std::get<std::string>(v)
                                                : "";
}

std::string WriteConfig(const TempDir& dir) {
  // Short timeouts and waits so the faults cost little time.
  const std::string path = dir.File("crawl.toml");
  WriteFileOrDie(path,
                 "[crawl]\n"
                 "max_body_bytes = 2097152\n"
                 "backoff_base_seconds = 0.05\n"
                 "backoff_max_seconds = 0.2\n"
                 "timeout_seconds = 5\n"
                 "max_attempts = 3\n"
                 "max_redirects = 3\n");
  return path;
}

std::vector<std::string> CrawlArgs(const TempDir& dir, const TestSite& site,
                                   const std::string& db) {
  return {"crawl",       "-v",
          "--config",    WriteConfig(dir),
          "--db",        db,
          "--seed",      site.a() + "/feed.xml",
          "--seed",      site.a() + "/",
          "--delay",     "0.1",
          "--allow-private-addresses",
          "--user-agent", "newsfacts-test/1.0"};
}

// Gaps between consecutive requests to one host, in arrival order.
void ExpectPoliteGaps(const std::vector<SeenRequest>& seen,
                      const std::string& host, int64_t min_gap) {
  std::vector<int64_t> times;
  for (const SeenRequest& r : seen) {
    if (r.host == host) times.push_back(r.micros);
  }
  std::sort(times.begin(), times.end());
  ASSERT_GE(times.size(), 3u) << host;
  for (size_t i = 1; i < times.size(); ++i) {
    EXPECT_GE(times[i] - times[i - 1], min_gap)
        << host << " requests " << i - 1 << " and " << i;
  }
}

// Seeds: the feed and the site root (which leads to the feed again and,
// through robots.txt, to the sitemap index). See TestSite for the faults.
TEST(Crawl, CrawlsTheTestSitePolitelyAndStoresEachArticleOnce) {
  TestSite site;
  ASSERT_TRUE(site.ok());
  TempDir dir;
  const std::string db = dir.File("crawl.db");
  RunResult r = RunNewsfacts(dir, CrawlArgs(dir, site, db));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("newsfacts crawl: queued"), std::string::npos) << r.err;

  const std::vector<SeenRequest> seen = site.Requests();
  // robots.txt first on each host, and nothing it disallows.
  for (const std::string& host : {site.a_host(), site.b_host()}) {
    auto first = std::find_if(seen.begin(), seen.end(), [&](const auto& s) {
      return s.host == host;
    });
    ASSERT_NE(first, seen.end()) << host << "\n" << r.err;
    EXPECT_EQ(first->path, "/robots.txt");
  }
  for (const SeenRequest& s : seen) {
    EXPECT_EQ(s.path.rfind("/private/", 0), std::string::npos) << s.path;
    EXPECT_EQ(s.path.rfind("/api/", 0), std::string::npos) << s.path;
    EXPECT_EQ(s.user_agent, "newsfacts-test/1.0");
  }
  ExpectPoliteGaps(seen, site.a_host(), kDelayMicros);
  ExpectPoliteGaps(seen, site.b_host(), 150'000);  // robots Crawl-delay

  // Retry-After: 1 holds the whole host back a second after the 429.
  int64_t after_429 = 0;
  for (size_t i = 0; i < seen.size(); ++i) {
    if (seen[i].path == "/ratelimited.html") {
      for (size_t j = i + 1; j < seen.size(); ++j) {
        if (seen[j].host == site.a_host()) {
          after_429 = seen[j].micros - seen[i].micros;
          break;
        }
      }
      break;
    }
  }
  EXPECT_GE(after_429, 1'000'000);
  EXPECT_EQ(site.Hits(site.a_host(), "/ratelimited.html"), 2);
  EXPECT_EQ(site.Hits(site.a_host(), "/retry503.html"), 2);
  EXPECT_EQ(site.Hits(site.a_host(), "/reset.html"), 2);
  // Loops and too-large bodies are not retried.
  EXPECT_EQ(site.Hits(site.a_host(), "/loop1"), 1);
  EXPECT_EQ(site.Hits(site.a_host(), "/bomb.html"), 1);
  EXPECT_EQ(site.Hits(site.a_host(), "/big.html"), 1);
  // Known under several URLs, fetched once.
  int fetches_1002 = site.Hits(site.a_host(), "/a/1002.html") +
                     site.Hits(site.a_host(), "/a/another-slug/1002.html");
  EXPECT_EQ(fetches_1002, 1);
  EXPECT_EQ(site.Hits(site.a_host(), "/a/story-one/1001.html"), 1);

  auto store = OpenDb(db);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Int(*store, "SELECT count(*) FROM articles"),
            site.ExpectedArticles());
  EXPECT_EQ(Int(*store, "SELECT count(DISTINCT title) FROM articles"),
            site.ExpectedArticles());
  EXPECT_EQ(Int(*store, "SELECT count(*) FROM frontier WHERE state = "
                        "'in_flight'"),
            0);
  EXPECT_EQ(Text(*store, "SELECT title FROM articles WHERE title LIKE "
                         "'%Задержаны%' OR title LIKE '%Новости%'")
                .empty(),
            false);
  EXPECT_EQ(Int(*store, "SELECT count(*) FROM articles WHERE url LIKE "
                        "'%story-three/1003.html'"),
            1);
  EXPECT_NE(Text(*store, "SELECT last_error FROM frontier WHERE url LIKE "
                         "'%/loop1'")
                .find("redirect loop"),
            std::string::npos);
  EXPECT_NE(Text(*store, "SELECT last_error FROM frontier WHERE url LIKE "
                         "'%/bomb.html'")
                .find("too large"),
            std::string::npos);
  EXPECT_NE(Text(*store, "SELECT last_error FROM frontier WHERE url LIKE "
                         "'%/big.html'")
                .find("too large"),
            std::string::npos);
  EXPECT_EQ(Text(*store, "SELECT state FROM frontier WHERE url LIKE "
                         "'%/private/secret.html'"),
            "done");
  // The run's figures.
  EXPECT_EQ(Int(*store, "SELECT stored FROM runs WHERE kind = 'crawl'"),
            site.ExpectedArticles());
  // The loop, the bomb and the oversize page.
  EXPECT_EQ(Int(*store, "SELECT failed FROM runs WHERE kind = 'crawl'"), 3);
  // Facts went through the same pipeline as ingest.
  EXPECT_GT(Int(*store, "SELECT count(*) FROM case_counts"), 0);

  // Second run: feeds and sitemaps asked conditionally, answered 304; no
  // article fetched again, nothing stored twice.
  site.ClearLog();
  r = RunNewsfacts(dir, CrawlArgs(dir, site, db));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<SeenRequest> again = site.Requests();
  bool conditional_feed = false;
  for (const SeenRequest& s : again) {
    if (s.path == "/feed.xml") {
      conditional_feed = s.if_none_match == "\"feed-v1\"" &&
                         !s.if_modified_since.empty();
    }
    EXPECT_EQ(s.path.find("/a/"), std::string::npos) << s.path;
  }
  EXPECT_TRUE(conditional_feed);
  store = OpenDb(db);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Int(*store, "SELECT count(*) FROM articles"),
            site.ExpectedArticles());
  EXPECT_EQ(Int(*store, "SELECT not_modified FROM runs WHERE kind = 'crawl' "
                        "ORDER BY id DESC LIMIT 1"),
            1);
}

TEST(Crawl, RefusesLoopbackAddressesUnlessAllowed) {
  TestSite site;
  ASSERT_TRUE(site.ok());
  TempDir dir;
  const std::string db = dir.File("c.db");
  RunResult r = RunNewsfacts(
      dir, {"crawl", "--no-facts", "--db", db, "--seed",
            site.a() + "/feed.xml", "--delay", "0"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(site.Requests().empty());
  auto store = OpenDb(db);
  ASSERT_NE(store, nullptr);
  EXPECT_NE(Text(*store, "SELECT last_error FROM frontier").find("refused "
                                                                 "address"),
            std::string::npos);
  EXPECT_EQ(Int(*store, "SELECT count(*) FROM articles"), 0);
}

TEST(Crawl, SecondCrawlOnTheSameDatabaseExitsAtOnce) {
  TempDir dir;
  const std::string db = dir.File("l.db");
  const int fd = open((db + "-crawl.lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
  RunResult r = RunNewsfacts(
      dir, {"crawl", "--no-facts", "--db", db, "--seed",
            "http://127.0.0.1:9/feed.xml"});
  close(fd);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("database is locked by a running crawl"),
            std::string::npos)
      << r.err;
}

// kill -9 in the middle of a crawl, then a second run: every article
// stored exactly once, no row left in flight.
TEST(Crawl, KilledCrawlResumesWithoutLossOrDuplicates) {
  TestSite site(/*extra_articles=*/24);
  ASSERT_TRUE(site.ok());
  TempDir dir;
  const std::string db = dir.File("k.db");
  const std::vector<std::string> args = CrawlArgs(dir, site, db);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    freopen("/dev/null", "w", stderr);
    std::vector<const char*> argv = {NEWSFACTS_BINARY};
    for (const std::string& a : args) argv.push_back(a.c_str());
    argv.push_back(nullptr);
    execv(NEWSFACTS_BINARY, const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  int status = 0;
  bool exited = false;
  for (int i = 0; i < 3000; ++i) {
    if (waitpid(child, &status, WNOHANG) == child) {
      exited = true;
      break;
    }
    if (std::filesystem::exists(db)) {
      auto store = Store::Open(db, {.read_only = true});
      if (store.ok()) {
        Result<QueryResult> q =
            (*store)->Query("SELECT count(*) FROM articles");
        if (q.ok() && std::get<int64_t>(q->rows[0][0]) >= 5) break;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_FALSE(exited) << "the crawl ended before it could be killed";
  kill(child, SIGKILL);
  waitpid(child, &status, 0);
  {
    auto store = OpenDb(db);
    ASSERT_NE(store, nullptr);
    EXPECT_LT(Int(*store, "SELECT count(*) FROM articles"),
              site.ExpectedArticles());
  }

  RunResult r = RunNewsfacts(dir, args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto store = OpenDb(db);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Int(*store, "SELECT count(*) FROM articles"),
            site.ExpectedArticles())
      << "frontier rows not done: "
      << Text(*store,
              "SELECT group_concat(url || ' ' || state || ' ' || attempts || "
              "' ' || coalesce(last_error, ''), '; ') FROM frontier "
              "WHERE state != 'done'")
      << "\nsecond run: " << r.err;
  EXPECT_EQ(Int(*store, "SELECT count(DISTINCT title) FROM articles"),
            site.ExpectedArticles());
  EXPECT_EQ(Int(*store, "SELECT count(*) FROM frontier WHERE state = "
                        "'in_flight'"),
            0);
}

}  // namespace
}  // namespace newsfacts::testing

namespace newsfacts::testing {
namespace {

// --warc-out archives every HTTP response; the archive reads back.
TEST(Crawl, WritesEveryResponseToWarc) {
  TestSite site;
  ASSERT_TRUE(site.ok());
  TempDir dir;
  const std::string warcs = dir.File("warc");
  RunResult r = RunNewsfacts(
      dir, {"crawl", "--no-facts", "--db", dir.File("w.db"), "--seed",
            site.b() + "/a/2002.html", "--delay", "0",
            "--allow-private-addresses", "--warc-out", warcs});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int responses = 0;
  std::vector<std::string> uris;
  for (const auto& entry : std::filesystem::directory_iterator(warcs)) {
    auto reader = WarcReader::Open(entry.path().string());
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    WarcRecord rec;
    for (;;) {
      Result<bool> more = (*reader)->Next(&rec);
      ASSERT_TRUE(more.ok()) << more.status().ToString();
      if (!*more) break;
      if (rec.type == "response") {
        ++responses;
        uris.push_back(rec.target_uri);
      }
    }
  }
  // robots.txt and the page.
  EXPECT_EQ(responses, 2);
  EXPECT_NE(std::find(uris.begin(), uris.end(), site.b() + "/robots.txt"),
            uris.end());
}

// The shipped configs parse; a misspelt key is an error, not a default.
TEST(Crawl, ConfigFilesParseAndTyposAreErrors) {
  TempDir dir;
  const std::string seed = "file://" + dir.File("none.xml");
  // (sources/rferl.toml names real sites: not crawled by a test.)
  for (const char* config : {"/newsfacts.toml"}) {
    RunResult r = RunNewsfacts(
        dir, {"crawl", "--no-facts", "--config", ConfigDir() + config, "--db",
              dir.File("c.db"), "--max-pages", "0", "--seed", seed});
    EXPECT_EQ(r.exit_code, 0) << config << r.err;
  }
  WriteFileOrDie(dir.File("bad.toml"), "[crawl]\ndelay_secs = 1\n");
  RunResult r = RunNewsfacts(dir, {"crawl", "--config", dir.File("bad.toml"),
                                   "--seed", seed, "--db", dir.File("d.db")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("crawl.delay_secs: unknown key"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace newsfacts::testing
