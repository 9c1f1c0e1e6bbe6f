// Store::PutArticle: stored / unchanged / replaced, URL identity, code point
// offsets, and all-or-nothing writes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

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
using testing::SpanOf;
using testing::TempDir;

constexpr char kUrl[] = "https://www.rferl.org/a/sample/31000001.html";

// Row counts of every table a PutArticle writes, in one string for EXPECT_EQ.
std::string RowCounts(Store& store) {
  std::string out;
  for (const char* table :
       {"sources", "documents", "article_rows", "article_urls", "entities",
        "mentions", "dates", "counts"}) {
    out += std::string(table) + "=" +
           std::to_string(
               QueryInt(store, std::string("SELECT count(*) FROM ") + table)) +
           " ";
  }
  return out;
}

Result<PutOutcome> Put(Store& store, const Page& page) {
  return store.PutArticle(page.document, page.article, page.facts);
}

TEST(StorePut, NewArticleIsStoredWithItsFacts) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  ASSERT_NE(store, nullptr);
  Result<PutOutcome> put = Put(*store, SamplePage(kUrl, "<html>v1</html>"));
  ASSERT_OK(put);
  EXPECT_EQ(*put, PutOutcome::kStored);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(QueryText(*store, "SELECT url FROM articles"), kUrl);
  EXPECT_EQ(QueryText(*store, "SELECT language FROM articles"), "en");
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM entity_mentions"), 2);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM date_mentions"), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM case_counts"), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM facts"), 4);
  EXPECT_EQ(QueryText(*store, "SELECT value FROM facts WHERE kind = 'date'"),
            "2022-03-17");
  EXPECT_EQ(QueryInt(*store, "SELECT value FROM facts WHERE kind = 'count'"),
            1150);
  EXPECT_EQ(QueryText(*store,
                      "SELECT value FROM facts WHERE kind = 'entity' AND "
                      "text = 'Київ'"),
            "Kyiv");
  EXPECT_EQ(QueryText(*store,
                      "SELECT type || '|' || canonical || '|' || title FROM "
                      "entity_mentions WHERE text = 'Зеленський'"),
            "PERSON|Volodymyr Zelenskiy|Президент");
  EXPECT_EQ(QueryText(*store,
                      "SELECT event || '|' || qualifier || '|' || place || "
                      "'|' || date FROM case_counts"),
            "ARREST|exact|Kyiv|2022-03-17");
  EXPECT_EQ(QueryText(*store, "SELECT authors FROM articles"),
            "[\"Ann Author\"]");
  EXPECT_EQ(QueryText(*store, "SELECT name FROM sources"), "www.rferl.org");
}

TEST(StorePut, EveryFactRecordsItsRule) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("r.db"));
  ASSERT_NE(store, nullptr);
  ASSERT_OK(Put(*store, SamplePage(kUrl, "<html>v1</html>")));
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM facts WHERE rule IS NULL"),
            0);
  EXPECT_EQ(QueryText(*store, "SELECT rule FROM case_counts"), "test.count");
}

// The contract: substr(articles.text, start + 1, end - start) = text, with
// curly quotes and Cyrillic before every mention so bytes != code points.
TEST(StorePut, OffsetsAreCodePointsIntoArticleText) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("o.db"));
  ASSERT_NE(store, nullptr);
  const Page page = SamplePage(kUrl, "<html>v1</html>");
  ASSERT_OK(Put(*store, page));
  for (const char* view :
       {"entity_mentions", "date_mentions", "case_counts", "facts"}) {
    const std::string from = std::string(" FROM ") + view +
                             " m JOIN articles a ON a.id = m.article_id";
    EXPECT_GT(QueryInt(*store, "SELECT count(*)" + from), 0) << view;
    EXPECT_EQ(QueryInt(*store, "SELECT count(*)" + from +
                                   " WHERE substr(a.text, m.start + 1, "
                                   "m.\"end\" - m.start) <> m.text"),
              0)
        << view;
  }
  // "“We will not give up,” said Президент " is 38 code points but more
  // bytes: the stored start must be the code point one.
  const Span bytes = SpanOf(page.article.text, "Зеленський");
  EXPECT_EQ(QueryInt(*store,
                     "SELECT start FROM entity_mentions WHERE text = "
                     "'Зеленський'"),
            38);
  EXPECT_NE(bytes.begin, 38u);
  EXPECT_EQ(QueryInt(*store,
                     "SELECT \"end\" - start FROM entity_mentions WHERE text = "
                     "'Зеленський'"),
            10);
}

