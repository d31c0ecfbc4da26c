#include "support/RunCommand.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace rongou::test {

namespace {

// A pipe whose ends close themselves.
struct Pipe {
  int read_end = -1;
  int write_end = -1;
  Pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
      throw std::runtime_error(std::string("pipe failed: ") + std::strerror(errno));
    read_end = fds[0];
    write_end = fds[1];
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  void close_read() {
    if (read_end >= 0)
      ::close(read_end);
    read_end = -1;
  }
  void close_write() {
    if (write_end >= 0)
      ::close(write_end);
    write_end = -1;
  }
};

// This process's environment with `extra` (NAME=value) added, replacing same-named entries.
std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const auto name = entry.substr(0, entry.find('=') + 1);
    bool replaced = false;
    for (const auto& x : extra)
      replaced = replaced || x.rfind(name, 0) == 0;
    if (!replaced)
      env.push_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& s : strings)
    pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// In the forked child: only async-signal-safe calls until exec.
[[noreturn]] void become(const std::string& program, char* const argv[], char* const envp[], const RunOptions& options,
                         int stdin_fd, int stdout_fd, int stderr_fd) {
  ::setpgid(0, 0); // its own process group, so a timeout also ends the workers it forks
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  ::sigaction(SIGPIPE, &default_action, nullptr);
  if (::dup2(stdin_fd, STDIN_FILENO) < 0 || ::dup2(stdout_fd, STDOUT_FILENO) < 0 ||
      ::dup2(stderr_fd, STDERR_FILENO) < 0)
    ::_exit(127);
  if (options.file_size_limit) {
    struct sigaction ignore_action {};
    ignore_action.sa_handler = SIG_IGN; // kept across exec: a write past the limit fails with EFBIG
    ::sigaction(SIGXFSZ, &ignore_action, nullptr);
    const rlimit limit{static_cast<rlim_t>(*options.file_size_limit), static_cast<rlim_t>(*options.file_size_limit)};
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  if (!options.working_directory.empty() && ::chdir(options.working_directory.c_str()) != 0) {
    const char message[] = "run_program: cannot change to the working directory\n";
    [[maybe_unused]] const auto n = ::write(STDERR_FILENO, message, sizeof message - 1);
    ::_exit(127);
  }
  ::execvpe(program.c_str(), argv, envp);
  const char message[] = "run_program: cannot execute the program\n";
  [[maybe_unused]] const auto n = ::write(STDERR_FILENO, message, sizeof message - 1);
  ::_exit(127);
}

} // namespace

std::ostream& operator<<(std::ostream& os, const CommandResult& result) {
  os << "exit code " << result.exit_code << (result.timed_out ? " (timed out)" : "") << "\n--- stdout ---\n"
     << result.out << "\n--- stderr ---\n"
     << result.err;
  return os;
}

CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                          const RunOptions& options) {
  std::vector<std::string> argv_strings{program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<std::string> env_strings = child_environment(options.environment);
  const std::vector<char*> argv = c_strings(argv_strings);
  const std::vector<char*> envp = c_strings(env_strings);

  Pipe in, out, err;
  const int null_fd = options.stdin_text ? -1 : ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  const pid_t pid = ::fork();
  if (pid < 0)
    throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
  if (pid == 0)
    become(program, argv.data(), envp.data(), options, options.stdin_text ? in.read_end : null_fd, out.write_end,
           err.write_end);
  if (null_fd >= 0)
    ::close(null_fd);
  in.close_read();
  out.close_write();
  err.close_write();

  // A child that exits without reading all of its stdin must not kill this process.
  struct sigaction ignore {}, previous {};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &previous);

  std::string_view pending = options.stdin_text ? std::string_view(*options.stdin_text) : std::string_view();
  if (options.stdin_text)
    ::fcntl(in.write_end, F_SETFL, O_NONBLOCK);
  else
    in.close_write();

  CommandResult result;
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto at = [&](std::chrono::duration<double> after) {
    return start + std::chrono::duration_cast<Clock::duration>(after);
  };
  const auto deadline = options.timeout ? at(*options.timeout) : Clock::time_point::max();
  auto signal_at = options.signal ? at(options.signal->after) : Clock::time_point::max();
  std::array<char, 65536> buffer{};
  while (out.read_end >= 0 || err.read_end >= 0) {
    std::array<pollfd, 3> fds{};
    nfds_t n = 0;
    const auto watch = [&](int fd, short events) {
      if (fd >= 0)
        fds[n++] = pollfd{fd, events, 0};
    };
    watch(out.read_end, POLLIN);
    watch(err.read_end, POLLIN);
    watch(in.write_end, POLLOUT);
    const auto now = Clock::now();
    if (now >= signal_at) {
      ::kill(pid, options.signal->signal);
      signal_at = Clock::time_point::max();
    }
    if (now >= deadline) {
      result.timed_out = true;
      ::kill(-pid, SIGKILL);
      ::kill(pid, SIGKILL);
      break;
    }
    const auto next = std::min(deadline, signal_at);
    int wait_ms = -1;
    if (next != Clock::time_point::max())
      wait_ms = static_cast<int>(
          std::max<long long>(1, std::chrono::ceil<std::chrono::milliseconds>(next - now).count()));
    const int ready = ::poll(fds.data(), n, wait_ms);
    if (ready < 0 && errno == EINTR)
      continue;
    if (ready < 0)
      throw std::runtime_error(std::string("poll failed: ") + std::strerror(errno));
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0)
        continue;
      if (fds[i].fd == in.write_end) {
        const auto written = ::write(in.write_end, pending.data(), pending.size());
        if (written > 0)
          pending.remove_prefix(static_cast<std::size_t>(written));
        if (written < 0 && errno != EAGAIN)
          pending = {}; // the child closed its stdin: it reads no more
        if (pending.empty())
          in.close_write();
        continue;
      }
      Pipe& from = fds[i].fd == out.read_end ? out : err;
      const auto got = ::read(from.read_end, buffer.data(), buffer.size());
      if (got > 0)
        (&from == &out ? result.out : result.err).append(buffer.data(), static_cast<std::size_t>(got));
      else if (got == 0 || errno != EINTR)
        from.close_read();
    }
  }
  ::sigaction(SIGPIPE, &previous, nullptr);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
  return result;
}

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "");
  for (std::string folder; std::getline(folders, folder, ':');) {
    const auto candidate = std::filesystem::path(folder.empty() ? "." : folder) / program;
    struct stat info {};
    if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
      return true;
  }
  return false;
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text)
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

} // namespace rongou::test
