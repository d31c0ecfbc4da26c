#include "experiment/ProcessPool.hpp"

#include "base/Interruption.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace rongou {

std::string WorkerOutcome::describe() const {
  if (signal != 0)
    return fmt::format("killed by signal {} ({})", signal, ::strsignal(signal));
  return fmt::format("exit code {}", exit_code);
}

namespace {

[[noreturn]] void run_child(const PoolTask& task, pid_t parent) {
  // A worker never outlives the run that started it: it would go on writing into a folder
  // nobody will read (or that was removed).
  interruption::make_worker_die_with_parent(parent);
  const int fd = ::open(task.log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd >= 0) {
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
  }
  int code = 1;
  try {
    code = task.body();
  } catch (const std::exception& e) {
    std::cerr << "rongou worker: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "rongou worker: unknown exception\n";
  }
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  // _exit: the parent's atexit handlers and static destructors (and SimGrid's) are not ours
  // to run in a worker.
  ::_exit(code);
}

} // namespace

std::vector<WorkerOutcome> run_in_workers(const std::vector<PoolTask>& tasks, unsigned jobs,
                                          const std::function<bool(std::size_t, const WorkerOutcome&)>& on_done) {
  if (jobs == 0)
    jobs = 1;
  std::vector<WorkerOutcome> outcomes(tasks.size());
  std::map<pid_t, std::size_t> running;
  std::size_t next = 0;
  bool launching = true;
  while (running.size() > 0 || (launching && next < tasks.size())) {
    while (launching && next < tasks.size() && running.size() < jobs) {
      // Buffered output would otherwise be written once by the parent and once per child.
      std::cout.flush();
      std::cerr.flush();
      std::fflush(nullptr);
      const pid_t parent = ::getpid();
      const pid_t pid = interruption::fork_worker();
      if (pid < 0)
        throw std::runtime_error(fmt::format("cannot start a worker process: {}", std::strerror(errno)));
      if (pid == 0)
        run_child(tasks[next], parent);
      running.emplace(pid, next);
      ++next;
    }
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR)
        continue;
      throw std::runtime_error(fmt::format("waiting for workers: {}", std::strerror(errno)));
    }
    const auto it = running.find(pid);
    if (it == running.end())
      continue;
    interruption::remove_worker(pid);
    WorkerOutcome& outcome = outcomes[it->second];
    if (WIFSIGNALED(status))
      outcome.signal = WTERMSIG(status);
    else if (WIFEXITED(status))
      outcome.exit_code = WEXITSTATUS(status);
    const std::size_t index = it->second;
    running.erase(it);
    if (on_done && !on_done(index, outcome))
      launching = false;
  }
  return outcomes;
}

} // namespace rongou
