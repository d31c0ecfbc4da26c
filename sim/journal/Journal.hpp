#pragma once
// Typed records the model appends while it runs. Everything downstream (statistics, costs,
// files, charts) is a pure function of the scenario and this journal: no SimGrid needed.
// All times are hours since the start of the run (day 0 is a Monday, 00:00).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "journal/ChoiceRecords.hpp"
#include "journal/DoorRecords.hpp"
#include "journal/OptionalHours.hpp"
#include "journal/SeaRecords.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// Hours a container (or train) spent, by cause. Together with running time at nominal speed
// they add up to the whole time from gate-in to arrival.
struct WaitHours {
  double departure = 0.0;      // at the origin, for a train with room
  double gauge_change = 0.0;   // at break-of-gauge yards: queue for a track or cranes, and handling
  double locomotive = 0.0;     // for a locomotive of the next traction section
  double border = 0.0;         // border dwell (customs, inspection, paperwork)
  double running_delay = 0.0;  // running slower than the nominal speed
  double disruption = 0.0;     // held by a closure, or running slower in a slowdown window
  double track = 0.0;          // for a single-track block (at a loop) or a headway
  double box = 0.0;            // at the origin, from gate-in until an empty box is there (boxes:)
  double crew = 0.0;           // for the crews of the next crew district (rail.crews)
  double wagon = 0.0;          // for wagons of the next gauge network's fleet (rail.wagons)
  double incident = 0.0;       // stopped on the line by incidents (rail.incidents)
  double inspection = 0.0;     // held off its train for inspection, until it boarded a later one (rail.inspections)
  double ferry = 0.0;          // at ferry ports: for sailings with room, loading and unloading (rail.ferries)
  double total() const {
    return box + departure + gauge_change + locomotive + border + running_delay + disruption + track + crew + wagon +
           incident + inspection + ferry;
  }
  WaitHours& operator+=(const WaitHours& o) {
    departure += o.departure;
    gauge_change += o.gauge_change;
    locomotive += o.locomotive;
    border += o.border;
    running_delay += o.running_delay;
    disruption += o.disruption;
    track += o.track;
    box += o.box;
    crew += o.crew;
    wagon += o.wagon;
    incident += o.incident;
    inspection += o.inspection;
    ferry += o.ferry;
    return *this;
  }
};

struct ContainerRecord {
  int id = 0;
  Direction direction = Direction::Westbound;
  double created_h = 0.0;
  OptionalHours departed_h;
  OptionalHours arrived_h;
  int train = -1; // index of the train it arrived on (after any re-forming)
  std::uint16_t lane = 0; // index into Scenario::lanes
  WaitHours waits;
  double nominal_running_h = 0.0;
  double transit_h() const { return arrived_h ? *arrived_h - created_h : 0.0; }
};
// One per container: the largest part of a long run's journal with the events. WaitHours
// holds one double per wait cause, 13 of them with incidents, inspections and ferries: 152
// bytes, a million containers of a long run in 152 MB.
static_assert(sizeof(ContainerRecord) <= 152);

struct TrainRecord {
  std::string id;
  std::string service;
  Direction direction = Direction::Westbound;
  int lane = 0;             // index into Scenario::lanes
  bool background = false;  // carries a load, no tracked containers
  int parent = -1; // train it was split from at a gauge change, or -1
  std::string origin;      // where this train unit started
  std::string destination;
  double planned_departure_h = 0.0; // its timetable slot
  double held_h = 0.0; // kept at the origin after its slot by its service's departure rule
  OptionalHours departed_h;
  OptionalHours arrived_h;
  int feu = 0;              // loaded: tracked containers, or a background train's load
  int empty_feu = 0;        // empty boxes repositioned in free slots (boxes:)
  double gauge_change_queue_h = 0.0;
  WaitHours waits; // departure is the wait for a locomotive at the origin, counted in locomotive too
  double nominal_running_h = 0.0;
  int incidents = 0; // stops on the line (rail.incidents), each charged to waits.incident
  double km = 0.0;   // run by this train unit
  // Tracked containers it reached its destination with: its load, less those split off or
  // held for inspection on the way, plus held ones it took on.
  int containers_arrived = 0;
};

