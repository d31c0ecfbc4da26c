#include "output/report/Gnuplot.hpp"

#include "base/Interruption.hpp"
#include "output/GnuplotString.hpp"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <fmt/format.h>
#include <optional>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/socket.h>
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

// Starts gnuplot in `dir` reading commands from `commands` and writing to `messages`.
pid_t spawn_gnuplot(const fs::path& gnuplot, const fs::path& dir, int commands, int messages) {
  std::string program = gnuplot.string();
  char* argv[] = {program.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  posix_spawn_file_actions_adddup2(&actions, commands, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, messages, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, messages, STDERR_FILENO);
  // rongou blocks SIGINT and SIGTERM for its interruption handler; gnuplot gets them back.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, gnuplot.c_str(), &actions, &attributes, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0)
    throw std::runtime_error(fmt::format("cannot start {}: {}", gnuplot.string(), std::strerror(spawned)));
  interruption::add_worker(pid);
  return pid;
}

// The exit status of a gnuplot started by spawn_gnuplot; nullopt, with errno set, when it
// cannot be waited for.
std::optional<int> wait_for(pid_t pid) {
  int status = 0;
  int waited = 0;
  while ((waited = ::waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  const int error = errno;
  interruption::remove_worker(pid);
  errno = error;
  return waited < 0 ? std::nullopt : std::optional<int>(status);
}

std::string read_all(int fd) {
  std::string text;
  if (::lseek(fd, 0, SEEK_SET) < 0)
    return text;
  char block[1 << 14];
  for (ssize_t n; (n = ::read(fd, block, sizeof block)) != 0;) {
    if (n < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    text.append(block, static_cast<std::size_t>(n));
  }
  return text;
}

void close_fd(int& fd) {
  if (fd >= 0)
    ::close(fd);
  fd = -1;
}

} // namespace

GnuplotDrawing::GnuplotDrawing(const fs::path& dir) : dir_(dir) {
  const fs::path gnuplot = find_gnuplot();
  // gnuplot draws on one processor; a second process draws beside it where there is a second.
  const unsigned count = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  try {
    for (unsigned i = 0; i < count; ++i) {
      Process& p = processes_.emplace_back();
      // A socket, not a pipe: a write to a gnuplot that has stopped fails with EPIPE instead of
      // raising SIGPIPE in rongou. Both ends close on exec; gnuplot gets its end as stdin.
      int ends[2];
      if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
        throw std::runtime_error(fmt::format("cannot start gnuplot: {}", std::strerror(errno)));
      p.commands = ends[0];
      int theirs = ends[1];
      // gnuplot's messages go to a file in memory, read back when it has finished: nothing
      // is left in the user's folder, whatever happens to rongou.
      p.messages = ::memfd_create("gnuplot-messages", MFD_CLOEXEC);
      if (p.messages < 0) {
        ::close(theirs);
        throw std::runtime_error(fmt::format("cannot start gnuplot: {}", std::strerror(errno)));
      }
      try {
        p.pid = spawn_gnuplot(gnuplot, dir, theirs, p.messages);
      } catch (...) {
        ::close(theirs);
        throw;
      }
      ::close(theirs);
    }
  } catch (...) {
    stop();
    throw;
  }
}

GnuplotDrawing::~GnuplotDrawing() { stop(); }

void GnuplotDrawing::stop() {
  for (Process& p : processes_) {
    close_fd(p.commands);
    if (p.pid > 0) {
      ::kill(p.pid, SIGTERM);
      wait_for(p.pid);
      p.pid = -1;
    }
    close_fd(p.messages);
  }
}

void GnuplotDrawing::draw(const std::string& script, std::uintmax_t bytes) {
  auto lightest = std::min_element(processes_.begin(), processes_.end(),
                                   [](const Process& a, const Process& b) { return a.bytes < b.bytes; });
  lightest->bytes += bytes;
  const std::string command = "load " + gnuplot_string(script) + "\n";
  std::size_t sent = 0;
  while (sent < command.size()) {
    const ssize_t n = ::send(lightest->commands, command.data() + sent, command.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return; // gnuplot has stopped: finish() reports how
    sent += static_cast<std::size_t>(n);
  }
}

std::string GnuplotDrawing::finish() {
  for (Process& p : processes_)
    close_fd(p.commands); // end of input: each gnuplot draws what it has and exits
  std::string messages;
  bool failed = false;
  for (Process& p : processes_) {
    const auto status = wait_for(p.pid);
    if (!status)
      messages += fmt::format("waiting for gnuplot: {}\n", std::strerror(errno));
    p.pid = -1;
    messages += read_all(p.messages);
    close_fd(p.messages);
    failed = failed || !status || !WIFEXITED(*status) || WEXITSTATUS(*status) != 0;
  }
  if (failed)
    throw std::runtime_error(fmt::format("gnuplot failed in {}:\n{}", dir_.string(), messages));
  return messages;
}

} // namespace rongou::report
