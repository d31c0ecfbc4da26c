#include "engine/Grant.hpp"

#include <simgrid/s4u/Semaphore.hpp>

#include "engine/Engine.hpp"

namespace rongou {

simgrid::s4u::Semaphore& Grant::wake() {
  if (wake_ == nullptr) {
    const simgrid::s4u::SemaphorePtr created = simgrid::s4u::Semaphore::create(0);
    wake_ = created.get();
    intrusive_ptr_add_ref(wake_);
  }
  return *wake_;
}

Grant::~Grant() {
  if (wake_ != nullptr)
    intrusive_ptr_release(wake_);
}

bool Grant::wait(double deadline_h) {
  if (deadline_h == kNoDeadline) {
    wake().acquire();
    return true;
  }
  const double timeout_s = (deadline_h - engine::now_h()) * engine::kSecondsPerHour;
  // acquire_timeout is true when it timed out
  if (timeout_s > 0.0 && !wake().acquire_timeout(timeout_s))
    return true;
  return granted_;
}

void Grant::grant() {
  granted_ = true;
  wake().release();
}

} // namespace rongou
