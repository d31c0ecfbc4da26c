#pragma once
// The typed, validated scenario: operations and economics that run on a platform.
// Every quantity carries its unit in the field name.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/Distribution.hpp"
#include "scenario/BoxSpec.hpp"
#include "scenario/ChoiceSpec.hpp"
#include "scenario/Calendar.hpp"
#include "scenario/Disruption.hpp"
#include "scenario/DoorSpec.hpp"
#include "scenario/CostSpec.hpp"
#include "scenario/SeaSpec.hpp"
#include "scenario/SourceMap.hpp"

namespace rongou {

// The longest run a scenario can ask for, in days (a century). It also bounds every duration
// a scenario gives (dwells, delays, warm-up, disruption windows): nothing in a run can take
// longer than the run.
inline constexpr double kMaxHorizonDays = 365.0 * 100;
inline constexpr double kMaxHorizonHours = 24.0 * kMaxHorizonDays;
// Extra running time as a multiple of a segment's nominal time.
inline constexpr double kMaxRunningDelayFraction = 100.0;

enum class Direction { Westbound, Eastbound };
const char* to_string(Direction d);
inline constexpr Direction kDirections[] = {Direction::Westbound, Direction::Eastbound};

struct DirectionalDemand {
  double feu_per_week = 0.0;
  double cargo_value_usd = 0.0;
};

// A background lane's trains: so many a week on a route, each with a load, carrying no
// tracked containers. They occupy crossings, yards and locomotives as any train does.
struct BackgroundTimetable {
  double trains_per_week = 0.0;      // before the seasonal index
  int load_feu = 0;                  // containers on each train (for handling and throughput)
  double departure_jitter_hours = 0.0; // each departure moves by a uniform draw in [-j/2, +j/2]
  std::vector<double> seasonal_index;  // 12 monthly factors (30.4-day months from day 0), or empty
};

// When a tracked service's train leaves its origin. `timetable`: at its weekly slot with what
// is there. `fill`: at its slot if at least min_fill x max_feu containers are there, otherwise
// as soon as enough have gated in, and at the latest latest_hours after the slot. A slot that
// passes while the train is held is absorbed: the held train is that slot's train too. With
// min_load_to_run, a train still below that share of max_feu when it must leave (its slot, or
// its latest time under `fill`) is cancelled and its containers wait for the next slot.
struct DepartureRule {
  enum class Kind { Timetable, Fill };
  Kind kind = Kind::Timetable;
  double min_fill = 0.0;        // share of max_feu, [0, 1]
  double latest_hours = 0.0;    // after the slot, [0, 2 weeks]
  double min_load_to_run = 0.0; // share of max_feu, [0, 1]; 0: never cancelled
  // Whether trains may leave other than at their slot with what is there.
  bool active() const { return kind != Kind::Timetable || min_load_to_run > 0.0; }
};

struct RailService {
  std::string name;
  Direction direction = Direction::Westbound;
  std::vector<std::string> route;   // node names, origin first
  std::vector<int> departure_weekdays; // 0 = Monday; day 0 of a run is a Monday
  double departure_hour = 18.0;     // local time of day the train leaves, in hours
  int max_feu = 41;                 // wagons (one FEU each) the train is formed with at origin
  int lane = 0;                     // index into Scenario::lanes
  std::string key_path = "rail.services.0"; // where the scenario wrote it, for messages
  std::optional<BackgroundTimetable> background; // set: trains a week with a load, no containers
  DepartureRule departure_rule;                    // tracked services only
};

// A corridor between two terminals. A tracked lane has container demand and services; a
// background lane only trains (its services carry a BackgroundTimetable).
struct Lane {
  std::string name;
  std::string key_path; // "" for the lane the top-level demand and rail.services make
  int item = -1;        // its index in `lanes:`; -1 for the top-level lane
  bool background = false;
  std::map<Direction, DirectionalDemand> demand; // tracked lanes
  // A tracked lane's own sea alternative and prices (`lanes.N.sea`, `lanes.N.costs`). The
  // focus lane's are Scenario::sea and Scenario::costs, never these.
  std::optional<SeaSpec> sea;
  std::optional<CostSpec> costs;
};

// What a what-if adds to a node of the platform: more tracks, cranes or crossing positions,
// a new transshipment yard, or different per-train processing or daily quota.
struct NewYardSpec {
  int tracks = 0;
  int cranes = 0;
  int cranes_per_train = 0;
  double crane_rate_feu_per_hour = 0.0;
  double handling_fixed_hours = 0.0;
};
struct CapacityAddition {
  std::string node;    // a node's what-if, or
  std::string segment; // a segment's (by link id): its track
  std::string key_path;
  std::optional<bool> single_track;         // track: single or double, replacing the platform's
  std::optional<int> passing_loops;         // a single track's loops, replacing the platform's
  std::optional<double> headway_minutes;    // per direction, replacing the platform's
  int add_tracks = 0;
  int add_cranes = 0;
  int add_crossing_positions = 0;
  std::optional<double> crossing_processing_hours;  // replaces both directions' figure
  std::optional<double> crossing_trains_per_day;    // replaces the daily quota (per direction)
  std::optional<double> crossing_opens_hour;        // with crossing_closes_hour: opening hours
  std::optional<double> crossing_closes_hour;
  std::optional<NewYardSpec> new_yard;
};

struct LocomotivePoolSpec {
  std::string first_node;  // a section is the stretch of route between two nodes,
  std::string second_node; // used in either direction
  int count = 0;
  double servicing_hours = 0.0; // at a depot, from being given back until ready again
  double max_idle_hours = 24.0; // standing longer, a locomotive runs light (see LocomotivePool)
  // Locomotives based at each end on day 0; an end with none listed when `depots` is given is
  // no depot (no servicing; a locomotive runs light to the depot after max_idle_hours). Without
  // `depots`, both ends are depots and the first gets the odd one.
  std::optional<std::pair<int, int>> depots;
  // Serviced wherever given back, depot or not (a crew rests at both ends); otherwise only at
  // a depot.
  bool serviced_at_every_end = false;
  bool is_depot(int end) const { return !depots || (end == 0 ? depots->first : depots->second) >= 0; }
  int based_at_first() const {
    if (!depots)
      return (count + 1) / 2;
    return std::max(depots->first, 0);
  }
  std::string label() const { return first_node + "-" + second_node; }
};

// The crews of one crew district: the stretch of route between two nodes that a crew works,
// in either direction, from one end to the other.
struct CrewDistrictSpec {
  std::string first_node;
  std::string second_node;
  int count = 0;                // crews, each enough to drive one train
  double rest_hours = 0.0;      // after working a train, at either end, before working the next
  double max_duty_hours = 12.0; // longest a crew drives; a longer district is worked in relays
  double max_idle_hours = 24.0; // rested and idle this long, a crew rides home or to where crews are short
  // Crews based at each end (home) on day 0; an end with none listed when `home` is given is
  // no home: crews rest there and ride back home after max_idle_hours. Without `home`, both
  // ends are homes and the first gets the odd one.
  std::optional<std::pair<int, int>> home;
  std::string label() const { return first_node + "-" + second_node; }
  // The district as a pool of units that are somewhere (see LocomotivePool).
  LocomotivePoolSpec as_pool() const {
    LocomotivePoolSpec pool;
    pool.first_node = first_node;
    pool.second_node = second_node;
    pool.count = count;
    pool.servicing_hours = rest_hours;
    pool.max_idle_hours = max_idle_hours;
    pool.depots = home;
    pool.serviced_at_every_end = true;
    return pool;
  }
};

// A wagon fleet (`rail.wagons`): the wagons of one gauge network's stretch of route, between
// the two nodes where its trains are formed and broken up (an origin or destination, or a
// gauge-change yard). Counted, not tracked one by one (WagonFleet).
struct WagonFleetSpec {
  std::string first_node;
  std::string second_node;
  int count = 0;
  int feu_per_wagon = 1;        // boxes a wagon carries; a train of F FEU takes ceil(F / this)
  double max_idle_hours = 48.0; // standing longer at an end with too many, wagons run empty back
  // Wagons at each end on day 0; without `depots`, half at each end, the first gets the odd one.
  std::optional<std::pair<int, int>> depots;
  int based_at_first() const { return depots ? depots->first : (count + 1) / 2; }
  std::string label() const { return first_node + "-" + second_node; }
};

// Incidents on the line (`rail.incidents`): unplanned stops of a train on its way (a locomotive
// or wagon failure, a signal or track fault, an accident at a crossing, a line blocked
// ahead), a Poisson number per train-km, each stopping the train for a drawn duration.
struct IncidentSpec {
  double per_1000_train_km = 0.0; // where the country has no rate of its own
  // By country code (a node's `country` in the platform): a segment between two countries
  // runs half its km at each end's rate.
  std::map<std::string, double> per_1000_train_km_by_country;
  Distribution duration_hours = Distribution::fixed(0.0);
  double rate_in(const std::string& country) const {
    auto it = per_1000_train_km_by_country.find(country);
    return it == per_1000_train_km_by_country.end() ? per_1000_train_km : it->second;
  }
};

// Containers held for inspection at a node (`rail.inspections`): customs, veterinary or
// phytosanitary checks of single boxes. A held box is taken off its train, which leaves
// without it, and after its hold goes on with the next train of its lane and direction that
// passes the node with room.
struct InspectionSpec {
  std::string node;
  double share = 0.0; // of the containers on a train reaching the node
  Distribution hold_hours = Distribution::fixed(0.0);
  std::optional<Direction> direction; // absent: both
  std::string key_path;               // rail.inspections.<i>, for messages
  bool applies_to(Direction d) const { return !direction || *direction == d; }
};

// A ferry line between two ports (`rail.ferries`): trains reaching one port give their boxes
// to the line's sailings, shared by every lane's traffic, and go on from the other port once
// the last of their boxes is unloaded there, re-formed as at a gauge-change yard. Sailings
// leave on a weekly timetable (sailings_per_week evenly spaced from first_sailing_hour), or,
// with departure `when_full`, as soon as one is full, at the latest at its timetabled time.
// A box boards a sailing that leaves at least loading_hours after the box reached the port,
// if the sailing has room; a full or cancelled sailing leaves it for the next. Weather closes
// the line in random windows: a sailing due in one is cancelled.
struct FerryWeatherSpec {
  double windows_per_year = 0.0;                       // Poisson rate of window starts
  Distribution duration_hours = Distribution::fixed(0.0); // of each window
};

enum class FerryDeparture { Timetable, WhenFull };

struct FerrySpec {
  std::string name;
  std::string first_port;  // the two ends of the platform's ferry link, in either order
  std::string second_port;
  double sailings_per_week = 0.0;
  double first_sailing_hour = 0.0; // hours after Monday 00:00 of the first week
  FerryDeparture departure = FerryDeparture::Timetable;
  int capacity_feu = 0;            // per sailing
  double loading_hours = 0.0;      // before a sailing leaves: the boxes' cut-off
  double unloading_hours = 0.0;    // after it arrives, before the train is re-formed
  std::optional<FerryWeatherSpec> weather; // absent: no sailing cancelled
  std::string key_path;                    // rail.ferries.<i>, for messages
  std::string label() const { return first_port + "-" + second_port; }
  bool joins(const std::string& a, const std::string& b) const {
    return (first_port == a && second_port == b) || (first_port == b && second_port == a);
  }
};

// A named detour (`rail.detours`): a closure of policy `reroute` sends trains along `by`
// instead of the run `replaces` of their route. Both start and end at the same nodes; every
// consecutive pair of `by` is a link of the platform (checked with the disruption plan).
struct DetourSpec {
  std::string name;
  std::vector<std::string> replaces;
  std::vector<std::string> by;
  std::string key_path; // rail.detours.<i>, for messages
};

// A border node's dwell, per direction: entering a customs union is not the same work as
// leaving it. A plain distribution in the scenario gives both directions the same one.
struct BorderDwell {
  Distribution westbound = Distribution::fixed(0.0);
  Distribution eastbound = Distribution::fixed(0.0);
  const Distribution& of(Direction d) const { return d == Direction::Westbound ? westbound : eastbound; }
};

struct RailSpec {
  std::vector<RailService> services;
  std::vector<LocomotivePoolSpec> locomotives;
  std::vector<CrewDistrictSpec> crews;
  std::vector<WagonFleetSpec> wagons; // empty: every train has its wagons (no fleet simulated)
  Distribution running_delay_fraction = Distribution::fixed(0.0); // of nominal running time
  Distribution border_dwell_hours = Distribution::fixed(0.0);     // default at every border node
  std::optional<IncidentSpec> incidents;                          // absent: no incidents drawn
  std::vector<InspectionSpec> inspections;                        // empty: no container held
  std::vector<FerrySpec> ferries;                                 // empty: no ferry on any route
  std::vector<DetourSpec> detours;                                // named by closures of policy reroute
  // A train is on time at its destination when less late than this. UTK, the Polish rail
  // regulator, counts a freight train as punctual up to 15 min 59 s late (from 2019).
  double punctuality_tolerance_minutes = 16.0;
  std::map<std::string, BorderDwell> border_dwell_hours_at;      // per-node override
};

// Where each key path was written, so checks made after loading (against the platform)
// can still point at a line.
struct SourcePosition {
  int line = 0;
  int column = 0;
};

struct Scenario {
  std::string source_file;   // the YAML it was read from (for messages)
  std::map<std::string, SourcePosition> positions;
  SourceMap sources;         // which file (or --set) wrote each key path, with extends/--set
  std::string resolved_yaml; // the scenario after extends and --set, saved beside results
  std::string name;
  std::string description;
  std::string platform_file; // resolved path
  double horizon_days = 364.0;
  double warmup_days = 0.0;
  std::uint64_t seed = 1;
  std::map<Direction, DirectionalDemand> demand; // of the focus lane
  RailSpec rail;                                 // services of every lane, tracked lanes first
  std::vector<Lane> lanes;                       // at least one
  int focus_lane = 0;                            // the lane the top-level summary keys describe
  std::vector<CapacityAddition> build;
  std::vector<Disruption> disruptions; // the scenario's own, then the calendar's (Disruption::origin)
  CalendarSpec calendar;
  std::optional<SeaSpec> sea;     // the focus lane's; absent: rail only, no comparison
  std::optional<CostSpec> costs;  // the focus lane's; absent: no costs
  std::optional<BoxSpec> boxes;   // absent: every gate-in finds a box (no box stock simulated)
  // The focus lane's both ends, both modes; absent: terminal to terminal, no cut-off at rail.
  std::optional<DoorSpec> doors;
  // Shippers of the focus lane's westbound demand choose rail or sea; absent: every container
  // goes by both (twins compared pair by pair).
  std::optional<ChoiceSpec> choice;
  // The rail booking cut-off of lane `lane`'s containers, in hours before their train leaves.
  double rail_cutoff_hours(int lane) const { return doors && lane == focus_lane ? doors->cutoff_hours : 0.0; }

