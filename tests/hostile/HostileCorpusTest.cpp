// The hostile-input corpus: every folder tests/hostile/<category>/<case>/ holds a case.txt
// and the files the case needs (a scenario, a platform, a results folder someone else made,
// files of the user's that must survive). Each case runs `rongou` once, in a fresh copy of
// its folder, and must end as case.txt says. Directives, one a line (`#` lines are comments):
//
//   args: run @CASE@/scenario.yaml --out @CASE@/out   the command line (required); words are
//                                                    split on spaces, @CASE@ is the copy's
//                                                    path, @SOURCE@ the repository root
//   exit: 2                                          the exit code (required); a death by
//                                                    signal S counts as 128+S
//   output: TEXT                                     stdout+stderr contains TEXT (repeatable)
//   no-output: TEXT                                  ... does not contain TEXT (repeatable)
//   unchanged: PATH                                  PATH (relative to the copy) still exists,
//                                                    byte-identical to the case's original
//   absent: PATH                                     PATH does not exist afterwards; a PATH
//                                                    ending in `*` means no entry starts so
//   file-size-limit: BYTES                           RLIMIT_FSIZE for the child (a full disk:
//                                                    writes past it fail with EFBIG)
//   signal: TERM 0.5                                 send SIGTERM (INT, KILL...) to the child
//                                                    after 0.5 s
//   timeout: SECONDS                                 killed and failed after (default 120)
//
// Every text file copied has the word @PWNED@ replaced by the path of a marker file outside
// the copy; hostile strings use it (`touch @PWNED@`), and the case fails if it exists after
// the run: nothing in a scenario, platform or results folder may run a command.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <poll.h>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(RONGOU_SOURCE_DIR) / "tests" / "hostile";

struct Case {
  std::vector<std::string> args;
  int exit_code = -1;
  std::vector<std::string> output, no_output, unchanged, absent;
  long long file_size_limit = -1;
  int signal = 0;
  double signal_after_s = 0.0;
  double timeout_s = 120.0;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int signal_number(const std::string& name) {
  static const std::map<std::string, int> names = {{"TERM", SIGTERM}, {"INT", SIGINT}, {"KILL", SIGKILL},
                                                   {"HUP", SIGHUP}};
  const auto it = names.find(name);
  return it == names.end() ? 0 : it->second;
}

Case parse_case(const fs::path& file) {
  Case c;
  std::istringstream in(slurp(file));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    const auto colon = line.find(": ");
    if (colon == std::string::npos) {
      ADD_FAILURE() << file << ": not a directive: " << line;
      continue;
    }
    const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    if (key == "args") {
      std::istringstream words(value);
      for (std::string w; words >> w;)
        c.args.push_back(w);
    } else if (key == "exit")
      c.exit_code = std::stoi(value);
    else if (key == "output")
      c.output.push_back(value);
    else if (key == "no-output")
      c.no_output.push_back(value);
    else if (key == "unchanged")
      c.unchanged.push_back(value);
    else if (key == "absent")
      c.absent.push_back(value);
    else if (key == "file-size-limit")
      c.file_size_limit = std::stoll(value);
    else if (key == "timeout")
      c.timeout_s = std::stod(value);
    else if (key == "signal") {
      std::istringstream words(value);
      std::string name;
      words >> name >> c.signal_after_s;
      c.signal = signal_number(name);
      if (c.signal == 0)
        ADD_FAILURE() << file << ": unknown signal " << name;
    } else
      ADD_FAILURE() << file << ": unknown directive " << key;
  }
  EXPECT_FALSE(c.args.empty()) << file << ": no args";
  EXPECT_GE(c.exit_code, 0) << file << ": no exit";
  return c;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  if (!fs::exists(kCorpus))
    return names;
  for (const auto& category : fs::directory_iterator(kCorpus))
    if (category.is_directory())
      for (const auto& entry : fs::directory_iterator(category.path()))
        if (fs::exists(entry.path() / "case.txt"))
          names.push_back(category.path().filename().string() + "/" + entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
}

// Copies the case folder (symlinks as symlinks), putting the marker path into text files.
void copy_case(const fs::path& from, const fs::path& to, const std::string& marker) {
  fs::create_directories(to);
  for (const auto& entry : fs::recursive_directory_iterator(from)) {
    // lexically: fs::relative would follow a symlink to its target
    const fs::path target = to / entry.path().lexically_relative(from);
    if (entry.is_symlink())
      fs::copy_symlink(entry.path(), target);
    else if (entry.is_directory())
      fs::create_directories(target);
    else {
      std::string bytes = slurp(entry.path());
      if (bytes.find('\0') == std::string::npos)
        replace_all(bytes, "@PWNED@", marker);
      std::ofstream(target, std::ios::binary) << bytes;
      fs::permissions(target, fs::status(entry.path()).permissions());
    }
  }
}

struct Outcome {
  int exit_code = -1;
  std::string output;
  bool timed_out = false;
};

Outcome run(const Case& c, const fs::path& work) {
  std::vector<std::string> args = {RONGOU_EXECUTABLE};
  for (std::string a : c.args) {
    replace_all(a, "@CASE@", work.string());
    replace_all(a, "@SOURCE@", RONGOU_SOURCE_DIR);
    args.push_back(a);
  }
  int pipefd[2];
  if (::pipe(pipefd) != 0)
    throw std::runtime_error("pipe");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipefd[1], 1);
    ::dup2(pipefd[1], 2);
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    const int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    if (::chdir(work.c_str()) != 0)
      ::_exit(126);
    if (c.file_size_limit >= 0) {
      ::signal(SIGXFSZ, SIG_IGN); // writes past the limit fail with EFBIG, as on a full disk
      const rlimit limit{static_cast<rlim_t>(c.file_size_limit), static_cast<rlim_t>(c.file_size_limit)};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    std::vector<char*> argv;
    for (auto& a : args)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(pipefd[1]);
  Outcome outcome;
  const auto start = std::chrono::steady_clock::now();
  bool signalled = c.signal == 0;
  int status = 0;
  bool reaped = false;
  for (;;) {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!signalled && elapsed >= c.signal_after_s) {
      ::kill(pid, c.signal);
      signalled = true;
    }
    if (elapsed > c.timeout_s && !outcome.timed_out) {
      ::kill(pid, SIGKILL);
      outcome.timed_out = true;
    }
    pollfd p{pipefd[0], POLLIN, 0};
    if (::poll(&p, 1, 20) > 0) {
      char buffer[4096];
      const ssize_t n = ::read(pipefd[0], buffer, sizeof buffer);
      if (n > 0) {
        outcome.output.append(buffer, static_cast<std::size_t>(n));
        continue;
      }
      if (n == 0 && reaped)
        break;
    }
    if (!reaped && ::waitpid(pid, &status, WNOHANG) == pid)
      reaped = true;
    if (reaped && (p.revents & POLLIN) == 0)
      break;
  }
  ::close(pipefd[0]);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return outcome;
}

