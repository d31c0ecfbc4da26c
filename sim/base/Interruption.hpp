#pragma once
// SIGINT and SIGTERM end rongou cleanly: a watcher thread stops the worker processes, removes
// the temporary folders registered here, says what was interrupted, and ends the process with
// 128 + the signal (130, 143). The signals are blocked in every thread and taken by that one
// thread alone, so no handler ever runs inside the simulation (SimGrid installs its own
// SIGINT handler when an engine starts; blocked, it never runs). Before it removes anything
// the watcher freezes the main thread (SIGUSR2, a handler that never returns), so that the
// main thread cannot write again into what is being removed.
#include <filesystem>
#include <mutex>
#include <string>
#include <sys/types.h>

namespace rongou::interruption {

// First thing in main, before any other thread exists.
void install();

// What the program is doing, for the message on interruption ("simulating", ...).
void doing(const std::string& activity);

// A folder removed (with everything in it) if the program is interrupted.
void add_temporary(const std::filesystem::path& folder);
void remove_temporary(const std::filesystem::path& folder);
// A file removed if the program is interrupted (a lock file).
void add_temporary_file(const std::filesystem::path& file);
void remove_temporary_file(const std::filesystem::path& file);

// fork(), the child registered as a worker at once: killed (SIGKILL) and reaped if the
// program is interrupted. No fork happens once an interruption is under way.
pid_t fork_worker();
// A process started otherwise (gnuplot), treated as a worker.
void add_worker(pid_t pid);
void remove_worker(pid_t pid);

// While held, an interruption waits: a commit (renames into place) is never cut in half.
std::unique_lock<std::mutex> hold();

// In a forked worker: SIGINT and SIGTERM back to their default action, unblocked; the worker
// dies with its parent (PR_SET_PDEATHSIG), and exits at once if the parent `expected_parent`
// is already gone.
void make_worker_die_with_parent(pid_t expected_parent);

} // namespace rongou::interruption
