// Shared fixtures of the store tests (test code only): a small article with
// curly quotes and Cyrillic before its mentions, so byte and code point
// offsets differ, and helpers to read single values through Store::Query.
#ifndef NEWSFACTS_TESTS_STORE_STORE_TEST_UTIL_H_
#define NEWSFACTS_TESTS_STORE_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "core/types.h"
#include "store/store.h"
#include "tests/test_util.h"

namespace newsfacts::testing {

struct Page {
  Document document;
  Article article;
  Facts facts;
};

// Span of the first occurrence of `needle` in `text` (bytes).
inline Span SpanOf(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return Span{at, at + needle.size()};
}

// A page at `url` whose raw bytes are `raw`. `title` lets a test tell
// versions apart.
inline Page SamplePage(const std::string& url, const std::string& raw,
                       const std::string& title = "Sample") {
  Page p;
  p.document.source = url;
  p.document.requested_url = url;
  p.document.final_url = url;
  p.document.http_status = 200;
  p.document.content_type = "text/html; charset=utf-8";
  p.document.fetch_time = 1650000000;
  p.document.raw = raw;
  p.document.html = raw;
  p.document.charset = "utf-8";
  p.document.origin = Origin::kHttp;

  Article& a = p.article;
  a.url = url;
  a.title = title;
  a.authors = {"Ann Author"};
  a.published = "2022-04-27T10:15:00+00:00";
  a.language = "en";
  a.section = "World";
  a.tags = {"Ukraine"};
  a.blocks = {{BlockKind::kParagraph,
               "\u201cWe will not give up,\u201d said Президент Зеленський."},
              {BlockKind::kParagraph,
               "On March 17, police in Київ arrested 1,150 people."}};
  a.text = a.blocks[0].text + "\n\n" + a.blocks[1].text;

  Entity zelensky;
  zelensky.type = EntityType::kPerson;
  zelensky.text = "Зеленський";
  zelensky.span = SpanOf(a.text, zelensky.text);
  zelensky.canonical = "Volodymyr Zelenskiy";
  zelensky.title = "Президент";
  zelensky.rule = "test.person";
  Entity kyiv;
  kyiv.type = EntityType::kLoc;
  kyiv.text = "Київ";
  kyiv.span = SpanOf(a.text, kyiv.text);
  kyiv.canonical = "Kyiv";
  kyiv.rule = "test.loc";
  p.facts.entities = {zelensky, kyiv};

  DateMention march;
  march.text = "March 17";
  march.span = SpanOf(a.text, march.text);
  march.value = "2022-03-17";
  march.rule = "test.date";
  p.facts.dates = {march};

  CaseCount arrests;
  arrests.text = "1,150 people";
  arrests.span = SpanOf(a.text, arrests.text);
  arrests.value = 1150;
  arrests.unit = "people";
  arrests.event = "ARREST";
  arrests.date = "2022-03-17";
  arrests.place = "Kyiv";
  arrests.rule = "test.count";
  p.facts.counts = {arrests};
  return p;
}

// The single value of a one-row, one-column query (fails the test if not).
inline SqlValue QueryValue(Store& store, const std::string& sql) {
  Result<QueryResult> r = store.Query(sql);
  EXPECT_TRUE(r.ok()) << sql << ": " << r.status().ToString();
  if (!r.ok() || r->rows.size() != 1 || r->rows[0].size() != 1) {
    ADD_FAILURE() << sql << ": expected one row with one column";
    return std::monostate{};
  }
  return r->rows[0][0];
}

inline int64_t QueryInt(Store& store, const std::string& sql) {
  SqlValue v = QueryValue(store, sql);
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  ADD_FAILURE() << sql << ": not an integer";
  return -1;
}

inline std::string QueryText(Store& store, const std::string& sql) {
  SqlValue v = QueryValue(store, sql);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  ADD_FAILURE() << sql << ": not text";
  return "";
}

inline std::unique_ptr<Store> OpenOrDie(const std::string& path,
                                        StoreOptions options = {}) {
  Result<std::unique_ptr<Store>> store = Store::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(*store) : nullptr;
}

}  // namespace newsfacts::testing

#endif  // NEWSFACTS_TESTS_STORE_STORE_TEST_UTIL_H_
