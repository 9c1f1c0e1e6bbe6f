#include "core/log.h"

#include <atomic>
#include <cstdio>

namespace newsfacts {

namespace {
std::atomic<int> g_level{static_cast<int>(LogLevel::kWarning)};
const char* Prefix(LogLevel level) {
  switch (level) {
    case LogLevel::kError: return "error: ";
    case LogLevel::kWarning: return "warning: ";
    case LogLevel::kInfo: return "";
    case LogLevel::kDebug: return "debug: ";
  }
  return "";
}
}  // namespace

void SetLogLevel(LogLevel level) { g_level = static_cast<int>(level); }
LogLevel GetLogLevel() { return static_cast<LogLevel>(g_level.load()); }

Log::Log(LogLevel level)
    : enabled_(static_cast<int>(level) <= g_level.load()), level_(level) {}

Log::~Log() {
  if (!enabled_) return;
  std::string line = "newsfacts: ";
  line += Prefix(level_);
  line += stream_.str();
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace newsfacts
