#include "output/report/Gnuplot.hpp"

#include "base/Interruption.hpp"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <exception>
#include <cstdlib>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
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

namespace {

// Starts `gnuplot scripts...` in `dir`, its output to `log` there. Throws when it cannot start.
pid_t spawn_gnuplot(const fs::path& gnuplot, const fs::path& dir, const std::string& log,
                    const std::vector<std::string>& scripts) {
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
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
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
  if (spawned != 0)
    throw std::runtime_error(fmt::format("cannot start {}: {}", gnuplot.string(), std::strerror(spawned)));
  interruption::add_worker(pid);
  return pid;
}

// Waits for a gnuplot started by spawn_gnuplot; its exit status.
int wait_gnuplot(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      interruption::remove_worker(pid);
      throw std::runtime_error(fmt::format("waiting for gnuplot: {}", std::strerror(errno)));
    }
  }
  interruption::remove_worker(pid);
  return status;
}

// The scripts shared among `processes` lists, the largest first to the list with the fewest
// bytes so far (the first of equals); each list keeps the scripts' order.
std::vector<std::vector<std::string>> share_scripts(const std::vector<GnuplotScript>& scripts, std::size_t processes) {
  std::vector<std::size_t> order(scripts.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scripts[a].bytes > scripts[b].bytes; });
  std::vector<std::uintmax_t> load(processes, 0);
  std::vector<std::size_t> process_of(scripts.size(), 0);
  for (const std::size_t i : order) {
    const auto lightest = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    process_of[i] = lightest;
    load[lightest] += scripts[i].bytes;
  }
  std::vector<std::vector<std::string>> lists(processes);
  for (std::size_t i = 0; i < scripts.size(); ++i)
    lists[process_of[i]].push_back(scripts[i].file);
  std::erase_if(lists, [](const std::vector<std::string>& list) { return list.empty(); });
  return lists;
}

} // namespace

std::string run_gnuplot(const fs::path& dir, const std::vector<GnuplotScript>& scripts) {
  const fs::path gnuplot = find_gnuplot();
  // gnuplot draws on one processor; a second process draws beside it where there is a second.
  const std::size_t processes = std::max<std::size_t>(1, std::min<std::size_t>(2, std::thread::hardware_concurrency()));
  const auto lists = share_scripts(scripts, processes);
  std::vector<pid_t> pids;
  std::vector<std::string> logs;
  std::exception_ptr failed_to_start;
  for (std::size_t p = 0; p < std::max<std::size_t>(1, lists.size()); ++p) {
    logs.push_back(p == 0 ? "gnuplot.log" : fmt::format("gnuplot-{}.log", p + 1));
    try {
      pids.push_back(spawn_gnuplot(gnuplot, dir, logs.back(), lists.empty() ? std::vector<std::string>{} : lists[p]));
    } catch (...) {
      logs.pop_back();
      failed_to_start = std::current_exception();
      break;
    }
  }
  std::vector<int> statuses;
  for (const pid_t pid : pids)
    statuses.push_back(wait_gnuplot(pid));
  std::string messages;
  bool failed = false;
  for (std::size_t p = 0; p < logs.size(); ++p) {
    std::ostringstream log;
    log << std::ifstream(dir / logs[p]).rdbuf();
    fs::remove(dir / logs[p]);
    messages += log.str();
    failed = failed || !WIFEXITED(statuses[p]) || WEXITSTATUS(statuses[p]) != 0;
  }
  if (failed_to_start)
    std::rethrow_exception(failed_to_start);
  if (failed)
    throw std::runtime_error(fmt::format("gnuplot failed in {}:\n{}", dir.string(), messages));
  return messages;
}

} // namespace rongou::report
