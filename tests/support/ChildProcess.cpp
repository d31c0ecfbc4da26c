#include "support/ChildProcess.hpp"

#include <cstdio>
#include <exception>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace rongou::test {

std::vector<double> in_child_process(const std::function<std::vector<double>()>& work) {
  int fds[2];
  if (::pipe(fds) != 0)
    throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid < 0)
    throw std::runtime_error("fork failed");
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

} // namespace rongou::test
