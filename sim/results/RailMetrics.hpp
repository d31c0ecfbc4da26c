#pragma once
// Rail statistics of one run: a pure function of the scenario and the journal.
#include <map>
#include <string>
#include <vector>

#include "journal/Journal.hpp"
#include "results/ClosureMetrics.hpp"
#include "results/Punctuality.hpp"
#include "results/Statistics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct TrainCounts {
  int dispatched = 0; // timetabled departures from the origin in the measured window
  int arrived = 0;    // of those, how many reached the destination (all their parts)
  double per_week = 0.0;
  // Under a departure rule (RailMetrics::departure_rules): trains planned in the window that
  // the rule cancelled, and the mean hours a dispatched train was held at the origin.
  int cancelled = 0;
  double held_hours_mean = 0.0;
};

struct DirectionMetrics {
  int containers_offered = 0;   // gate-in in the measured window
  int containers_delivered = 0; // of those, arrived
  SampleSummary transit_days;   // door to door, gate-in at origin to arrival at destination
  WaitHours mean_waits;         // per delivered container
  double mean_nominal_running_h = 0.0;
  TrainCounts trains;
  double mean_train_load_feu = 0.0;
};

struct WeeklyRow {
  int week = 0;
  Direction direction = Direction::Westbound;
  int trains_dispatched = 0;
  int feu_dispatched = 0;
  int trains_arrived = 0; // train units, so a train split at a gauge change counts per part
  int feu_arrived = 0;
  // Empty-container balance at this direction's origin (see EmptyRepositioning.hpp); with
  // `boxes:`, the simulated one (add_simulated_empties).
  int empty_feu_dispatched = 0; // empties sent on this direction's trains' spare wagons
  int empty_feu_backlog = 0;    // surplus empties still at the origin at the end of the week;
                                // with boxes: the origin's whole empty stock then
  int feu_offered = 0;          // containers gated in that week at this direction's origin
  double demand_index = 1.0;    // the calendar's demand factor, averaged over the week's days
};

// Containers held by one inspection (rail.inspections).
struct InspectionTotals {
  std::string node;
  std::string direction; // westbound, eastbound, or both
  int held = 0;
  int boarded = 0;        // of those, on a later train by the end of the run
  double mean_hold_hours = 0.0; // detachment to boarding, of those boarded
};

struct DisruptionTotals {
  int index = 0; // in Scenario::disruptions
  std::string kind;
  std::string where;
  double from_day = 0.0;
  double to_day = 0.0;
  int trains_hit = 0;
  int containers_hit = 0;
  double train_hours = 0.0;     // sum of DisruptionHit::wait_h over trains
  double container_hours = 0.0; // wait_h x containers on the train (or sailing)
  int sailings_hit = 0;         // sea_delay: loaded sailings leaving in the window
  double sailing_hours = 0.0;   // sea_delay: hours added, summed over those sailings
  double extra_usd = 0.0;       // price: freight paid above the price before this window, summed
  std::string origin;           // the calendar item that made the window ("" for the scenario's own)
  std::string origin_name;
};

// One calendar item's windows together (a weekend closure makes one a week): the trains and
// containers they hit, each counted once however many of its windows hit it.
struct CalendarItemTotals {
  std::string origin; // "calendar.closures.0"
  std::string name;
  std::string kind;
  std::string where;  // the node, or the first segment of the area ("+N" more)
  int windows = 0;
  double window_days = 0.0; // summed over its windows
  int trains_hit = 0;
  int containers_hit = 0;
  double train_hours = 0.0;
  double container_hours = 0.0;
};

// One lane of a network run: its containers (tracked lanes) and its trains.
struct LaneMetrics {
  std::string name;
  bool background = false;
  bool focus = false;
  std::map<Direction, DirectionMetrics> by_direction;
  DirectionMetrics all;
  // The lane's own empty-container balance (as RailMetrics::empty_feu_per_week for the focus
  // lane), worked out for the focus lane and for lanes with costs, whose rail cost charges it.
  std::map<Direction, double> empty_feu_per_week;
};

// Everything but `lanes` describes the focus lane (Scenario::focus_lane), so a single-corridor
// run and a network run answer the same keys for the corridor the scenario is about.
struct RailMetrics {
  double window_start_h = 0.0; // warm-up excluded
  double window_end_h = 0.0;   // horizon
  std::map<Direction, DirectionMetrics> by_direction;
  DirectionMetrics all; // both directions together
  std::vector<WeeklyRow> weekly;
  std::vector<DisruptionTotals> disruptions; // one per scenario disruption, in scenario order
  std::vector<CalendarItemTotals> calendar;  // one per calendar closure or weather item, in scenario order
  std::vector<ClosureMetrics> closures;      // one per closure under `disruptions:`, in scenario order
  bool demand_calendar = false;              // the calendar moves demand (weekly feu_offered, demand_index)
  std::map<Direction, double> empty_feu_per_week; // measured window
  std::vector<LaneMetrics> lanes; // every lane, in scenario order, when there are several
  bool departure_rules = false;   // some tracked service leaves other than by its timetable
  bool incidents = false;         // trains meet incidents on the line (rail.incidents)
  bool inspections = false;       // containers are held for inspection (rail.inspections)
  bool ferries = false;           // some route crosses a ferry line (rail.ferries)
  // One per scenario inspection, of the focus lane's containers with gate-in in the window.
  std::vector<InspectionTotals> inspections_by_node;
  std::map<Direction, TrainPunctuality> punctuality; // the focus lane's trains
  double punctuality_tolerance_minutes = 0.0;
};

bool in_window(double t_h, const RailMetrics& m);
// Lane `lane`'s trains and containers week by week over the whole run, without empties.
std::vector<WeeklyRow> weekly_rows(const Scenario& scenario, const Journal& journal, int lane);
// With `boxes:`: fills empty_feu_dispatched (empties lane `lane`'s trains planned that week
// carried) and empty_feu_backlog (the empty stock at the direction's origin at the week's end).
void add_simulated_empties(const Journal& journal, int lane, std::vector<WeeklyRow>& weekly);
RailMetrics compute_rail_metrics(const Scenario& scenario, const Journal& journal);

} // namespace rongou
