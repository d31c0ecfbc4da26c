#pragma once
// Containers (boxes) as a simulated stock (`boxes:`): empties at each terminal of the
// tracked lanes, drawn by loaded departures, returned by arrivals after a turn time, moved
// empty by rail in free slots, leased and off-hired. docs/model.md, docs/scenarios.md.
#include <map>
#include <optional>
#include <string>

namespace rongou {

// Approx. default price of one empty FEU moved by rail in a free slot of a timetabled
// train: an assumption (no published tariff for empty slots on China-Europe trains; the
// carriers' empty-return charges are quoted at a fraction of a loaded rate).
inline constexpr double kDefaultEmptyRailUsdPerFeu = 1000.0;

struct BoxLessorSpec {
  double lead_days = 5.0;       // from order to the box being at the terminal
  double pick_up_usd = 100.0;   // per box leased (one-way lease pick-up charge), approx.
  double drop_off_usd = 250.0;  // per box off-hired (drop-off charge), approx.
  std::optional<int> max_stock; // empties above this at a terminal go off-hire; absent: none do
};

enum class BoxReposition { Rail, None };

struct BoxSpec {
  std::map<std::string, int> stocks;  // empty FEU at each terminal on day 0, by node name
  double turn_hours = 48.0;           // unloading and inspection: arrived loaded -> empty again
  std::optional<BoxLessorSpec> lessor; // absent: no leasing and no off-hire
  BoxReposition reposition = BoxReposition::Rail;
  // Empties a terminal keeps for its own loaded departures before it sends any away: this
  // many weeks of the mean loaded demand leaving it (feu_per_week summed over the lanes'
  // directions that start there).
  double keep_weeks = 1.0;
  double empty_rail_usd_per_feu = kDefaultEmptyRailUsdPerFeu; // price of an empty moved by rail
};

} // namespace rongou
