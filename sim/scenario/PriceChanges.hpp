#pragma once
// Freight prices that change over a run (`kind: price` disruptions): a container pays the
// price in force on the day it is gated in at its origin, as a shipper books at that day's
// rate. A price change is on one lane's prices (its `lane:`, the focus lane by default).
// Windows apply in scenario order: a set price (freight_usd_per_feu) replaces the price so
// far, then price_factor multiplies it. Eastbound (back-haul) boxes start from the eastbound
// prices (costs.rail.eastbound_*, costs.sea.eastbound_freight_usd_per_feu; the westbound ones
// when unset) and the same windows apply to them. Pure functions of the scenario.
#include <string>
#include <vector>

#include "scenario/Scenario.hpp"

namespace rongou {

// Lane `lane`'s base freight per FEU for "rail" (through rate or summed tariffs, before
// subsidy) or "sea" (ocean freight) in `direction`; 0 without costs.
double base_freight_usd(const Scenario& scenario, int lane, const std::string& mode,
                        Direction direction = Direction::Westbound);

// The price after applying disruption `d` (a price change) to `price`.
double apply_price_change(const Disruption& d, double price);

// Freight per FEU for a container of lane `lane` and `mode` gated in at `gate_in_h`, with
// every price window of that lane and mode active then applied; the first `windows`
// disruptions only, if given.
double freight_usd_at(const Scenario& scenario, int lane, const std::string& mode, double gate_in_h,
                      std::size_t windows = static_cast<std::size_t>(-1));
// The focus lane's.
double freight_usd_at(const Scenario& scenario, const std::string& mode, double gate_in_h,
                      std::size_t windows = static_cast<std::size_t>(-1));

// One lane's and mode's freight over a run, for pricing many containers: the price windows
// that can apply are picked from the scenario's disruptions once (a long run has thousands
// of windows of other kinds), and usd_at gives exactly what freight_usd_at gives.
class FreightSchedule {
public:
  FreightSchedule(const Scenario& scenario, int lane, const std::string& mode,
                  Direction direction = Direction::Westbound);
  double usd_at(double gate_in_h) const;

private:
  double base_usd_;
  std::vector<const Disruption*> windows_; // this lane's and mode's price windows, in scenario order
};

// The flat rail subsidy per FEU of lane `lane` in `direction` (costs.rail.subsidy_usd_per_feu,
// eastbound costs.rail.eastbound_subsidy_usd_per_feu when given); 0 without costs.
double flat_rail_subsidy_usd(const Scenario& scenario, int lane, Direction direction = Direction::Westbound);

// The rail subsidy per FEU paid to the shipper of a lane `lane` box of `direction` gated in
// at `gate_in_h`: the lane's flat subsidy and, for the focus lane with `choice:`, the share of
// that day's rail freight in that direction (capped) and the extra for its commodity class
// (`class_index` in the direction's classes, -1 for none).
double rail_subsidy_usd_at(const Scenario& scenario, int lane, double gate_in_h, int class_index,
                           Direction direction = Direction::Westbound);

} // namespace rongou
