#include "base/Interruption.hpp"

#include <algorithm>
#include <atomic>
#include <pthread.h>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <set>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace rongou::interruption {

namespace fs = std::filesystem;

namespace {

struct State {
  std::mutex mutex;
  std::string activity = "starting";
  std::vector<fs::path> folders;
  std::vector<fs::path> files;
  std::set<pid_t> workers;
};

// The main thread is frozen (in a handler of SIGUSR2 that never returns) before anything is
// removed, so that it cannot create again what is being cleaned up.
pthread_t main_thread;
std::atomic<bool> main_frozen{false};

void freeze(int) {
  main_frozen.store(true);
  for (;;)
    ::pause();
}

State& state() {
  static State s; // never destroyed before the watcher thread: the process ends by _exit or exit
  return s;
}

sigset_t interrupting_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

[[noreturn]] void stop(int signal) {
  State& s = state();
  std::lock_guard lock(s.mutex); // held to the end: nothing registers or commits any more
  if (!::pthread_equal(::pthread_self(), main_thread) && ::pthread_kill(main_thread, SIGUSR2) == 0)
    for (int waited_ms = 0; !main_frozen.load() && waited_ms < 2000; ++waited_ms)
      ::usleep(1000);
  for (pid_t pid : s.workers)
    ::kill(pid, SIGKILL);
  for (pid_t pid : s.workers)
    ::waitpid(pid, nullptr, 0); // the main thread may reap it first: ECHILD then, as good
  std::string removed;
  for (const auto& folder : s.folders) {
    std::error_code ignored;
    fs::remove_all(folder, ignored);
    removed += (removed.empty() ? "" : ", ") + folder.string();
  }
  for (const auto& file : s.files) {
    std::error_code ignored;
    fs::remove(file, ignored);
  }
  std::string message = fmt::format("rongou: interrupted by {} while {}", signal == SIGINT ? "SIGINT" : "SIGTERM",
                                    s.activity);
  if (!s.workers.empty())
    message += fmt::format("; stopped {} worker process{}", s.workers.size(), s.workers.size() == 1 ? "" : "es");
  if (!removed.empty())
    message += fmt::format("; removed the unfinished {}", removed);
  message += "; earlier results are untouched\n";
  std::fflush(stdout);
  (void)!::write(STDERR_FILENO, message.data(), message.size());
  ::_exit(128 + signal);
}

} // namespace

void install() {
  main_thread = ::pthread_self();
  struct sigaction freezing {};
  freezing.sa_handler = freeze;
  sigemptyset(&freezing.sa_mask);
  ::sigaction(SIGUSR2, &freezing, nullptr);
  const sigset_t set = interrupting_signals();
  ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
  state(); // constructed before the watcher reads it
  std::thread([set] {
    for (;;) {
      int signal = 0;
      if (::sigwait(&set, &signal) == 0)
        stop(signal);
    }
  }).detach();
}

void doing(const std::string& activity) {
  std::lock_guard lock(state().mutex);
  state().activity = activity;
}

void add_temporary(const fs::path& folder) {
  std::lock_guard lock(state().mutex);
  state().folders.push_back(folder);
}

void remove_temporary(const fs::path& folder) {
  std::lock_guard lock(state().mutex);
  auto& v = state().folders;
  v.erase(std::remove(v.begin(), v.end(), folder), v.end());
}

void add_temporary_file(const fs::path& file) {
  std::lock_guard lock(state().mutex);
  state().files.push_back(file);
}

void remove_temporary_file(const fs::path& file) {
  std::lock_guard lock(state().mutex);
  auto& v = state().files;
  v.erase(std::remove(v.begin(), v.end(), file), v.end());
}

void add_worker(pid_t pid) {
  std::lock_guard lock(state().mutex);
  state().workers.insert(pid);
}

pid_t fork_worker() {
  std::lock_guard lock(state().mutex);
  const pid_t pid = ::fork();
  if (pid > 0)
    state().workers.insert(pid);
  return pid; // the child's copy of the mutex stays locked: workers never use this state
}

void remove_worker(pid_t pid) {
  std::lock_guard lock(state().mutex);
  state().workers.erase(pid);
}

std::unique_lock<std::mutex> hold() { return std::unique_lock(state().mutex); }

void make_worker_die_with_parent(pid_t expected_parent) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  // The parent may have died between fork and prctl: then this process was already
  // re-parented and no death signal will come.
  if (::getppid() != expected_parent)
    ::_exit(1);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  std::signal(SIGUSR2, SIG_DFL);
  const sigset_t set = interrupting_signals();
  ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

} // namespace rongou::interruption
