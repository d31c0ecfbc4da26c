#pragma once
// A counted resource (yard tracks, cranes, crossing positions) handed out first come,
// first served, as Holds that give the units back when released or at scope exit. Claims
// that can be met at once are bookkeeping only: they never hand control to the SimGrid
// engine. A SimGrid semaphore takes one engine event to acquire and one to release even when
// nobody waits, which would be most of a train's engine events (docs/performance.md). Only a
// claimant that must wait blocks, on a Grant of its own.
#include <deque>

#include "engine/Grant.hpp"
#include "engine/Hold.hpp"

namespace rongou {

class FifoResource {
public:
  explicit FifoResource(int units);
  FifoResource(const FifoResource&) = delete;
  FifoResource& operator=(const FifoResource&) = delete;

  // Takes `units`, waiting behind every earlier claim (a claim for several units is met in
  // one piece, so two claimants never hold part of each other's needs).
  Hold acquire(int units) { return acquire_until(units, Grant::kNoDeadline); }
  // As acquire, but gives up at `deadline_h` (hours on the engine's clock): an empty hold.
  Hold acquire_until(int units, double deadline_h);

  // Whether a claim for `units` made now would have to wait.
  bool would_wait(int units) const { return !waiting_.empty() || available_ < units; }

  int available() const { return available_; } // in stock, not promised to a claim

private:
  friend class Hold;
  void release(int units);

  struct Claim {
    int units = 0;
    Grant grant;
  };
  void grant_waiting();

  int available_;
  std::deque<Claim*> waiting_; // each on its claimant's stack, which waits until it leaves the queue
};

} // namespace rongou