class HostileCase : public ::testing::TestWithParam<std::string> {};

TEST_P(HostileCase, EndsAsItsCaseSays) {
  const fs::path source = kCorpus / GetParam();
  const Case c = parse_case(source / "case.txt");
  char pattern[] = "/tmp/rongou-hostile-XXXXXX";
  ASSERT_NE(::mkdtemp(pattern), nullptr);
  const fs::path root = pattern;
  const fs::path work = root / "case";
  const fs::path marker = root / "pwned";
  copy_case(source, work, marker.string());

  const Outcome outcome = run(c, work);
  const std::string context = "case " + GetParam() + ", output:\n" + outcome.output;
  EXPECT_FALSE(outcome.timed_out) << context;
  EXPECT_EQ(outcome.exit_code, c.exit_code) << context;
  for (const auto& text : c.output)
    EXPECT_NE(outcome.output.find(text), std::string::npos) << "missing '" << text << "' in " << context;
  for (const auto& text : c.no_output)
    EXPECT_EQ(outcome.output.find(text), std::string::npos) << "unexpected '" << text << "' in " << context;
  EXPECT_FALSE(fs::exists(fs::symlink_status(marker))) << "a command ran: " << context;
  for (const auto& path : c.unchanged) {
    ASSERT_TRUE(fs::exists(work / path)) << path << " was removed; " << context;
    EXPECT_EQ(slurp(work / path), slurp(source / path)) << path << " was changed; " << context;
  }
  for (const auto& path : c.absent) {
    if (!path.empty() && path.back() == '*') {
      const fs::path prefix = work / path.substr(0, path.size() - 1);
      if (fs::exists(prefix.parent_path()))
        for (const auto& entry : fs::directory_iterator(prefix.parent_path()))
          EXPECT_NE(entry.path().filename().string().rfind(prefix.filename().string(), 0), 0u)
              << entry.path() << " was left behind; " << context;
    } else
      EXPECT_FALSE(fs::exists(fs::symlink_status(work / path))) << path << " exists; " << context;
  }
  std::error_code ignored;
  fs::permissions(root, fs::perms::owner_all, fs::perm_options::add, ignored);
  fs::remove_all(root, ignored);
}

INSTANTIATE_TEST_SUITE_P(Corpus, HostileCase, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch)))
                               ch = '_';
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(HostileCase);

} // namespace
