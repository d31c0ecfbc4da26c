// A run that fails, whether on bad input or later, never touches earlier results; a good
// run saves the scenario exactly as run, and running that file again gives the same results.
// What the hostile corpus (tests/hostile) cannot express is here: a FIFO, a PATH without
// gnuplot, two runs at once, a parent killed under its workers, interruptions during the
// report, and the memory estimate against the measured peak.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <map>
#include <poll.h>
#include <regex>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

namespace fs = std::filesystem;
using rongou::test::read_file;
using rongou::test::run_rongou;
using rongou::test::source_path;
using rongou::test::TempDir;

namespace {

const std::string kBaseline = source_path("scenarios/baseline-2018.yaml");

std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(dir))
    files[entry.path().filename().string()] = read_file(entry.path());
  return files;
}

TEST(SafeOutputs, BadSetAfterAGoodRunLeavesItsFilesByteIdentical) {
  const TempDir root;
  const fs::path out = root.path() / "results";
  const auto good = run_rongou({"run", kBaseline, "--out", out.string(), "--quiet", "--set", "horizon_days=91"});
  ASSERT_EQ(good.exit_code, 0) << good;
  const auto before = snapshot(out);
  ASSERT_TRUE(before.count("scenario.resolved.yaml"));
  ASSERT_TRUE(before.count("summary.json"));

  for (const std::vector<std::string>& bad :
       {std::vector<std::string>{"--set", "rail.servics.0.max_feu=20"}, {"--set", "horizon_days=-1"},
        {"--set", "rail.services.0.route.3=Nowhere"}, {"--set", "platform=missing.xml"}}) {
    std::vector<std::string> args = {"run", kBaseline, "--out", out.string(), "--quiet"};
    args.insert(args.end(), bad.begin(), bad.end());
    const auto result = run_rongou(args);
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_EQ(snapshot(out), before) << "after " << bad[1];
  }
  // Nothing staged is left lying around either.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out.parent_path()))
    ++entries;
  EXPECT_EQ(entries, 1u);
}

TEST(SafeOutputs, ResolvedScenarioReproducesTheRun) {
  const TempDir temp;
  const fs::path root = temp.path();
  const auto first = run_rongou({"run", kBaseline, "--out", (root / "a").string(), "--quiet", "--no-report", "--seed", "5", "--set",
                                 "horizon_days=91", "--set", "rail.services.1.departures=[Tue,Fri]"});
  ASSERT_EQ(first.exit_code, 0) << first;
  const std::string resolved = read_file(root / "a" / "scenario.resolved.yaml");
  EXPECT_NE(resolved.find("seed: 5"), std::string::npos) << resolved;
  EXPECT_NE(resolved.find("horizon_days: 91"), std::string::npos) << resolved;
  EXPECT_NE(resolved.find("departures: [Tue, Fri]"), std::string::npos) << resolved;

  const auto second =
      run_rongou({"run", (root / "a" / "scenario.resolved.yaml").string(), "--out", (root / "b").string(), "--quiet", "--no-report"});
  ASSERT_EQ(second.exit_code, 0) << second;
  // Everything the model produced is identical; provenance.json rightly names another file
  // and command.
  auto a = snapshot(root / "a");
  auto b = snapshot(root / "b");
  ASSERT_TRUE(a.count("provenance.json") && b.count("provenance.json"));
  a.erase("provenance.json");
  b.erase("provenance.json");
  EXPECT_EQ(a, b);
}

// ---- rongou as a child process with its own environment, measured -------------------------

struct Child {
  pid_t pid = -1;
  int output_fd = -1;
};

struct Ended {
  int exit_code = -1; // 128 + signal when a signal killed it
  std::string output;
  long max_rss_kb = 0;
  double seconds = 0;
};

