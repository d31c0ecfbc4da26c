#pragma once
// Both ends of both modes (`doors:`, docs/model.md "Doors: both ends of both modes"). The
// fixed-duration stages are drawn per container from streams of their own ("doors-origin",
// "doors-destination", keyed by container id), so a container's rail and sea twin get the
// same loading, clearances, unloading and drive, and the modes differ only by what the modes
// do. The waits (a closed destination terminal, a truck) come out of each mode's arrivals.
#include <cstdint>

#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct DoorDraws {
  double loading_h = 0.0;
  double export_clearance_h = 0.0;
  double unloading_h = 0.0;
  double import_clearance_h = 0.0;
  double drive_h = 0.0; // last mile, one way
};

DoorDraws draw_door_stages(const DoorSpec& spec, std::uint64_t seed, int container);

// After the run, from the arrivals at the destination terminals: fills journal.rail_doors (by
// container id, the focus lane's containers of both directions) and journal.sea_doors (by sea
// record, the focus lane's). Each flow (rail westbound, rail eastbound, sea) has the last
// mile's vehicles to itself: rail and sea are alternatives for the same containers. A
// container arriving while a closure holds its destination terminal is unloaded when it
// reopens. Without `doors:` it does nothing.
void record_doors(const Scenario& scenario, Journal& journal);

} // namespace rongou
