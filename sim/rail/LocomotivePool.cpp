#include "rail/LocomotivePool.hpp"

#include "model/Engine.hpp"

namespace rongou {

LocomotivePool::LocomotivePool(int index, const LocomotivePoolSpec& spec, Journal& journal)
    : index_(index), name_(spec.label()), size_(spec.count), turnaround_h_(spec.turnaround_hours), journal_(journal),
      free_(simgrid::s4u::Semaphore::create(static_cast<unsigned>(spec.count))),
      returning_(simgrid::s4u::Semaphore::create(0)), available_(spec.count) {}

void LocomotivePool::sample() {
  journal_.pool_samples.push_back(
      {index_, engine::now_h(), available_, hauling_, static_cast<int>(ready_at_h_.size())});
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
