#pragma once
// Runs a program as a child process, without a shell, and captures what it printed.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace rongou::test {

// How a finished child ended and what it wrote.
struct CommandResult {
  int exit_code = -1;     // its exit status; 128 + N when signal N ended it, as a shell reports
  std::string out;        // everything it wrote to stdout
  std::string err;        // everything it wrote to stderr
  bool timed_out = false; // killed, with its process group, when RunOptions::timeout ran out
};

// Prints exit code, stdout and stderr: the message for a failed assertion on a run.
std::ostream& operator<<(std::ostream& os, const CommandResult& result);

// A signal sent to the child (not its process group) once it has run for `after`.
struct DelayedSignal {
  int signal = 0;
  std::chrono::duration<double> after{0.0};
};

struct RunOptions {
  std::filesystem::path working_directory;                // empty: this process's
  std::optional<std::chrono::duration<double>> timeout;   // none: wait for as long as it runs
  std::optional<std::string> stdin_text;                  // none: stdin is /dev/null
  std::vector<std::string> environment;                   // NAME=value, added to this process's
  std::optional<std::uintmax_t> file_size_limit;          // bytes (RLIMIT_FSIZE): writes past it
                                                          // fail with EFBIG, as on a full disk
  std::optional<DelayedSignal> signal;                    // e.g. SIGTERM after 0.5 s, as a user's kill
};

// Runs `program` (looked up on PATH when it has no slash) with `args`, each one argument as
// given: no shell quoting, globbing or redirection.
CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                          const RunOptions& options = {});

// Whether `program` is an executable file in a folder of PATH.
bool on_path(const std::string& program);

// `text` quoted for a POSIX shell, for the rare program that takes a command line (GNU parallel).
std::string shell_quote(const std::string& text);

// Only suites added with DEPENDS_ON_EXECUTABLE (tests/cmake/RongouTestSuite.cmake) see these:
// they are the ones that build `rongou` before they run.
#ifdef RONGOU_EXECUTABLE
inline std::string rongou_executable() { return RONGOU_EXECUTABLE; }

inline CommandResult run_rongou(const std::vector<std::string>& args, const RunOptions& options = {}) {
  return run_program(rongou_executable(), args, options);
}
#endif

} // namespace rongou::test
