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
  Grant();
  ~Grant();
  Grant(const Grant&) = delete;
  Grant& operator=(const Grant&) = delete;

  bool wait(double deadline_h = kNoDeadline);
  void grant();
  bool granted() const { return granted_; }

private:
  bool granted_ = false;
  // Owned: one reference taken at construction, dropped at destruction (SimGrid counts
  // references on its semaphores), so that no SimGrid header reaches the model.
  simgrid::s4u::Semaphore* wake_;
};

} // namespace rongou
