#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "core/log.h"

namespace newsfacts {

namespace {

void AddGlobalFlags(CLI::App* app, GlobalArgs* g) {
  app->add_option("--config-dir", g->config_dir,
                  "Folder with sites/ and lang/ (default: the bundled config)");
  app->add_flag("-q,--quiet", g->quiet, "Print errors only");
  app->add_flag("-v,--verbose", g->verbose,
                "More detail on stderr (repeat for debug output)");
}

}  // namespace

int RunCli(int argc, const char* const* argv) {
  CLI::App app{
      "newsfacts: turns news web pages into queryable facts (entities, "
      "dates, case counts) stored in SQLite."};
  app.set_version_flag("--version", "newsfacts " NEWSFACTS_VERSION);
  app.require_subcommand(1);
  GlobalArgs global;
  AddGlobalFlags(&app, &global);

  IngestArgs ingest;
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest", "Read saved pages (files, folders, - for stdin) into the "
                "database");
  ingest_cmd->add_option("--db", ingest.db, "SQLite database file")
      ->capture_default_str();
  ingest_cmd->add_option("--url", ingest.url,
                         "URL of the page when the page does not say it");
  ingest_cmd->add_flag("!--no-facts", ingest.facts,
                       "Store articles without running the fact stages");
  ingest_cmd->add_option("paths", ingest.paths,
                         "HTML files (.html .htm .html.gz), folders, or -")
      ->required();

  ExtractArgs extract;
  CLI::App* extract_cmd = app.add_subcommand(
      "extract", "Print article and facts as JSON lines (no database)");
  extract_cmd->add_flag("--json", extract.json,
                        "One JSON object per page (the default)");
  extract_cmd->add_flag("!--no-facts", extract.facts,
                        "Skip the fact stages (article extraction only)");
  extract_cmd->add_option("--url", extract.url,
                          "URL of the page when the page does not say it");
  extract_cmd->add_option("paths", extract.paths, "HTML files, folders, or -")
      ->required();

  TagArgs tag;
  CLI::App* tag_cmd =
      app.add_subcommand("tag", "Find entities, dates and case counts in "
                                "plain text");
  tag_cmd->add_option("--date", tag.date,
                      "Document date YYYY-MM-DD for relative dates");
  tag_cmd->add_option("--lang", tag.lang, "Language (BCP 47)")
      ->capture_default_str();
  tag_cmd->add_flag("--json", tag.json, "Print one JSON object");
  tag_cmd->add_flag("--jsonl", tag.jsonl,
                    "Read {\"id\",\"text\",\"date\"} lines from stdin, print "
                    "one result line each");
  tag_cmd->add_option("file", tag.file, "Text file, or - for stdin")
      ->capture_default_str();

  ReextractArgs reextract;
  CLI::App* reextract_cmd = app.add_subcommand(
      "reextract", "Run extraction again over the pages stored in the "
                   "database (after rules change), without refetching");
  reextract_cmd->add_option("--db", reextract.db, "SQLite database file")
      ->capture_default_str();
  reextract_cmd->add_option("--id", reextract.ids,
                            "Only this article id (repeatable)");

  QueryArgs query;
  CLI::App* query_cmd = app.add_subcommand(
      "query", "Run read-only SQL over the database and print the rows");
  query_cmd->add_option("--db", query.db, "SQLite database file")
      ->capture_default_str();
  query_cmd->add_option("--format", query.format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  query_cmd->add_option("sql", query.sql, "One SQL statement")->required();

  CrawlArgs crawl;
  CLI::App* crawl_cmd = app.add_subcommand(
      "crawl", "Fetch feeds, sitemaps and their articles politely into the "
               "database (one pass, or --every DURATION)");
  crawl_cmd->add_option("--config", crawl.config,
                        "TOML config (see config/newsfacts.toml)");
  crawl_cmd->add_option("--db", crawl.db,
                        "SQLite database file (default: newsfacts.db)");
  crawl_cmd->add_flag("--once", crawl.once, "One pass, then exit (default)");
  crawl_cmd->add_option("--every", crawl.every,
                        "Keep running, a pass every DURATION (e.g. 15m)");
  crawl_cmd->add_option("--seed", crawl.seeds,
                        "Feed, sitemap or site root URL (repeatable)");
  crawl_cmd->add_option("--delay", crawl.delay,
                        "Seconds between requests to one host (default 5)");
  crawl_cmd->add_option("--max-pages", crawl.max_pages,
                        "Article fetches per pass (0 = no limit)");
  crawl_cmd->add_option("--user-agent", crawl.user_agent, "User-Agent");
  crawl_cmd->add_flag("--allow-private-addresses", crawl.allow_private,
                      "Allow loopback, private and link-local addresses");
  crawl_cmd->add_option("--warc-out", crawl.warc_out,
                        "Also write every response to WARC files in DIR");
  crawl_cmd->add_flag("!--no-facts", crawl.facts,
                      "Store articles without running the fact stages");
  crawl_cmd->get_option("--once")->excludes(crawl_cmd->get_option("--every"));

  SummaryArgs summary;
  CLI::App* summary_cmd = app.add_subcommand(
      "summary", "Print what the database holds: articles, top entities, "
                 "dates, case counts");
  summary_cmd->add_option("--db", summary.db, "SQLite database file")
      ->capture_default_str();
  summary_cmd->add_option("--top", summary.top, "How many of each to list")
      ->capture_default_str();

  for (CLI::App* sub :
       {ingest_cmd, extract_cmd, tag_cmd, reextract_cmd, query_cmd,
        summary_cmd, crawl_cmd}) {
    AddGlobalFlags(sub, &global);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  SetLogLevel(global.quiet          ? LogLevel::kError
              : global.verbose >= 2 ? LogLevel::kDebug
              : global.verbose == 1 ? LogLevel::kInfo
                                    : LogLevel::kWarning);

  if (*ingest_cmd) return RunIngest(global, ingest);
  if (*extract_cmd) return RunExtract(global, extract);
  if (*tag_cmd) return RunTag(global, tag);
  if (*reextract_cmd) return RunReextract(global, reextract);
  if (*query_cmd) return RunQuery(global, query);
  if (*summary_cmd) return RunSummary(global, summary);
  if (*crawl_cmd) return RunCrawl(global, crawl);
  return kExitUsage;
}

}  // namespace newsfacts
