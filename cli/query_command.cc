// `newsfacts query` and `newsfacts summary`: read-only views of the store.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/commands.h"
#include "core/log.h"
#include "core/utf8.h"
#include "store/store.h"

namespace newsfacts {

namespace {

std::string ToText(const SqlValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return "";
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", *d);
    return buf;
  }
  return std::get<std::string>(v);
}

nlohmann::ordered_json ToJson(const SqlValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return nullptr;
  if (auto* i = std::get_if<int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return *d;
  return SanitizeUtf8(std::get<std::string>(v));
}

// RFC 4180: quote fields holding a comma, quote or line break.
std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Table cells are cut to one line of bounded width.
std::string Cell(const SqlValue& v) {
  std::string s = std::holds_alternative<std::monostate>(v) ? "NULL"
                                                            : ToText(v);
  std::replace(s.begin(), s.end(), '\n', ' ');
  constexpr size_t kMax = 60;
  if (CodePointCount(s) > kMax) {
    CodePointIndex index(s);
    s = s.substr(0, index.ToByte(kMax - 3)) + "...";
  }
  return s;
}

void PrintTable(const QueryResult& r) {
  std::vector<size_t> width(r.columns.size());
  std::vector<std::vector<std::string>> cells;
  for (size_t c = 0; c < r.columns.size(); ++c) {
    width[c] = CodePointCount(r.columns[c]);
  }
  for (const auto& row : r.rows) {
    auto& out = cells.emplace_back();
    for (size_t c = 0; c < row.size(); ++c) {
      out.push_back(Cell(row[c]));
      width[c] = std::max(width[c], CodePointCount(out.back()));
    }
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size(); ++c) {
      std::cout << row[c];
      if (c + 1 < row.size()) {
        std::cout << std::string(width[c] - CodePointCount(row[c]) + 2, ' ');
      }
    }
    std::cout << '\n';
  };
  print_row(r.columns);
  std::vector<std::string> rule;
  for (size_t w : width) rule.push_back(std::string(w, '-'));
  print_row(rule);
  for (const auto& row : cells) print_row(row);
}

void Print(const QueryResult& r, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : r.rows) {
      nlohmann::ordered_json obj = nlohmann::ordered_json::object();
      for (size_t c = 0; c < row.size(); ++c) obj[r.columns[c]] = ToJson(row[c]);
      rows.push_back(std::move(obj));
    }
    std::cout << rows.dump(-1, ' ', false,
                           nlohmann::ordered_json::error_handler_t::replace)
              << '\n';
  } else if (format == "csv") {
    auto line = [](const std::vector<std::string>& fields) {
      for (size_t i = 0; i < fields.size(); ++i) {
        std::cout << (i ? "," : "") << CsvField(fields[i]);
      }
      std::cout << "\r\n";
    };
    line(r.columns);
    for (const auto& row : r.rows) {
      std::vector<std::string> f;
      for (const auto& v : row) f.push_back(ToText(v));
      line(f);
    }
  } else {
    PrintTable(r);
  }
}

Result<std::unique_ptr<Store>> OpenReadOnly(const std::string& db) {
  // Store errors name the database file themselves.
  return Store::Open(db, {.read_only = true});
}

}  // namespace

int RunQuery(const GlobalArgs& global, const QueryArgs& args) {
  auto store = OpenReadOnly(args.db);
  if (!store.ok()) {
    Log(LogLevel::kError) << store.status().ToString();
    return kExitFatal;
  }
  Result<QueryResult> r = (*store)->Query(args.sql);
  if (!r.ok()) {
    Log(LogLevel::kError) << r.status().ToString();
    return kExitSomeFailed;
  }
  Print(*r, args.format);
  return kExitOk;
}

int RunSummary(const GlobalArgs& global, const SummaryArgs& args) {
  auto store = OpenReadOnly(args.db);
  if (!store.ok()) {
    Log(LogLevel::kError) << store.status().ToString();
    return kExitFatal;
  }
  const std::string top = std::to_string(std::max(1, args.top));
  const std::pair<const char*, std::string> sections[] = {
      {"Articles",
       "SELECT id, published, language, title FROM articles ORDER BY id"},
      {"Top entities",
       "SELECT type, canonical, COUNT(*) AS mentions FROM entity_mentions "
       "GROUP BY type, canonical ORDER BY mentions DESC, canonical LIMIT " +
           top},
      {"Dates",
       "SELECT type, value, COUNT(*) AS mentions, MIN(text) AS example "
       "FROM date_mentions GROUP BY type, value ORDER BY mentions DESC, value "
       "LIMIT " + top},
      {"Case counts",
       "SELECT value, qualifier, event, subject, date, place, text "
       "FROM case_counts ORDER BY article_id, start"},
  };
  for (const auto& [title, sql] : sections) {
    Result<QueryResult> r = (*store)->Query(sql);
    if (!r.ok()) {
      Log(LogLevel::kError) << r.status().ToString();
      return kExitFatal;
    }
    std::cout << "== " << title << " (" << r->rows.size() << ")\n";
    PrintTable(*r);
    std::cout << '\n';
  }
  return kExitOk;
}

}  // namespace newsfacts
