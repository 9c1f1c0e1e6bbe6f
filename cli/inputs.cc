#include "cli/inputs.h"

#include <csignal>

#include "core/log.h"
#include "ingest/ingest.h"

namespace newsfacts {

namespace {
volatile bool* g_stop_flag = nullptr;

extern "C" void HandleStopSignal(int sig) {
  if (g_stop_flag) *g_stop_flag = true;
  // A second signal ends the process the default way.
  std::signal(sig, SIG_DFL);
}
}  // namespace

void StopOnSignals(volatile bool* flag) {
  g_stop_flag = flag;
  std::signal(SIGINT, HandleStopSignal);
  std::signal(SIGTERM, HandleStopSignal);
}

InputTally ForEachDocument(
    const std::vector<std::string>& paths, const std::string& url,
    const std::function<Status(const Document&)>& fn,
    const std::function<void(int64_t, int64_t, const std::string&)>& progress,
    const volatile bool* stop) {
  InputTally tally;
  std::vector<InputError> errors;
  const std::vector<std::string> files = ExpandInputs(paths, &errors);
  tally.total = static_cast<int64_t>(files.size() + errors.size());
  for (const InputError& e : errors) {
    Log(LogLevel::kError) << e.status.message();
    ++tally.failed;
  }
  ReadOptions options;
  options.url = url;
  int64_t done = static_cast<int64_t>(errors.size());
  auto handle = [&](const std::string& name, const Result<Document>& doc) {
    if (!doc.ok()) {
      Log(LogLevel::kError) << doc.status().message();
      ++tally.failed;
    } else {
      ++tally.read;
      Status s = fn(*doc);
      if (!s.ok()) {
        Log(LogLevel::kError) << name << ": " << s.message();
        ++tally.failed;
      }
    }
    ++done;
    if (progress) progress(done, tally.total, name);
  };
  for (const std::string& file : files) {
    if (stop && *stop) break;
    if (!IsWarcPath(file)) {
      handle(file, ReadDocument(file, options));
      continue;
    }
    // Each HTML response in an archive is an input of its own.
    --tally.total;
    Status archive = ForEachWarcDocument(
        file, options, [&](const std::string& label, Result<Document> doc) {
          ++tally.total;
          handle(label, doc);
          return !(stop && *stop);
        });
    if (!archive.ok()) {
      ++tally.total;
      handle(file, archive);
    }
  }
  return tally;
}

}  // namespace newsfacts
