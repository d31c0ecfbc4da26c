#pragma once
// Boxes as a simulated stock (`boxes:`), terminal by terminal: a container's gate-in takes
// an empty box from its origin terminal's stock or waits, first come first served, for one
// (an empty arriving by rail, an arrived box turning into an empty after turn_hours, or a
// leased box after the lessor's lead time). Departing trains take surplus empties into
// free slots; stock above the lessor's max_stock goes off-hire.
//
// Gate-in times are known from the start and every other change happens at the engine's
// clock, so the stocks are brought up to a time lazily (advance): every change at or before
// that time is already known when the model asks. No SimGrid here: the caller passes the time.
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

class BoxStocks {
public:
  // `ready_h`: when each container (by id) may board; BoxStocks sets it for the containers
  // of tracked terminals (to infinity until a box is theirs). `origins`: the origin terminal
  // of each lane and direction with demand.
  BoxStocks(const Scenario& scenario, Journal& journal, std::vector<double>& ready_h,
            const std::map<std::pair<int, Direction>, std::string>& origins,
            const std::map<std::pair<int, Direction>, std::vector<int>>& ids_by_lane);

  // The terminal index of a node, or -1 if its boxes are not tracked.
  int terminal(const std::string& node) const;
  // Brings every terminal up to `now_h`: gate-ins, turns and leases at or before it.
  void advance(double now_h);
  // A tracked train leaves `origin` for `destination` with `loaded` of its boxes (which took
  // theirs from `origin`'s loaded_out) and `room` free slots. Returns the empties it takes.
  int depart(int origin, int destination, int loaded, int room, double now_h);
  // A tracked train (or part of one) arrives with `loaded` and `empties` boxes.
  void arrive(int destination, int loaded, int empties, double now_h);
  // At the end of the run; puts the samples in time order.
  void finish(double end_h);

private:
  struct Terminal {
    std::vector<int> gate_ins;   // container ids in gate-in order
    std::size_t next = 0;        // first gate-in not yet processed
    std::size_t first_waiting = 0; // gate_ins[first_waiting, next) wait for a box
    std::deque<double> turns;    // when arrived boxes become empties, ascending
    std::deque<double> leases;   // when ordered boxes arrive, ascending
    BoxSample state;
    std::size_t last_sample = static_cast<std::size_t>(-1);
    double processed_h = 0.0;
  };
  void advance(Terminal& t, double now_h);
  void box_available(Terminal& t, double at_h);
  void gate_in(Terminal& t, double at_h);
  void off_hire(Terminal& t);
  void sample(Terminal& t, double at_h);

  const BoxSpec& spec_;
  Journal& journal_;
  std::vector<double>& ready_h_;
  std::vector<Terminal> terminals_; // same order as journal.box_terminals
};

} // namespace rongou
