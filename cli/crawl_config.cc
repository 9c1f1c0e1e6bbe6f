#include "cli/crawl_config.h"

#include <toml++/toml.h>

#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <string>

namespace newsfacts {
namespace {

constexpr int64_t kMicros = 1'000'000;

std::string Where(const std::string& path, const toml::node& node,
                  std::string_view key) {
  return path + ":" + std::to_string(node.source().begin.line) + ": " +
         std::string(key);
}

// One setter per key of [crawl]; each checks its own type and range.
using Setter = std::function<Status(const toml::node&, const std::string&,
                                    CrawlConfig*)>;

Setter Seconds(std::function<void(CrawlConfig*, int64_t)> set,
               double unit = 1.0) {
  return [set, unit](const toml::node& n, const std::string& where,
                     CrawlConfig* c) -> Status {
    std::optional<double> v = n.value<double>();
    if (!v || !std::isfinite(*v) || *v < 0) {
      return Status::InvalidArgument(where + ": expected a number >= 0");
    }
    set(c, static_cast<int64_t>(*v * unit * kMicros));
    return Status::OK();
  };
}

Setter Integer(std::function<void(CrawlConfig*, int64_t)> set,
               int64_t min_value) {
  return [set, min_value](const toml::node& n, const std::string& where,
                          CrawlConfig* c) -> Status {
    std::optional<int64_t> v = n.value<int64_t>();
    if (!v || *v < min_value) {
      return Status::InvalidArgument(where + ": expected a whole number >= " +
                                     std::to_string(min_value));
    }
    set(c, *v);
    return Status::OK();
  };
}

Setter Text(std::function<void(CrawlConfig*, std::string)> set) {
  return [set](const toml::node& n, const std::string& where,
               CrawlConfig* c) -> Status {
    std::optional<std::string> v = n.value<std::string>();
    if (!v) return Status::InvalidArgument(where + ": expected a string");
    set(c, *v);
    return Status::OK();
  };
}

Setter Flag(std::function<void(CrawlConfig*, bool)> set) {
  return [set](const toml::node& n, const std::string& where,
               CrawlConfig* c) -> Status {
    std::optional<bool> v = n.value<bool>();
    if (!v) return Status::InvalidArgument(where + ": expected true or false");
    set(c, *v);
    return Status::OK();
  };
}

const std::map<std::string, Setter>& CrawlKeys() {
  static const auto* keys = new std::map<std::string, Setter>{
      {"db", Text([](CrawlConfig* c, std::string v) { c->db = v; })},
      {"every", Text([](CrawlConfig* c, std::string v) {
         Result<int64_t> d = ParseDuration(v);
         c->every_micros = v.empty() || !d.ok() ? -1 : *d;
         if (v.empty()) c->every_micros = 0;
       })},
      {"warc_out", Text([](CrawlConfig* c, std::string v) { c->warc_out = v; })},
      {"user_agent", Text([](CrawlConfig* c, std::string v) {
         c->options.fetcher.user_agent = v;
       })},
      {"allow_private_addresses", Flag([](CrawlConfig* c, bool v) {
         c->options.fetcher.allow_private_addresses = v;
       })},
      {"facts", Flag([](CrawlConfig* c, bool v) { c->options.facts = v; })},
      {"delay_seconds", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.politeness.delay_micros = v;
       })},
      {"max_crawl_delay_seconds", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.politeness.max_crawl_delay_micros = v;
       })},
      {"max_in_flight_per_host", Integer([](CrawlConfig* c, int64_t v) {
         c->options.politeness.max_in_flight_per_host = static_cast<int>(v);
       }, 1)},
      {"max_parallel", Integer([](CrawlConfig* c, int64_t v) {
         c->options.max_parallel = static_cast<int>(v);
         c->options.fetcher.max_connections = static_cast<int>(v);
       }, 1)},
      {"max_pages", Integer([](CrawlConfig* c, int64_t v) {
         c->options.max_pages = v;
       }, 0)},
      {"max_redirects", Integer([](CrawlConfig* c, int64_t v) {
         c->options.max_redirects = static_cast<int>(v);
       }, 0)},
      {"max_attempts", Integer([](CrawlConfig* c, int64_t v) {
         c->options.retry.max_attempts = static_cast<int>(v);
       }, 1)},
      {"backoff_base_seconds", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.retry.base_micros = v;
       })},
      {"backoff_max_seconds", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.retry.max_micros = v;
       })},
      {"retry_after_max_seconds", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.retry.retry_after_cap_micros = v;
       })},
      {"max_retry_wait_seconds", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.max_retry_wait_micros = v;
       })},
      {"failed_retry_hours", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.failed_retry_seconds = v / kMicros;
       }, 3600)},
      {"connect_timeout_seconds", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.fetcher.connect_timeout_ms = std::max<int64_t>(1, v / 1000);
       })},
      {"timeout_seconds", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.fetcher.total_timeout_ms = std::max<int64_t>(1, v / 1000);
       })},
      {"max_body_bytes", Integer([](CrawlConfig* c, int64_t v) {
         c->options.fetcher.max_body_bytes = static_cast<size_t>(v);
       }, 1)},
      {"max_article_age_days", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.max_article_age_seconds = v / kMicros;
       }, 86400)},
      {"robots_cache_hours", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.robots_ttl_micros = v;
       }, 3600)},
      {"refetch_initial_minutes", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.refetch.initial_micros = v;
       }, 60)},
      {"refetch_min_minutes", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.refetch.min_micros = v;
       }, 60)},
      {"refetch_max_minutes", Seconds([](CrawlConfig* c, int64_t v) {
         c->options.refetch.max_micros = v;
       }, 60)},
  };
  return *keys;
}

