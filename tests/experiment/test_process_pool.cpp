#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iostream>
#include <unistd.h>

#include "experiment/ProcessPool.hpp"
#include "support/TempDir.hpp"

using namespace rongou;
namespace fs = std::filesystem;
using rongou::test::TempDir;

TEST(ProcessPool, ReportsExitCodesAndSignalsPerTask) {
  const TempDir temp;
  const fs::path dir = temp.path();
  std::vector<PoolTask> tasks;
  for (int i = 0; i < 6; ++i)
    tasks.push_back({[i]() -> int {
                       std::cout << "task " << i << " speaking\n";
                       if (i == 2)
                         std::abort();
                       return i == 4 ? 3 : 0;
                     },
                     dir / ("log-" + std::to_string(i))});
  std::vector<std::size_t> finished;
  const auto outcomes = run_in_workers(tasks, 2, [&](std::size_t i, const WorkerOutcome&) {
    finished.push_back(i);
    return true;
  });
  ASSERT_EQ(outcomes.size(), 6u);
  EXPECT_EQ(finished.size(), 6u);
  EXPECT_TRUE(outcomes[0].ok());
  EXPECT_EQ(outcomes[2].signal, SIGABRT);
  EXPECT_NE(outcomes[2].describe().find("signal 6"), std::string::npos);
  EXPECT_EQ(outcomes[4].exit_code, 3);
  EXPECT_TRUE(outcomes[5].ok());
  std::ifstream log(dir / "log-5");
  std::string line;
  std::getline(log, line);
  EXPECT_EQ(line, "task 5 speaking"); // the child's output went to its log, not ours
}

TEST(ProcessPool, NeverRunsMoreThanJobsAtOnce) {
  // Each child holds a lock file while it runs and counts the others' lock files.
  const TempDir temp;
  const fs::path dir = temp.path();
  std::vector<PoolTask> tasks;
  for (int i = 0; i < 8; ++i)
    tasks.push_back({[&dir, i]() -> int {
                       const fs::path mine = dir / ("running-" + std::to_string(i));
                       std::ofstream(mine).put('x');
                       ::usleep(50000);
                       int running = 0;
                       for (const auto& e : fs::directory_iterator(dir))
                         running += e.path().filename().string().starts_with("running-") ? 1 : 0;
                       fs::remove(mine);
                       return running <= 3 ? 0 : 10 + running;
                     },
                     dir / ("log-" + std::to_string(i))});
  const auto outcomes = run_in_workers(tasks, 3, nullptr);
  for (const auto& o : outcomes)
    EXPECT_TRUE(o.ok()) << o.describe();
}

TEST(ProcessPool, StopsLaunchingWhenAsked) {
  const TempDir temp;
  const fs::path dir = temp.path();
  std::vector<PoolTask> tasks;
  for (int i = 0; i < 5; ++i)
    tasks.push_back({[i] { return i == 0 ? 2 : 0; }, dir / ("log-" + std::to_string(i))});
  const auto outcomes = run_in_workers(tasks, 1, [](std::size_t, const WorkerOutcome& o) { return o.ok(); });
  EXPECT_EQ(outcomes[0].exit_code, 2);
  for (std::size_t i = 1; i < 5; ++i)
    EXPECT_EQ(outcomes[i].exit_code, -1) << "task " << i << " should not have started";
}
