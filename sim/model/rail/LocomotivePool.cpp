#include "model/rail/LocomotivePool.hpp"

#include <algorithm>

#include "engine/Engine.hpp"

namespace rongou {

LocomotivePool::LocomotivePool(int index, const LocomotivePoolSpec& spec, Journal& journal)
    : index_(index), name_(spec.label()), size_(spec.count), turnaround_h_(spec.turnaround_hours), journal_(journal),
      available_(spec.count) {}

void LocomotivePool::sample(double time_h) {
  journal_.pool_samples.push_back({index_, time_h, available_, hauling_, returning_, withdrawn_});
}

void LocomotivePool::sample() { sample(engine::now_h()); }

void LocomotivePool::book_returns(double up_to_h) {
  while (!ready_at_h_.empty() && ready_at_h_.front() <= up_to_h) {
    --returning_;
    ++available_;
    sample(ready_at_h_.front());
    ready_at_h_.pop_front();
  }
}

void LocomotivePool::finish(double end_h) { book_returns(end_h); }

bool LocomotivePool::claims_give_up_before(double time_h) const {
  return std::all_of(waiting_.begin(), waiting_.end(), [time_h](const Claim* c) { return c->deadline_h < time_h; });
}

bool LocomotivePool::would_wait() {
  book_returns(engine::now_h());
  return !(free_now() > 0 && waiting_.empty());
}

bool LocomotivePool::take(double deadline_h) {
  book_returns(engine::now_h());
  if (free_now() > 0 && waiting_.empty()) {
    --available_;
    return true;
  }
  if (!ready_at_h_.empty() && claims_give_up_before(ready_at_h_.front())) {
    // The next locomotive is on its way back and nobody ahead will still want it: wait for it.
    const double ready_h = ready_at_h_.front();
    if (ready_h > deadline_h)
      return false;
    ready_at_h_.pop_front();
    engine::sleep_until_h(ready_h);
    --returning_;
    return true;
  }
  // Every locomotive is hauling or withdrawn: the next one released goes to the first claim.
  Claim claim;
  claim.deadline_h = deadline_h;
  waiting_.push_back(&claim);
  if (!claim.grant.wait(deadline_h)) {
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &claim));
    return false;
  }
  if (claim.from_return) {
    engine::sleep_until_h(claim.ready_h); // handed over on release: still on its way back
    --returning_;
  } else {
    --promised_;
    --available_;
  }
  return true;
}

double LocomotivePool::acquire() {
  const double asked_h = engine::now_h();
  take(Grant::kNoDeadline);
  ++hauling_;
  sample();
  return engine::now_h() - asked_h;
}

void LocomotivePool::release() {
  book_returns(engine::now_h());
  --hauling_;
  ++returning_;
  const double ready_h = engine::now_h() + turnaround_h_;
  sample();
  // Claims whose deadline comes before the locomotive is back give up on their own.
  for (auto it = waiting_.begin(); it != waiting_.end(); ++it) {
    if ((*it)->deadline_h < ready_h)
      continue;
    Claim* claim = *it;
    waiting_.erase(it);
    claim->from_return = true;
    claim->ready_h = ready_h;
    claim->grant.grant();
    return;
  }
  ready_at_h_.push_back(ready_h);
}

int LocomotivePool::withdraw(int n, double until_h) {
  int taken = 0;
  for (; taken < n; ++taken) {
    if (!take(until_h))
      break; // the window is over
    ++withdrawn_;
    sample();
  }
  return taken;
}

void LocomotivePool::restore(int n) {
  book_returns(engine::now_h());
  for (int k = 0; k < n; ++k) {
    --withdrawn_;
    ++available_;
    sample();
    if (!waiting_.empty()) { // ready now: the first claim takes it when it runs
      Claim* claim = waiting_.front();
      waiting_.pop_front();
      ++promised_;
      claim->grant.grant();
    }
  }
}

} // namespace rongou