Status ReadSources(const toml::array& sources, const std::string& path,
                   CrawlConfig* config) {
  for (const toml::node& node : sources) {
    const toml::table* src = node.as_table();
    if (src == nullptr) {
      return Status::InvalidArgument(Where(path, node, "source") +
                                     ": expected a [[source]] table");
    }
    std::string name;
    for (auto&& [key, value] : *src) {
      const std::string k(key.str());
      if (k == "name") {
        name = value.value<std::string>().value_or("");
      } else if (k == "seeds") {
        const toml::array* seeds = value.as_array();
        if (seeds == nullptr) {
          return Status::InvalidArgument(Where(path, value, "source.seeds") +
                                         ": expected an array of URLs");
        }
        for (const toml::node& s : *seeds) {
          std::optional<std::string> url = s.value<std::string>();
          if (!url) {
            return Status::InvalidArgument(Where(path, s, "source.seeds") +
                                           ": expected a string");
          }
          config->options.seeds.push_back({*url, ""});
        }
      } else if (k != "comment") {
        return Status::InvalidArgument(Where(path, value, "source." + k) +
                                       ": unknown key");
      }
    }
    for (CrawlSeed& seed : config->options.seeds) {
      if (seed.source.empty()) seed.source = name;
    }
  }
  return Status::OK();
}

}  // namespace

CrawlConfig DefaultCrawlConfig() {
  CrawlConfig c;
  c.options.fetcher.user_agent =
      "newsfacts/0.1 (+https://github.com/newsfacts/newsfacts)";
  return c;
}

Result<CrawlConfig> LoadCrawlConfig(const std::string& path) {
  CrawlConfig config = DefaultCrawlConfig();
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(
        path + ":" + std::to_string(e.source().begin.line) + ": " +
        std::string(e.description()));
  } catch (const std::exception& e) {
    return Status::IOError(path + ": " + e.what());
  }
  for (auto&& [key, value] : root) {
    const std::string k(key.str());
    if (k == "crawl") {
      const toml::table* crawl = value.as_table();
      if (crawl == nullptr) {
        return Status::InvalidArgument(Where(path, value, k) +
                                       ": expected a [crawl] table");
      }
      for (auto&& [ck, cv] : *crawl) {
        const std::string name(ck.str());
        auto it = CrawlKeys().find(name);
        if (it == CrawlKeys().end()) {
          return Status::InvalidArgument(Where(path, cv, "crawl." + name) +
                                         ": unknown key");
        }
        NF_RETURN_IF_ERROR(
            it->second(cv, Where(path, cv, "crawl." + name), &config));
        if (config.every_micros < 0) {
          return Status::InvalidArgument(Where(path, cv, "crawl." + name) +
                                         ": expected a duration like 15m");
        }
      }
    } else if (k == "source") {
      const toml::array* sources = value.as_array();
      if (sources == nullptr) {
        return Status::InvalidArgument(Where(path, value, k) +
                                       ": expected [[source]] tables");
      }
      NF_RETURN_IF_ERROR(ReadSources(*sources, path, &config));
    } else {
      return Status::InvalidArgument(Where(path, value, k) +
                                     ": unknown key (expected [crawl] or "
                                     "[[source]])");
    }
  }
  return config;
}

Result<int64_t> ParseDuration(std::string_view text) {
  size_t i = 0;
  int64_t n = 0;
  while (i < text.size() && std::isdigit((unsigned char)text[i])) {
    if (n > 100'000'000) return Status::InvalidArgument("duration too long");
    n = n * 10 + (text[i] - '0');
    ++i;
  }
  if (i == 0) {
    return Status::InvalidArgument("bad duration '" + std::string(text) +
                                   "' (expected e.g. 90s, 15m, 2h, 1d)");
  }
  const std::string_view unit = text.substr(i);
  int64_t scale;
  if (unit.empty() || unit == "s") {
    scale = 1;
  } else if (unit == "m") {
    scale = 60;
  } else if (unit == "h") {
    scale = 3600;
  } else if (unit == "d") {
    scale = 86400;
  } else {
    return Status::InvalidArgument("bad duration '" + std::string(text) +
                                   "' (expected e.g. 90s, 15m, 2h, 1d)");
  }
  if (n <= 0) return Status::InvalidArgument("duration must be positive");
  return n * scale * kMicros;
}

}  // namespace newsfacts
