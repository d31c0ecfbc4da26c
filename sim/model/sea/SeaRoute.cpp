#include "model/sea/SeaRoute.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "scenario/ScenarioDiagnostic.hpp"

namespace rongou {

double SeaRoute::inland_nominal_h() const {
  double h = 0.0;
  for (const auto& l : inland)
    h += l.nominal_h;
  return h;
}

std::vector<TransportLeg> SeaRoute::legs() const {
  std::vector<TransportLeg> out;
  for (const auto& l : inland)
    out.push_back(l.leg);
  out.push_back(ocean.leg);
  out.back().via = "direct";
  out.push_back(last_leg.leg);
  for (const auto& h : hubs) {
    out.push_back(h.ocean.leg);
    out.push_back(h.feeder.leg);
    out[out.size() - 2].via = out.back().via = h.hub;
  }
  return out;
}

namespace {

// The segment a..b with one of the wanted modes, or a diagnostic.
const Segment* find_leg(const Scenario& s, const Corridor& corridor, Diagnostics& diagnostics, const std::string& path,
                        const std::string& a, const std::string& b, std::initializer_list<const char*> modes) {
  for (const auto* n : {&a, &b})
    if (corridor.node(*n) == nullptr) {
      report_at_key(s, diagnostics, path, fmt::format("the sea chain needs node '{}', which is not in platform {}", *n,
                                               corridor.source_file));
      return nullptr;
    }
  const Segment* seg = corridor.segment_between(a, b);
  if (seg == nullptr) {
    report_at_key(s, diagnostics, path,
           fmt::format("no segment joins '{}' and '{}' in platform {}", a, b, corridor.source_file));
    return nullptr;
  }
  for (const char* m : modes)
    if (seg->mode == m)
      return seg;
  report_at_key(s, diagnostics, path, fmt::format("segment '{}' is {}, which this leg cannot use", seg->id, seg->mode));
  return nullptr;
}

SeaLeg leg_of(const Segment& seg, const std::string& from, const std::string& to, int lane) {
  return SeaLeg{TransportLeg{from, to, seg.mode, seg.distance_km, lane, ""}, seg.nominal_hours()};
}

} // namespace

namespace {
SeaRoute build_chain(const Scenario& scenario, const SeaSpec& sea, const std::string& path, int lane,
                     const Corridor& corridor, Diagnostics& diagnostics);
SeaRoute build_eastbound_sea_route(const Scenario& scenario, int lane, const Corridor& corridor,
                                   Diagnostics& diagnostics);
} // namespace

SeaRoute build_sea_route(const Scenario& scenario, const Corridor& corridor, Diagnostics& diagnostics) {
  return build_sea_route(scenario, scenario.focus_lane, corridor, diagnostics);
}

SeaRoute build_sea_route(const Scenario& scenario, int lane, const Corridor& corridor, Diagnostics& diagnostics,
                         Direction direction) {
  if (direction == Direction::Eastbound)
    return build_eastbound_sea_route(scenario, lane, corridor, diagnostics);
  return build_chain(scenario, *scenario.sea_of(lane), scenario.section_path(lane, "sea"), lane, corridor, diagnostics);
}

namespace {

// The legs of `sea` in its westbound geography: origin -> origin port -> European port -> destination.
SeaRoute build_chain(const Scenario& scenario, const SeaSpec& sea, const std::string& path, int lane,
                     const Corridor& corridor, Diagnostics& diagnostics) {
  SeaRoute route;
  const auto key = [&](const char* k) { return path + "." + k; };
  // Both ends of the ocean leg are ports of the platform, whatever the scenario calls them.
  bool ports_known = true;
  for (auto [k, name] : {std::pair{"origin_port", &sea.origin_port}, std::pair{"european_port", &sea.european_port}}) {
    const Node* node = corridor.node(*name);
    if (node == nullptr)
      report_at_key(scenario, diagnostics, key(k),
                    fmt::format("the sea chain needs node '{}', which is not in platform {}", *name, corridor.source_file));
    else if (!node->is("port"))
      report_at_key(scenario, diagnostics, key(k),
                    fmt::format("'{}' is a {} node of platform {}, not a port", *name, fmt::join(node->kinds, ", "),
                                corridor.source_file));
    ports_known = ports_known && node != nullptr && node->is("port");
  }
  if (!ports_known)
    return route;
  if (sea.inland_mode == InlandMode::Rail) {
    if (auto* seg = find_leg(scenario, corridor, diagnostics, key("inland_mode"), sea.origin, sea.origin_port,
                             {"inland_rail", "rail"}))
      route.inland.push_back(leg_of(*seg, sea.origin, sea.origin_port, lane));
  } else {
    auto* rail = find_leg(scenario, corridor, diagnostics, key("inland_mode"), sea.origin, sea.barge_port,
                          {"inland_rail", "rail"});
    auto* barge =
        find_leg(scenario, corridor, diagnostics, key("inland_mode"), sea.barge_port, sea.origin_port, {"barge"});
    if (rail && barge) {
      route.inland.push_back(leg_of(*rail, sea.origin, sea.barge_port, lane));
      route.inland.push_back(leg_of(*barge, sea.barge_port, sea.origin_port, lane));
    }
  }
  if (auto* seg =
          find_leg(scenario, corridor, diagnostics, key("european_port"), sea.origin_port, sea.european_port, {"sea"})) {
    route.ocean = leg_of(*seg, sea.origin_port, sea.european_port, lane);
    if (sea.ocean_transit_days)
      route.ocean.nominal_h = *sea.ocean_transit_days * 24.0;
  }
  // Hubs: port nodes joined by sea to the origin port and to the European port.
  const std::vector<SeaLoop>& loops = sea.loops;
  for (std::size_t i = 0; i < loops.size(); ++i) {
    const std::string& hub = loops[i].hub;
    if (hub.empty() || route.hub(hub) != nullptr)
      continue;
    const std::string hub_key = fmt::format("{}.loops.{}.hub", path, i);
    const Node* node = corridor.node(hub);
    if (node == nullptr) {
      report_at_key(scenario, diagnostics, hub_key,
                    fmt::format("hub '{}' is not a node of platform {}", hub, corridor.source_file));
      continue;
    }
    if (!node->is("port")) {
      report_at_key(scenario, diagnostics, hub_key,
                    fmt::format("hub '{}' is a {} node of platform {}, not a port", hub, fmt::join(node->kinds, ", "),
                                corridor.source_file));
      continue;
    }
    if (hub == sea.european_port || hub == sea.origin_port) {
      report_at_key(scenario, diagnostics, hub_key,
                    fmt::format("hub '{}' is the section's {} port; a hub is a third port", hub,
                                hub == sea.european_port ? "European" : "origin"));
      continue;
    }
    const Segment* ocean = find_leg(scenario, corridor, diagnostics, hub_key, sea.origin_port, hub, {"sea"});
    const Segment* feeder = find_leg(scenario, corridor, diagnostics, hub_key, hub, sea.european_port, {"sea"});
    if (ocean && feeder) {
      HubLegs legs{hub, leg_of(*ocean, sea.origin_port, hub, lane), leg_of(*feeder, hub, sea.european_port, lane)};
      if (sea.feeder && sea.feeder->ocean_transit_days)
        legs.feeder.nominal_h = *sea.feeder->ocean_transit_days * 24.0;
      route.hubs.push_back(legs);
    }
  }
  if (auto* seg = find_leg(scenario, corridor, diagnostics, key("last_leg_mode"), sea.european_port, sea.destination,
                           {"inland_rail", "rail", "road"})) {
    if (sea.last_leg_mode == LastLegMode::Road && seg->mode != "road") {
      if (seg->road_distance_km <= 0.0)
        report_at_key(scenario, diagnostics, key("last_leg_mode"),
               fmt::format("segment '{}' has no road alternative (road_distance_km) in platform {}", seg->id,
                           corridor.source_file));
      else
        route.last_leg = SeaLeg{TransportLeg{sea.european_port, sea.destination, "road", seg->road_distance_km, lane, ""},
                                seg->road_distance_km / seg->road_speed_km_per_day * 24.0};
    } else if (sea.last_leg_mode == LastLegMode::Rail && seg->mode == "road") {
      report_at_key(scenario, diagnostics, key("last_leg_mode"),
             fmt::format("segment '{}' is road only in platform {}", seg->id, corridor.source_file));
    } else {
      route.last_leg = leg_of(*seg, sea.european_port, sea.destination, lane);
    }
  }
  // As for a rail route: a chain slower than the longest run never ends in reasonable time.
  const double nominal_h = route.inland_nominal_h() + route.ocean.nominal_h + route.last_leg.nominal_h;
  if (nominal_h > kMaxHorizonHours)
    report_at_key(scenario, diagnostics, path,
           fmt::format("the sea chain takes {:.0f} days at the speeds of platform {}, longer than the longest run "
                       "({:.0f} days)",
                       nominal_h / 24.0, corridor.source_file, kMaxHorizonDays));
  return route;
}

// The same chain the other way: each leg's ends swapped and the two land legs exchanged.
SeaRoute build_eastbound_sea_route(const Scenario& scenario, int lane, const Corridor& corridor,
                                   Diagnostics& diagnostics) {
  const SeaRoute geographic = build_chain(scenario, *scenario.sea_of(lane)->eastbound,
                                          scenario.section_path(lane, "sea") + ".eastbound", lane, corridor, diagnostics);
  const auto reversed = [](SeaLeg leg) {
    std::swap(leg.leg.from, leg.leg.to);
    return leg;
  };
  SeaRoute route;
  route.inland.push_back(reversed(geographic.last_leg));
  route.ocean = reversed(geographic.ocean);
  // The reader allows the rail on-carriage only: one leg from the Chinese port.
  if (!geographic.inland.empty())
    route.last_leg = reversed(geographic.inland.front());
  return route;
}

} // namespace

} // namespace rongou
