#pragma once
// Independent tasks run on up to two threads: each task touches only what is its own (a file
// of its own, a result of its own), so the outcome does not depend on which thread runs it
// or when. Used where a process has work to hand to the machine's second processor.
#include <functional>
#include <vector>

namespace rongou {

// Runs every task once, taken in order by whichever thread is free: the calling thread and,
// where there are two processors, one more. Returns when all have ended. If tasks throw,
// the exception of the first such task in the list is rethrown (the others are dropped), so
// a failure reads the same however the tasks were shared. Without a second thread (one
// processor, or none can be started) the tasks run in order on the calling thread.
void run_in_parallel(const std::vector<std::function<void()>>& tasks);

} // namespace rongou
