#pragma once
// Runs a shell command for end-to-end tests and captures what it printed.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace rongou::test {

struct CommandResult {
  int exit_code = -1;
  std::string out; // stdout
  std::string err; // stderr
};

inline std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline CommandResult run_command(const std::string& command, const std::filesystem::path& scratch) {
  const auto out = scratch / "cmd.out", err = scratch / "cmd.err";
  const std::string full = command + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(full.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// A fresh folder under the system temp dir, removed at the end of the test.
class ScratchDir {
public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "rongou-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

inline std::string rongou_exe() { return RONGOU_EXE; }
inline std::filesystem::path source_dir() { return RONGOU_SOURCE_DIR; }
inline std::string baseline() { return (source_dir() / "scenarios" / "baseline-2018.yaml").string(); }

} // namespace rongou::test
