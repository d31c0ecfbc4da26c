#pragma once
// The locomotives of one traction section, each of them somewhere: standing at one of the
// section's two ends, hauling a train across it, running light between its ends, or out of
// service. A train takes a locomotive at the end it leaves from and gives it back at the end
// it reaches; the locomotive is then there, not back where it started.
//
// What must hold:
// - A locomotive given back at a depot is serviced there (servicing_hours) before it is ready
//   again; at an end that is no depot it is ready at once, but may not stay: after
//   max_idle_hours it runs light to a depot.
// - A train that finds no locomotive ready at its end takes the one that can reach it first:
//   one due at its end (servicing), or one standing or due at the other end, which runs light
//   across the section (its nominal running time). Only when every locomotive is hauling or out
//   of service does the train queue, first come first served; a locomotive given back then goes
//   to the first train waiting at its end, else to the first waiting at the other end, running
//   light to it.
// - A locomotive that has stood max_idle_hours at a depot runs light to the other depot when
//   that one has fewer than half as many standing or due as this one keeps without it: the
//   end that trains leave more often gets locomotives back before its trains must call one,
//   and no move only swaps an imbalance over.
// Waits for a locomotive therefore come from where the locomotives are, and an imbalance
// between the directions shows as light running (PoolJournal::light_runs).
//
// The crews of a crew district are the same kind of pool (CrewDistrictSpec::as_pool): a crew
// rests wherever it is given back (serviced_at_every_end), its homes are the depots, and its
// light run is a ride back as passengers.
//
// Nothing here is an engine event except a waiting train's wake-up: the moves decided while
// nobody waits (a locomotive's idle limit) happen at known times and are booked, in time
// order, the next time anyone asks the pool (advance).
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/Grant.hpp"
#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

class LocomotivePool {
public:
  // A section's ends, as a route meets them: 0 is the spec's first node, 1 its second.
  static constexpr int kEnds = 2;

  // One locomotive (or crew) out of the pool: with a train, which gives it back at the end it
  // reaches. Moved, never copied; a moved-from one gives nothing back. At scope exit a
  // hauling one is given back where the train is headed.
  class Taken {
  public:
    Taken() = default;
    Taken(Taken&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)), unit_(other.unit_), to_end_(other.to_end_) {}
    Taken& operator=(Taken&& other) noexcept; // gives back what this held first
    Taken(const Taken&) = delete;
    Taken& operator=(const Taken&) = delete;
    ~Taken(); // gives nothing back while the engine tears down (engine::tearing_down)

    explicit operator bool() const { return pool_ != nullptr; }
    // Gives it back at the end the train was headed to.
    void release();

  private:
    friend class LocomotivePool;
    Taken(LocomotivePool& pool, int unit, int to_end) : pool_(&pool), unit_(unit), to_end_(to_end) {}

    LocomotivePool* pool_ = nullptr;
    int unit_ = -1;
    int to_end_ = 0;
  };

  // The locomotives a disruption took out of service, back in service where they were when it
  // ends (end() or scope exit). A moved-from one does nothing.
  class Withdrawal {
  public:
    Withdrawal(Withdrawal&& other) noexcept
        : pool_(other.pool_), units_(std::move(other.units_)), ended_(std::exchange(other.ended_, true)) {}
    Withdrawal& operator=(Withdrawal&&) = delete;
    Withdrawal(const Withdrawal&) = delete;
    Withdrawal& operator=(const Withdrawal&) = delete;
    ~Withdrawal(); // does nothing while the engine tears down (engine::tearing_down)

    int taken() const { return static_cast<int>(units_.size()); }
    void end();

  private:
    friend class LocomotivePool;
    explicit Withdrawal(LocomotivePool& pool) : pool_(&pool) {}

    LocomotivePool* pool_;
    std::vector<int> units_;
    bool ended_ = false;
  };

  // `light_run_hours` and `light_run_km`: the section's nominal running time and length, end
  // to end, along the route of the first service that crosses it.
  // Trains asking from `measured_from_h` on are counted in `journal.takes`.
  LocomotivePool(int index, const LocomotivePoolSpec& spec, double light_run_hours, double light_run_km,
                 double measured_from_h, PoolJournal& journal);
  LocomotivePool(const LocomotivePool&) = delete; // waiting trains point into it
  LocomotivePool& operator=(const LocomotivePool&) = delete;

  // The end at `node` (0 or 1); -1 if `node` is neither.
  int end_at(const std::string& node) const;

  // Blocks until a locomotive is ready at end `from_end` for a train leaving from there.
  Taken acquire(int from_end);
  // Blocks until `n` are, for one train (a district's relay crews): claimed together, first
  // come first served, and counted as one take in `journal.takes`.
  std::vector<Taken> acquire(int from_end, int n);
  // Gives back what acquire(from_end, n) took, together: one change of the pool, not n.
  void release(std::vector<Taken>& taken);
  // Whether acquire(from_end) called now would have to wait.
  bool would_wait(int from_end);

  // A locomotive disruption: takes up to `n` locomotives out of service, those not hauling at
  // once and the rest as they are given back, giving up at `until_h`.
  Withdrawal withdraw(int n, double until_h);

  // Books what happens by `end_h` without anyone asking (idle moves, arrivals): at the end of
  // the run.
  void finish(double end_h);

  const std::string& name() const { return name_; }
  const std::string& end_node(int end) const { return end == 0 ? first_node_ : second_node_; }

