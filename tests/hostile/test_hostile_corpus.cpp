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
//   output: TEXT                                     stdout or stderr contains TEXT (repeatable)
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
#include <cctype>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

namespace fs = std::filesystem;
using namespace rongou::test;

namespace {

const fs::path kCorpus = source_path("tests/hostile");

struct Case {
  std::vector<std::string> args;
  int exit_code = -1;
  std::vector<std::string> output, no_output, unchanged, absent;
  long long file_size_limit = -1;
  int signal = 0;
  double signal_after_s = 0.0;
  double timeout_s = 120.0;
};

int signal_number(const std::string& name) {
  static const std::map<std::string, int> names = {{"TERM", SIGTERM}, {"INT", SIGINT}, {"KILL", SIGKILL},
                                                   {"HUP", SIGHUP}};
  const auto it = names.find(name);
  return it == names.end() ? 0 : it->second;
}

Case parse_case(const fs::path& file) {
  Case c;
  std::istringstream in(read_file(file));
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

// The case folders, relative to the corpus: listed by tests/hostile/CMakeLists.txt.
const std::vector<std::string>& case_names() {
  static const std::vector<std::string> names = {
#include "hostile_cases.inc"
  };
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
    // lexically: fs::relative would resolve a symlink and place the copy where it points
    const fs::path target = to / entry.path().lexically_relative(from);
    if (entry.is_symlink())
      fs::copy_symlink(entry.path(), target);
    else if (entry.is_directory())
      fs::create_directories(target);
    else {
      std::string bytes = read_file(entry.path());
      if (bytes.find('\0') == std::string::npos)
        replace_all(bytes, "@PWNED@", marker);
      write_file(target, bytes);
      fs::permissions(target, fs::status(entry.path()).permissions());
    }
  }
}

CommandResult run(const Case& c, const fs::path& work) {
  std::vector<std::string> args;
  for (std::string a : c.args) {
    replace_all(a, "@CASE@", work.string());
    replace_all(a, "@SOURCE@", source_path(""));
    args.push_back(a);
  }
  RunOptions options;
  options.working_directory = work;
  options.timeout = std::chrono::duration<double>(c.timeout_s);
  if (c.file_size_limit >= 0)
    options.file_size_limit = static_cast<std::uintmax_t>(c.file_size_limit);
  if (c.signal != 0)
    options.signal = DelayedSignal{c.signal, std::chrono::duration<double>(c.signal_after_s)};
  return run_rongou(args, options);
}

class HostileCase : public ::testing::TestWithParam<std::string> {};

TEST_P(HostileCase, EndsAsItsCaseSays) {
  const fs::path source = kCorpus / GetParam();
  const Case c = parse_case(source / "case.txt");
  const TempDir temp;
  const fs::path root = temp.path();
  const fs::path work = root / "case";
  const fs::path marker = root / "pwned";
  copy_case(source, work, marker.string());

  const CommandResult result = run(c, work);
  std::ostringstream described;
  described << "case " << GetParam() << ": " << result;
  const std::string context = described.str();
  EXPECT_FALSE(result.timed_out) << context;
  EXPECT_EQ(result.exit_code, c.exit_code) << context;
  const auto printed = [&](const std::string& text) {
    return result.out.find(text) != std::string::npos || result.err.find(text) != std::string::npos;
  };
  for (const auto& text : c.output)
    EXPECT_TRUE(printed(text)) << "missing '" << text << "' in " << context;
  for (const auto& text : c.no_output)
    EXPECT_FALSE(printed(text)) << "unexpected '" << text << "' in " << context;
  EXPECT_FALSE(fs::exists(fs::symlink_status(marker))) << "a command ran: " << context;
  for (const auto& path : c.unchanged) {
    ASSERT_TRUE(fs::exists(work / path)) << path << " was removed; " << context;
    EXPECT_EQ(read_file(work / path), read_file(source / path)) << path << " was changed; " << context;
  }
  for (const auto& path : c.absent) {
    if (!path.empty() && path.back() == '*') {
      const fs::path prefix = work / path.substr(0, path.size() - 1);
      if (fs::exists(prefix.parent_path())) {
        for (const auto& entry : fs::directory_iterator(prefix.parent_path()))
          EXPECT_NE(entry.path().filename().string().rfind(prefix.filename().string(), 0), 0u)
              << entry.path() << " was left behind; " << context;
      }
    } else
      EXPECT_FALSE(fs::exists(fs::symlink_status(work / path))) << path << " exists; " << context;
  }
  std::error_code ignored; // a case may have taken the owner's rights away: TempDir removes it
  fs::permissions(root, fs::perms::owner_all, fs::perm_options::add, ignored);
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
