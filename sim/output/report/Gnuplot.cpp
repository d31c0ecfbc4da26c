#include "output/report/Gnuplot.hpp"

#include "base/Interruption.hpp"

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace rongou::report {

namespace fs = std::filesystem;

fs::path find_gnuplot() {
  if (const char* configured = std::getenv("RONGOU_GNUPLOT"); configured && *configured) {
    if (::access(configured, X_OK) == 0)
      return configured;
    throw std::runtime_error(fmt::format("RONGOU_GNUPLOT={} is not an executable", configured));
  }
  if (const char* path = std::getenv("PATH")) {
    std::istringstream dirs(path);
    std::string d;
    while (std::getline(dirs, d, ':')) {
      const fs::path candidate = fs::path(d.empty() ? "." : d) / "gnuplot";
      if (::access(candidate.c_str(), X_OK) == 0)
        return candidate;
    }
  }
  throw std::runtime_error("the report needs gnuplot, which is not installed: install it (Debian: apt-get install "
                           "gnuplot-nox), or skip the report with --no-report");
}

std::string run_gnuplot(const fs::path& dir, const std::vector<std::string>& scripts) {
  const fs::path gnuplot = find_gnuplot();
  const fs::path log = dir / "gnuplot.log";
  std::vector<std::string> args{gnuplot.string()};
  args.insert(args.end(), scripts.begin(), scripts.end());
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "gnuplot.log", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  // rongou blocks SIGINT and SIGTERM for its interruption handler; gnuplot gets them back.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, gnuplot.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned == 0)
    interruption::add_worker(pid);
  if (spawned != 0)
    throw std::runtime_error(fmt::format("cannot start {}: {}", gnuplot.string(), std::strerror(spawned)));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR)
      throw std::runtime_error(fmt::format("waiting for gnuplot: {}", std::strerror(errno)));
  }
  interruption::remove_worker(pid);
  std::ostringstream messages;
  messages << std::ifstream(log).rdbuf();
  fs::remove(log);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error(fmt::format("gnuplot failed in {}:\n{}", dir.string(), messages.str()));
  return messages.str();
}

} // namespace rongou::report
