// Runs the real `newsfacts` binary in a subprocess for end-to-end tests.
#ifndef NEWSFACTS_TESTS_CLI_CLI_TEST_UTIL_H_
#define NEWSFACTS_TESTS_CLI_CLI_TEST_UTIL_H_

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace newsfacts::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs NEWSFACTS_BINARY with `args`, feeding `stdin_data` (if any).
inline RunResult RunNewsfacts(const TempDir& dir,
                              const std::vector<std::string>& args,
                              const std::string& stdin_data = "") {
  const std::string in = dir.File("stdin.txt");
  const std::string out = dir.File("stdout.txt");
  const std::string err = dir.File("stderr.txt");
  WriteFileOrDie(in, stdin_data);
  std::string cmd = ShellQuote(NEWSFACTS_BINARY);
  // Appended piece by piece: `" " + ShellQuote(a)` trips GCC 12's false
  // -Wrestrict warning (GCC bug 105651).
  for (const auto& a : args) cmd.append(" ").append(ShellQuote(a));
  cmd.append(" <").append(ShellQuote(in));
  cmd.append(" >").append(ShellQuote(out));
  cmd.append(" 2>").append(ShellQuote(err));
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFileOrDie(out);
  r.err = ReadFileOrDie(err);
  return r;
}

}  // namespace newsfacts::testing

#endif  // NEWSFACTS_TESTS_CLI_CLI_TEST_UTIL_H_