TEST(StorePut, SamePageAgainIsUnchangedAndWritesNothing) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("u.db"));
  ASSERT_NE(store, nullptr);
  const Page page = SamplePage(kUrl, "<html>v1</html>");
  ASSERT_OK(Put(*store, page));
  const std::string before = RowCounts(*store);
  const int64_t extracted_at =
      QueryInt(*store, "SELECT extracted_at FROM articles");
  Result<PutOutcome> again = Put(*store, page);
  ASSERT_OK(again);
  EXPECT_EQ(*again, PutOutcome::kUnchanged);
  EXPECT_EQ(RowCounts(*store), before);
  EXPECT_EQ(QueryInt(*store, "SELECT extracted_at FROM articles"),
            extracted_at);
}

TEST(StorePut, HasSamePageNeedsSameSourceAndBytes) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("h.db"));
  ASSERT_NE(store, nullptr);
  const Page page = SamplePage(kUrl, "<html>v1</html>");
  Result<bool> before = store->HasSamePage(page.document);
  ASSERT_OK(before);
  EXPECT_FALSE(*before);
  ASSERT_OK(Put(*store, page));
  Result<bool> same = store->HasSamePage(page.document);
  ASSERT_OK(same);
  EXPECT_TRUE(*same);

  Document changed = page.document;
  changed.raw = "<html>v2</html>";
  EXPECT_FALSE(*store->HasSamePage(changed));
  Document elsewhere = page.document;
  elsewhere.source = "copy/of/page.html";
  EXPECT_FALSE(*store->HasSamePage(elsewhere));
}

TEST(StorePut, ChangedPageIsReplacedKeepingId) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("c.db"));
  ASSERT_NE(store, nullptr);
  ASSERT_OK(Put(*store, SamplePage(kUrl, "<html>v1</html>", "Old title")));
  const int64_t id = QueryInt(*store, "SELECT id FROM articles");

  Page v2 = SamplePage(kUrl, "<html>v2</html>", "New title");
  v2.facts.entities.pop_back();  // Київ no longer found
  v2.facts.counts[0].value = 1151;
  Result<PutOutcome> put = Put(*store, v2);
  ASSERT_OK(put);
  EXPECT_EQ(*put, PutOutcome::kReplaced);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT id FROM articles"), id);
  EXPECT_EQ(QueryText(*store, "SELECT title FROM articles"), "New title");
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM entity_mentions"), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM entities"), 1)
      << "an entity no article mentions any more is pruned";
  EXPECT_EQ(QueryInt(*store,
                     "SELECT count(*) FROM entity_mentions WHERE text = "
                     "'Київ'"),
            0);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM case_counts"), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT value FROM case_counts"), 1151);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM facts WHERE article_id <> " +
                                 std::to_string(id)),
            0);
  // The full-text index follows the replaced title.
  EXPECT_EQ(QueryInt(*store,
                     "SELECT count(*) FROM articles_fts WHERE articles_fts "
                     "MATCH 'title:new'"),
            1);
  EXPECT_EQ(QueryInt(*store,
                     "SELECT count(*) FROM articles_fts WHERE articles_fts "
                     "MATCH 'title:old'"),
            0);
}

// Re-extraction after a rule change: same bytes, new facts.
TEST(StorePut, EvenIfUnchangedRewritesFacts) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("force.db"));
  ASSERT_NE(store, nullptr);
  const Page page = SamplePage(kUrl, "<html>v1</html>");
  ASSERT_OK(Put(*store, page));
  const int64_t id = QueryInt(*store, "SELECT id FROM articles");
  Facts fewer = page.facts;
  fewer.counts.clear();
  Result<PutOutcome> put =
      store->PutArticle(page.document, page.article, fewer,
                        PutOptions{.even_if_unchanged = true});
  ASSERT_OK(put);
  EXPECT_EQ(*put, PutOutcome::kReplaced);
  EXPECT_EQ(QueryInt(*store, "SELECT id FROM articles"), id);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM case_counts"), 0);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM entity_mentions"), 2);
}

// A page known by several URLs is one article, whichever URL it comes by.
TEST(StorePut, ArticleIdentityFollowsAllKnownUrls) {
  struct Case {
    const char* name;
    void (*vary)(Page&);
  };
  const std::vector<Case> cases = {
      {"via canonical from another final URL",
       [](Page& p) {
         p.document.source = p.document.requested_url = p.document.final_url =
             p.article.url = "https://www.rferl.org/amp/31000001.html";
         p.article.canonical_url = kUrl;
       }},
      {"via requested URL that redirected before",
       [](Page& p) {
         p.document.source = "https://rferl.org/a/31000001.html";
         p.document.requested_url = p.document.source;
       }},
      {"via article URL only",
       [](Page& p) { p.document.source = "page.html"; }},
  };
  for (const Case& c : cases) {
    TempDir dir;
    auto store = OpenOrDie(dir.File("i.db"));
    ASSERT_NE(store, nullptr);
    Page first = SamplePage(kUrl, "<html>v1</html>");
    first.document.requested_url = "https://rferl.org/a/31000001.html";
    ASSERT_OK(Put(*store, first));
    Page second = SamplePage(kUrl, "<html>v2</html>");
    c.vary(second);
    Result<PutOutcome> put = Put(*store, second);
    ASSERT_OK(put);
    EXPECT_EQ(*put, PutOutcome::kReplaced) << c.name;
    EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM articles"), 1) << c.name;
  }
}

