#include "base/ParallelTasks.hpp"

#include <atomic>
#include <exception>
#include <system_error>
#include <thread>

namespace rongou {

void run_in_parallel(const std::vector<std::function<void()>>& tasks) {
  std::vector<std::exception_ptr> failures(tasks.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < tasks.size(); i = next++) {
      try {
        tasks[i]();
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  std::thread helper;
  if (std::thread::hardware_concurrency() > 1 && tasks.size() > 1) {
    try {
      helper = std::thread(work);
    } catch (const std::system_error&) {
      // no second thread: the calling thread does it all
    }
  }
  work();
  if (helper.joinable())
    helper.join();
  for (const auto& failure : failures)
    if (failure)
      std::rethrow_exception(failure);
}

} // namespace rongou