// A container held for inspection (rail.inspections): taken off train `from_train` at the
// inspection's node at detached_h, its hold over at ready_h, and on train `to_train` from
// boarded_h; to_train -1 and no boarded_h if no train took it before the run ended.
struct InspectionHoldRecord {
  int container = 0;
  int inspection = 0; // index into RailSpec::inspections
  int from_train = 0;
  int to_train = -1;
  double detached_h = 0.0;
  double ready_h = 0.0;
  OptionalHours boarded_h;
};

enum class TrainEventKind : std::uint8_t { Depart, Arrive, LocomotiveWait, LocomotiveAttached, LocomotiveReleased,
                            BorderStart, BorderEnd, YardQueue, YardStart, YardEnd, Split, Finish };
const char* to_string(TrainEventKind kind);

// Node names kept once per process, by index: events and yard samples are the bulk of a
// long run's journal, and a 2-byte index instead of a string (32 bytes) or a view (16) keeps
// 10 years at 4x the trains under 200 MB (docs/performance.md). Indices are handed out in
// first-use order; they are never written out, only the names are.
using NodeIndex = std::uint16_t;
NodeIndex intern_node_name(std::string_view name);
std::string_view interned_node_name(NodeIndex index); // valid for the whole process

struct TrainEvent {
  std::int32_t train = 0;
  TrainEventKind kind = TrainEventKind::Depart;
  NodeIndex node = 0; // see node_name()
  double time_h = 0.0;

  TrainEvent() = default;
  TrainEvent(int train_index, TrainEventKind event_kind, double t_h, NodeIndex node_index)
      : train(train_index), kind(event_kind), node(node_index), time_h(t_h) {}
  std::string_view node_name() const { return interned_node_name(node); }
};
static_assert(sizeof(TrainEvent) <= 16, "train events are the bulk of a long run's journal");

// Where a pool's locomotives are at `time_h`. At an end counts those being serviced there and
// those promised to a train that has not set off yet.
struct PoolSample {
  int pool = 0;
  double time_h = 0.0;
  int at_end[2] = {0, 0}; // the section's first and second node (LocomotivePoolSpec)
  int light = 0;          // running light between the ends
  int hauling = 0;
  int withdrawn = 0;
  int total() const { return at_end[0] + at_end[1] + light + hauling + withdrawn; }
};

// The trains that took a locomotive of a pool (a district's crews, a fleet's wagons), asking
// after the warm-up.
struct PoolTakes {
  int trains = 0;
  int waited = 0; // found none ready at their end
  double wait_h = 0.0;
  double max_wait_h = 0.0;
};

// A locomotive running light across its section: back to a depot, to the end with fewer, or
// to a train waiting for it (for_train).
struct LightRun {
  int pool = 0;
  NodeIndex from = 0;
  NodeIndex to = 0;
  double departed_h = 0.0;
  double arrived_h = 0.0;
  double km = 0.0;
  bool for_train = false;
};

// What the pools of one kind of unit did (locomotives, or crews), one pool per section or
// district, in scenario order.
struct PoolJournal {
  std::vector<std::string> names; // index = PoolSample::pool
  std::vector<int> sizes;
  std::vector<std::pair<std::string, std::string>> ends; // first and second node
  std::vector<PoolSample> samples;
  std::vector<LightRun> light_runs; // in the order they set off
  std::vector<PoolTakes> takes;     // index = PoolSample::pool
};

// Wagon fleets (`rail.wagons`): a fleet as built for the run, and where its wagons are after a
// change. Every wagon is, at any time, at one end (standing, or promised to a train waiting
// there), on a train (loaded, or as many as the train took), or in an empty wagon train:
// at_end[0] + at_end[1] + on_trains + in_empty_trains = count (a test checks it).
struct WagonFleetRecord {
  std::string name; // first-second node
  std::string first_end;
  std::string second_end;
  int count = 0;
  int feu_per_wagon = 1;
};
struct WagonSample {
  int fleet = 0;
  double time_h = 0.0;
  int at_end[2] = {0, 0};
  int on_trains = 0;
  int in_empty_trains = 0;
};
// Empty wagons running from one end to the other: back to the end with fewer after standing
// max_idle_hours, or called by a train waiting for wagons (for_train).
struct EmptyWagonTrain {
  int fleet = 0;
  NodeIndex from = 0;
  NodeIndex to = 0;
  double departed_h = 0.0;
  double arrived_h = 0.0;
  int wagons = 0;
  double km = 0.0;
  bool for_train = false;
};

