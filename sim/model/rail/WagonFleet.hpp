#pragma once
// The wagons of one gauge network's stretch of route (`rail.wagons`), counted at the two
// nodes where that network's trains are formed and broken up: a route's origin or
// destination, or a gauge-change yard. A train formed at one end takes its wagons there and
// gives them back at the other end; the wagons are then there, not back where they started.
//
// What must hold:
// - A train takes ceil(feu / feu_per_wagon) wagons at the end it leaves from, first come first
//   served: a train that finds too few, or finds trains already waiting there, waits.
// - A waiting train calls the wagons it lacks from the other end, which run there empty in the
//   section's nominal running time (an empty wagon train, up to the section's length limit in
//   wagons each). It may take them unless a train waiting at the other end asked before it, so
//   the train that has waited longest always gets its wagons: no two ends wait on each other.
// - Wagons that have stood max_idle_hours at an end where no train waits run empty to the
//   other end when it has fewer than half as many (standing or on their way there) as this end
//   keeps without them: wagons follow the imbalance between the directions, and ends about
//   equal never send wagons to and fro.
// - Every wagon is somewhere: at_end[0] + at_end[1] + on_trains + in_empty_trains = count.
//
// Nothing here is an engine event except a waiting train's wake-up: the moves decided while
// nobody asks (an idle limit, an empty train's arrival) happen at known times and are booked,
// in time order, the next time anyone asks the fleet (advance), as LocomotivePool does.
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "engine/Grant.hpp"
#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

class WagonFleet {
public:
  static constexpr int kEnds = 2;

  // `run_hours` and `run_km`: the section's nominal running time and length, end to end;
  // `train_wagons`: the most wagons one empty train carries (the section's length limit).
  // Trains asking from `measured_from_h` on are counted in journal.wagon_takes.
  WagonFleet(int index, const WagonFleetSpec& spec, double run_hours, double run_km, int train_wagons,
             double measured_from_h, Journal& journal);
  WagonFleet(const WagonFleet&) = delete; // waiting trains point into it
  WagonFleet& operator=(const WagonFleet&) = delete;

  // The end at `node` (0 or 1); -1 if `node` is neither.
  int end_at(const std::string& node) const;
  // The wagons a train of `feu` boxes needs.
  int wagons_for(int feu) const { return (feu + feu_per_wagon_ - 1) / feu_per_wagon_; }
  int feu_on(int wagons) const { return wagons * feu_per_wagon_; }

  // Blocks until `wagons` are at end `from_end` for a train leaving there; returns the hours
  // waited.
  double take(int from_end, int wagons);
  // Whether take(from_end, wagons) called now would have to wait.
  bool would_wait(int from_end, int wagons);
  // A train that took `wagons` at the other end gives them back at `end`.
  void give_back(int end, int wagons);
  // Books what happens by `end_h` without anyone asking: at the end of the run.
  void finish(double end_h);

  const std::string& name() const { return name_; }
  const std::string& end_node(int end) const { return end == 0 ? first_node_ : second_node_; }

private:
  struct Batch {
    double since_h = 0.0; // standing there since
    int wagons = 0;
    bool checked = false; // its idle limit has been dealt with
  };
  struct EmptyTrain {
    int to_end = 0;
    double arrives_h = 0.0;
    int wagons = 0;
    int promised = 0; // to trains waiting at to_end
  };
  struct Claim {
    int wagons = 0;
    std::uint64_t order = 0; // first come first served across both ends
    double ready_h = 0.0;    // when its wagons are all there, set when granted
    Grant grant;
  };

  void advance(double now_h);
  int standing(int end) const;
  int inbound_free(int end) const;
  int free_at(int end) const { return standing(end) + inbound_free(end); }
  void remove_standing(int end, int wagons); // oldest first
  void send_empty(int from_end, int wagons, double at_h, bool for_train);
  // Grants the claims waiting at `end` that the wagons there and on their way cover, in order.
  void serve(int end, double now_h);
  // Calls wagons from the other end for the claims at `end` that asked before any waiting there.
  void call_for(int end, double now_h);
  void settle(double now_h);
  // Sends wagons idle past the limit at `end` to the other end if it has too few.
  void idle_moves(int end, double at_h);
  void sample(double time_h);

  int index_;
  std::string name_;
  std::string first_node_;
  std::string second_node_;
  int count_;
  int feu_per_wagon_;
  double max_idle_h_;
  double run_h_;
  double run_km_;
  int train_wagons_;
  double measured_from_h_;
  Journal& journal_;
  std::deque<Batch> standing_[kEnds]; // not promised, oldest first
  int held_[kEnds] = {0, 0};          // at the end, promised to a train waiting there
  std::vector<EmptyTrain> empties_;   // on their way, in the order they set off
  int on_trains_ = 0;
  std::deque<Claim*> waiting_[kEnds]; // each claim on its claimant's stack
  std::uint64_t next_order_ = 0;
};

} // namespace rongou
