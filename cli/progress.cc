#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace newsfacts {

Progress::Progress(bool quiet) : enabled_(!quiet && isatty(STDERR_FILENO)) {}

Progress::~Progress() {
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void Progress::Update(int64_t done, int64_t total, const std::string& detail) {
  if (!enabled_) return;
  std::string shown = detail;
  if (shown.size() > 50) shown = "..." + shown.substr(shown.size() - 47);
  std::fprintf(stderr, "\r\033[K[%lld/%lld] %s", static_cast<long long>(done),
               static_cast<long long>(total), shown.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace newsfacts
