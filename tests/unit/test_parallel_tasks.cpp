// Independent tasks on two threads: each runs once, a failure reads the same however the
// tasks were shared, and the second processor is used where there is one.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "base/ParallelTasks.hpp"

using namespace rongou;

TEST(ParallelTasks, EveryTaskRunsOnce) {
  std::vector<std::atomic<int>> runs(50);
  std::vector<std::function<void()>> tasks;
  for (std::size_t i = 0; i < runs.size(); ++i)
    tasks.push_back([&runs, i] { ++runs[i]; });
  run_in_parallel(tasks);
  for (std::size_t i = 0; i < runs.size(); ++i)
    EXPECT_EQ(runs[i].load(), 1) << "task " << i;
}

TEST(ParallelTasks, TheFirstFailingTaskInTheListIsTheOneReported) {
  std::atomic<int> ended{0};
  std::vector<std::function<void()>> tasks = {
      [&] { ++ended; },
      [&] {
        // fails last in time: the later task has long failed by now
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        ++ended;
        throw std::runtime_error("task 1");
      },
      [&] { ++ended; },
      [&] {
        ++ended;
        throw std::runtime_error("task 3");
      },
      [&] { ++ended; }};
  try {
    run_in_parallel(tasks);
    FAIL() << "expected a failure";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "task 1");
  }
  EXPECT_EQ(ended.load(), 5) << "the other tasks still run";
}

TEST(ParallelTasks, TwoTasksRunAtOnceWhereThereAreTwoProcessors) {
  if (std::thread::hardware_concurrency() < 2)
    GTEST_SKIP() << "one processor: the tasks run one after the other";
  std::atomic<bool> first_started{false}, second_started{false};
  std::atomic<bool> first_saw_second{false}, second_saw_first{false};
  const auto wait_for = [](const std::atomic<bool>& flag) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!flag && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return flag.load();
  };
  run_in_parallel({[&] {
                     first_started = true;
                     first_saw_second = wait_for(second_started);
                   },
                   [&] {
                     second_started = true;
                     second_saw_first = wait_for(first_started);
                   }});
  EXPECT_TRUE(first_saw_second && second_saw_first) << "the two tasks did not run at the same time";
}
