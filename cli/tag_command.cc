// `newsfacts tag`: facts for plain text, one text or JSON lines.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/pipeline.h"
#include "core/log.h"
#include "core/utf8.h"

namespace newsfacts {

namespace {

Result<std::string> ReadAll(const std::string& file) {
  std::ostringstream ss;
  if (file == "-") {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::NotFound(file + ": cannot open");
    ss << in.rdbuf();
  }
  return ss.str();
}

// Human-readable listing, one fact a line, offsets in code points.
void PrintFacts(std::string_view text, const Facts& facts) {
  const CodePointIndex index(text);
  auto span = [&](const Span& s) {
    return "[" + std::to_string(index.ToCodePoint(s.begin)) + "," +
           std::to_string(index.ToCodePoint(s.end)) + ")";
  };
  for (const Entity& e : facts.entities) {
    std::cout << "entity\t" << EntityTypeName(e.type) << '\t' << span(e.span)
              << '\t' << e.text << '\t' << e.canonical << '\n';
  }
  for (const DateMention& d : facts.dates) {
    std::cout << "date\t" << d.type << '\t' << span(d.span) << '\t' << d.text
              << '\t' << d.value << (d.mod.empty() ? "" : " " + d.mod)
              << '\n';
  }
  for (const CaseCount& c : facts.counts) {
    std::cout << "count\t" << c.qualifier << '\t' << span(c.span) << '\t'
              << c.text << '\t' << c.value << '\t'
              << (c.event.empty() ? "-" : c.event) << '\n';
  }
}

int TagJsonLines(const Pipeline& pipeline, const TagArgs& args) {
  std::string line;
  int64_t line_no = 0;
  int64_t failed = 0;
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json in = nlohmann::json::parse(line, nullptr, false);
    if (in.is_discarded() || !in.is_object() || !in.contains("text") ||
        !in["text"].is_string()) {
      Log(LogLevel::kError) << "stdin:" << line_no
                            << ": expected {\"id\",\"text\",\"date\"}";
      ++failed;
      continue;
    }
    const std::string text = SanitizeUtf8(in["text"].get<std::string>());
    std::optional<CivilDay> date = CivilDay::FromIso(args.date);
    if (in.contains("date") && in["date"].is_string()) {
      date = CivilDay::FromIso(in["date"].get<std::string>());
    }
    std::string lang = args.lang;
    if (in.contains("lang") && in["lang"].is_string()) lang = in["lang"];
    const Facts facts = pipeline.Tag(text, date, lang);
    const std::string id = in.contains("id") ? in["id"].dump() : "null";
    std::cout << FactsToJsonWithId(id, text, facts) << '\n';
  }
  std::cout.flush();
  return failed == 0 ? kExitOk : kExitSomeFailed;
}

}  // namespace

int RunTag(const GlobalArgs& global, const TagArgs& args) {
  if (!args.date.empty() && !CivilDay::FromIso(args.date)) {
    Log(LogLevel::kError) << "--date: expected YYYY-MM-DD, got '" << args.date
                          << "'";
    return kExitUsage;
  }
  const std::string config_dir = ResolveConfigDir(global.config_dir);
  auto pipeline = Pipeline::Create({.config_dir = config_dir});
  if (!pipeline.ok()) {
    Log(LogLevel::kError) << pipeline.status().ToString();
    return kExitFatal;
  }
  if (args.jsonl) return TagJsonLines(**pipeline, args);

  Result<std::string> raw = ReadAll(args.file);
  if (!raw.ok()) {
    Log(LogLevel::kError) << raw.status().message();
    return kExitSomeFailed;
  }
  const std::string text = SanitizeUtf8(*raw);
  const Facts facts =
      (*pipeline)->Tag(text, CivilDay::FromIso(args.date), args.lang);
  if (args.json) {
    std::cout << FactsToJson(text, facts) << '\n';
  } else {
    PrintFacts(text, facts);
  }
  return kExitOk;
}

}  // namespace newsfacts
