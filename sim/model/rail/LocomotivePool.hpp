#pragma once
// The locomotives of one traction section. A train takes one at the section's first node
// (waiting, first come first served, if none is free) and gives it back at the last; the
// locomotive is ready again after its turnaround (return run, servicing, crew). The pool is
// a FifoResource whose units come back after the turnaround (FifoResource::release_at);
// what is its own is the section, the turnaround and the samples it records for pools.csv.
#include <string>
#include <utility>
#include <vector>

#include "engine/FifoResource.hpp"
#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

class LocomotivePool {
public:
  // One locomotive out of the depot: hauling a train, or withdrawn by a disruption. It goes
  // back when released or at scope exit: a hauling one is ready again after the turnaround,
  // a withdrawn one at once. Moved, never copied; a moved-from one gives nothing back.
  class Locomotive {
  public:
    Locomotive() = default;
    Locomotive(Locomotive&& other) noexcept = default;
    Locomotive& operator=(Locomotive&& other) noexcept; // gives back what this held first
    Locomotive(const Locomotive&) = delete;
    Locomotive& operator=(const Locomotive&) = delete;
    ~Locomotive(); // gives nothing back while the engine tears down (engine::tearing_down)

    explicit operator bool() const { return static_cast<bool>(held_); }
    void release();

  private:
    friend class LocomotivePool;
    Locomotive(LocomotivePool& pool, Hold held, bool hauling) : pool_(&pool), held_(std::move(held)), hauling_(hauling) {}

    LocomotivePool* pool_ = nullptr;
    Hold held_;
    bool hauling_ = false;
  };

  // The locomotives a disruption took out of service, back in service when it ends (end() or
  // scope exit). Its end asks the pool even if it took nothing: the returns due by then are
  // booked at that point, as at every ask. A moved-from one does nothing.
  class Withdrawal {
  public:
    Withdrawal(Withdrawal&& other) noexcept
        : pool_(other.pool_), locomotives_(std::move(other.locomotives_)), ended_(std::exchange(other.ended_, true)) {}
    Withdrawal& operator=(Withdrawal&&) = delete;
    Withdrawal(const Withdrawal&) = delete;
    Withdrawal& operator=(const Withdrawal&) = delete;
    ~Withdrawal(); // does nothing while the engine tears down (engine::tearing_down)

    int taken() const { return static_cast<int>(locomotives_.size()); }
    void end();

  private:
    friend class LocomotivePool;
    explicit Withdrawal(LocomotivePool& pool) : pool_(&pool) {}

    LocomotivePool* pool_;
    std::vector<Locomotive> locomotives_;
    bool ended_ = false;
  };

  LocomotivePool(int index, const LocomotivePoolSpec& spec, Journal& journal);
  LocomotivePool(const LocomotivePool&) = delete; // its resource reports to it
  LocomotivePool& operator=(const LocomotivePool&) = delete;

  // Blocks until a locomotive is ready.
  Locomotive acquire();
  // Whether acquire() called now would have to wait.
  bool would_wait() { return locomotives_.would_wait(1); }

  // A locomotive disruption: takes up to `n` locomotives out of service as they become free,
  // giving up at `until_h`.
  Withdrawal withdraw(int n, double until_h);

  // Records the returns that are complete by `end_h`: nobody asked the pool after them.
  void finish(double end_h) { locomotives_.book_returns(end_h); }

  const std::string& name() const { return name_; }

private:
  void give_back(Hold& held, bool hauling);
  void sample(double time_h);

  int index_;
  std::string name_;
  int size_;
  double turnaround_h_;
  Journal& journal_;
  FifoResource locomotives_; // at the depot, or on their way back from a turnaround
  int hauling_ = 0;
  int withdrawn_ = 0;
};

} // namespace rongou
