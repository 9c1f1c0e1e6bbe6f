// SqliteStore::InsertFacts: mentions, dates and counts of one article, with
// byte spans turned into code point offsets into the article text.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <string>

#include "core/utf8.h"
#include "store/sqlite_store.h"

namespace newsfacts {
namespace {

void BindOptionalText(SQLite::Statement& stmt, int index,
                      const std::string& value) {
  if (value.empty()) {
    stmt.bind(index);
  } else {
    stmt.bind(index, value);
  }
}

// The mention text as found; falls back to the spanned bytes when a stage
// left `text` empty, so substr(articles.text, start + 1, end - start) and
// the stored text agree.
std::string MentionText(const std::string& text, const std::string& article,
                        Span span) {
  if (!text.empty() || span.begin >= span.end || span.end > article.size()) {
    return text;
  }
  return article.substr(span.begin, span.size());
}

// Offsets are bound as they are: a span with begin > end violates the
// tables' CHECK and fails the whole PutArticle, which is what a caller with
// such a bug should see.
void BindSpan(SQLite::Statement& stmt, int start_index,
              const CodePointIndex& index, Span span) {
  stmt.bind(start_index, static_cast<int64_t>(index.ToCodePoint(span.begin)));
  stmt.bind(start_index + 1, static_cast<int64_t>(index.ToCodePoint(span.end)));
}

}  // namespace

int64_t SqliteStore::EntityId(const Entity& entity) {
  const std::string canonical =
      entity.canonical.empty() ? entity.text : entity.canonical;
  SQLite::Statement insert(*db_,
                           "INSERT INTO entities (type, canonical) VALUES "
                           "(?, ?) ON CONFLICT DO NOTHING");
  insert.bind(1, EntityTypeName(entity.type));
  insert.bind(2, canonical);
  insert.exec();
  SQLite::Statement select(
      *db_, "SELECT id FROM entities WHERE type = ? AND canonical = ?");
  select.bind(1, EntityTypeName(entity.type));
  select.bind(2, canonical);
  select.executeStep();
  return select.getColumn(0).getInt64();
}

void SqliteStore::InsertFacts(const Article& article, const Facts& facts,
                              int64_t article_id) {
  const CodePointIndex index(article.text);

  SQLite::Statement mention(
      *db_,
      "INSERT INTO mentions (article_id, entity_id, text, start, \"end\", "
      "title, rule) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const Entity& e : facts.entities) {
    mention.reset();
    mention.bind(1, article_id);
    mention.bind(2, EntityId(e));
    mention.bind(3, MentionText(e.text, article.text, e.span));
    BindSpan(mention, 4, index, e.span);
    BindOptionalText(mention, 6, e.title);
    BindOptionalText(mention, 7, e.rule);
    mention.exec();
  }

  SQLite::Statement date(
      *db_,
      "INSERT INTO dates (article_id, text, type, value, mod, anchored, "
      "begin, end_value, start, \"end\", rule) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const DateMention& d : facts.dates) {
    date.reset();
    date.bind(1, article_id);
    date.bind(2, MentionText(d.text, article.text, d.span));
    date.bind(3, d.type.empty() ? std::string("DATE") : d.type);
    BindOptionalText(date, 4, d.value);
    BindOptionalText(date, 5, d.mod);
    BindOptionalText(date, 6, d.anchored);
    BindOptionalText(date, 7, d.begin);
    BindOptionalText(date, 8, d.end_value);
    BindSpan(date, 9, index, d.span);
    BindOptionalText(date, 11, d.rule);
    date.exec();
  }

  SQLite::Statement count(
      *db_,
      "INSERT INTO counts (article_id, text, value, low, high, qualifier, "
      "unit, subject, event, date, place, start, \"end\", rule) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const CaseCount& c : facts.counts) {
    count.reset();
    count.bind(1, article_id);
    count.bind(2, MentionText(c.text, article.text, c.span));
    count.bind(3, c.value);
    if (c.low.has_value()) {
      count.bind(4, *c.low);
    } else {
      count.bind(4);
    }
    if (c.high.has_value()) {
      count.bind(5, *c.high);
    } else {
      count.bind(5);
    }
    count.bind(6, c.qualifier.empty() ? std::string("exact") : c.qualifier);
    BindOptionalText(count, 7, c.unit);
    BindOptionalText(count, 8, c.subject);
    BindOptionalText(count, 9, c.event);
    BindOptionalText(count, 10, c.date);
    BindOptionalText(count, 11, c.place);
    BindSpan(count, 12, index, c.span);
    BindOptionalText(count, 14, c.rule);
    count.exec();
  }
}

}  // namespace newsfacts