// `env` entries NAME=VALUE are set, NAME= unset; RLIMIT_AS=BYTES limits the child's memory.
Child start(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
  int pipefd[2];
  if (::pipe(pipefd) != 0)
    throw std::runtime_error("pipe");
  Child c;
  c.pid = ::fork();
  if (c.pid == 0) {
    ::dup2(pipefd[1], 1);
    ::dup2(pipefd[1], 2);
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    for (const auto& e : env) {
      const auto eq = e.find('=');
      if (e.substr(0, eq) == "RLIMIT_AS") { // not a variable: the child's address-space limit
        const rlim_t bytes = std::stoull(e.substr(eq + 1));
        const rlimit limit{bytes, bytes};
        ::setrlimit(RLIMIT_AS, &limit);
        continue;
      }
      if (eq + 1 == e.size())
        ::unsetenv(e.substr(0, eq).c_str());
      else
        ::setenv(e.substr(0, eq).c_str(), e.substr(eq + 1).c_str(), 1);
    }
    std::vector<std::string> all = {RONGOU_EXECUTABLE};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(pipefd[1]);
  c.output_fd = pipefd[0];
  return c;
}

Ended finish(const Child& c) {
  const auto t0 = std::chrono::steady_clock::now();
  Ended e;
  char buffer[4096];
  for (ssize_t n; (n = ::read(c.output_fd, buffer, sizeof buffer)) > 0;)
    e.output.append(buffer, static_cast<std::size_t>(n));
  ::close(c.output_fd);
  int status = 0;
  rusage usage{};
  ::wait4(c.pid, &status, 0, &usage);
  e.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  e.max_rss_kb = usage.ru_maxrss;
  e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return e;
}

Ended run_env(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
  return finish(start(args, env));
}

bool wait_for(const std::function<bool()>& condition, double seconds) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end) {
    if (condition())
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

std::vector<pid_t> children_of(pid_t pid) {
  std::ifstream in(("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children"));
  std::vector<pid_t> out;
  for (pid_t c; in >> c;)
    out.push_back(c);
  return out;
}

// Alive and not a zombie.
bool running(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line))
    return false;
  const auto close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && line[close + 2] != 'Z';
}

std::vector<std::string> entries_starting(const fs::path& dir, const std::string& prefix) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind(prefix, 0) == 0)
      names.push_back(e.path().filename().string());
  return names;
}

std::string json_seed(const fs::path& file) {
  static const std::regex seed(R"("seed":\s*(\d+))");
  std::smatch m;
  const std::string text = read_file(file.string());
  return std::regex_search(text, m, seed) ? m[1].str() : "";
}

TEST(SafeOutputs, OutOnAFifoIsNeverReplacedEvenWithForce) {
  const TempDir temp;
  const fs::path root = temp.path();
  const fs::path fifo = root / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  const auto r = run_env({"run", kBaseline, "--out", fifo.string(), "--set", "horizon_days=56", "--no-report", "--force"});
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("is a FIFO"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::is_fifo(fs::symlink_status(fifo)));
  EXPECT_TRUE(entries_starting(root, "pipe.tmp-").empty());
}

