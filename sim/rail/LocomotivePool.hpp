#pragma once
// The locomotives of one traction section. A train takes one at the section's first node
// (waiting, first come first served, if none is free) and gives it back at the last; the
// locomotive is ready again after its turnaround (return run, servicing, crew).
#include <deque>
#include <simgrid/s4u/Semaphore.hpp>
#include <string>

#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

class LocomotivePool {
public:
  LocomotivePool(int index, const LocomotivePoolSpec& spec, Journal& journal);

  // Blocks until a locomotive is free; returns hours waited.
  double acquire();
  void release();

  // A locomotive disruption: takes up to `n` locomotives out of service as they become free,
  // giving up at `until_h`; returns how many it took, to be given back with restore().
  int withdraw(int n, double until_h);
  void restore(int n);

  // The depot: brings returning locomotives back into service. Runs as a daemon actor.
  void run_depot();

  const std::string& name() const { return name_; }

private:
  void sample();

  int index_;
  std::string name_;
  int size_;
  double turnaround_h_;
  Journal& journal_;
  simgrid::s4u::SemaphorePtr free_;
  // Counts locomotives on their way back. A semaphore, not a mutex and condition: the depot
  // is a daemon killed at the end of the run, and a lock held while unwinding would abort.
  simgrid::s4u::SemaphorePtr returning_;
  std::deque<double> ready_at_h_; // returning locomotives; turnaround is fixed, so in time order
  int available_;
  int hauling_ = 0;
  int withdrawn_ = 0;
};

} // namespace rongou
