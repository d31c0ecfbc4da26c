#include "scenario/PriceChanges.hpp"

#include <algorithm>

namespace rongou {

double base_freight_usd(const Scenario& scenario, int lane, const std::string& mode) {
  const auto& costs = scenario.costs_of(lane);
  if (!costs)
    return 0.0;
  return mode == "sea" ? costs->sea.freight_usd_per_feu : costs->rail.freight_usd_per_feu();
}

double apply_price_change(const Disruption& d, double price) {
  if (d.freight_usd_per_feu)
    price = *d.freight_usd_per_feu;
  if (d.price_factor)
    price *= *d.price_factor;
  return price;
}

double freight_usd_at(const Scenario& scenario, int lane, const std::string& mode, double gate_in_h,
                      std::size_t windows) {
  double price = base_freight_usd(scenario, lane, mode);
  const std::size_t n = std::min(windows, scenario.disruptions.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto& d = scenario.disruptions[i];
    if (d.kind == DisruptionKind::Price && d.mode == mode && d.prices_lane(lane, scenario.focus_lane) &&
        d.active_at(gate_in_h))
      price = apply_price_change(d, price);
  }
  return price;
}

FreightSchedule::FreightSchedule(const Scenario& scenario, int lane, const std::string& mode)
    : base_usd_(base_freight_usd(scenario, lane, mode)) {
  for (const auto& d : scenario.disruptions)
    if (d.kind == DisruptionKind::Price && d.mode == mode && d.prices_lane(lane, scenario.focus_lane))
      windows_.push_back(&d);
}

double FreightSchedule::usd_at(double gate_in_h) const {
  double price = base_usd_;
  for (const Disruption* d : windows_)
    if (d->active_at(gate_in_h))
      price = apply_price_change(*d, price);
  return price;
}

double freight_usd_at(const Scenario& scenario, const std::string& mode, double gate_in_h, std::size_t windows) {
  return freight_usd_at(scenario, scenario.focus_lane, mode, gate_in_h, windows);
}

double rail_subsidy_usd_at(const Scenario& scenario, int lane, double gate_in_h, int class_index) {
  const auto& costs = scenario.costs_of(lane);
  double subsidy = costs ? costs->rail.subsidy_usd_per_feu : 0.0;
  if (!scenario.choice || lane != scenario.focus_lane)
    return subsidy;
  const ChoiceSpec& choice = *scenario.choice;
  if (choice.subsidy_share_of_freight > 0.0) {
    double share = choice.subsidy_share_of_freight * freight_usd_at(scenario, lane, "rail", gate_in_h);
    if (choice.subsidy_cap_usd_per_feu)
      share = std::min(share, *choice.subsidy_cap_usd_per_feu);
    subsidy += share;
  }
  if (class_index >= 0)
    subsidy += choice.classes.at(static_cast<std::size_t>(class_index)).subsidy_usd_per_feu;
  return subsidy;
}

} // namespace rongou
