// Golden checks of the extractor on real and fixture Pangea pages: every
// Article field of the RFE/RL fixture, and what the reference extractors
// (fundus, article-extraction-benchmark, htmldate) give on real pages.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/types.h"
#include "extract/article/extractor.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using Json = nlohmann::json;
using testing::ConfigDir;
using testing::ReadFileOrDie;
using testing::TestdataDir;

Article ExtractFile(const std::string& path, bool with_profiles = true) {
  auto ex = Extractor::Create(
      {.sites_dir = with_profiles ? ConfigDir() + "/sites" : ""});
  EXPECT_TRUE(ex.ok()) << ex.status().message();
  Document doc;
  doc.source = path;
  doc.html = ReadFileOrDie(path);
  Result<Article> article = (*ex)->Extract(doc);
  EXPECT_TRUE(article.ok()) << article.status().message();
  return article.ok() ? *article : Article{};
}

std::string Squeeze(const std::string& s) {
  std::istringstream in(s);
  std::string word, out;
  while (in >> word) out += (out.empty() ? "" : " ") + word;
  return out;
}

TEST(ArticleGolden, RferlFixtureMatchesExpectedJson) {
  const std::string dir = TestdataDir() + "/rferl/";
  Article a = ExtractFile(dir + "china-in-eurasia.html");
  Json want =
      Json::parse(ReadFileOrDie(dir + "china-in-eurasia.expected.json"));
  EXPECT_EQ(a.url, want["url"]);
  EXPECT_EQ(a.title, want["title"]);
  EXPECT_EQ(a.authors, want["authors"].get<std::vector<std::string>>());
  EXPECT_EQ(a.published, want["published"]);
  EXPECT_EQ(a.modified, want["modified"]);
  EXPECT_EQ(a.language, want["language"]);
  EXPECT_EQ(a.section, want["section"]);
  EXPECT_EQ(a.text, want["text"]);
  EXPECT_EQ(a.captions, want["captions"].get<std::vector<std::string>>());
  EXPECT_EQ(a.kind, PageKind::kArticle);
  ASSERT_EQ(a.posts.size(), want["posts"].size());
  for (size_t i = 0; i < a.posts.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(a.posts[i].title, want["posts"][i]["title"]);
    EXPECT_EQ(a.posts[i].published, want["posts"][i]["published"]);
    EXPECT_EQ(a.posts[i].text, want["posts"][i]["text"]);
    EXPECT_EQ(a.posts[i].authors, std::vector<std::string>{"Reid Standish"});
  }
}

TEST(ArticleGolden, RferlFixtureTextIsJoinOfPostTexts) {
  Article a = ExtractFile(TestdataDir() + "/rferl/china-in-eurasia.html");
  ASSERT_EQ(a.posts.size(), 2u);
  EXPECT_EQ(a.text, a.posts[0].text + "\n\n" + a.posts[1].text);
  for (const Block& b : a.blocks) {
    EXPECT_NE(b.text, "Load more");
    EXPECT_EQ(b.text.find("XS SM MD LG"), std::string::npos);
  }
}

TEST(ArticleGolden, VoaArticleMatchesFundus) {
  const std::string base =
      TestdataDir() + "/pangea/voanews_2024-04-28_childcare_7585813";
  Article a = ExtractFile(base + ".html");
  Json want = Json::parse(ReadFileOrDie(base + ".expected.fundus.json"))["V1"];
  EXPECT_EQ(a.title, Squeeze(want["title"]));
  std::vector<std::string> paragraphs;
  for (const Json& section : want["body"]["sections"])
    for (const Json& p : section["paragraphs"]) paragraphs.push_back(p);
  std::vector<std::string> got;
  for (const Block& b : a.blocks) got.push_back(b.text);
  EXPECT_EQ(got, paragraphs);
  std::vector<std::string> captions;
  for (const Json& image : want["images"]) captions.push_back(image["caption"]);
  EXPECT_EQ(a.captions, captions);
  EXPECT_EQ(a.published, "2024-04-28T07:00:00+00:00");
  EXPECT_EQ(a.language, "en");
  EXPECT_TRUE(a.posts.empty());
  EXPECT_EQ(a.kind, PageKind::kArticle);
}

TEST(ArticleGolden, PolygraphBodyMatchesBenchmarkModuloWhitespace) {
  const std::string base =
      TestdataDir() + "/pangea/polygraph.info_2019-11-18_30279001";
  Article a = ExtractFile(base + ".html");
  Json want = Json::parse(ReadFileOrDie(base + ".expected.aeb.json"));
  EXPECT_EQ(Squeeze(a.text), Squeeze(want["articleBody"]));
}

TEST(ArticleGolden, SlobodnaEvropaProgramPageIsNotAnArticle) {
  Article a = ExtractFile(
      TestdataDir() +
      "/pangea/slobodnaevropa.org_2020-06-22_30657941_program.html");
  EXPECT_EQ(a.kind, PageKind::kProgram);
  EXPECT_EQ(a.published.substr(0, 10), "2020-06-22");
  EXPECT_EQ(a.language, "sh");
}

TEST(ArticleGolden, GenericMethodAloneFindsVoaBody) {
  // Without profiles the scoring must still land on the article body.
  const std::string base =
      TestdataDir() + "/pangea/voanews_2024-04-28_childcare_7585813";
  Article a = ExtractFile(base + ".html", /*with_profiles=*/false);
  Json want = Json::parse(ReadFileOrDie(base + ".expected.fundus.json"))["V1"];
  for (const Json& section : want["body"]["sections"])
    for (const Json& p : section["paragraphs"])
      EXPECT_NE(a.text.find(p.get<std::string>()), std::string::npos) << p;
  EXPECT_EQ(a.text.find("Adriane Burnett reads to her son Karter"),
            std::string::npos);
}

}  // namespace
}  // namespace newsfacts