TEST(SafeOutputs, NoGnuplotIsRefusedBeforeSimulatingAndEarlierResultsStay) {
  const TempDir temp;
  const fs::path out = temp.path() / "results";
  const auto good = run_env({"run", kBaseline, "--out", out.string(), "--quiet", "--no-report", "--set", "horizon_days=56"});
  ASSERT_EQ(good.exit_code, 0) << good.output;
  const auto before = snapshot(out);
  const auto r = run_env({"run", kBaseline, "--out", out.string(), "--set", "horizon_days=56"},
                         {"PATH=/nonexistent", "RONGOU_GNUPLOT="});
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("gnuplot"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--no-report"), std::string::npos) << r.output;
  EXPECT_EQ(snapshot(out), before);
  EXPECT_EQ(entries_starting(out.parent_path(), "results.tmp-").size(), 0u);
}

TEST(SafeOutputs, TwoRunsOnOneOutNeverMixTheirFiles) {
  const TempDir temp;
  const fs::path root = temp.path();
  const fs::path out = root / "results";
  const fs::path lock = root / ".results.rongou-lock";
  // The first run is held in its report (a gnuplot that waits for `hold` to go) while the
  // second one starts on the same folder.
  const fs::path started = root / "gnuplot-started", hold = root / "hold";
  const fs::path held = root / "held-gnuplot";
  std::ofstream(hold) << "";
  std::ofstream(held) << "#!/bin/sh\ntouch '" << started.string() << "'\nwhile [ -e '" << hold.string()
                      << "' ]; do sleep 0.05; done\nexec gnuplot \"$@\"\n";
  fs::permissions(held, fs::perms::owner_all);
  const Child first = start({"run", kBaseline, "--out", out.string(), "--quiet", "--seed", "11", "--set",
                             "horizon_days=56"},
                            {"RONGOU_GNUPLOT=" + held.string()});
  ASSERT_TRUE(wait_for([&] { return fs::exists(started); }, 60)) << "the first run never reached its report";
  EXPECT_TRUE(fs::exists(lock));
  const auto second = run_env({"run", kBaseline, "--out", out.string(), "--quiet", "--no-report", "--seed", "22",
                               "--set", "horizon_days=56"});
  fs::remove(hold);
  const auto first_end = finish(first);
  ASSERT_EQ(first_end.exit_code, 0) << first_end.output;
  EXPECT_EQ(second.exit_code, 2) << second.output;
  EXPECT_NE(second.output.find("another rongou run is writing there"), std::string::npos) << second.output;
  EXPECT_EQ(json_seed(out / "provenance.json"), "11");
  EXPECT_EQ(json_seed(out / "summary.json"), "11");
  EXPECT_NE(read_file((out / "report.html").string()).find("seed 11"), std::string::npos);
  EXPECT_FALSE(fs::exists(lock));
  // Once the first is done, the second gets the folder: every file then from seed 22.
  const auto again = run_env({"run", kBaseline, "--out", out.string(), "--quiet", "--no-report", "--seed", "22",
                              "--set", "horizon_days=56"});
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(json_seed(out / "provenance.json"), "22");
  EXPECT_EQ(json_seed(out / "summary.json"), "22");
  EXPECT_FALSE(fs::exists(out / "report.html")) << "a file of the first run kept";
}

// kill -9 of the parent: the workers get SIGKILL from the kernel (PR_SET_PDEATHSIG).
TEST(SafeOutputs, WorkersDieWithTheirKilledParent) {
  const TempDir temp;
  const fs::path out = temp.path() / "results";
  const Child parent = start({"run", kBaseline, "--out", out.string(), "--quiet", "--no-report", "--replications", "4",
                              "--jobs", "2", "--set", "horizon_days=728"});
  std::vector<pid_t> workers;
  ASSERT_TRUE(wait_for([&] { return (workers = children_of(parent.pid)).size() == 2; }, 30));
  ::kill(parent.pid, SIGKILL);
  const auto end = finish(parent);
  EXPECT_EQ(end.exit_code, 128 + SIGKILL);
  for (pid_t w : workers)
    EXPECT_TRUE(wait_for([&] { return !running(w); }, 10)) << "worker " << w << " outlived its parent";
}

TEST(SafeOutputs, SigtermStopsWorkersCleansUpAndExits143) {
  const TempDir temp;
  const fs::path out = temp.path() / "results";
  const auto good = run_env({"run", kBaseline, "--out", out.string(), "--quiet", "--no-report", "--set", "horizon_days=56"});
  ASSERT_EQ(good.exit_code, 0) << good.output;
  const auto before = snapshot(out);
  const Child parent = start({"run", kBaseline, "--out", out.string(), "--quiet", "--no-report", "--replications", "4",
                              "--jobs", "2", "--set", "horizon_days=728"});
  std::vector<pid_t> workers;
  ASSERT_TRUE(wait_for([&] { return (workers = children_of(parent.pid)).size() == 2; }, 30));
  ::kill(parent.pid, SIGTERM);
  const auto end = finish(parent);
  EXPECT_EQ(end.exit_code, 143) << end.output;
  EXPECT_NE(end.output.find("interrupted by SIGTERM while running 4 replications"), std::string::npos) << end.output;
  EXPECT_NE(end.output.find("stopped 2 worker processes"), std::string::npos) << end.output;
  for (pid_t w : workers)
    EXPECT_TRUE(wait_for([&] { return !running(w); }, 10)) << "worker " << w << " outlived its parent";
  EXPECT_EQ(snapshot(out), before);
  EXPECT_TRUE(entries_starting(out.parent_path(), "results.tmp-").empty());
  EXPECT_TRUE(entries_starting(out.parent_path(), ".results.rongou-lock").empty());
}

// A gnuplot that never finishes holds the run in its report; SIGINT then must leave neither
// the half-made report nor the staged results.
TEST(SafeOutputs, SigintDuringTheReportLeavesEarlierResultsAndNoTemporaries) {
  const TempDir temp;
  const fs::path root = temp.path();
  const fs::path out = root / "results";
  const auto good = run_env({"run", kBaseline, "--out", out.string(), "--quiet", "--no-report", "--set", "horizon_days=56"});
  ASSERT_EQ(good.exit_code, 0) << good.output;
  const auto before = snapshot(out);
  const fs::path started = root / "gnuplot-started";
  const fs::path slow = root / "slow-gnuplot";
  std::ofstream(slow) << "#!/bin/sh\ntouch '" << started.string() << "'\nexec sleep 60\n";
  fs::permissions(slow, fs::perms::owner_all);
  const Child run = start({"run", kBaseline, "--out", out.string(), "--quiet", "--set", "horizon_days=56"},
                          {"RONGOU_GNUPLOT=" + slow.string()});
  ASSERT_TRUE(wait_for([&] { return fs::exists(started); }, 60));
  ::kill(run.pid, SIGINT);
  const auto end = finish(run);
  EXPECT_EQ(end.exit_code, 130) << end.output;
  EXPECT_NE(end.output.find("interrupted by SIGINT while writing the report"), std::string::npos) << end.output;
  EXPECT_LT(end.seconds, 30) << "waited for the slow gnuplot";
  EXPECT_EQ(snapshot(out), before);
  std::size_t left = 0;
  for (const auto& e : fs::directory_iterator(root))
    left += e.path().filename() != "results" && e.path().filename() != "slow-gnuplot" &&
            e.path().filename() != "gnuplot-started";
  EXPECT_EQ(left, 0u);
}

// `rongou report DIR` stopped while gnuplot runs: DIR as it was, no report.tmp-* left.
TEST(SafeOutputs, SigtermDuringTheReportCommandLeavesTheFolderAsItWas) {
  const TempDir temp;
  const fs::path root = temp.path();
  const fs::path out = root / "results";
  const auto good = run_env({"run", kBaseline, "--out", out.string(), "--quiet", "--set", "horizon_days=56"});
  ASSERT_EQ(good.exit_code, 0) << good.output;
  const auto before = snapshot(out);
  const fs::path started = root / "gnuplot-started";
  const fs::path slow = root / "slow-gnuplot";
  std::ofstream(slow) << "#!/bin/sh\ntouch '" << started.string() << "'\nexec sleep 60\n";
  fs::permissions(slow, fs::perms::owner_all);
  const Child report = start({"report", out.string()}, {"RONGOU_GNUPLOT=" + slow.string()});
  ASSERT_TRUE(wait_for([&] { return fs::exists(started); }, 60));
  ::kill(report.pid, SIGTERM);
  const auto end = finish(report);
  EXPECT_EQ(end.exit_code, 143) << end.output;
  EXPECT_LT(end.seconds, 30);
  EXPECT_EQ(snapshot(out), before);
  EXPECT_TRUE(entries_starting(out, "report.tmp-").empty());
  EXPECT_TRUE(entries_starting(out, "report.html.tmp-").empty());
}

// A report that fails (here gnuplot itself) fails the run before anything is put in place.
TEST(SafeOutputs, AFailingReportLeavesEarlierResultsAndNoTemporaries) {
  const TempDir temp;
  const fs::path root = temp.path();
  const fs::path out = root / "results";
  const auto good = run_env({"run", kBaseline, "--out", out.string(), "--quiet", "--no-report", "--set", "horizon_days=56"});
  ASSERT_EQ(good.exit_code, 0) << good.output;
  const auto before = snapshot(out);
  const auto r = run_env({"run", kBaseline, "--out", out.string(), "--quiet", "--set", "horizon_days=56"},
                         {"RONGOU_GNUPLOT=/bin/false"});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("gnuplot failed"), std::string::npos) << r.output;
  EXPECT_EQ(snapshot(out), before);
  EXPECT_EQ(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 1);
}

