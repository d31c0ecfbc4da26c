#pragma once
// The locomotives of one traction section. A train takes one at the section's first node
// (waiting, first come first served, if none is free) and gives it back at the last; the
// locomotive is ready again after its turnaround (return run, servicing, crew).
#include <deque>
#include <string>

#include "journal/Journal.hpp"
#include "engine/Grant.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

class LocomotivePool {
public:
  LocomotivePool(int index, const LocomotivePoolSpec& spec, Journal& journal);

  // Blocks until a locomotive is ready; returns hours waited.
  double acquire();
  void release();
  // Whether acquire() called now would have to wait.
  bool would_wait();

  // A locomotive disruption: takes up to `n` locomotives out of service as they become free,
  // giving up at `until_h`; returns how many it took, to be given back with restore().
  int withdraw(int n, double until_h);
  void restore(int n);

  // Records the returns that are complete by `end_h`: nobody asked the pool after them.
  void finish(double end_h);

  const std::string& name() const { return name_; }

private:
  // A claim that found no locomotive at the depot or on its way back.
  struct Claim {
    double deadline_h = Grant::kNoDeadline; // a withdrawal gives up then; a train waits for good
    double ready_h = 0.0;     // when the locomotive handed to it is ready
    bool from_return = false; // handed over on its way back, not from the depot
    Grant grant;
  };

  // Returns are not simulated as events: a locomotive's ready time is known when it is
  // released, so it is booked back into service (and sampled at that time) the next time
  // anyone asks the pool. Locomotives come back in release order (fixed turnaround).
  void book_returns(double up_to_h);
  // Takes one locomotive, waiting if needed; false if a withdrawal's deadline came first.
  bool take(double deadline_h);
  // Whether every waiting claim gives up before `time_h`, so a newcomer may have what is ready then.
  bool claims_give_up_before(double time_h) const;
  int free_now() const { return available_ - promised_; }
  void sample(double time_h);
  void sample();

  int index_;
  std::string name_;
  int size_;
  double turnaround_h_;
  Journal& journal_;
  std::deque<double> ready_at_h_;                 // returning, not yet promised to anyone
  std::deque<Claim*> waiting_; // first come, first served; each on its claimant's stack
  int available_;
  int hauling_ = 0;
  int returning_ = 0; // on their way back, promised or not
  int withdrawn_ = 0;
  int promised_ = 0;  // available, but handed to a claim that has not run yet
};

} // namespace rongou
