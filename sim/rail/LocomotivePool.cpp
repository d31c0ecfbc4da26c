#include "rail/LocomotivePool.hpp"

#include "model/Engine.hpp"

namespace rongou {

LocomotivePool::LocomotivePool(int index, const LocomotivePoolSpec& spec, Journal& journal)
    : index_(index), name_(spec.label()), size_(spec.count), turnaround_h_(spec.turnaround_hours), journal_(journal),
      free_(simgrid::s4u::Semaphore::create(static_cast<unsigned>(spec.count))),
      returning_(simgrid::s4u::Semaphore::create(0)), available_(spec.count) {}

void LocomotivePool::sample() {
  journal_.pool_samples.push_back(
      {index_, engine::now_h(), available_, hauling_, static_cast<int>(ready_at_h_.size()), withdrawn_});
}

double LocomotivePool::acquire() {
  const double asked_h = engine::now_h();
  free_->acquire();
  --available_;
  ++hauling_;
  sample();
  return engine::now_h() - asked_h;
}

void LocomotivePool::release() {
  --hauling_;
  ready_at_h_.push_back(engine::now_h() + turnaround_h_);
  sample();
  returning_->release();
}

int LocomotivePool::withdraw(int n, double until_h) {
  int taken = 0;
  for (; taken < n; ++taken) {
    if (free_->acquire_timeout((until_h - engine::now_h()) * engine::kSecondsPerHour))
      break; // timed out: the window is over
    --available_;
    ++withdrawn_;
    sample();
  }
  return taken;
}

void LocomotivePool::restore(int n) {
  for (int k = 0; k < n; ++k) {
    --withdrawn_;
    ++available_;
    sample();
    free_->release();
  }
}

void LocomotivePool::run_depot() {
  for (;;) {
    returning_->acquire();
    engine::sleep_until_h(ready_at_h_.front());
    ready_at_h_.pop_front();
    ++available_;
    sample();
    free_->release();
  }
}

} // namespace rongou