private:
  enum class State : std::uint8_t { Standing, Light, Hauling, Withdrawn };
  struct Unit {
    State state = State::Standing;
    int end = 0;           // where it stands, or where it is running light to
    double ready_h = 0.0;  // standing: serviced and ready from; light: arrives at
    double light_from_h = 0.0; // light: sets off at (it may still be servicing before)
    bool promised = false; // to a waiting train or withdrawal, which takes it when ready
    bool idle_checked = false; // its idle limit at this place has been dealt with
    bool departure_booked = false; // light: its setting off has been sampled
  };
  struct Claim {
    double deadline_h = Grant::kNoDeadline;
    int unit = -1;
    double ready_h = 0.0;
    Grant grant;
  };

  // Books the moves and arrivals due by `now_h`, in time order.
  void advance(double now_h);
  // The time unit `u`, free to go, could be ready at end `end` (running light if elsewhere).
  double ready_at_end(const Unit& u, int end, double now_h) const;
  // Sends unit `u` light to `end`, setting off when it is serviced (or at `now_h`).
  void send_light(int u, int end, double now_h, bool for_train);
  // Hands a unit that is free to go (given back, or back in service) to the first claim that
  // can use it; returns whether one took it.
  bool hand_to_waiting(int u, double now_h);
  // The locomotives standing or due at `end` and free to go, not counting `except`.
  int free_at(int end, int except = -1) const;
  // Whether `end` has fewer than half as many locomotives free (standing, being serviced or on
  // their way there) as `from_end` keeps after `leaving` goes.
  bool needs_one(int end, int from_end, int leaving) const;
  bool is_depot(int end) const { return depot_[static_cast<std::size_t>(end)]; }
  void rebalance(double now_h);
  void give_back(int unit, int end);
  void give_back(std::span<const int> units, int end); // together: one change of the pool
  void return_to_service(const std::vector<int>& units);
  // Moves unit `u` to `state` at `end`, keeping the counts that sample() reads.
  void set_state(int u, State state, int end);
  void sample(double time_h);

  int index_;
  std::string name_;
  std::string first_node_;
  std::string second_node_;
  double servicing_h_;
  bool serviced_everywhere_;
  double max_idle_h_;
  // No departure, arrival or idle limit is due before this (a lower bound: every change that
  // makes one due earlier lowers it; advance sets it exactly when it finds nothing due).
  double next_due_h_ = 0.0;
  double light_h_;
  double light_km_;
  double measured_from_h_;
  bool depot_[kEnds] = {true, true};
  PoolJournal& journal_;
  std::vector<Unit> units_;
  // Kept by set_state, so that a sample counts the units running light only: a district's
  // dozens of crews are sampled at every train.
  int standing_at_[kEnds] = {0, 0};
  int hauling_ = 0;
  int withdrawn_ = 0;
  std::vector<int> running_light_; // in the order they set off
  std::deque<Claim*> waiting_[kEnds]; // trains, each claim on its claimant's stack
  std::deque<Claim*> withdrawing_;    // a disruption's claims, served before trains
};

} // namespace rongou
