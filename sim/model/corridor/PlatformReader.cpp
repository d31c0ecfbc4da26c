#include "model/corridor/PlatformReader.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <sstream>

#include "engine/LoadedPlatform.hpp"

namespace rongou {

namespace {

class PropertyReader {
public:
  PropertyReader(const std::string& file, Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  template <class Entity>
  std::optional<double> number(const Entity& e, const char* what, const char* key, bool required, double min) {
    const auto found = e.properties.find(key);
    if (found == e.properties.end()) {
      if (required)
        fail(what, e.name, key, "missing property");
      return std::nullopt;
    }
    const char* raw = found->second.c_str();
    char* end = nullptr;
    const double v = std::strtod(raw, &end);
    if (end == raw || *end != '\0') {
      fail(what, e.name, key, fmt::format("'{}' is not a number", raw));
      return std::nullopt;
    }
    if (v < min) {
      fail(what, e.name, key, fmt::format("{} is below the minimum {}", v, min));
      return std::nullopt;
    }
    return v;
  }

  template <class Entity> std::string text(const Entity& e, const char* key) {
    const auto found = e.properties.find(key);
    return found == e.properties.end() ? std::string() : found->second;
  }

  void fail(const char* what, const std::string& name, const char* key, const std::string& message) {
    diagnostics_.add({file_, 0, 0, fmt::format("{} '{}' property '{}'", what, name, key), message});
  }

private:
  const std::string& file_;
  Diagnostics& diagnostics_;
};

std::set<std::string> split_kinds(const std::string& text) {
  std::set<std::string> kinds;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty())
      kinds.insert(item);
  return kinds;
}

} // namespace

Corridor read_corridor_from_engine(const std::string& platform_file, Diagnostics& diagnostics) {
  const engine::LoadedPlatform platform = engine::read_loaded_platform();
  PropertyReader props(platform_file, diagnostics);
  Corridor corridor;
  corridor.source_file = platform_file;

  static const std::set<std::string> known_kinds = {"terminal", "junction", "border", "break_of_gauge",
                                                    "traction_change", "port"};
  for (const auto& host : platform.hosts) {
    Node node;
    node.name = host.name;
    node.kinds = split_kinds(props.text(host, "kind"));
    if (node.kinds.empty())
      props.fail("host", node.name, "kind", "missing property");
    for (const auto& k : node.kinds)
      if (!known_kinds.count(k))
        props.fail("host", node.name, "kind", fmt::format("unknown node kind '{}'", k));
    node.country = props.text(host, "country");
    node.border_of = props.text(host, "border_of");
    if (node.is("break_of_gauge")) {
      TransshipmentYard yard;
      yard.tracks = static_cast<int>(props.number(host, "host", "tracks", true, 1).value_or(1));
      yard.cranes = static_cast<int>(props.number(host, "host", "cranes", true, 1).value_or(1));
      yard.cranes_per_train =
          static_cast<int>(props.number(host, "host", "cranes_per_train", false, 1).value_or(yard.cranes));
      yard.crane_rate_feu_per_hour = props.number(host, "host", "crane_rate_feu_per_hour", true, 1e-6).value_or(1);
      yard.handling_fixed_hours = props.number(host, "host", "handling_fixed_hours", false, 0).value_or(0);
      node.yard = yard;
    }
    corridor.add_node(std::move(node));
  }

  for (const auto& link : platform.links) {
    Segment s;
    s.id = link.name;
    s.from = link.from;
    s.to = link.to;
    s.mode = props.text(link, "mode");
    if (s.mode.empty())
      s.mode = "rail";
    static const std::set<std::string> known_modes = {"rail", "inland_rail", "barge", "road", "sea"};
    if (!known_modes.count(s.mode))
      props.fail("link", s.id, "mode", fmt::format("unknown mode '{}'; use rail, inland_rail, barge, road or sea", s.mode));
    s.distance_km = props.number(link, "link", "distance_km", true, 1e-3).value_or(1);
    s.distance_source = props.text(link, "distance_source");
    s.speed_km_per_day = props.number(link, "link", "speed_km_per_day", true, 1e-3).value_or(1);
    s.road_distance_km = props.number(link, "link", "road_distance_km", false, 1e-3).value_or(0.0);
    if (s.road_distance_km > 0.0)
      s.road_speed_km_per_day = props.number(link, "link", "road_speed_km_per_day", true, 1e-3).value_or(1);
    if (s.mode == "rail") {
      s.gauge_mm = static_cast<int>(props.number(link, "link", "gauge_mm", true, 1).value_or(1435));
      if (s.gauge_mm != 1435 && s.gauge_mm != 1520)
        props.fail("link", s.id, "gauge_mm", fmt::format("{} is neither 1435 nor 1520", s.gauge_mm));
      s.max_train_feu = static_cast<int>(props.number(link, "link", "max_train_feu", true, 1).value_or(1));
    }
    corridor.add_segment(std::move(s));
  }
  return corridor;
}

} // namespace rongou
