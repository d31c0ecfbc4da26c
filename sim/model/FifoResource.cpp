#include "model/FifoResource.hpp"

#include <algorithm>

#include "model/Engine.hpp"

namespace rongou {

std::shared_ptr<FifoResource::Claim> FifoResource::enqueue(int units) {
  auto claim = std::make_shared<Claim>();
  claim->units = units;
  waiting_.push_back(claim);
  return claim;
}

void FifoResource::acquire(int units) {
  if (!would_wait(units)) {
    available_ -= units;
    return;
  }
  const auto claim = enqueue(units);
  claim->wake->acquire();
}

bool FifoResource::acquire_until(int units, double deadline_h) {
  if (!would_wait(units)) {
    available_ -= units;
    return true;
  }
  const double timeout_s = (deadline_h - engine::now_h()) * engine::kSecondsPerHour;
  if (timeout_s <= 0.0)
    return false;
  const auto claim = enqueue(units);
  // acquire_timeout is true when it timed out; a grant at the very instant of the deadline
  // still counts, since the units were already taken for this claim.
  if (!claim->wake->acquire_timeout(timeout_s) || claim->granted)
    return true;
  waiting_.erase(std::find(waiting_.begin(), waiting_.end(), claim));
  grant_waiting(); // the claims behind it may fit now
  return false;
}

void FifoResource::release(int units) {
  available_ += units;
  grant_waiting();
}

void FifoResource::grant_waiting() {
  while (!waiting_.empty() && waiting_.front()->units <= available_) {
    const auto claim = waiting_.front();
    waiting_.pop_front();
    available_ -= claim->units;
    claim->granted = true;
    claim->wake->release();
  }
}

} // namespace rongou
