#pragma once
// A disruption window of a scenario: from a day to a day, one thing on the corridor works
// less well (or not at all). Checked against the platform in rail/DisruptionPlan.
#include <optional>
#include <string>
#include <vector>

namespace rongou {

enum class DisruptionKind {
  Capacity,    // a gauge-change yard with fewer tracks and/or cranes in service
  Closure,     // a node (e.g. a border) or a segment closed: trains hold until it reopens
  Locomotives, // a traction section's pool reduced to `count`
  Slowdown,    // a segment run at a fraction of its speed
  SeaDelay,    // sailings leaving in the window take extra days on the ocean leg (e.g. round the Cape)
  Price,       // containers gated in during the window pay another freight price on one mode
};
const char* to_string(DisruptionKind kind);

// What trains do about a closure (`policy:`): hold where they are when they reach it, hold at
// their origin if they have not left yet, not run if they have not left yet, or, if they have
// not left yet, go round the closed place by a named detour.
enum class ClosurePolicy {
  Hold,         // every train about to run into the closed place holds there until it reopens
  HoldAtOrigin, // a train not yet left whose remaining route crosses it leaves when it reopens
  Cancel,       // a train not yet left whose remaining route crosses it does not run
  Reroute,      // a train not yet left whose remaining route crosses it within the detour's
                // `replaces` run takes the detour's `by` instead; any other holds as under Hold
};
const char* to_string(ClosurePolicy policy);

struct Disruption {
  DisruptionKind kind = DisruptionKind::Capacity;
  std::string path;     // "disruptions.N", for messages
  double from_day = 0.0; // window [from_day, to_day), days since the start of the run
  double to_day = 0.0;
  std::string node;                  // capacity, closure of a node
  std::vector<std::string> segment;  // closure or slowdown of a segment: [a, b]
  ClosurePolicy policy = ClosurePolicy::Hold; // closure: what trains not yet there do
  std::string detour;                // closure of policy reroute: the rail.detours entry taken
  std::vector<std::string> section;  // locomotives: [first node, last node] of a pool
  std::optional<double> factor;      // capacity: share of tracks and cranes left in service (0-1]
  std::optional<int> tracks;         // capacity: tracks left in service
  std::optional<int> cranes;         // capacity: cranes left in service
  int count = 0;                     // locomotives: locomotives left in the pool
  double speed_factor = 1.0;         // slowdown: share of the nominal speed (0-1]
  double extra_days = 0.0;           // sea_delay: days added to each sailing's ocean transit
  std::string mode;                  // price: "rail" or "sea"
  int lane = -1;                     // price: the lane whose prices change; -1 the focus lane
  std::string lane_name;             // price: that lane's name when it is not the focus lane
  std::optional<double> price_factor;        // price: freight multiplied by this
  std::optional<double> freight_usd_per_feu; // price: freight set to this (before price_factor)
  // Set on the windows a `calendar:` item made: its path ("calendar.closures.0") and name.
  // Outputs group windows by it; empty for the scenario's own `disruptions:`.
  std::string origin;
  std::string origin_name;

  double from_h() const { return from_day * 24.0; }
  double to_h() const { return to_day * 24.0; }
  bool active_at(double t_h) const { return t_h >= from_h() && t_h < to_h(); }
  // Whether a price change is on lane `lane`'s prices (`focus`: the scenario's focus lane).
  bool prices_lane(int lane, int focus) const { return (this->lane < 0 ? focus : this->lane) == lane; }
  // "Malaszewicze", "Brest-Malaszewicze", "ocean", "sea freight": where, for outputs.
  std::string where() const;
};

} // namespace rongou
