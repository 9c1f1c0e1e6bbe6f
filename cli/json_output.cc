#include "cli/json_output.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace newsfacts {

namespace {

using Json = nlohmann::ordered_json;

Json StringOrNull(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

void AddSpan(const CodePointIndex& index, const Span& span, Json* obj) {
  (*obj)["start"] = index.ToCodePoint(span.begin);
  (*obj)["end"] = index.ToCodePoint(span.end);
}

// Keys in the order of spec/facts.md; optional keys only when set.
void AddFacts(std::string_view text, const Facts& facts, Json* out) {
  const CodePointIndex index(text);
  Json entities = Json::array();
  for (const Entity& e : facts.entities) {
    Json j;
    j["type"] = EntityTypeName(e.type);
    j["text"] = e.text;
    AddSpan(index, e.span, &j);
    j["canonical"] = e.canonical.empty() ? e.text : e.canonical;
    if (!e.title.empty()) j["title"] = e.title;
    j["rule"] = e.rule;
    entities.push_back(std::move(j));
  }
  Json dates = Json::array();
  for (const DateMention& d : facts.dates) {
    Json j;
    j["text"] = d.text;
    AddSpan(index, d.span, &j);
    j["value"] = d.value;
    j["type"] = d.type;
    if (!d.mod.empty()) j["mod"] = d.mod;
    if (!d.anchored.empty()) j["anchored"] = d.anchored;
    if (!d.begin.empty()) j["begin"] = d.begin;
    if (!d.end_value.empty()) j["end_value"] = d.end_value;
    j["rule"] = d.rule;
    dates.push_back(std::move(j));
  }
  Json counts = Json::array();
  for (const CaseCount& c : facts.counts) {
    Json j;
    j["text"] = c.text;
    AddSpan(index, c.span, &j);
    j["value"] = c.value;
    if (c.low) j["low"] = *c.low;
    if (c.high) j["high"] = *c.high;
    j["qualifier"] = c.qualifier;
    j["unit"] = StringOrNull(c.unit);
    j["subject"] = StringOrNull(c.subject);
    j["event"] = StringOrNull(c.event);
    j["date"] = StringOrNull(c.date);
    j["place"] = StringOrNull(c.place);
    j["rule"] = c.rule;
    counts.push_back(std::move(j));
  }
  (*out)["entities"] = std::move(entities);
  (*out)["dates"] = std::move(dates);
  (*out)["counts"] = std::move(counts);
}

std::string Dump(const Json& j) {
  // Invalid UTF-8 cannot reach here (ingest decodes), but never throw on it.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string FactsToJson(std::string_view text, const Facts& facts) {
  Json out = Json::object();
  AddFacts(text, facts, &out);
  return Dump(out);
}

std::string FactsToJsonWithId(std::string_view id_json, std::string_view text,
                              const Facts& facts) {
  Json out = Json::object();
  out["id"] = Json::parse(id_json, nullptr, /*allow_exceptions=*/false);
  AddFacts(text, facts, &out);
  return Dump(out);
}

std::string ArticleToJson(std::string_view source, const Article& article,
                          const Facts& facts, bool with_facts) {
  Json out;
  out["source"] = source;
  out["url"] = StringOrNull(article.url);
  out["title"] = StringOrNull(article.title);
  out["authors"] = article.authors;
  out["published"] = StringOrNull(article.published);
  out["modified"] = StringOrNull(article.modified);
  out["language"] = StringOrNull(article.language);
  out["section"] = StringOrNull(article.section);
  out["kind"] = PageKindName(article.kind);
  out["text"] = article.text;
  out["captions"] = article.captions;
  Json posts = Json::array();
  for (const Post& p : article.posts) {
    Json j;
    j["title"] = StringOrNull(p.title);
    j["published"] = StringOrNull(p.published);
    j["text"] = p.text;
    posts.push_back(std::move(j));
  }
  out["posts"] = std::move(posts);
  if (with_facts) AddFacts(article.text, facts, &out);
  return Dump(out);
}

}  // namespace newsfacts
