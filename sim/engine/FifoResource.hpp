#pragma once
// A counted resource (yard tracks, cranes, locomotives of a depot) handed out first come,
// first served, as Holds that give the units back when released or at scope exit. Claims
// that can be met at once are bookkeeping only: they never hand control to the SimGrid
// engine. A SimGrid semaphore takes one engine event to acquire and one to release even when
// nobody waits, which would be most of a train's engine events (docs/performance.md). Only a
// claimant that must wait blocks, on a Grant of its own.
//
// Units may also be given back for a later time (release_at: a unit busy until then).
// Their return is not an engine event: the time they are back is known when they set off,
// so they are booked back into stock, at that time, the next time anyone asks the resource.
// A unit on its way back is promised, when it sets off, to the first waiting claim that will
// still be waiting when it is back; a newcomer that finds nothing at hand and nobody ahead
// who will still be waiting then takes the next unit due back, and gives up at once if that
// one is back only after its deadline. Units on their way back serve claims of one unit: a
// claim for several units on such a resource is a logic error.
#include <deque>
#include <functional>

#include "engine/Grant.hpp"
#include "engine/Hold.hpp"

namespace rongou {

class FifoResource {
public:
  // Called with the time of each return of units: a release (after the units are counted
  // back, before any waiting claim has them), and each unit on its way back when it is
  // booked into stock (with the time it was back). Owners record their state there.
  using OnReturn = std::function<void(double time_h)>;

  explicit FifoResource(int units, OnReturn on_return = {});
  FifoResource(const FifoResource&) = delete;
  FifoResource& operator=(const FifoResource&) = delete;

  // Takes `units`, waiting behind every earlier claim (a claim for several units is met in
  // one piece, so two claimants never hold part of each other's needs).
  Hold acquire(int units) { return acquire_until(units, Grant::kNoDeadline); }
  // As acquire, but gives up at `deadline_h` (hours on the engine's clock): an empty hold.
  Hold acquire_until(int units, double deadline_h);

  // Whether a claim for `units` made now would have to wait (books the returns due first).
  bool would_wait(int units);
  // Books into stock the units on their way back that are back by `up_to_h`.
  void book_returns(double up_to_h);

  int available() const { return available_; } // in stock, not promised to a claim
  int returning() const { return returning_; } // on their way back, promised or not

private:
  friend class Hold;
  void release(int units);
  void release_at(int units, double ready_h);

  struct Claim {
    int units = 0;
    double deadline_h = Grant::kNoDeadline;
    bool from_return = false; // granted a unit on its way back, in service at ready_h
    double ready_h = 0.0;
    Grant grant;
  };
  void grant_waiting();
  // Whether every waiting claim gives up before `time_h`, so that a newcomer may have what is back then.
  bool claims_give_up_before(double time_h) const;

  int available_;
  int returning_ = 0;
  std::deque<double> back_at_h_; // when each unit on its way back and promised to nobody is back, in order
  std::deque<Claim*> waiting_;   // each on its claimant's stack, which waits until it leaves the queue
  OnReturn on_return_;
};

} // namespace rongou
