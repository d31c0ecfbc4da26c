#include "engine/FifoResource.hpp"

#include <algorithm>

namespace rongou {

bool FifoResource::acquire_until(int units, double deadline_h) {
  if (!would_wait(units)) {
    available_ -= units;
    return true;
  }
  Claim claim{units, {}};
  waiting_.push_back(&claim);
  if (claim.grant.wait(deadline_h))
    return true;
  waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &claim));
  grant_waiting(); // the claims behind it may fit now
  return false;
}

void FifoResource::release(int units) {
  available_ += units;
  grant_waiting();
}

void FifoResource::grant_waiting() {
  while (!waiting_.empty() && waiting_.front()->units <= available_) {
    Claim* claim = waiting_.front();
    waiting_.pop_front();
    available_ -= claim->units;
    claim->grant.grant();
  }
}

} // namespace rongou
