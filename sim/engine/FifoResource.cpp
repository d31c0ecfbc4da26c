#include "engine/FifoResource.hpp"

#include <algorithm>

namespace rongou {

FifoResource::FifoResource(int units) : available_(units) {}

Hold FifoResource::acquire_until(int units, double deadline_h) {
  if (!would_wait(units)) {
    available_ -= units;
    return Hold(*this, units);
  }
  Claim claim;
  claim.units = units;
  waiting_.push_back(&claim);
  if (!claim.grant.wait(deadline_h)) {
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &claim));
    grant_waiting(); // the claims behind it may fit now
    return {};
  }
  return Hold(*this, units);
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
