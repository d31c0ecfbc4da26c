#pragma once
// SimGrid allows one engine per process, so a test comparing two simulations runs each in a
// forked child of its own.
#include <functional>
#include <vector>

namespace rongou::test {

// Runs `work` in a forked child and returns the numbers it produced; throws if the child
// failed or died.
std::vector<double> in_child_process(const std::function<std::vector<double>()>& work);

} // namespace rongou::test
