#pragma once
// Runs the rongou executable as a child process: every validation that loads a platform
// needs a SimGrid engine of its own.
#include <string>
#include <vector>

namespace rongou::test {

struct CommandResult {
  int exit_code = -1;
  std::string output; // stdout and stderr together
};

CommandResult run_rongou(const std::vector<std::string>& args);
std::string read_file(const std::string& path);

} // namespace rongou::test
