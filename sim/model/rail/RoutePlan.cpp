#include "model/rail/RoutePlan.hpp"

#include <algorithm>

#include "scenario/ScenarioDiagnostic.hpp"
#include <cmath>
#include <fmt/format.h>

namespace rongou {

namespace {

std::string unknown_node_message(const std::string& name, const Corridor& corridor) {
  const std::string suggestion = closest_match(name, corridor.node_names());
  return fmt::format("node '{}' is not in platform {}{}", name, corridor.source_file,
                     suggestion.empty() ? "" : fmt::format(" (did you mean '{}'?)", suggestion));
}

// Where item `i` of a service's route was written: a background lane's eastbound trains run
// its route reversed.
std::string route_item_path(const RailService& service, std::size_t i) {
  if (service.background)
    return fmt::format("{}.route.{}", service.key_path,
                       service.direction == Direction::Eastbound ? service.route.size() - 1 - i : i);
  return fmt::format("{}.route.{}", service.key_path, i);
}

// Where the second node of the pair (i, i+1) was written, counting along the route as
// written: a reversed route reports the same item for the same pair as the forward one.
bool reversed_route(const RailService& service) {
  return service.background && service.direction == Direction::Eastbound;
}

std::string second_of_pair_path(const RailService& service, std::size_t i) {
  return route_item_path(service, reversed_route(service) ? i : i + 1);
}

std::optional<std::size_t> position_in(const std::vector<std::string>& route, const std::string& node) {
  for (std::size_t i = 0; i < route.size(); ++i)
    if (route[i] == node)
      return i;
  return std::nullopt;
}

// Wagon fleets on a connected route: each fleet's section must run between two nodes where
// the route's trains are formed and broken up (origin, destination, gauge-change yard) with
// no gauge change between them, fleets must not overlap, and a fleet must hold the wagons of
// the longest train formed at either end, or that train would wait for ever.
void plan_wagon_fleets(const Scenario& scenario, const RailService& service, RoutePlan& plan,
                       Diagnostics& diagnostics) {
  const auto& fleets = scenario.rail.wagons;
  auto& stops = plan.stops;
  std::vector<int> carried_by(stops.size(), -1); // fleet carrying segment i -> i+1
  for (std::size_t f = 0; f < fleets.size(); ++f) {
    const WagonFleetSpec& fleet = fleets[f];
    const auto a = position_in(service.route, fleet.first_node);
    const auto b = position_in(service.route, fleet.second_node);
    if (!a || !b)
      continue;
    const std::size_t first = std::min(*a, *b);
    const std::size_t last = std::max(*a, *b);
    const std::string path = fmt::format("rail.wagons.{}.section", f);
    auto formed = [&](std::size_t i) { return i == 0 || i + 1 == stops.size() || stops[i].changes_gauge; };
    bool changes_between = false;
    for (std::size_t k = first + 1; k < last; ++k)
      changes_between = changes_between || stops[k].changes_gauge;
    if (!formed(first) || !formed(last) || changes_between) {
      report_at_key(scenario, diagnostics, path,
                    fmt::format("section {} is not where service '{}' forms and breaks up its trains of one gauge: "
                                "each end must be the route's origin, its destination or a gauge change, with no "
                                "gauge change between them",
                                fleet.label(), service.name));
      continue;
    }
    bool overlaps = false;
    for (std::size_t k = first; k < last && !overlaps; ++k) {
      if (carried_by[k] >= 0) {
        report_at_key(scenario, diagnostics, path,
                      fmt::format("section {} overlaps section {} on service '{}'", fleet.label(),
                                  fleets[static_cast<std::size_t>(carried_by[k])].label(), service.name));
        overlaps = true;
      }
      carried_by[k] = static_cast<int>(f);
    }
    if (overlaps)
      continue;
    stops[first].wagons_take = static_cast<int>(f);
    stops[first].wagons_take_end = first == *a ? 0 : 1;
    stops[last].wagons_return = static_cast<int>(f);
    stops[last].wagons_return_end = last == *a ? 0 : 1;
    // The longest train formed at `first`: the service's, cut to the length limit after it.
    const int train_feu = service.background ? service.background->load_feu : service.max_feu;
    const int feu = std::min(train_feu, stops[first].next->max_train_feu);
    const int per_wagon = std::max(1, fleet.feu_per_wagon);
    const int wagons = (feu + per_wagon - 1) / per_wagon;
    if (fleet.count < wagons)
      report_at_key(scenario, diagnostics, fmt::format("rail.wagons.{}.count", f),
                    fmt::format("{} wagons cannot form one train of service '{}' ({} FEU needs {} wagons at {} FEU "
                                "a wagon): it would wait for ever",
                                fleet.count, service.name, feu, wagons, per_wagon));
  }
}

} // namespace

std::vector<RoutePlan> build_route_plans(const Scenario& scenario, const Corridor& corridor,
                                         Diagnostics& diagnostics) {
  const auto& pools = scenario.rail.locomotives;
  std::vector<bool> pool_used(pools.size(), false);
  const auto& districts = scenario.rail.crews;
  std::vector<bool> district_used(districts.size(), false);
  std::vector<int> most_relays(districts.size(), 0); // over the routes that cross the district
  std::vector<RoutePlan> plans;
  const auto& fleets = scenario.rail.wagons;
  std::vector<bool> fleet_used(fleets.size(), false);

  for (std::size_t si = 0; si < scenario.rail.services.size(); ++si) {
    const RailService& service = scenario.rail.services[si];
    const std::string& service_path = service.key_path;
    RoutePlan plan;
    plan.service = service.name;
    bool connected = true;

    for (std::size_t i = 0; i < service.route.size(); ++i) {
      const std::string& name = service.route[i];
      const std::string path = route_item_path(service, i);
      const Node* node = corridor.node(name);
      if (node == nullptr) {
        report_at_key(scenario, diagnostics, path, unknown_node_message(name, corridor));
        connected = false;
        continue;
      }
      if (position_in(service.route, name) != i) {
        report_at_key(scenario, diagnostics, path, fmt::format("the route visits '{}' twice", name));
        connected = false;
      }
      RouteStop stop;
      stop.node = name;
      if (i > 0 && node->is("border")) {
        // A crossing with capacity in the platform is a server: its wait comes from the queue.
        if (node->crossing) {
          stop.crosses_border = true;
        } else if (scenario.is_network()) {
          report_at_key(scenario, diagnostics, path,
                        fmt::format("the route crosses border '{}', which has no capacity in platform {} "
                                    "(crossing_positions, crossing_processing_hours): with several lanes sharing "
                                    "it, its wait must come from its capacity",
                                    name, corridor.source_file));
        } else {
          stop.border_dwell_hours = scenario.border_dwell_at(name, service.direction);
        }
      }
      if (i + 1 < service.route.size() && corridor.node(service.route[i + 1]) != nullptr) {
        stop.next = corridor.segment_between(name, service.route[i + 1]);
        if (stop.next == nullptr) {
          report_at_key(scenario, diagnostics, second_of_pair_path(service, i),
                 fmt::format("no segment joins '{}' and '{}' in platform {}",
                             reversed_route(service) ? service.route[i + 1] : name,
                             reversed_route(service) ? name : service.route[i + 1], corridor.source_file));
          connected = false;
        } else if (stop.next->mode == "ferry") {
          const auto& ferries = scenario.rail.ferries;
          for (std::size_t f = 0; f < ferries.size(); ++f)
            if (ferries[f].joins(name, service.route[i + 1]))
              stop.ferry = static_cast<int>(f);
          if (stop.ferry < 0) {
            report_at_key(scenario, diagnostics, second_of_pair_path(service, i),
                          fmt::format("segment '{}' is a ferry crossing, but no line of rail.ferries sails it",
                                      stop.next->id));
            connected = false;
          }
        } else if (stop.next->mode != "rail") {
          report_at_key(scenario, diagnostics, second_of_pair_path(service, i),
                 fmt::format("segment '{}' is {}, not rail", stop.next->id, stop.next->mode));
          connected = false;
        }
        if (stop.next != nullptr && scenario.rail.incidents) {
          const auto& incidents = *scenario.rail.incidents;
          const double rate = (incidents.rate_in(node->country) +
                               incidents.rate_in(corridor.node(service.route[i + 1])->country)) / 2.0;
          stop.expected_incidents = rate * stop.next->distance_km / 1000.0;
        }
      }
      if (i > 0 && i + 1 < service.route.size() && !service.background)
        for (std::size_t k = 0; k < scenario.rail.inspections.size(); ++k)
          if (scenario.rail.inspections[k].node == name && scenario.rail.inspections[k].applies_to(service.direction))
            stop.inspection = static_cast<int>(k);
      plan.stops.push_back(stop);
    }
    // Which sections a service uses follows from its route as written, even when a node of
    // it is faulty: otherwise one misspelt node would also report every pool as unused.
    for (std::size_t p = 0; p < pools.size(); ++p)
      if (position_in(service.route, pools[p].first_node) && position_in(service.route, pools[p].second_node))
        pool_used[p] = true;
    for (std::size_t d = 0; d < districts.size(); ++d)
      if (position_in(service.route, districts[d].first_node) && position_in(service.route, districts[d].second_node))
        district_used[d] = true;
    for (std::size_t f = 0; f < fleets.size(); ++f)
      if (position_in(service.route, fleets[f].first_node) && position_in(service.route, fleets[f].second_node))
        fleet_used[f] = true;
    if (!connected || plan.stops.size() < 2) {
      plans.push_back(std::move(plan));
      continue;
    }

    for (std::size_t i = 1; i < plan.stops.size(); ++i) {
      const Node* here = corridor.node(plan.stops[i].node);
      const Node* before = corridor.node(plan.stops[i - 1].node);
      plan.stops[i].admitted_on_approach = plan.stops[i].crosses_border && before->is("border") &&
                                           !here->border_of.empty() && before->border_of == here->border_of;
    }
    for (std::size_t i = 1; i + 1 < plan.stops.size(); ++i) {
      const Segment* in = plan.stops[i - 1].next;
      const Segment* out = plan.stops[i].next;
      if (in->gauge_mm == out->gauge_mm)
        continue;
      if (!corridor.node(plan.stops[i].node)->yard)
        report_at_key(scenario, diagnostics, route_item_path(service, i),
               fmt::format("the gauge changes at '{}' ({} to {} mm) but the platform gives it no transshipment yard",
                           plan.stops[i].node, in->gauge_mm, out->gauge_mm));
      else
        plan.stops[i].changes_gauge = true;
    }
    if (service.max_feu > plan.stops.front().next->max_train_feu)
      report_at_key(scenario, diagnostics, service_path + (service.background ? ".feu_per_train" : ".max_feu"),
             fmt::format("{} FEU is longer than segment '{}' allows ({} FEU)", service.max_feu,
                         plan.stops.front().next->id, plan.stops.front().next->max_train_feu));

    // Locomotive sections: a train holds one locomotive at a time, so sections on one route
    // must not overlap.
    std::vector<int> hauled_by(plan.stops.size(), -1); // pool hauling segment i -> i+1
    for (std::size_t p = 0; p < pools.size(); ++p) {
      const auto a = position_in(service.route, pools[p].first_node);
      const auto b = position_in(service.route, pools[p].second_node);
      if (!a || !b)
        continue;
      pool_used[p] = true;
      const std::size_t first = std::min(*a, *b);
      const std::size_t last = std::max(*a, *b);
      for (std::size_t k = first; k < last; ++k) {
        if (hauled_by[k] >= 0) {
          report_at_key(scenario, diagnostics, fmt::format("rail.locomotives.{}.section", p),
                 fmt::format("section {} overlaps section {} on service '{}'", pools[p].label(),
                             pools[static_cast<std::size_t>(hauled_by[k])].label(), service.name));
          break;
        }
        hauled_by[k] = static_cast<int>(p);
      }
      plan.stops[first].acquire_pool = static_cast<int>(p);
      plan.stops[first].acquire_end = first == *a ? 0 : 1;
      plan.stops[last].release_pool = static_cast<int>(p);
    }
    // Crew districts: a train has one district's crews at a time; a district longer than a
    // crew may drive is worked in relays, a crew for each, all taken at the district's start.
    std::vector<int> crewed_by(plan.stops.size(), -1); // district working segment i -> i+1
    for (std::size_t d = 0; d < districts.size(); ++d) {
      const auto a = position_in(service.route, districts[d].first_node);
      const auto b = position_in(service.route, districts[d].second_node);
      if (!a || !b)
        continue;
      const std::size_t first = std::min(*a, *b);
      const std::size_t last = std::max(*a, *b);
      double district_h = 0.0;
      for (std::size_t k = first; k < last; ++k) {
        if (crewed_by[k] >= 0) {
          report_at_key(scenario, diagnostics, fmt::format("rail.crews.{}.district", d),
                 fmt::format("district {} overlaps district {} on service '{}'", districts[d].label(),
                             districts[static_cast<std::size_t>(crewed_by[k])].label(), service.name));
          break;
        }
        // A train is re-formed at a gauge change, and a part leaving the yard as a train of its
        // own would run on without crews: a district ends there.
        if (k > first && plan.stops[k].changes_gauge) {
          report_at_key(scenario, diagnostics, fmt::format("rail.crews.{}.district", d),
                 fmt::format("district {} spans the gauge change at {} on service '{}', where trains are "
                             "re-formed: end it there",
                             districts[d].label(), plan.stops[k].node, service.name));
          break;
        }
        crewed_by[k] = static_cast<int>(d);
        district_h += plan.stops[k].next->nominal_hours();
      }
      const int relays = std::max(1, static_cast<int>(std::ceil(district_h / districts[d].max_duty_hours - 1e-9)));
      most_relays[d] = std::max(most_relays[d], relays);
      plan.stops[first].acquire_crews = static_cast<int>(d);
      plan.stops[first].acquire_crews_end = first == *a ? 0 : 1;
      plan.stops[first].crews_per_train = relays;
      plan.stops[last].release_crews = static_cast<int>(d);
    }
    plan_wagon_fleets(scenario, service, plan, diagnostics);
    plan.length_km = corridor.route_length_km(service.route);
    // Past this the run would only end after centuries of sleeping trains, and its weekly
    // series would grow with them: a platform's slowest allowed speed reaches it easily.
    double nominal_h = 0.0;
    const Segment* slowest = plan.stops.front().next;
    for (std::size_t i = 0; i + 1 < plan.stops.size(); ++i) {
      nominal_h += plan.stops[i].next->nominal_hours();
      if (plan.stops[i].next->speed_km_per_day < slowest->speed_km_per_day)
        slowest = plan.stops[i].next;
    }
    if (nominal_h > kMaxHorizonHours)
      report_at_key(scenario, diagnostics, service_path + ".route",
             fmt::format("the route takes {:.0f} days at the speeds of platform {}, longer than the longest run "
                         "({:.0f} days); its slowest segment is '{}' at {} km/day",
                         nominal_h / 24.0, corridor.source_file, kMaxHorizonDays, slowest->id,
                         slowest->speed_km_per_day));
    plans.push_back(std::move(plan));
  }

  for (std::size_t p = 0; p < pools.size(); ++p) {
    const std::string path = fmt::format("rail.locomotives.{}.section", p);
    for (const auto* end : {&pools[p].first_node, &pools[p].second_node})
      if (!end->empty() && corridor.node(*end) == nullptr)
        report_at_key(scenario, diagnostics, path, unknown_node_message(*end, corridor));
    if (!pool_used[p])
      report_at_key(scenario, diagnostics, path,
             fmt::format("section {} is not on the route of any service (both ends must be on one route)",
                         pools[p].label()));
    else if (pools[p].count == 0)
      report_at_key(scenario, diagnostics, fmt::format("rail.locomotives.{}.count", p),
             fmt::format("a pool of 0 locomotives on section {}, which trains use, would leave them waiting for ever",
                         pools[p].label()));
  }
  for (std::size_t d = 0; d < districts.size(); ++d) {
    const std::string path = fmt::format("rail.crews.{}.district", d);
    for (const auto* end : {&districts[d].first_node, &districts[d].second_node})
      if (!end->empty() && corridor.node(*end) == nullptr)
        report_at_key(scenario, diagnostics, path, unknown_node_message(*end, corridor));
    if (!district_used[d])
      report_at_key(scenario, diagnostics, path,
             fmt::format("district {} is not on the route of any service (both ends must be on one route)",
                         districts[d].label()));
    else if (districts[d].count < most_relays[d])
      report_at_key(scenario, diagnostics, fmt::format("rail.crews.{}.count", d),
             fmt::format("{} crews in district {}, but a train needs {} (its running time at the platform's speeds "
                         "over max_duty_hours {}): trains would wait for ever",
                         districts[d].count, districts[d].label(), most_relays[d], districts[d].max_duty_hours));
  }
  for (std::size_t f = 0; f < fleets.size(); ++f) {
    const std::string path = fmt::format("rail.wagons.{}.section", f);
    for (const auto* end : {&fleets[f].first_node, &fleets[f].second_node})
      if (!end->empty() && corridor.node(*end) == nullptr)
        report_at_key(scenario, diagnostics, path, unknown_node_message(*end, corridor));
    if (!fleet_used[f])
      report_at_key(scenario, diagnostics, path,
                    fmt::format("section {} is not on the route of any service (both ends must be on one route)",
                                fleets[f].label()));
  }
  for (const auto& [node, _] : scenario.rail.border_dwell_hours_at) {
    const Node* n = corridor.node(node);
    if (n == nullptr)
      report_at_key(scenario, diagnostics, "rail.border_dwell_hours_at." + node, unknown_node_message(node, corridor));
    else if (n->crossing)
      report_at_key(scenario, diagnostics, "rail.border_dwell_hours_at." + node,
                    fmt::format("'{}' is a crossing with capacity in platform {}: its wait comes from its queue and "
                                "processing, not from a dwell",
                                node, corridor.source_file));
  }
  for (const auto& inspection : scenario.rail.inspections) {
    const std::string path = inspection.key_path + ".node";
    if (corridor.node(inspection.node) == nullptr) {
      report_at_key(scenario, diagnostics, path, unknown_node_message(inspection.node, corridor));
      continue;
    }
    const bool passed = std::any_of(scenario.rail.services.begin(), scenario.rail.services.end(), [&](const auto& svc) {
      const auto at = std::find(svc.route.begin(), svc.route.end(), inspection.node);
      return !svc.background && inspection.applies_to(svc.direction) && at != svc.route.end() &&
             at != svc.route.begin() && at + 1 != svc.route.end();
    });
    if (!passed)
      report_at_key(scenario, diagnostics, path,
                    fmt::format("no tracked service{} passes '{}' on its way (an origin or destination holds no "
                                "container for inspection)",
                                inspection.direction ? std::string(" ") + to_string(*inspection.direction) : "",
                                inspection.node));
  }
  for (const auto& ferry : scenario.rail.ferries) {
    const std::string path = ferry.key_path + ".ports";
    const Node* first = corridor.node(ferry.first_port);
    const Node* second = corridor.node(ferry.second_port);
    for (const auto* port : {&ferry.first_port, &ferry.second_port})
      if (!port->empty() && corridor.node(*port) == nullptr)
        report_at_key(scenario, diagnostics, path, unknown_node_message(*port, corridor));
    if (first == nullptr || second == nullptr)
      continue;
    const Segment* crossing = corridor.segment_between(ferry.first_port, ferry.second_port);
    if (crossing == nullptr || crossing->mode != "ferry")
      report_at_key(scenario, diagnostics, path,
                    fmt::format("no ferry segment joins '{}' and '{}' in platform {}", ferry.first_port,
                                ferry.second_port, corridor.source_file));
  }
  if (scenario.rail.incidents)
    for (const auto& [country, _] : scenario.rail.incidents->per_1000_train_km_by_country) {
      const auto& nodes = corridor.nodes();
      if (std::none_of(nodes.begin(), nodes.end(), [&](const auto& n) { return n.second.country == country; }))
        report_at_key(scenario, diagnostics, "rail.incidents.per_1000_train_km_by_country." + country,
                      fmt::format("no node of platform {} is in country '{}'", corridor.source_file, country));
    }
  return plans;
}

std::optional<RunInRoute> find_run(const std::vector<std::string>& route, const std::vector<std::string>& run) {
  if (run.empty() || run.size() > route.size())
    return std::nullopt;
  for (const bool reversed : {false, true}) {
    std::vector<std::string> wanted = run;
    if (reversed)
      std::reverse(wanted.begin(), wanted.end());
    const auto at = std::search(route.begin(), route.end(), wanted.begin(), wanted.end());
    if (at != route.end())
      return RunInRoute{static_cast<std::size_t>(at - route.begin()), reversed};
  }
  return std::nullopt;
}

std::optional<RoutePlan> build_detoured_plan(const Scenario& scenario, std::size_t service, const DetourSpec& detour,
                                             const Corridor& corridor, Diagnostics& diagnostics) {
  const RailService& original = scenario.rail.services[service];
  const auto run = find_run(original.route, detour.replaces);
  if (!run)
    return std::nullopt;
  std::vector<std::string> by = detour.by;
  if (run->reversed)
    std::reverse(by.begin(), by.end());
  RailService detoured = original;
  detoured.route.assign(original.route.begin(), original.route.begin() + static_cast<std::ptrdiff_t>(run->first));
  detoured.route.insert(detoured.route.end(), by.begin(), by.end());
  detoured.route.insert(detoured.route.end(),
                        original.route.begin() + static_cast<std::ptrdiff_t>(run->first + detour.replaces.size()),
                        original.route.end());
  // The detoured service alone, so that the checks of the other services are not repeated.
  Scenario alone = scenario;
  alone.rail.services = {detoured};
  Diagnostics all;
  auto plans = build_route_plans(alone, corridor, all);
  // Only the faults of the detoured route itself: sections, districts and fleets the other
  // services use are on no route of this one, and were checked with the scenario's plans.
  for (const auto& d : all.items())
    if (d.key_path.rfind(original.key_path + ".", 0) == 0)
      diagnostics.add(d);
  return std::move(plans.front());
}

double nominal_hours(const RoutePlan& plan) {
  double hours = 0.0;
  for (const auto& stop : plan.stops)
    if (stop.next != nullptr)
      hours += stop.next->nominal_hours();
  return hours;
}

} // namespace rongou
