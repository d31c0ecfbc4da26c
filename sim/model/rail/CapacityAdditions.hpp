#pragma once
// A scenario's what-ifs on the platform (`build:`): tracks, cranes and crossing positions
// added at a node, a new transshipment yard, a different per-train processing time or daily
// quota at a crossing; a segment's track made double (or single), its passing loops or headway. Applied to the corridor before routes are planned, so one platform
// serves the scenario that asks "what if Malaszewicze had two more tracks" and the one that
// does not. Removing capacity for a while is a disruption (`kind: capacity`), not this.
#include "model/corridor/Corridor.hpp"
#include "scenario/Diagnostics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// Adds a diagnostic, with the scenario's file and line, for a node missing from the platform,
// tracks or cranes added where there is no yard (and no new one), a new yard where there is
// one already, crossing figures where the platform gives the border no crossing, a segment
// missing from the platform or not rail, and passing loops on a double track.
void apply_capacity_additions(const Scenario& scenario, Corridor& corridor, Diagnostics& diagnostics);

} // namespace rongou
