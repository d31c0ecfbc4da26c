#pragma once
// The rail side of a run: timetable dispatchers, trains, locomotive pools and
// gauge-change yards on the corridor, all recording into the journal.
#include <map>
#include <cstdint>
#include <memory>
#include <optional>
#include <queue>
#include <tuple>
#include <vector>

#include "model/corridor/Corridor.hpp"
#include "model/demand/ContainerDemand.hpp"
#include "journal/Journal.hpp"
#include "model/rail/DisruptionPlan.hpp"
#include "model/rail/BorderCrossingServer.hpp"
#include "model/rail/BoxStocks.hpp"
#include "model/rail/FerryLine.hpp"
#include "model/rail/GaugeChangeYard.hpp"
#include "model/rail/InspectionHolds.hpp"
#include "model/rail/LocomotivePool.hpp"
#include "model/rail/RoutePlan.hpp"
#include "model/rail/TrackSection.hpp"
#include "model/rail/WagonFleet.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

class RailModel {
public:
  RailModel(const Scenario& scenario, const Corridor& corridor, std::vector<RoutePlan> plans, Journal& journal,
            DisruptionPlan disruptions = {});

  // With `choice:`: the lane's trains of `direction` take only the boxes whose shippers chose
  // rail (journal.choices, sized to the containers), and count the boxes each full train leaves.
  void follow_choices(int lane, Direction direction);

  // Creates the actors; the engine runs them.
  void start();
  // After the engine stopped at `end_h`: books what happened by then without an event
  // (locomotives' idle moves and light-run arrivals, box stocks).
  void finish(double end_h);

  // Used by trains. A plan's index is its service's, or, for a route detoured by a reroute
  // closure, one after the services' (the trains' own service index stays the service's).
  const Scenario& scenario() const { return scenario_; }
  const RoutePlan& plan(std::size_t plan) const { return plans_[plan]; }
  // The plan of `service` detoured round closure `closed`, if the closure has a detour for it.
  std::optional<std::size_t> detoured_plan(int closed, std::size_t service) const {
    const auto it = detoured_plans_.find({closed, service});
    return it == detoured_plans_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  }
  // The last stop a detoured plan shares with its service's plan: a train of the service at
  // this stop or before it can still take the detour.
  std::size_t detour_branch(std::size_t plan) const { return detour_branches_.at(plan); }
  LocomotivePool& pool(int index) { return *pools_[static_cast<std::size_t>(index)]; }
  LocomotivePool& crews(int district) { return *crews_[static_cast<std::size_t>(district)]; }
  WagonFleet& wagons(int index) { return *fleets_[static_cast<std::size_t>(index)]; }
  GaugeChangeYard& yard(const std::string& node) { return *yards_.at(node); }
  BorderCrossingServer& crossing(const std::string& node) { return *crossings_.at(node); }
  FerryLine& ferry(int line) { return *ferries_.at(static_cast<std::size_t>(line)); }
  // The track section of the segment after a plan's stop, or null where the line does not
  // limit trains.
  TrackSection* track(std::size_t plan, std::size_t stop) const { return stop_tracks_[plan][stop]; }
  Journal& journal() { return journal_; }
  InspectionHolds& inspection_holds() { return inspection_holds_; }
  const DisruptionPlan& disruptions() const { return disruptions_; }
  // A new train unit, recorded in the journal; returns its index.
  int register_train(TrainRecord record);
  // A train (or part) of `service` arrives at its destination with `loaded` tracked boxes
  // and `empties` empty ones: with `boxes:`, they join the destination's account.
  void boxes_arrived(std::size_t service, int loaded, int empties);

  // A node where a train on `plan` does nothing but pass (no border, yard, locomotive
  // change, no closure or slowdown on it or its segments, and no track section starting
  // there): trains run through it without handing control to the engine.
  bool passes_through(std::size_t plan, std::size_t stop) const { return passes_through_[plan][stop]; }
  // Train events go to the journal in time order. A train running through nodes records
  // their events ahead of time (record_later); they are held back until the engine's clock
  // reaches them, so events.csv stays in time order for time-distance diagrams.
  void record_event(int train, NodeIndex node, TrainEventKind kind);
  void record_later(int train, double time_h, NodeIndex node, TrainEventKind kind);
  // The interned name of a plan's stop, looked up once rather than at every event.
  NodeIndex stop_node(std::size_t plan, std::size_t stop) const { return stop_nodes_[plan][stop]; }

private:
  void dispatch(std::size_t service);
  // Under a departure rule, from its slot: when the train leaves, or is cancelled
  // (DepartureRule.cpp). Sleeps the dispatcher until then.
  struct Release {
    double at_h;
    bool cancelled;
  };
  Release hold_at_origin(std::size_t service, OriginQueue* queue, double slot_h);
  void start_boxes();
  // Counts, for the doors' records, the containers a train leaving at `leave_h` with `room`
  // free slots left behind because they were inside its booking cut-off.
  void count_cutoff_misses(const OriginQueue& queue, int room, double leave_h);

  const Scenario& scenario_;
  const Corridor& corridor_;
  std::vector<RoutePlan> plans_; // the services' in scenario order, then the detoured ones
  std::size_t services_ = 0;
  std::map<std::pair<int, std::size_t>, std::size_t> detoured_plans_; // by (closure, service)
  std::map<std::size_t, std::size_t> detour_branches_;                // by detoured plan
  std::vector<std::vector<NodeIndex>> stop_nodes_; // [service][stop]
  Journal& journal_;
  DisruptionPlan disruptions_;
  std::vector<std::unique_ptr<LocomotivePool>> pools_;
  std::vector<std::unique_ptr<LocomotivePool>> crews_; // one pool per crew district
  std::vector<std::unique_ptr<WagonFleet>> fleets_; // rail.wagons, in scenario order
  std::map<std::string, std::unique_ptr<GaugeChangeYard>> yards_;
  std::map<std::string, std::unique_ptr<BorderCrossingServer>> crossings_;
  std::vector<std::unique_ptr<FerryLine>> ferries_; // rail.ferries, in scenario order
  std::map<std::string, std::unique_ptr<TrackSection>> tracks_; // by segment id
  std::vector<std::vector<TrackSection*>> stop_tracks_;          // [service][stop]
  // By lane, direction and rail route (ChoiceSpec::routes; 0 for a lane without routes).
  using QueueKey = std::tuple<int, Direction, std::size_t>;
  std::map<QueueKey, OriginQueue> origin_queues_;
  // When each container (by id) may board: its gate-in, or with `boxes:` when it has a box.
  std::vector<double> all_gate_in_h_;
  std::unique_ptr<BoxStocks> boxes_;              // with `boxes:`
  std::vector<std::pair<int, int>> box_terminals_; // [service]: origin, destination terminal (-1: untracked)
  std::vector<std::vector<bool>> passes_through_; // [service][stop]
  InspectionHolds inspection_holds_;
  struct LaterEvent {
    TrainEvent event;
    std::uint64_t order = 0; // ties in time keep the order they were recorded in
    bool operator>(const LaterEvent& o) const {
      return event.time_h != o.event.time_h ? event.time_h > o.event.time_h : order > o.order;
    }
  };
  std::priority_queue<LaterEvent, std::vector<LaterEvent>, std::greater<>> later_events_;
  std::uint64_t later_recorded_ = 0;
};

} // namespace rongou
