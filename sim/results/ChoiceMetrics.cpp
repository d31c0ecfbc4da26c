#include "results/ChoiceMetrics.hpp"

#include <map>

#include "scenario/EmissionEstimate.hpp"

namespace rongou {

namespace {

bool measured(const Scenario& s, double gate_in_h) {
  return gate_in_h >= s.warmup_days * 24.0 && gate_in_h < s.horizon_days * 24.0;
}

struct Sums {
  int feu = 0;
  int delivered = 0;
  double cost = 0.0;
  double days = 0.0;
  ModeCarried carried() const {
    ModeCarried m;
    m.feu = feu;
    m.delivered_feu = delivered;
    m.mean_generalised_cost_usd = feu > 0 ? cost / feu : 0.0;
    m.mean_door_to_door_days = delivered > 0 ? days / delivered : 0.0;
    return m;
  }
};

// The routes of a westbound market split by `choice.routes`, then sea: what each carried.
std::vector<RouteCarried> route_metrics(const Scenario& scenario, const Journal& journal,
                                        const std::vector<int>& sea_record) {
  const ChoiceSpec& spec = *scenario.choice;
  const CostSpec& costs = *scenario.costs;
  const std::size_t n = spec.routes.size() + 1;
  std::vector<RouteCarried> out(n);
  std::vector<double> km(n, 0.0);
  for (std::size_t r = 0; r < spec.routes.size(); ++r) {
    out[r].name = spec.routes[r].name;
    const auto& service = scenario.rail.services[spec.routes[r].services.front()];
    if (auto it = journal.rail_routes.find(service.name); it != journal.rail_routes.end())
      km[r] = it->second.length_km;
  }
  out.back().name = "sea";
  // Sea's legs and its CO2 per FEU of each class, once: every sea box of a class emits the same.
  std::vector<double> sea_co2_by_class(spec.classes.size(), 0.0);
  for (const auto& leg : journal.sea_legs)
    if (leg.lane == scenario.focus_lane && (leg.via.empty() || leg.via == "direct")) {
      km.back() += leg.distance_km;
      for (std::size_t k = 0; k < spec.classes.size(); ++k)
        sea_co2_by_class[k] += co2_kg_per_feu(costs, leg.mode, leg.distance_km, spec.classes[k].tonnes_per_feu);
    }
  std::vector<std::vector<double>> days(n);
  std::vector<double> money(n, 0.0), subsidy(n, 0.0), generalised(n, 0.0), co2(n, 0.0);
  int total = 0;
  for (const auto& c : journal.containers) {
    const ChoiceRecord& r = journal.choices[static_cast<std::size_t>(c.id)];
    if (!r.chooses() || r.mode == ChosenMode::Undecided || c.direction != Direction::Westbound ||
        !measured(scenario, c.created_h))
      continue;
    const bool by_rail = r.mode == ChosenMode::Rail;
    const std::size_t a = by_rail ? r.route : n - 1;
    const double tonnes = spec.classes[r.commodity].tonnes_per_feu;
    ++total;
    ++out[a].feu;
    money[a] += r.cost_usd;
    subsidy[a] += by_rail ? r.subsidy_usd : 0.0F;
    generalised[a] += r.generalised_usd;
    co2[a] += by_rail ? co2_kg_per_feu(costs, "rail", km[a], tonnes) : sea_co2_by_class[r.commodity];
    OptionalHours arrived = c.arrived_h;
    if (!by_rail) {
      const int i = sea_record[static_cast<std::size_t>(c.id)];
      arrived = i >= 0 ? journal.sea[static_cast<std::size_t>(i)].arrived_h : OptionalHours{};
    }
    if (arrived)
      days[a].push_back((*arrived - c.created_h) / 24.0);
  }
  for (std::size_t a = 0; a < n; ++a) {
    RouteCarried& route = out[a];
    route.distance_km = km[a];
    route.share_feu = total > 0 ? static_cast<double>(route.feu) / total : 0.0;
    route.door_to_door_days = describe(std::move(days[a]));
    if (route.feu > 0) {
      route.mean_money_usd = money[a] / route.feu;
      route.mean_subsidy_usd = subsidy[a] / route.feu;
      route.mean_generalised_cost_usd = generalised[a] / route.feu;
      route.co2e_kg_per_feu = co2[a] / route.feu;
    }
  }
  return out;
}

} // namespace

ChoiceMetrics compute_choice_metrics(const Scenario& scenario, const Journal& journal, Direction direction) {
  ChoiceMetrics m;
  if (!scenario.choice || journal.choices.empty())
    return m;
  const bool eastbound = direction == Direction::Eastbound;
  const std::vector<CommodityClass>& classes =
      eastbound ? scenario.choice->classes_of_eastbound() : scenario.choice->classes;
  const std::vector<SeaRecord>& sea_records = eastbound ? journal.sea_eastbound : journal.sea;
  // Where each box went by sea: its record, for delivery and rolling.
  std::vector<int> sea_record(journal.containers.size(), -1);
  for (std::size_t i = 0; i < sea_records.size(); ++i)
    if (sea_records[i].lane == scenario.focus_lane)
      sea_record[static_cast<std::size_t>(sea_records[i].container)] = static_cast<int>(i);

  std::vector<Sums> rail(classes.size()), sea(classes.size());
  double tonnes[2] = {0.0, 0.0}, value[2] = {0.0, 0.0};
  std::map<std::pair<int, int>, ChoiceWeek> weeks; // by (week, class)
  for (const auto& c : journal.containers) {
    const ChoiceRecord& r = journal.choices[static_cast<std::size_t>(c.id)];
    if (!r.chooses() || r.mode == ChosenMode::Undecided || c.direction != direction ||
        !measured(scenario, c.created_h))
      continue;
    const CommodityClass& commodity = classes[r.commodity];
    const bool by_rail = r.mode == ChosenMode::Rail;
    ++m.feu;
    ++(by_rail ? m.rail_feu : m.sea_feu);
    tonnes[by_rail ? 0 : 1] += commodity.tonnes_per_feu;
    value[by_rail ? 0 : 1] += commodity.cargo_value_usd;
    Sums& sums = (by_rail ? rail : sea)[r.commodity];
    ++sums.feu;
    sums.cost += r.generalised_usd;
    OptionalHours arrived = c.arrived_h;
    if (!by_rail) {
      const int i = sea_record[static_cast<std::size_t>(c.id)];
      arrived = i >= 0 ? sea_records[static_cast<std::size_t>(i)].arrived_h : OptionalHours{};
      if (i >= 0 && sea_records[static_cast<std::size_t>(i)].rolled > 0)
        ++m.rolled_sea_feu;
    }
    if (arrived) {
      ++m.delivered_feu;
      ++sums.delivered;
      sums.days += (*arrived - c.created_h) / 24.0;
    } else {
      ++m.in_system_feu;
    }
    if (r.left_behind > 0)
      ++m.overflow_feu;
    if (r.rechosen)
      ++m.rechosen_feu;
    m.subsidy_paid_usd += by_rail ? r.subsidy_usd : 0.0F;
    // Shippers' logistics cost: money before subsidy (a transfer, not a cost to the economy)
    // plus the inventory cost of the days the box actually took, up to the horizon if it is
    // still on its way.
    const double days_taken = ((arrived ? *arrived : 24.0 * scenario.horizon_days) - c.created_h) / 24.0;
    m.logistics_cost_usd +=
        r.cost_usd + commodity.value_of_time_fraction_per_day() * commodity.cargo_value_usd * days_taken;
    const int week = static_cast<int>(c.created_h / (24.0 * 7));
    ChoiceWeek& w = weeks[{week, r.commodity}];
    w.week = week;
    w.commodity = commodity.name;
    ++(by_rail ? w.rail_feu : w.sea_feu);
    w.overflow_feu += r.left_behind > 0 ? 1 : 0;
  }
  const auto share = [](double a, double b) { return a + b > 0.0 ? a / (a + b) : 0.0; };
  m.rail_share_feu = share(m.rail_feu, m.sea_feu);
  m.rail_share_tonnes = share(tonnes[0], tonnes[1]);
  m.rail_share_value = share(value[0], value[1]);
  for (std::size_t k = 0; k < classes.size(); ++k) {
    ClassChoice c;
    c.name = classes[k].name;
    c.rail = rail[k].carried();
    c.sea = sea[k].carried();
    c.feu = c.rail.feu + c.sea.feu;
    c.rail_share = share(c.rail.feu, c.sea.feu);
    m.by_class.push_back(std::move(c));
  }
  if (!eastbound && !scenario.choice->routes.empty())
    m.routes = route_metrics(scenario, journal, sea_record);
  // The expectations used, averaged over each week's days.
  std::map<int, std::pair<double, double>> expected;
  std::map<int, int> days;
  for (const auto& d : eastbound ? journal.choice_days_eastbound : journal.choice_days) {
    auto& e = expected[d.day / 7];
    e.first += d.rail_mean_days;
    e.second += d.sea_mean_days;
    ++days[d.day / 7];
  }
  for (auto& [key, w] : weeks) {
    if (auto it = expected.find(key.first); it != expected.end()) {
      w.expected_rail_days = it->second.first / days[key.first];
      w.expected_sea_days = it->second.second / days[key.first];
    }
    m.weeks.push_back(w);
  }
  return m;
}

SubsidyEffect subsidy_effect(const ChoiceMetrics& with, const ChoiceMetrics& without) {
  SubsidyEffect e;
  e.paid_usd = with.subsidy_paid_usd;
  e.rail_feu_added = with.rail_feu - without.rail_feu;
  if (e.rail_feu_added > 0.0)
    e.usd_per_feu_added = e.paid_usd / e.rail_feu_added;
  e.logistics_cost_change_usd = with.logistics_cost_usd - without.logistics_cost_usd;
  return e;
}

Scenario without_subsidy(Scenario scenario) {
  if (scenario.costs) {
    scenario.costs->rail.subsidy_usd_per_feu = 0.0;
    if (scenario.costs->rail.eastbound_subsidy_usd_per_feu)
      scenario.costs->rail.eastbound_subsidy_usd_per_feu = 0.0;
  }
  if (scenario.choice) {
    scenario.choice->subsidy_share_of_freight = 0.0;
    scenario.choice->subsidy_cap_usd_per_feu.reset();
    for (auto& c : scenario.choice->classes)
      c.subsidy_usd_per_feu = 0.0;
    for (auto& c : scenario.choice->eastbound_classes)
      c.subsidy_usd_per_feu = 0.0;
    scenario.choice->counterfactual = Counterfactual::None;
  }
  return scenario;
}

} // namespace rongou
