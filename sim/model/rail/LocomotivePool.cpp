#include "model/rail/LocomotivePool.hpp"

#include "engine/Engine.hpp"

namespace rongou {

LocomotivePool::LocomotivePool(int index, const LocomotivePoolSpec& spec, Journal& journal)
    : index_(index), name_(spec.label()), size_(spec.count), turnaround_h_(spec.turnaround_hours), journal_(journal),
      locomotives_(spec.count, [this](double time_h) { sample(time_h); }) {}

void LocomotivePool::sample(double time_h) {
  // Available counts a locomotive handed to a train that has not taken it yet: it is still
  // at the depot.
  const int returning = locomotives_.returning();
  const int available = size_ - hauling_ - returning - withdrawn_;
  journal_.pool_samples.push_back({index_, time_h, available, hauling_, returning, withdrawn_});
}

LocomotivePool::Locomotive LocomotivePool::acquire() {
  Hold held = locomotives_.acquire(1);
  ++hauling_;
  sample(engine::now_h());
  return Locomotive(*this, std::move(held), true);
}

LocomotivePool::Withdrawal LocomotivePool::withdraw(int n, double until_h) {
  Withdrawal withdrawal(*this);
  for (int k = 0; k < n; ++k) {
    Hold held = locomotives_.acquire_until(1, until_h);
    if (!held)
      break; // the window is over
    ++withdrawn_;
    sample(engine::now_h());
    withdrawal.locomotives_.push_back(Locomotive(*this, std::move(held), false));
  }
  return withdrawal;
}

void LocomotivePool::give_back(Hold& held, bool hauling) {
  // The returns due by now are recorded first, with the counts they changed.
  locomotives_.book_returns(engine::now_h());
  // The resource records the change (sample) before a waiting train has the locomotive.
  if (hauling) {
    --hauling_;
    held.release_at(engine::now_h() + turnaround_h_);
  } else {
    --withdrawn_;
    held.release();
  }
}

LocomotivePool::Locomotive& LocomotivePool::Locomotive::operator=(Locomotive&& other) noexcept {
  if (this != &other) {
    release();
    pool_ = other.pool_;
    held_ = std::move(other.held_);
    hauling_ = other.hauling_;
  }
  return *this;
}

LocomotivePool::Locomotive::~Locomotive() {
  if (held_ && !engine::tearing_down())
    release();
}

void LocomotivePool::Locomotive::release() {
  if (held_)
    pool_->give_back(held_, hauling_);
}

LocomotivePool::Withdrawal::~Withdrawal() {
  if (!engine::tearing_down())
    end();
}

void LocomotivePool::Withdrawal::end() {
  if (ended_)
    return;
  ended_ = true;
  pool_->locomotives_.book_returns(engine::now_h());
  for (Locomotive& locomotive : locomotives_)
    locomotive.release();
}

} // namespace rongou
