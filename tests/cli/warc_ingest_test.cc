// End-to-end: `newsfacts ingest` over a WARC archive (a hand-written fixture
// made by tests/testdata/warc/make_fixture.py) into a SQLite file.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_util.h"

namespace newsfacts::testing {
namespace {

using nlohmann::json;

const std::string kFixture = TestdataDir() + "/warc/news.warc.gz";

json Query(const TempDir& dir, const std::string& db, const std::string& sql) {
  RunResult r =
      RunNewsfacts(dir, {"query", "--db", db, "--format", "json", sql});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out, nullptr, false);
}

TEST(IngestWarc, EachHtmlResponseIsOneInput) {
  TempDir dir;
  const std::string db = dir.File("n.db");
  RunResult first = RunNewsfacts(dir, {"ingest", "--db", db, kFixture});
  // Two articles stored; the damaged gzip response fails; the JPEG, the 404,
  // the request and the metadata record are not inputs at all.
  EXPECT_EQ(first.exit_code, 1) << first.err;
  EXPECT_NE(
      first.err.find("read 2, stored 2, replaced 0, unchanged 0, failed 1"),
      std::string::npos)
      << first.err;
  EXPECT_NE(first.err.find("https://www.rferl.org/a/broken/1.html"),
            std::string::npos)
      << first.err;

  json docs = Query(dir, db,
                    "SELECT final_url, http_status, origin, fetch_time "
                    "FROM documents ORDER BY final_url");
  ASSERT_TRUE(docs.is_array()) << docs.dump();
  ASSERT_EQ(docs.size(), 2u) << docs.dump();
  EXPECT_EQ(docs[0]["final_url"],
            "https://www.rferl.org/a/china-in-eurasia/31812345.html");
  EXPECT_EQ(docs[0]["http_status"], 200);
  EXPECT_EQ(docs[0]["origin"], "warc");
  EXPECT_EQ(docs[0]["fetch_time"], 1795860001);  // the record's WARC-Date
  EXPECT_EQ(docs[1]["final_url"],
            "https://www.rferl.org/a/china-in-eurasia/31899999.html");

  json articles = Query(dir, db, "SELECT COUNT(*) AS n FROM articles");
  EXPECT_EQ(articles[0]["n"], 2) << articles.dump();

  // A folder holding the archive: the same records, now unchanged.
  std::filesystem::create_directories(dir.File("crawl"));
  std::filesystem::copy_file(kFixture, dir.File("crawl/news.warc.gz"));
  RunResult again =
      RunNewsfacts(dir, {"ingest", "--db", db, dir.File("crawl")});
  EXPECT_NE(
      again.err.find("read 2, stored 0, replaced 0, unchanged 2, failed 1"),
      std::string::npos)
      << again.err;
}

TEST(IngestWarc, DamagedArchiveKeepsTheRecordsBeforeTheDamage) {
  TempDir dir;
  const std::string db = dir.File("n.db");
  const std::string bytes = ReadFileOrDie(kFixture);
  // Cut inside the second article's response (its gzip member spans bytes
  // 19490 to 38588 of the fixture).
  ASSERT_GT(bytes.size(), 38588u);
  WriteFileOrDie(dir.File("cut.warc.gz"), bytes.substr(0, 30000));
  RunResult r =
      RunNewsfacts(dir, {"ingest", "--db", db, dir.File("cut.warc.gz")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("read 1, stored 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("failed 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("cut.warc.gz"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace newsfacts::testing
