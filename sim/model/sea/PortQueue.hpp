#pragma once
// Containers at the origin port waiting for a sailing. Containers are data: their port
// arrival times are known when the run starts, so the queue only answers, at a cut-off, who
// is there and who fits. Pure (no SimGrid), tested on its own.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "scenario/SeaSpec.hpp"

namespace rongou {

class PortQueue {
public:
  // `port_arrival_h[i]` is when item i reaches the port; items board first come, first served
  // (ties by index, so the order never depends on the platform or the engine).
  explicit PortQueue(std::vector<double> port_arrival_h);

  struct Loading {
    std::vector<std::size_t> boarded; // in boarding order
    std::vector<int> times_rolled;    // per boarded item: earlier sailings it was in time for, but found full
    std::size_t rolled = 0;           // at the port by the cut-off, but the vessel was full
  };
  // Loads a sailing whose cut-off is `cutoff_h`: items at the port by then, up to `capacity`.
  // Rolled items are counted, not listed, and each learns how often it was rolled when it
  // boards: a backlog that outgrows the vessels costs no more per sailing than a short one.
  Loading load(double cutoff_h, int capacity);
  // Items at the port by `cutoff_h` and not yet boarded (what a sailing with that cut-off finds).
  std::size_t waiting(double cutoff_h) const;
  std::size_t remaining() const { return order_.size() - next_; }
  // A further item, after the queue was made: it reaches the port at `port_arrival_h`, which
  // must be after every cut-off loaded so far. Returns its index.
  std::size_t add(double port_arrival_h);

private:
  std::vector<double> arrival_h_;
  std::vector<std::uint32_t> order_; // by arrival; 32 bits as there is one per westbound container
  std::size_t next_ = 0;
  std::vector<double> cutoffs_h_; // of the loads so far, in order (cut-offs only grow)
};

// Departure time (hours since the start of the run, day 0 a Monday) of the loop's k-th sailing.
double sailing_departure_h(const SeaLoop& loop, int k);
// Of the section's single loop.
double sailing_departure_h(const SeaSpec& sea, int k);
// The first sailing of the loop whose cut-off is at or after `ready_h`.
int first_sailing_with_cutoff_after(const SeaLoop& loop, double ready_h);

} // namespace rongou
