// End-to-end tests of the `newsfacts` binary: flags, exit codes, `extract`
// and `tag` output per spec/facts.md.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "core/utf8.h"
#include "tests/cli/cli_test_util.h"

namespace newsfacts::testing {
namespace {

using nlohmann::json;

const std::string kSeedPage = TestdataDir() + "/rferl/china-in-eurasia.html";

// text[start:end] in code points, as Python and the spec count them.
std::string CodePointSlice(const std::string& text, int64_t start,
                           int64_t end) {
  CodePointIndex index(text);
  const size_t b = index.ToByte(start);
  return text.substr(b, index.ToByte(end) - b);
}

// Every fact's span must give back its text.
void ExpectSpansMatchText(const std::string& text, const json& obj) {
  for (const char* kind : {"entities", "dates", "counts"}) {
    ASSERT_TRUE(obj.contains(kind)) << kind;
    for (const json& f : obj[kind]) {
      EXPECT_EQ(CodePointSlice(text, f["start"], f["end"]),
                f["text"].get<std::string>())
          << kind << " " << f.dump();
    }
  }
}

TEST(Cli, VersionAndHelpExitZero) {
  TempDir dir;
  RunResult v = RunNewsfacts(dir, {"--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("newsfacts "), std::string::npos);
  for (const char* sub : {"ingest", "extract", "tag", "query", "summary"}) {
    RunResult h = RunNewsfacts(dir, {sub, "--help"});
    EXPECT_EQ(h.exit_code, 0) << sub;
    EXPECT_NE(h.out.find("Usage"), std::string::npos) << sub;
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  TempDir dir;
  EXPECT_EQ(RunNewsfacts(dir, {}).exit_code, 2);
  EXPECT_EQ(RunNewsfacts(dir, {"ingest"}).exit_code, 2);  // no paths
  EXPECT_EQ(RunNewsfacts(dir, {"query", "--format", "xml", "SELECT 1"})
                .exit_code, 2);
  RunResult bad_date = RunNewsfacts(dir, {"tag", "--date", "23/03/2022"},
                                    "text");
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.err.find("--date"), std::string::npos);
}

TEST(Extract, SeedPageGivesSpecJson) {
  TempDir dir;
  RunResult r = RunNewsfacts(dir, {"extract", "--json", kSeedPage});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  json got = json::parse(line);
  EXPECT_FALSE(std::getline(lines, line)) << "one line per page";

  json want = json::parse(ReadFileOrDie(TestdataDir() +
                                        "/rferl/china-in-eurasia.expected.json"));
  for (const char* key : {"url", "title", "authors", "published", "modified",
                          "language", "section"}) {
    EXPECT_EQ(got[key], want[key]) << key;
  }
  EXPECT_EQ(got["source"], kSeedPage);
  const std::string text = got["text"];
  // Every paragraph of the article, none of the boilerplate.
  std::istringstream paragraphs(want["text"].get<std::string>());
  for (std::string p; std::getline(paragraphs, p);) {
    if (!p.empty()) {
      EXPECT_NE(text.find(p), std::string::npos) << p;
    }
  }
  for (const char* boiler : {"Load more", "Breaking News", "XS", "About The "
                             "Newsletter", "Accessibility links"}) {
    EXPECT_EQ(text.find(boiler), std::string::npos) << boiler;
  }
  EXPECT_EQ(got["posts"].size(), 2u);
  ExpectSpansMatchText(text, got);
}

TEST(Extract, NoFactsSkipsFactFields) {
  TempDir dir;
  RunResult r = RunNewsfacts(dir, {"extract", "--no-facts", kSeedPage});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json got = json::parse(r.out);
  EXPECT_FALSE(got.contains("entities"));
  EXPECT_FALSE(got["text"].get<std::string>().empty());
}

TEST(Extract, BadInputIsReportedAndTheRunGoesOn) {
  TempDir dir;
  WriteFileOrDie(dir.File("empty.html"), "");
  RunResult r = RunNewsfacts(
      dir, {"extract", dir.File("empty.html"), kSeedPage,
            dir.File("missing.html")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("empty.html"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing.html"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("china-in-eurasia.html"), std::string::npos);
}

TEST(Tag, JsonHasCodePointSpans) {
  TempDir dir;
  const std::string text =
      "\u201cWe fled,\u201d said Zhang Ming. On March 17, more than 1,000 "
      "Uyghurs were detained in Xinjiang.";
  RunResult r = RunNewsfacts(dir, {"tag", "--json", "--date", "2022-03-23"},
                             text);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json got = json::parse(r.out);
  ExpectSpansMatchText(text, got);
  bool found_date = false;
  for (const json& d : got["dates"]) {
    if (d["text"] == "March 17") {
      found_date = true;
      EXPECT_EQ(d["value"], "2022-03-17");
    }
  }
  EXPECT_TRUE(found_date) << r.out;
  ASSERT_FALSE(got["counts"].empty()) << r.out;
  EXPECT_EQ(got["counts"][0]["value"], 1000);
  EXPECT_EQ(got["counts"][0]["qualifier"], "min");
}

TEST(Tag, JsonLinesKeepOrderAndIds) {
  TempDir dir;
  std::string input;
  for (int i = 0; i < 5; ++i) {
    input += json({{"id", "doc" + std::to_string(i)},
                   {"text", "At least " + std::to_string(10 + i) +
                                " people were killed on Monday."},
                   {"date", "2022-03-23"}})
                 .dump() +
             "\n";
  }
  input += "not json\n";
  RunResult r = RunNewsfacts(dir, {"tag", "--jsonl"}, input);
  EXPECT_EQ(r.exit_code, 1) << "the bad line is reported";
  EXPECT_NE(r.err.find("stdin:6"), std::string::npos) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(std::getline(lines, line));
    json got = json::parse(line);
    EXPECT_EQ(got["id"], "doc" + std::to_string(i));
    ASSERT_EQ(got["counts"].size(), 1u) << line;
    EXPECT_EQ(got["counts"][0]["value"], 10 + i);
    EXPECT_EQ(got["counts"][0]["event"], "KILL");
  }
}

}  // namespace
}  // namespace newsfacts::testing