// A train hit by a disruption (index into Scenario::disruptions). wait_h is, for closures,
// the hold; for slowdowns, the extra running time; for capacity and locomotive cuts, the
// train's whole queue at that yard or pool while the cut was on (the cut is one part of it).
// A sailing hit by a sea_delay has train -1, its index in sailings, and wait_h the days added.
struct DisruptionHit {
  int disruption = 0;
  int train = 0;
  double time_h = 0.0; // when the train met it
  int feu = 0;         // containers on the train (or sailing)
  double wait_h = 0.0;
  int sailing = -1;
  // A closure's hold: the node the train held at, and when it had passed the closed place
  // (left the closed node, or reached the far end of the closed segment); -1 until then.
  NodeIndex held_at = 0;
  double passed_h = -1.0;
};

// A train a closure with `policy: cancel` did not run: its slot fell in the window and its
// route crosses the closed place. Its containers stayed at the origin for the next train.
struct ClosureCancellation {
  int disruption = 0; // index into Scenario::disruptions
  std::string service;
  int lane = 0;
  double planned_departure_h = 0.0;
};

// A train a closure with `policy: reroute` sent round the closed place by its detour, from
// its departure: the km and nominal running hours its detoured route adds to its own.
struct ClosureReroute {
  int disruption = 0; // index into Scenario::disruptions
  int train = 0;      // index into Journal::trains
  double extra_km = 0.0;
  double extra_nominal_h = 0.0;
};

struct YardSample {
  double time_h = 0.0;
  int trains_queued = 0;
  int trains_on_tracks = 0;
  NodeIndex yard = 0; // see yard_name()

  YardSample() = default;
  YardSample(NodeIndex yard_index, double t_h, int queued, int on_tracks)
      : time_h(t_h), trains_queued(queued), trains_on_tracks(on_tracks), yard(yard_index) {}
  std::string_view yard_name() const { return interned_node_name(yard); }
};
static_assert(sizeof(YardSample) <= 24);

// A train at a node's server: a border crossing (processing positions) or a gauge-change yard
// (tracks and cranes). Its wait is started - arrived, spent at `queued_at` (the neighbour's
// station for a crossing entered from the approach side); it holds a unit from started to
// left: a crossing position is held through processing and, where the train changes gauge
// there, until the yard takes it.
// A track section (a segment whose line limits trains: TrackSection) is a server named by its
// segment id: arrived is when the train reached its first node (`queued_at`), left when it
// left the last block, and started - arrived all it waited on the way (at the first node and
// at loops), as if waited at the start; started to left is its running time on a single track,
// the headway on a double track (what its direction's entry is held for).
// A ferry line (rail.ferries) is a server named by the port a train gives its boxes up at:
// arrived is when the train reached that port, started when the last sailing with its boxes
// left, left when the train was re-formed at the other port (crossing and unloading).
enum class ServerKind : std::uint8_t { Crossing, Yard, Track, Ferry };
const char* to_string(ServerKind kind);
struct ServerVisit {
  double arrived_h = 0.0;
  double started_h = 0.0;
  double left_h = 0.0;
  std::int32_t train = 0;
  std::int16_t feu = 0;
  NodeIndex node = 0;
  NodeIndex queued_at = 0;
  ServerKind kind = ServerKind::Crossing;
  Direction direction = Direction::Westbound;
  std::string_view node_name() const { return interned_node_name(node); }
};

// A node's server as built for the run (platform and what-ifs): what throughput and
// utilisation are measured against.
struct ServerInfo {
  std::string node;
  ServerKind kind = ServerKind::Crossing;
  int units = 0;               // trains served at once: processing positions, or a yard's
                               // tracks with a gang of cranes each (min(tracks, cranes / per train)),
                               // a single track's blocks, a double track's two tracks
  double trains_per_day = 0.0; // a crossing's daily quota per direction, or what a headway lets
                               // enter a day in one direction; 0 if none
};