  const Lane& focus() const { return lanes.at(static_cast<std::size_t>(focus_lane)); }
  // Lane `lane`'s sea alternative and prices: the top-level ones for the focus lane.
  const std::optional<SeaSpec>& sea_of(int lane) const {
    return lane == focus_lane ? sea : lanes.at(static_cast<std::size_t>(lane)).sea;
  }
  const std::optional<CostSpec>& costs_of(int lane) const {
    return lane == focus_lane ? costs : lanes.at(static_cast<std::size_t>(lane)).costs;
  }
  // The lanes with a sea alternative: the focus lane first (if it has one), then lane order.
  std::vector<int> sea_lanes() const {
    std::vector<int> out;
    if (sea)
      out.push_back(focus_lane);
    for (std::size_t lane = 0; lane < lanes.size(); ++lane)
      if (static_cast<int>(lane) != focus_lane && lanes[lane].sea)
        out.push_back(static_cast<int>(lane));
    return out;
  }
  // The key path of lane `lane`'s `sea` or `costs` section ("sea", "lanes.3.sea").
  std::string section_path(int lane, const std::string& section) const {
    if (lane == focus_lane)
      return section;
    return lanes.at(static_cast<std::size_t>(lane)).key_path + "." + section;
  }
  bool is_network() const { return lanes.size() > 1; }
  // The terminals a tracked lane's services start or end at, by node name.
  std::vector<std::string> lane_terminals(int lane) const {
    std::vector<std::string> out;
    for (const auto& svc : rail.services)
      if (svc.lane == lane && !svc.background && svc.route.size() >= 2)
        for (const auto& node : {svc.route.front(), svc.route.back()})
          if (std::find(out.begin(), out.end(), node) == out.end())
            out.push_back(node);
    return out;
  }
  const Distribution& border_dwell_at(const std::string& node, Direction d) const {
    auto it = rail.border_dwell_hours_at.find(node);
    return it == rail.border_dwell_hours_at.end() ? rail.border_dwell_hours : it->second.of(d);
  }
};

} // namespace rongou
