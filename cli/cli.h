// cli/: the `newsfacts` binary. Subcommands: ingest, extract, tag, reextract,
// query, summary. This header is the entry point used by main() and by the
// end-to-end tests.
//
//   int code = newsfacts::RunCli(argc, argv);
//
// Exit codes (documented in the README):
//   0  success
//   1  the run finished but some inputs failed (each reported on stderr)
//   2  usage error (bad flags or arguments)
//   3  fatal: the database, the configuration or the output failed
//
// Thread-safety: RunCli is for one call per process (it sets the log level).
#ifndef NEWSFACTS_CLI_CLI_H_
#define NEWSFACTS_CLI_CLI_H_

namespace newsfacts {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFatal = 3;

int RunCli(int argc, const char* const* argv);

}  // namespace newsfacts

#endif  // NEWSFACTS_CLI_CLI_H_
