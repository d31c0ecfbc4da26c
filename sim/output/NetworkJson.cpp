#include "output/NetworkJson.hpp"

#include "output/SummaryJson.hpp"
#include "output/TextFile.hpp"

namespace rongou {

namespace {

// A node's kind on the map: what trains do there, terminal over yard over border.
const char* node_kind(const NodePlace& place) {
  if (place.terminal)
    return "terminal";
  if (place.yard)
    return "yard";
  if (place.border)
    return "border";
  return "junction";
}

nlohmann::ordered_json coordinate(const std::optional<double>& degrees) {
  return degrees ? nlohmann::ordered_json(rounded(*degrees, 4)) : nlohmann::ordered_json(nullptr);
}

} // namespace

nlohmann::ordered_json build_network_json(const Scenario& scenario, const Journal& journal, const RunResults& results) {
  nlohmann::ordered_json j;
  j["focus_lane"] = scenario.focus().name;
  j["nodes"] = nlohmann::ordered_json::array();
  for (const auto& place : journal.places)
    j["nodes"].push_back({{"name", place.node},
                          {"country", place.country},
                          {"lat", coordinate(place.lat)},
                          {"lon", coordinate(place.lon)},
                          {"kind", node_kind(place)}});
  j["lanes"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < results.rail.lanes.size(); ++i) {
    const LaneMetrics& lane = results.rail.lanes[i];
    nlohmann::ordered_json l = {{"name", lane.name}, {"background", lane.background}, {"focus", lane.focus}};
    for (Direction d : kDirections) {
      const auto it = lane.by_direction.find(d);
      l["trains_per_week"][to_string(d)] = rounded(it == lane.by_direction.end() ? 0.0 : it->second.trains.per_week);
    }
    l["routes"] = nlohmann::ordered_json::array();
    if (i < results.lane_routes.size())
      for (const auto& route : results.lane_routes[i].routes)
        l["routes"].push_back(route);
    j["lanes"].push_back(std::move(l));
  }
  j["servers"] = nlohmann::ordered_json::array();
  for (const auto& m : results.servers)
    j["servers"].push_back({{"node", m.node},
                            {"kind", to_string(m.kind)},
                            {"units", m.units},
                            {"utilisation", rounded(m.utilisation, 3)},
                            {"trains_per_day", rounded(m.trains_per_day)},
                            {"mean_wait_hours", rounded(m.wait_hours.mean)}});
  return j;
}

void write_network_json(const std::filesystem::path& file, const Scenario& scenario, const Journal& journal,
                        const RunResults& results) {
  write_text_file(file, build_network_json(scenario, journal, results).dump(2) + "\n");
}

} // namespace rongou
