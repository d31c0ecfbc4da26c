#pragma once
// What a claimant that must wait for a shared resource blocks on: whoever frees the resource
// decides who gets it and grants it, which wakes the claimant. The resource (FifoResource)
// keeps its queue of waiting claims; this is only the wake-up.
#include <limits>

namespace simgrid::s4u {
class Semaphore;
}

namespace rongou {

class Grant {
public:
  static constexpr double kNoDeadline = std::numeric_limits<double>::infinity();

  // Blocks until granted, or until `deadline_h` (hours on the engine's clock) if it comes
  // first; true if granted. A grant at the very instant of the deadline counts: the
  // resource was already handed over.
  Grant() = default;
  ~Grant();
  Grant(const Grant&) = delete;
  Grant& operator=(const Grant&) = delete;

  bool wait(double deadline_h = kNoDeadline);
  void grant();
  bool granted() const { return granted_; }

private:
  // Made at the first wait() or grant(): most claims are met at once and never need one
  // (making and freeing a SimGrid semaphore is no engine event, so this changes no order).
  simgrid::s4u::Semaphore& wake();

  bool granted_ = false;
  // Owned: one reference taken when made, dropped at destruction (SimGrid counts references
  // on its semaphores), so that no SimGrid header reaches the model.
  simgrid::s4u::Semaphore* wake_ = nullptr;
};

} // namespace rongou