// A sailing of a ferry line (rail.ferries), offered up to the end of the run: its timetabled
// time, when it left (earlier when full under when_full), and what it carried. A cancelled
// sailing carried nothing; its boxes went with later ones.
struct FerrySailingRecord {
  int line = 0;     // index into RailSpec::ferries
  std::string from_port;
  int sailing = 0;  // k-th of the line, from 0
  double timetabled_h = 0.0;
  double left_h = 0.0;
  bool cancelled = false;
  bool full = false;
  int load_feu = 0;
  int trains = 0; // trains whose boxes it carried
};

// A node of the platform that routes use, for the network map.
struct NodePlace {
  std::string node;
  std::string country;
  std::optional<double> lat;
  std::optional<double> lon;
  bool border = false;
  bool yard = false;
  bool terminal = false;
};

// Where each stop of a service's route lies, so that outputs (the time-distance diagram)
// can place train events along the corridor without the platform.
struct RouteNodeRecord {
  std::string service;
  int lane = 0;
  Direction direction = Direction::Westbound;
  int stop = 0;
  std::string node;
  double km = 0.0; // from the service's origin along its route
  std::string country;
  bool border = false;
  bool gauge_change = false;
  bool electrified_to_next = false; // the segment to the next stop has an overhead line
};

// Boxes (`boxes:`): a terminal whose empty stock is simulated, and its state after a change.
// Every box of the run is, at any time, in exactly one of: empty at a terminal, loaded
// there waiting for its train (`loaded_out`), loaded on a train bound for a terminal,
// turning (arrived loaded, being unloaded and inspected), or empty on a train bound for a
// terminal. Summed over terminals: start stocks + leased - off-hired = empty + loaded_out
// + inbound_loaded + turning + inbound_empty (a test checks it).
struct BoxTerminalRecord {
  std::string node;
  int start_stock = 0;
  int keep = 0; // empties kept for the terminal's own departures before any are sent away
  std::vector<std::pair<int, Direction>> origins; // lanes and directions whose loads start here
  std::vector<int> lanes;                         // tracked lanes with a terminal here
};
struct BoxSample {
  double time_h = 0.0;
  int terminal = 0; // index into Journal::box_terminals
  int empty = 0;
  int loaded_out = 0;
  int inbound_loaded = 0;
  int turning = 0;
  int inbound_empty = 0;
  int waiting = 0;   // containers at the terminal waiting for a box (not boxes)
  int leased = 0;    // since day 0, delivered here
  int off_hired = 0; // since day 0, dropped off here
  int sent_empty = 0; // since day 0, empties sent away by rail from here
};

// A train its service's departure rule did not run (too few containers when it had to leave):
// its containers stayed at the origin for a later train.
struct CancelledTrain {
  std::string service;
  Direction direction = Direction::Westbound;
  int lane = 0;
  double planned_departure_h = 0.0; // its slot
  double cancelled_h = 0.0;         // when it had to leave
  int feu = 0;                      // containers there then
};

struct Journal {
  std::vector<ContainerRecord> containers;
  std::vector<TrainRecord> trains;
  std::vector<TrainEvent> events;
  PoolJournal locomotives; // one pool per traction section
  PoolJournal crews;       // one pool per crew district
  // Wagon fleets (empty without `rail.wagons`), in scenario order; samples in time order;
  // empty wagon trains in the order they set off.
  std::vector<WagonFleetRecord> wagon_fleets;
  std::vector<WagonSample> wagon_samples;
  std::vector<PoolTakes> wagon_takes; // index = WagonSample::fleet
  std::vector<EmptyWagonTrain> empty_wagon_trains;
  std::vector<YardSample> yard_samples;
  std::vector<DisruptionHit> disruption_hits;
  std::vector<ClosureCancellation> closure_cancellations; // in time order
  std::vector<ClosureReroute> closure_reroutes;           // in time order
  std::vector<RouteNodeRecord> route_nodes; // services in scenario order, stops in route order
  std::vector<ServerVisit> server_visits;    // in the order they were booked
  std::vector<ServerInfo> servers;           // by node name, crossings before yards at a node;
                                             // then track sections by segment id
  std::vector<NodePlace> places;             // nodes on some route, by name
  double end_h = 0.0; // when the last train arrived
  // Whether some tracked service has a departure rule other than its plain timetable; the
  // trains it cancelled, in time order.
  bool departure_rules = false;
  std::vector<CancelledTrain> cancelled_trains;
  bool incidents = false;   // the scenario draws incidents on the line (rail.incidents)
  bool inspections = false; // the scenario holds containers for inspection (rail.inspections)
  bool ferries = false;     // some route crosses a ferry line (rail.ferries)
  std::vector<FerrySailingRecord> ferry_sailings; // by line, then sailing
  // Containers held for inspection, in the order they were taken off their trains (empty
  // without rail.inspections).
  std::vector<InspectionHoldRecord> inspection_holds;

