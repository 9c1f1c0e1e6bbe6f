// Minimal leveled logging to stderr, shared by every module and the CLI.
//
//   Log(LogLevel::kWarning) << path << ": skipped: " << status.ToString();
//
// Thread-safety: each message is written with one call; safe for concurrent
// use.
#ifndef NEWSFACTS_CORE_LOG_H_
#define NEWSFACTS_CORE_LOG_H_

#include <sstream>

namespace newsfacts {

enum class LogLevel { kError = 0, kWarning = 1, kInfo = 2, kDebug = 3 };

// Messages above this level are dropped. Default: kWarning.
void SetLogLevel(LogLevel level);
LogLevel GetLogLevel();

class Log {
 public:
  explicit Log(LogLevel level);
  Log(const Log&) = delete;
  Log& operator=(const Log&) = delete;
  ~Log();  // writes the message
  template <typename T>
  Log& operator<<(const T& v) {
    if (enabled_) stream_ << v;
    return *this;
  }

 private:
  bool enabled_;
  LogLevel level_;
  std::ostringstream stream_;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_CORE_LOG_H_
