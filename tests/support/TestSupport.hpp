#pragma once
// Helpers shared by the test suites.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace rongou::testing {

inline std::string source_path(const std::string& relative) { return std::string(RONGOU_SOURCE_DIR) + "/" + relative; }

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// A fresh folder under the system temporary directory, removed by the destructor.
class TempDir {
public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "rongou-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

// Runs `work` in a forked child and returns the numbers it produced. SimGrid allows one
// engine per process, so a test comparing two simulations runs each in a child.
inline std::vector<double> in_child_process(const std::function<std::vector<double>()>& work) {
  int fds[2];
  if (::pipe(fds) != 0)
    throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    int code = 0;
    try {
      const auto values = work();
      const auto bytes = values.size() * sizeof(double);
      if (::write(fds[1], values.data(), bytes) != static_cast<ssize_t>(bytes))
        code = 3;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "child failed: %s\n", e.what());
      code = 2;
    }
    ::close(fds[1]);
    ::_exit(code);
  }
  ::close(fds[1]);
  std::vector<double> values;
  double v = 0.0;
  while (::read(fds[0], &v, sizeof v) == static_cast<ssize_t>(sizeof v))
    values.push_back(v);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("simulation in child process failed");
  return values;
}

struct CommandResult {
  int exit_code = -1;
  std::string output; // stdout and stderr together
};

inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr)
    return r;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr)
    r.output += buffer;
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string rongou_command(const std::string& args) { return std::string(RONGOU_EXECUTABLE) + " " + args; }

} // namespace rongou::testing
