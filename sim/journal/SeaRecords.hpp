#pragma once
// Typed records of the sea chain and of the routes both modes took, so that costs (CO2 from
// distances, gauge-change fees per yard) are a pure function of the scenario and the journal.
// Times are hours since the start of the run, like every journal time.
#include <string>
#include <vector>

#include "journal/OptionalHours.hpp"

namespace rongou {

// One westbound container sent by sea: the same container id and gate-in as its rail twin.
struct SeaRecord {
  int container = 0;        // id in Journal::containers
  int lane = 0;             // Scenario::lanes index (fills the padding before gate_in_h)
  double gate_in_h = 0.0;   // at the lane's origin
  double port_arrival_h = 0.0; // at Shanghai, after the inland leg
  double inland_h = 0.0;       // inland leg, nominal + delay
  int sailing = -1;            // index in Journal::sailings, once it sailed
  int rolled = 0;              // sailings it was at the port in time for, but found full
  OptionalHours sailed_h;
  OptionalHours port_arrival_eu_h; // vessel berths at the European port
  double ocean_delay_h = 0.0;  // of its vessel, beyond the scheduled transit
  double port_dwell_h = 0.0;   // European port: discharge, customs, release
  double last_leg_h = 0.0;     // European port -> Lodz, nominal + delay
  OptionalHours arrived_h; // at Lodz
  double transit_h() const { return arrived_h ? *arrived_h - gate_in_h : 0.0; }
};
static_assert(sizeof(SeaRecord) <= 88, "one per westbound container of a lane with a sea alternative");

struct SailingRecord {
  int index = 0;            // k-th sailing of its lane's loop since the start of the run
  int lane = 0;             // Scenario::lanes index: each lane's sea alternative has its own slots
  double cutoff_h = 0.0;
  double departure_h = 0.0;
  int feu = 0;              // containers loaded
  int capacity_feu = 0;
  int rolled_feu = 0;       // at the port by the cut-off but left for a later sailing
  double scheduled_transit_h = 0.0;
  double delay_h = 0.0;          // schedule unreliability plus any sea_delay disruption
  double disruption_h = 0.0;     // the part of delay_h from sea_delay windows
  OptionalHours arrival_h; // at the European port
  int loop = 0;                  // SeaSpec::effective_loops index
  bool blanked = false;          // cancelled by the carrier: carries nothing, its boxes wait for the loop's next
  double rolled_share_drawn = 0.0; // of the boxes at the port by the cut-off, rolled by the carrier anyway
};
static_assert(sizeof(SailingRecord) <= 88, "one per sailing: a few hundred a run");

// The hub part of a sea container's chain (SeaLoop::hub), kept beside SeaRecord (whose size
// is bound) in Journal::sea_hub. Unset times: the box's loop called at the European port
// itself, or it has not got that far.
struct HubRecord {
  OptionalHours hub_arrival_h;      // mother vessel berths at the hub
  OptionalHours feeder_departure_h; // the feeder it boarded leaves the hub
  int feeder_sailing = -1;          // index in Journal::feeder_sailings
  double hub_wait_h() const { return hub_arrival_h && feeder_departure_h ? *feeder_departure_h - *hub_arrival_h : 0.0; }
};

// A stretch of a lane's sea chain, for CO2: mode is inland_rail, barge, sea or road.
struct TransportLeg {
  std::string from;
  std::string to;
  std::string mode;
  double distance_km = 0.0;
  int lane = 0; // Scenario::lanes index of the sea alternative it belongs to
  // Which boxes take it: "" every box of the lane, "direct" those whose loop calls at the
  // European port itself, a hub's name those discharged there for the feeder.
  std::string via;
  // The feeder from a hub on to the European port (SeaRoute::legs puts it after the ocean
  // leg into that hub), as opposed to the ocean legs of the loops.
  bool is_feeder() const { return mode == "sea" && !via.empty() && via != "direct" && from == via; }
};

// What a rail service's route is, for costs that depend on it.
struct RailRouteInfo {
  double length_km = 0.0;
  int gauge_changes = 0; // break-of-gauge yards the train is transshipped at
};

} // namespace rongou