  // Boxes (empty when the scenario has no `boxes:`): the terminals, in stock order, and their
  // states in time order.
  std::vector<BoxTerminalRecord> box_terminals;
  std::vector<BoxSample> box_samples;

  // The sea chain (empty when the scenario has no `sea:`), westbound containers only.
  std::vector<SeaRecord> sea;
  std::vector<SailingRecord> sailings;
  std::vector<TransportLeg> sea_legs;              // each lane's, origin ... destination, in order
  // Beside `sea`, index for index, up to the last record of a lane whose loops use a hub
  // (empty when none does); and the feeder sailings from the hubs, in order of departure
  // per lane (SailingRecord::loop is -1, arrival_h is at the European port).
  std::vector<HubRecord> sea_hub;
  std::vector<SailingRecord> feeder_sailings;
  // The focus lane's eastbound sea chain (`sea.eastbound`; empty without it), apart from the
  // westbound one so that every westbound sea result stays as it is: its containers (ids of
  // the eastbound rail twins), its sailings from the European port, its legs in travel order.
  std::vector<SeaRecord> sea_eastbound;
  std::vector<SailingRecord> sailings_eastbound;
  std::vector<TransportLeg> sea_legs_eastbound;
  std::map<std::string, RailRouteInfo> rail_routes; // by service name

  // Both ends (empty when the scenario has no `doors:`): rail_doors by container id, sea_doors
  // by index in `sea`; only the focus lane's arrived containers are modelled.
  std::vector<DoorRecord> rail_doors;
  std::vector<DoorRecord> sea_doors;

  // With `choice:` (empty otherwise): by container id (either direction), and one entry per
  // day of the run of the westbound shippers and, when they choose too, of the eastbound ones.
  std::vector<ChoiceRecord> choices;
  std::vector<ChoiceDay> choice_days;
  std::vector<ChoiceDay> choice_days_eastbound;
  // Whether a container was offered to rail: every one without choice; with it, those that
  // did not choose sea. The rail results count only these.
  bool rides_rail(const ContainerRecord& c) const {
    return choices.empty() || choices[static_cast<std::size_t>(c.id)].mode != ChosenMode::Sea;
  }
  // Whether it was offered to the lane's first rail route, the one the rail results describe:
  // as rides_rail, less the boxes booked on another route of `choice.routes`.
  bool rides_first_route(const ContainerRecord& c) const {
    return rides_rail(c) && (choices.empty() || choices[static_cast<std::size_t>(c.id)].route == 0);
  }
};

// An arrived container's time in hours: gate-in at the origin terminal to arrival at the
// destination terminal, plus both ends where `doors:` models them (door to door).
inline double rail_transit_h(const Journal& journal, const ContainerRecord& c) {
  const std::size_t id = static_cast<std::size_t>(c.id);
  return c.transit_h() + (id < journal.rail_doors.size() && journal.rail_doors[id].modelled
                              ? journal.rail_doors[id].total_h() : 0.0);
}
inline double sea_transit_h(const Journal& journal, std::size_t sea_index) {
  return journal.sea[sea_index].transit_h() +
         (sea_index < journal.sea_doors.size() && journal.sea_doors[sea_index].modelled
              ? journal.sea_doors[sea_index].total_h() : 0.0);
}

} // namespace rongou
