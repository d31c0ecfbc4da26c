#include "engine/FifoResource.hpp"

#include <algorithm>
#include <stdexcept>

#include "engine/Engine.hpp"

namespace rongou {

namespace {
void require_one_unit(int units) {
  if (units != 1)
    throw std::logic_error("units on their way back serve claims of one unit");
}
} // namespace

FifoResource::FifoResource(int units, OnReturn on_return) : available_(units), on_return_(std::move(on_return)) {}

bool FifoResource::would_wait(int units) {
  book_returns(engine::now_h());
  return !waiting_.empty() || available_ < units;
}

void FifoResource::book_returns(double up_to_h) {
  while (!back_at_h_.empty() && back_at_h_.front() <= up_to_h) {
    const double back_h = back_at_h_.front();
    back_at_h_.pop_front();
    --returning_;
    ++available_;
    if (on_return_)
      on_return_(back_h);
  }
}

bool FifoResource::claims_give_up_before(double time_h) const {
  return std::all_of(waiting_.begin(), waiting_.end(), [time_h](const Claim* c) { return c->deadline_h < time_h; });
}

Hold FifoResource::acquire_until(int units, double deadline_h) {
  if (!would_wait(units)) {
    available_ -= units;
    return Hold(*this, units);
  }
  if (!back_at_h_.empty()) {
    require_one_unit(units);
    if (claims_give_up_before(back_at_h_.front())) {
      // The next unit is on its way back and nobody ahead will still want it: wait for it.
      const double back_h = back_at_h_.front();
      if (back_h > deadline_h)
        return {};
      back_at_h_.pop_front();
      engine::sleep_until_h(back_h);
      --returning_;
      return Hold(*this, units);
    }
  }
  Claim claim;
  claim.units = units;
  claim.deadline_h = deadline_h;
  waiting_.push_back(&claim);
  if (!claim.grant.wait(deadline_h)) {
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &claim));
    grant_waiting(); // the claims behind it may fit now
    return {};
  }
  if (claim.from_return) {
    engine::sleep_until_h(claim.ready_h); // promised when it set off: still on its way back
    --returning_;
  }
  return Hold(*this, units);
}

void FifoResource::release(int units) {
  book_returns(engine::now_h());
  available_ += units;
  if (on_return_)
    on_return_(engine::now_h());
  grant_waiting();
}

void FifoResource::release_at(int units, double ready_h) {
  book_returns(engine::now_h());
  returning_ += units;
  if (on_return_)
    on_return_(engine::now_h());
  for (int unit = 0; unit < units; ++unit) {
    // Claims that give up before the unit is back are passed over; they leave on their own.
    const auto taker = std::find_if(waiting_.begin(), waiting_.end(), [ready_h](const Claim* c) {
      require_one_unit(c->units);
      return c->deadline_h >= ready_h;
    });
    if (taker != waiting_.end()) {
      Claim* claim = *taker;
      waiting_.erase(taker);
      claim->from_return = true;
      claim->ready_h = ready_h;
      claim->grant.grant();
    } else if (back_at_h_.empty() || back_at_h_.back() <= ready_h) {
      back_at_h_.push_back(ready_h);
    } else {
      back_at_h_.insert(std::upper_bound(back_at_h_.begin(), back_at_h_.end(), ready_h), ready_h);
    }
  }
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
