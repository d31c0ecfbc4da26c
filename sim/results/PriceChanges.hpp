#pragma once
// Freight prices that change over a run (`kind: price` disruptions): a container pays the
// price in force on the day it is gated in at Chengdu, as a shipper books at that day's rate.
// Windows apply in scenario order: a set price (freight_usd_per_feu) replaces the price so
// far, then price_factor multiplies it. Pure functions of the scenario.
#include <string>

#include "scenario/Scenario.hpp"

namespace rongou {

// The scenario's base freight per FEU for "rail" (through rate or summed tariffs, before
// subsidy) or "sea" (ocean freight); 0 without costs.
double base_freight_usd(const Scenario& scenario, const std::string& mode);

// The price after applying disruption `d` (a price change) to `price`.
double apply_price_change(const Disruption& d, double price);

// Freight per FEU for a container of `mode` gated in at `gate_in_h`, with every price
// window of that mode active then applied; the first `windows` disruptions only, if given.
double freight_usd_at(const Scenario& scenario, const std::string& mode, double gate_in_h,
                      std::size_t windows = static_cast<std::size_t>(-1));

} // namespace rongou
