#include "engine/Grant.hpp"

#include <simgrid/s4u/Semaphore.hpp>

#include "engine/Engine.hpp"

namespace rongou {

Grant::Grant() {
  const simgrid::s4u::SemaphorePtr created = simgrid::s4u::Semaphore::create(0);
  wake_ = created.get();
  intrusive_ptr_add_ref(wake_);
}

Grant::~Grant() { intrusive_ptr_release(wake_); }

bool Grant::wait(double deadline_h) {
  if (deadline_h == kNoDeadline) {
    wake_->acquire();
    return true;
  }
  const double timeout_s = (deadline_h - engine::now_h()) * engine::kSecondsPerHour;
  // acquire_timeout is true when it timed out
  if (timeout_s > 0.0 && !wake_->acquire_timeout(timeout_s))
    return true;
  return granted_;
}

void Grant::grant() {
  granted_ = true;
  wake_->release();
}

} // namespace rongou
