// Internal to cli/. One function per subcommand; cli.cc parses the flags
// into these structs and calls them. Each returns a process exit code
// (cli/cli.h).
#ifndef NEWSFACTS_CLI_COMMANDS_H_
#define NEWSFACTS_CLI_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace newsfacts {

struct GlobalArgs {
  std::string config_dir;  // --config-dir; empty = ResolveConfigDir default
  bool quiet = false;      // -q: errors only
  int verbose = 0;         // -v, -vv
};

struct IngestArgs {
  std::string db = "newsfacts.db";
  std::string url;  // --url for a page that does not name itself
  bool facts = true;
  std::vector<std::string> paths;
};
int RunIngest(const GlobalArgs& global, const IngestArgs& args);

struct ExtractArgs {
  bool json = true;  // the only output format so far
  bool facts = true;  // --no-facts skips the fact stages
  std::string url;
  std::vector<std::string> paths;
};
int RunExtract(const GlobalArgs& global, const ExtractArgs& args);

struct TagArgs {
  std::string date;  // YYYY-MM-DD
  std::string lang = "en";
  bool json = false;
  bool jsonl = false;
  std::string file = "-";
};
int RunTag(const GlobalArgs& global, const TagArgs& args);

struct ReextractArgs {
  std::string db = "newsfacts.db";
  std::vector<int64_t> ids;  // --id; empty = every stored article
};
int RunReextract(const GlobalArgs& global, const ReextractArgs& args);

struct QueryArgs {
  std::string db = "newsfacts.db";
  std::string format = "table";  // table, json, csv
  std::string sql;
};
int RunQuery(const GlobalArgs& global, const QueryArgs& args);

struct CrawlArgs {
  std::string config;              // --config FILE (TOML)
  std::string db;                  // --db; empty = config, else newsfacts.db
  bool once = false;               // --once (the default)
  std::string every;               // --every DURATION, e.g. 15m
  std::vector<std::string> seeds;  // --seed URL (repeatable)
  double delay = -1;               // --delay SECONDS; < 0 = config
  int64_t max_pages = -1;          // --max-pages N; < 0 = config
  std::string user_agent;          // --user-agent
  bool allow_private = false;      // --allow-private-addresses
  std::string warc_out;            // --warc-out DIR
  bool facts = true;               // --no-facts
};
int RunCrawl(const GlobalArgs& global, const CrawlArgs& args);

struct SummaryArgs {
  std::string db = "newsfacts.db";
  int top = 10;
};
int RunSummary(const GlobalArgs& global, const SummaryArgs& args);

}  // namespace newsfacts

#endif  // NEWSFACTS_CLI_COMMANDS_H_