TEST(StorePut, RegistersEveryUrlOnce) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("urls.db"));
  ASSERT_NE(store, nullptr);
  Page page = SamplePage(kUrl, "<html>v1</html>");
  page.document.requested_url = "https://rferl.org/a/31000001.html";
  page.article.canonical_url = "https://www.rferl.org/a/31000001.html";
  ASSERT_OK(Put(*store, page));
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM article_urls"), 3);
  EXPECT_EQ(QueryText(*store, "SELECT canonical_url FROM articles"),
            "https://www.rferl.org/a/31000001.html");
}

TEST(StorePut, DifferentUrlsAreDifferentArticles) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("d.db"));
  ASSERT_NE(store, nullptr);
  ASSERT_OK(Put(*store, SamplePage(kUrl, "<html>same</html>")));
  Result<PutOutcome> put =
      Put(*store, SamplePage("https://www.rferl.org/a/other/31000002.html",
                             "<html>same</html>"));
  ASSERT_OK(put);
  EXPECT_EQ(*put, PutOutcome::kStored);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM articles"), 2);
  // Entities are shared: two mentions each of two entities.
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM entities"), 2);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM entity_mentions"), 4);
}

TEST(StorePut, ReplacingOneArticleKeepsEntitiesOthersMention) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("shared.db"));
  ASSERT_NE(store, nullptr);
  ASSERT_OK(Put(*store, SamplePage(kUrl, "<html>a1</html>")));
  ASSERT_OK(Put(*store, SamplePage("https://www.rferl.org/a/b/31000002.html",
                                   "<html>b1</html>")));
  Page a2 = SamplePage(kUrl, "<html>a2</html>");
  a2.facts.entities.clear();
  Result<PutOutcome> put = Put(*store, a2);
  ASSERT_OK(put);
  EXPECT_EQ(*put, PutOutcome::kReplaced);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM entities"), 2);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM entity_mentions"), 2);
}

TEST(StorePut, EmptyStringsAreNull) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("n.db"));
  ASSERT_NE(store, nullptr);
  Page page = SamplePage(kUrl, "<html>v1</html>");
  page.article.section.clear();
  page.document.etag.clear();
  page.facts.counts[0].subject.clear();
  ASSERT_OK(Put(*store, page));
  EXPECT_EQ(QueryInt(*store, "SELECT section IS NULL FROM articles"), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT canonical_url IS NULL FROM articles"), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT etag IS NULL FROM documents"), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT subject IS NULL FROM case_counts"), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT low IS NULL FROM case_counts"), 1);
}

// A PutArticle that fails after some of its rows were written (a count with
// begin > end violates the counts CHECK, after the article and its entities
// went in) must leave the database exactly as before.
TEST(StorePut, FailedPutLeavesPreviousStateIntact) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("f.db"));
  ASSERT_NE(store, nullptr);
  ASSERT_OK(Put(*store, SamplePage(kUrl, "<html>v1</html>", "Old title")));
  const std::string before = RowCounts(*store);

  Page broken = SamplePage(kUrl, "<html>v2</html>", "New title");
  broken.facts.counts[0].span = Span{20, 10};
  Result<PutOutcome> put = Put(*store, broken);
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), Status::Code::kInvalidArgument)
      << put.status().ToString();
  EXPECT_EQ(RowCounts(*store), before);
  EXPECT_EQ(QueryText(*store, "SELECT title FROM articles"), "Old title");
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM entity_mentions"), 2);

  Page new_broken = SamplePage("https://www.rferl.org/a/new/31000003.html",
                               "<html>new</html>");
  new_broken.facts.counts[0].span = Span{20, 10};
  ASSERT_FALSE(Put(*store, new_broken).ok());
  EXPECT_EQ(RowCounts(*store), before);

  // The same pages, fixed, go in afterwards: nothing was left locked.
  Result<PutOutcome> fixed =
      Put(*store, SamplePage(kUrl, "<html>v2</html>", "New title"));
  ASSERT_OK(fixed);
  EXPECT_EQ(*fixed, PutOutcome::kReplaced);
}

TEST(StorePut, ReadOnlyStoreRefusesPut) {
  TempDir dir;
  const std::string path = dir.File("ro.db");
  { ASSERT_NE(OpenOrDie(path), nullptr); }
  auto store = OpenOrDie(path, {.read_only = true});
  ASSERT_NE(store, nullptr);
  Result<PutOutcome> put = Put(*store, SamplePage(kUrl, "<html>v1</html>"));
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM articles"), 0);
}

}  // namespace
}  // namespace newsfacts
