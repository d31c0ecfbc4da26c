#pragma once
// Runs tasks in forked worker processes, a given number at a time. SimGrid allows one
// engine per process, so every simulation of an experiment runs in a child of its own;
// the parent only schedules, collects and never creates an engine. Workers die with the
// parent (PR_SET_PDEATHSIG) and are killed by it on SIGINT/SIGTERM (base/Interruption).
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace rongou {

struct WorkerOutcome {
  int exit_code = -1; // when the worker exited
  int signal = 0;     // when a signal killed it
  bool ok() const { return signal == 0 && exit_code == 0; }
  std::string describe() const; // "exit code 1", "killed by signal 6 (Aborted)"
};

struct PoolTask {
  // Runs in the child; its return value is the child's exit code.
  std::function<int()> body;
  // The child's stdout and stderr go here (created or truncated), keeping the parent's
  // terminal for the progress display.
  std::filesystem::path log_file;
};

// Starts tasks in index order, at most `jobs` running at once, and waits for all of them.
// `on_done(i, outcome)` runs in the parent as task i ends; when it returns false no further
// task is started (those left get exit_code -1). While it runs, the pool reaps any child
// process of the caller (waitpid(-1)); children it did not start are ignored.
std::vector<WorkerOutcome> run_in_workers(const std::vector<PoolTask>& tasks, unsigned jobs,
                                          const std::function<bool(std::size_t, const WorkerOutcome&)>& on_done);

} // namespace rongou
