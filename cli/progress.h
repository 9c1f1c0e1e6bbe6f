// Internal to cli/. A one-line progress display on stderr, shown only when
// stderr is a terminal and output is not quieted.
#ifndef NEWSFACTS_CLI_PROGRESS_H_
#define NEWSFACTS_CLI_PROGRESS_H_

#include <cstdint>
#include <string>

namespace newsfacts {

class Progress {
 public:
  explicit Progress(bool quiet);
  ~Progress();  // clears the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void Update(int64_t done, int64_t total, const std::string& detail);

 private:
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_CLI_PROGRESS_H_
