#include "scenario/PriceChanges.hpp"

#include <algorithm>

namespace rongou {

double base_freight_usd(const Scenario& scenario, int lane, const std::string& mode, Direction direction) {
  const auto& costs = scenario.costs_of(lane);
  if (!costs)
    return 0.0;
  if (direction == Direction::Eastbound) {
    if (mode == "sea" && costs->sea.eastbound_freight_usd_per_feu)
      return *costs->sea.eastbound_freight_usd_per_feu;
    if (mode != "sea" && costs->rail.eastbound_through_rate_usd_per_feu)
      return *costs->rail.eastbound_through_rate_usd_per_feu;
  }
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

FreightSchedule::FreightSchedule(const Scenario& scenario, int lane, const std::string& mode, Direction direction)
    : base_usd_(base_freight_usd(scenario, lane, mode, direction)) {
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

double flat_rail_subsidy_usd(const Scenario& scenario, int lane, Direction direction) {
  const auto& costs = scenario.costs_of(lane);
  if (!costs)
    return 0.0;
  if (direction == Direction::Eastbound && costs->rail.eastbound_subsidy_usd_per_feu)
    return *costs->rail.eastbound_subsidy_usd_per_feu;
  return costs->rail.subsidy_usd_per_feu;
}

double rail_subsidy_usd_at(const Scenario& scenario, int lane, double gate_in_h, int class_index, Direction direction) {
  double subsidy = flat_rail_subsidy_usd(scenario, lane, direction);
  if (!scenario.choice || lane != scenario.focus_lane)
    return subsidy;
  const ChoiceSpec& choice = *scenario.choice;
  if (choice.subsidy_share_of_freight > 0.0) {
    double share =
        choice.subsidy_share_of_freight * FreightSchedule(scenario, lane, "rail", direction).usd_at(gate_in_h);
    if (choice.subsidy_cap_usd_per_feu)
      share = std::min(share, *choice.subsidy_cap_usd_per_feu);
    subsidy += share;
  }
  if (class_index >= 0) {
    const auto& classes = direction == Direction::Eastbound ? choice.classes_of_eastbound() : choice.classes;
    subsidy += classes.at(static_cast<std::size_t>(class_index)).subsidy_usd_per_feu;
  }
  return subsidy;
}

} // namespace rongou
