// Internal to cli/. The crawl configuration: TOML (config/newsfacts.toml
// documents every key with its default) read with toml++, which stays
// inside crawl_config.cc. Command-line flags override what a file says.
//
//   Result<CrawlConfig> config = LoadCrawlConfig("config/newsfacts.toml");
//   Result<int64_t> every = ParseDuration("15m");  // 900'000'000 micros
//
// Thread-safety: free functions, no shared state.
#ifndef NEWSFACTS_CLI_CRAWL_CONFIG_H_
#define NEWSFACTS_CLI_CRAWL_CONFIG_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "cli/crawler.h"
#include "core/status.h"

namespace newsfacts {

struct CrawlConfig {
  std::string db = "newsfacts.db";
  int64_t every_micros = 0;  // 0 = one pass (--once)
  std::string warc_out;      // empty = no WARC output
  CrawlOptions options;      // seeds from [[source]] tables
};

// The defaults, as documented in config/newsfacts.toml.
CrawlConfig DefaultCrawlConfig();

// Reads `path` over the defaults. Unknown keys are errors (a typo must not
// silently fall back to a default); so are values of the wrong type or out
// of range. Errors name the file, the key and the line.
Result<CrawlConfig> LoadCrawlConfig(const std::string& path);

// "90", "90s", "15m", "2h", "1d" (a whole number and one unit) as
// microseconds; InvalidArgument otherwise or when not positive.
Result<int64_t> ParseDuration(std::string_view text);

}  // namespace newsfacts

#endif  // NEWSFACTS_CLI_CRAWL_CONFIG_H_