TEST(SafeOutputs, CompareReportReplacesOnlyItsOwnFolders) {
  const TempDir temp;
  const fs::path root = temp.path();
  for (const char* run : {"a", "b"}) {
    const auto r = run_env({"run", kBaseline, "--out", (root / run).string(), "--quiet", "--no-report", "--set",
                            "horizon_days=56", "--seed", run == std::string("a") ? "1" : "2"});
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  const fs::path mine = root / "mydata";
  fs::create_directories(mine);
  std::ofstream(mine / "thesis.tex") << "my thesis\n";
  const std::vector<std::string> compare = {"compare", (root / "a").string(), (root / "b").string(), "--report",
                                            mine.string()};
  const auto refused = run_env(compare);
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_NE(refused.output.find("--report " + mine.string() + ": holds files rongou did not write"), std::string::npos)
      << refused.output;
  EXPECT_EQ(read_file((mine / "thesis.tex").string()), "my thesis\n");
  // Into a new folder; then again into it: a comparison folder is rongou's own.
  const fs::path report = root / "a-vs-b";
  auto args = compare;
  args.back() = report.string();
  const auto first = run_env(args);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_TRUE(fs::exists(report / "report.html"));
  EXPECT_NE(read_file((report / "provenance.json").string()).find("\"program\": \"rongou\""), std::string::npos);
  const auto second = run_env(args);
  EXPECT_EQ(second.exit_code, 0) << second.output;
  // Never into a results folder, nor inside one.
  args.back() = (root / "a").string();
  EXPECT_EQ(run_env(args).exit_code, 2);
  args.back() = (root / "a" / "cmp").string();
  const auto inside = run_env(args);
  EXPECT_EQ(inside.exit_code, 2) << inside.output;
  EXPECT_NE(inside.output.find("is inside the rongou folder"), std::string::npos) << inside.output;
  EXPECT_EQ(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 4); // a, b, mydata, a-vs-b
}

// The memory estimate is for the release build: under AddressSanitizer the shadow memory and
// the quarantine of freed blocks make the peak several times larger, and an address-space
// limit cannot be set below what ASan reserves. The sanitized suite runs everything else.
#ifdef RONGOU_SANITIZE
#define SKIP_UNDER_SANITIZERS() GTEST_SKIP() << "memory figures of a sanitized build are not the program's"
#else
#define SKIP_UNDER_SANITIZERS() static_cast<void>(0)
#endif

// The estimate `validate` prints against the peak resident memory of the run.
double estimated_mb(const std::vector<std::string>& sets, const std::string& scenario = kBaseline) {
  std::vector<std::string> args = {"validate", scenario};
  for (const auto& s : sets) {
    args.push_back("--set");
    args.push_back(s);
  }
  const auto r = run_env(args);
  static const std::regex about(R"(needs about (\d+) MB)");
  std::smatch m;
  if (!std::regex_search(r.output, m, about))
    return -1;
  return std::stod(m[1]);
}

double measured_mb(const std::vector<std::string>& sets, const std::string& scenario = kBaseline) {
  const TempDir temp;
  std::vector<std::string> args = {"run", scenario, "--out", (temp.path() / "r").string(), "--quiet",
                                   "--no-report"};
  for (const auto& s : sets) {
    args.push_back("--set");
    args.push_back(s);
  }
  const auto r = run_env(args);
  return r.exit_code == 0 ? static_cast<double>(r.max_rss_kb) * 1024.0 / 1e6 : -1;
}

void expect_within_factor(const std::vector<std::string>& sets, double factor,
                          const std::string& scenario = kBaseline) {
  const double estimate = estimated_mb(sets, scenario), peak = measured_mb(sets, scenario);
  ASSERT_GT(estimate, 0);
  ASSERT_GT(peak, 0);
  EXPECT_LE(estimate, peak * factor) << "estimate " << estimate << " MB, peak " << peak << " MB";
  EXPECT_GE(estimate, peak / factor) << "estimate " << estimate << " MB, peak " << peak << " MB";
}

TEST(SafeOutputs, MemoryEstimateOfASmallRunIsWithinAFactor1p5OfItsPeak) {
  SKIP_UNDER_SANITIZERS();
  expect_within_factor({"horizon_days=56"}, 1.5);
}

TEST(SafeOutputs, MemoryEstimateOfALargeRunIsWithinAFactor1p5OfItsPeak) {
  SKIP_UNDER_SANITIZERS();
  expect_within_factor({"horizon_days=1456", "demand.westbound.feu_per_week=920", "demand.eastbound.feu_per_week=480"}, 1.5);
}

const std::string kModeChoice = source_path("scenarios/mode-choice-2018.yaml");

// With `choice:` every container of the run has a choice record (16 B) and a booked departure
// (8 B): two years of mode-choice-2018, (1,200 + 120) FEU a week, are 274,560 containers.
TEST(SafeOutputs, MemoryEstimateCountsTheChoiceRecordsOfEveryContainer) {
  const std::vector<std::string> two_years{"horizon_days=1456"};
  const double with_choice = estimated_mb(two_years, kModeChoice);
  // The baseline with the same demand: what the estimate sees of mode-choice-2018 but its choice.
  const double without = estimated_mb({"horizon_days=1456", "demand.westbound.feu_per_week=1200"});
  ASSERT_GT(with_choice, 0);
  ASSERT_GT(without, 0);
  const double containers = (1200.0 + 120.0) * 1456.0 / 7.0;
  // `validate` prints whole MB: one of rounding either way.
  EXPECT_GE(with_choice - without, containers * (16 + 8) / 1e6 - 1.0) << with_choice << " " << without;
}

TEST(SafeOutputs, MemoryEstimateOfAChoiceRunIsWithinAFactor1p5OfItsPeak) {
  SKIP_UNDER_SANITIZERS();
  expect_within_factor({"horizon_days=728", "choice.counterfactual=none"}, 1.5, kModeChoice);
}

TEST(SafeOutputs, AScenarioTooLargeForTheMachineIsRefusedBeforeSimulating) {
  const TempDir temp;
  const fs::path out = temp.path() / "r";
  const auto r = run_env({"run", kBaseline, "--out", out.string(), "--no-report", "--verbose", "--set",
                          "demand.westbound.feu_per_week=1000000", "--set", "horizon_days=36500"});
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("this needs about"), std::string::npos) << r.output;
  EXPECT_LT(r.seconds, 20);
  // What the program takes before any traffic is the peak of `validate` on the same scenario
  // (a sanitized build's shadow memory included); the refused run needs many GB, so taking even
  // a small part of it shows as more than 50 MB beyond that.
  const auto validated = run_env({"validate", kBaseline});
  ASSERT_EQ(validated.exit_code, 0) << validated.output;
  EXPECT_LT(r.max_rss_kb, validated.max_rss_kb + 50 * 1024) << "memory was taken before the refusal";
  EXPECT_FALSE(fs::exists(out));
}

// The documented maximum demand (feu_per_week: 1000000) over a year needs about 22 GB (the
// baseline has doors:, docs/hardening.md); with
// 3 GB of address space it is refused before simulating instead of dying of bad_alloc.
TEST(SafeOutputs, TheDocumentedMaximumDemandIsRefusedWhenTheMachineCannotHoldIt) {
  SKIP_UNDER_SANITIZERS();
  const TempDir temp;
  const fs::path out = temp.path() / "r";
  const auto r = run_env({"run", kBaseline, "--out", out.string(), "--no-report", "--set",
                          "demand.westbound.feu_per_week=1000000"},
                         {"RLIMIT_AS=3000000000"});
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("this needs about 22.3 GB, 3.0 GB available"), std::string::npos) << r.output;
  EXPECT_LT(r.seconds, 20);
  EXPECT_FALSE(fs::exists(out));
}

} // namespace
