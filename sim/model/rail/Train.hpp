#pragma once
// A train unit running its service's route plan, from `start_stop`, as a SimGrid actor.
// At a gauge change it may be split to fit the next network's length limit; each part
// continues as a train of its own.
#include <cstddef>
#include <memory>
#include <vector>

#include "engine/Hold.hpp"
#include "journal/Journal.hpp"
#include "model/rail/LocomotivePool.hpp"
#include "model/rail/TrackSection.hpp"
#include "base/RandomStream.hpp"

namespace rongou {

class RailModel;

class Train {
public:
  // `feu` is what the train carries: its tracked containers and any empty boxes (with
  // `boxes:`), or a background train's load. `plan` is the plan it follows (RailModel::plan):
  // its service's, or its service's detoured round a closure.
  Train(RailModel& model, std::size_t service, std::size_t plan, int record, std::vector<int> containers, int feu,
        std::size_t start_stop, RandomStream rng);
  void operator()();

private:
  // Charges `hours` of cause `cause` to the train and to every container on it. Containers
  // are settled in one pass when their train changes (a split) or arrives, not per charge:
  // looping over 40 containers for every segment's delay would be most of a train's own work.
  void charge(double hours, double WaitHours::*cause);
  void settle_containers();
  void event(std::size_t stop, TrainEventKind kind);
  TrainRecord& record();
  // Takes a locomotive of pool `pool_index` at `end` of its section (the node of `stop`), waiting
  // if none is there or can get there first.
  LocomotivePool::Taken attach_locomotive(std::size_t stop, int pool_index, int end);
  // Takes the crews of district `district` at `end` (as many as the district's relays),
  // waiting until the last of them is there.
  std::vector<LocomotivePool::Taken> take_crews(std::size_t stop, int district, int end, int relays);
  // Takes the wagons this train needs from the fleet whose section starts at `stop`, waiting if
  // too few stand there; gives them back at the section's other end (give_back_wagons).
  void take_wagons(std::size_t stop);
  void give_back_wagons();
  void hold_for_closures(std::size_t stop);
  // Under a reroute closure on the route ahead, a train still at or before the detour's branch
  // takes the detour from here; what it holds for sections the detour leaves goes back.
  void reroute_round_closures(std::size_t stop, LocomotivePool::Taken& locomotive, int locomotive_pool,
                              std::vector<LocomotivePool::Taken>& crews, int crew_district);
  // Holds the train at `stop` until closure `closed` ends, and watches for where it passes
  // the closed place afterwards.
  void hold_until_reopened(std::size_t stop, int closed);
  // Books, on the holds of the watches due at `stop`, that the train has passed there now.
  void passed(std::size_t stop, bool on_arrival);
  // Returns the hit's index in the journal, or -1 if nothing was booked.
  int hit(int disruption, double since_h, double wait_h);
  // Runs to the next node where something happens; returns that stop.
  std::size_t run_to_next(std::size_t stop);
  // Hours the train stands on `stop`'s segment for incidents, drawn and charged as it runs it.
  double incidents_on(std::size_t stop);
  void dwell_at_border(std::size_t stop);
  // At a node with an inspection (rail.inspections): takes the boxes drawn for a hold off the
  // train, and, before it leaves, puts on it held boxes whose hold is over, as room allows.
  void leave_held_containers(std::size_t stop);
  void take_held_containers(std::size_t stop);
  void cross_border(std::size_t stop);
  // Waits at `stop` until the crossing at `crossing_stop` takes the train (a position).
  void enter_crossing(std::size_t stop, std::size_t crossing_stop);
  void leave_crossing();
  // Books a passage through the track section after `stop` as a server visit.
  void pass_track(std::size_t stop, const TrackSection& section, double arrived_h,
                  const TrackSection::Passage& passage);
  void record_visit(std::size_t stop, ServerKind kind, double arrived_h, double queue_h, double service_h);
  void change_gauge(std::size_t stop);
  // At a ferry port: gives the train's boxes to the line's sailings, waits for the last of
  // them to leave, and goes on from the other port once they are unloaded there, re-formed as
  // at a gauge-change yard; returns that stop.
  std::size_t sail(std::size_t stop);
  void finish(std::size_t stop);

  RailModel& model_;
  std::size_t service_;
  std::size_t plan_;
  int record_;
  std::vector<int> containers_;
  int feu_; // containers_.size() plus its empties for a tracked train
  // The crossing position the train holds, from being taken (on the approach side or at the
  // node) until its processing ends, or until the node's yard takes it; and that passage.
  // Shared, as a train is copied into the actor that runs it (a Hold is move-only).
  std::shared_ptr<Hold> crossing_position_ = std::make_shared<Hold>();
  ServerVisit crossing_visit_;
  WaitHours owed_;             // charged to the train, not yet to its containers
  double owed_nominal_h_ = 0.0;
  int wagon_fleet_ = -1; // the fleet whose wagons the train runs on, or -1
  int wagons_ = 0;
  int wagons_to_end_ = 0; // where it gives them back
  std::size_t start_stop_;
  RandomStream rng_;
  // Incidents on the line (rail.incidents) draw from a stream of their own, so a scenario
  // without them draws from rng_ exactly as it would.
  RandomStream incident_rng_;
  // Closure holds (their index in the journal's hits) waiting for the train to pass the
  // closed place: at `stop`, on arrival or on leaving it.
  struct PassWatch {
    int hit = 0;
    std::size_t stop = 0;
    bool on_arrival = false;
  };
  std::vector<PassWatch> pass_watches_;
};

} // namespace rongou
