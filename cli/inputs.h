// Internal to cli/. Walks the command line's inputs (files, folders, -) and
// hands each readable Document to a callback, reporting per-input failures
// on stderr and counting them. Shared by `ingest` and `extract`.
#ifndef NEWSFACTS_CLI_INPUTS_H_
#define NEWSFACTS_CLI_INPUTS_H_

#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/types.h"

namespace newsfacts {

struct InputTally {
  int64_t read = 0;    // documents read successfully
  int64_t failed = 0;  // inputs that could not be read or processed
  int64_t total = 0;   // inputs found
};

// Calls `fn(document)` for each input in order. A non-OK Status returned by
// `fn` is reported as "<source>: <stage>: <reason>" and counted as failed.
// Stops early when `*stop` becomes true (signal handlers set it).
// `progress(done, total, source)` is called after each input when set.
InputTally ForEachDocument(
    const std::vector<std::string>& paths, const std::string& url,
    const std::function<Status(const Document&)>& fn,
    const std::function<void(int64_t, int64_t, const std::string&)>& progress,
    const volatile bool* stop);

// Sets *flag on SIGINT and SIGTERM (the first one; a second one kills).
void StopOnSignals(volatile bool* flag);

}  // namespace newsfacts

#endif  // NEWSFACTS_CLI_INPUTS_H_
