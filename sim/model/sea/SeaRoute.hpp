#pragma once
// The legs of the sea chain, worked out once from the scenario and the corridor (as RoutePlan
// does for trains); building it is where the `sea:` section is checked against the platform.
#include <string>
#include <vector>

#include "model/corridor/Corridor.hpp"
#include "journal/SeaRecords.hpp"
#include "scenario/Diagnostics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct SeaLeg {
  TransportLeg leg;
  double nominal_h = 0.0; // distance / speed, or the scenario's ocean_transit_days
};

// The legs of a loop that discharges at a hub (SeaLoop::hub) and of the feeder from there.
struct HubLegs {
  std::string hub;
  SeaLeg ocean;  // origin port -> hub, by platform distance (a loop's ocean_transit_days overrides it)
  SeaLeg feeder; // hub -> European port, nominal from the feeder's transit_days or the platform
};

struct SeaRoute {
  std::vector<SeaLeg> inland; // origin -> origin port (one rail leg, or rail + barge)
  SeaLeg ocean;               // origin port -> European port
  SeaLeg last_leg;            // European port -> destination
  std::vector<HubLegs> hubs;  // one per hub the loops name, in order of first use
  const HubLegs* hub(const std::string& name) const {
    for (const auto& h : hubs)
      if (h.hub == name)
        return &h;
    return nullptr;
  }
  double inland_nominal_h() const;
  std::vector<TransportLeg> legs() const;
};

// Lane `lane`'s sea chain (Scenario::sea_of). Adds a diagnostic, naming the scenario key
// ("sea.european_port", "lanes.3.sea.inland_mode"), for every node or segment the chain needs
// but the platform lacks (or has with the wrong mode), and for ports that are not port nodes.
// Eastbound (SeaSpec::eastbound, the focus lane's): the lane's European terminal -> European
// port -> origin port -> Chinese terminal, legs in travel order (`inland` is then the
// pre-carriage to the European port, `last_leg` the on-carriage to the Chinese terminal).
SeaRoute build_sea_route(const Scenario& scenario, int lane, const Corridor& corridor, Diagnostics& diagnostics,
                         Direction direction = Direction::Westbound);
// The focus lane's.
SeaRoute build_sea_route(const Scenario& scenario, const Corridor& corridor, Diagnostics& diagnostics);

} // namespace rongou
