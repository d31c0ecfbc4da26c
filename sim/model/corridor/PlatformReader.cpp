#include "model/corridor/PlatformReader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "base/Identifier.hpp"
#include "base/Utf8.hpp"
#include "engine/LoadedPlatform.hpp"
#include "model/corridor/PlatformLimits.hpp"

namespace rongou {

namespace {

// Where an element's id stands in the platform file, for messages: SimGrid does not tell.
class PlatformPlaces {
public:
  explicit PlatformPlaces(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    text_ = text.str();
  }
  // The id as written, or with the usual character references (&quot;, &#10;...);
  // {0, 0} when the file spells it another way.
  std::pair<int, int> of(const std::string& id) const {
    for (const std::string& spelling : {id, with_references(id)})
      for (const char quote : {'"', '\''}) {
        const auto place = find(fmt::format("id={0}{1}{0}", quote, spelling));
        if (place.first > 0)
          return place;
      }
    return {0, 0};
  }

private:
  static std::string with_references(const std::string& text) {
    std::string out;
    for (const char c : text) {
      switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default: out += c;
      }
    }
    return out;
  }

  std::pair<int, int> find(const std::string& attribute) const {
    const auto at = text_.find(attribute);
    if (at == std::string::npos)
      return {0, 0};
    const auto line_start = text_.rfind('\n', at);
    const int line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + static_cast<long>(at), '\n'));
    const int column = static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
    return {line, column};
  }

  std::string text_;
};

class PropertyReader {
public:
  PropertyReader(const std::string& file, Diagnostics& diagnostics)
      : file_(file), diagnostics_(diagnostics), places_(file) {}

  // A property that must be a finite number in [min, max] (a whole number with `integer`).
  template <class Entity>
  std::optional<double> number(const Entity& e, const char* what, const char* key, bool required, double min,
                               double max, bool integer = false) {
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
      fail(what, e.name, key, fmt::format("'{}' is not a number", printable(raw)));
      return std::nullopt;
    }
    if (!std::isfinite(v)) {
      fail(what, e.name, key, fmt::format("'{}' is not a finite number", printable(raw)));
      return std::nullopt;
    }
    if (v < min) {
      fail(what, e.name, key, fmt::format("{} is below the minimum {}", v, min));
      return std::nullopt;
    }
    if (v > max) {
      fail(what, e.name, key, fmt::format("{} is above the maximum {}", v, max));
      return std::nullopt;
    }
    if (integer && v != std::floor(v)) {
      fail(what, e.name, key, fmt::format("{} is not a whole number", v));
      return std::nullopt;
    }
    return v;
  }

  // A property held as an int: range-checked above, so the conversion is exact.
  template <class Entity>
  std::optional<int> count(const Entity& e, const char* what, const char* key, bool required, double min, double max) {
    const auto v = number(e, what, key, required, min, max, true);
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
  }

  template <class Entity> std::string text(const Entity& e, const char* key) {
    const auto found = e.properties.find(key);
    return found == e.properties.end() ? std::string() : found->second;
  }

  void fail(const char* what, const std::string& name, const char* key, const std::string& message) {
    const auto [line, column] = places_.of(name);
    diagnostics_.add({file_, line, column, fmt::format("{} '{}' property '{}'", what, printable(name), key), message});
  }

  // Ids become file names, CSV cells, chart labels and HTML: base/Identifier.hpp says what
  // they may hold.
  bool check_id(const char* what, const std::string& name) {
    const auto problem = identifier_problem(name);
    if (problem) {
      const auto [line, column] = places_.of(name);
      diagnostics_.add({file_, line, column, fmt::format("{} id", what), *problem});
    }
    return !problem;
  }

  // What SimGrid read itself (host speed, link bandwidth and latency): the model does not use
  // them, but they must be numbers SimGrid can compute with.
  void check_engine_value(const char* what, const std::string& name, const char* attribute, double value,
                          bool zero_allowed) {
    if (std::isfinite(value) && (value > 0 || (zero_allowed && value == 0)))
      return;
    const auto [line, column] = places_.of(name);
    diagnostics_.add({file_, line, column, fmt::format("{} '{}' {}", what, printable(name), attribute),
                      fmt::format("{} is not a finite number {}", value, zero_allowed ? "of at least 0" : "above 0")});
  }

private:
  const std::string& file_;
  Diagnostics& diagnostics_;
  PlatformPlaces places_;
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

// The line's own capacity (Segment): `track` single or double, a single track's passing
// loops (a count, or a spacing in km from which the count follows), a headway per direction.
void read_track_capacity(PropertyReader& props, const engine::PlatformLink& link, Segment& s) {
  const std::string track = props.text(link, "track");
  const bool has_loops = link.properties.count("passing_loops") > 0;
  const bool has_spacing = link.properties.count("loop_spacing_km") > 0;
  if (!track.empty() && track != "single" && track != "double")
    props.fail("link", s.id, "track", fmt::format("unknown track '{}'; use single or double", printable(track)));
  s.single_track = track == "single";
  if (s.single_track && s.mode != "rail")
    props.fail("link", s.id, "track",
               fmt::format("a {} segment has no rail track to be single; only rail segments may be", printable(s.mode)));
  const auto loops = props.count(link, "link", "passing_loops", false, 0, kMaxPassingLoops);
  const auto spacing = props.number(link, "link", "loop_spacing_km", false, 1e-3, kMaxSegmentKm);
  if ((has_loops || has_spacing) && !s.single_track)
    props.fail("link", s.id, has_loops ? "passing_loops" : "loop_spacing_km",
               "passing loops belong to a single-track segment (track single)");
  else if (has_loops && has_spacing)
    props.fail("link", s.id, "loop_spacing_km", "give passing_loops or loop_spacing_km, not both");
  else if (s.single_track && !has_loops && !has_spacing)
    props.fail("link", s.id, "track", "a single-track segment needs passing_loops or loop_spacing_km");
  if (loops)
    s.passing_loops = *loops;
  if (spacing) {
    // As few loops as keep every block within `spacing` km; blocks are then of equal length.
    const double count = std::ceil(s.distance_km / *spacing - 1e-9) - 1.0;
    if (count > kMaxPassingLoops)
      props.fail("link", s.id, "loop_spacing_km",
                 fmt::format("{} km apart on {} km is {} loops, above the maximum {}", *spacing, s.distance_km, count,
                             kMaxPassingLoops));
    else
      s.passing_loops = static_cast<int>(std::max(0.0, count));
  }
  const auto headway = props.number(link, "link", "headway_minutes", false, 0, kMaxHeadwayMinutes);
  if (headway && *headway > 0.0 && s.mode != "rail")
    props.fail("link", s.id, "headway_minutes", fmt::format("a {} segment has no headway; only rail segments do",
                                                            printable(s.mode)));
  else
    s.headway_minutes = headway.value_or(0.0);
}

} // namespace

Corridor read_corridor_from_engine(const std::string& platform_file, Diagnostics& diagnostics) {
  const engine::LoadedPlatform platform = engine::read_loaded_platform();
  PropertyReader props(platform_file, diagnostics);
  Corridor corridor;
  corridor.source_file = platform_file;

  static const std::set<std::string> known_kinds = {"terminal", "junction", "border", "break_of_gauge",
                                                    "traction_change", "port"};
  if (platform.hosts.empty())
    diagnostics.add({platform_file, 0, 0, "", "the platform has no host: a corridor needs nodes"});
  for (const auto& host : platform.hosts) {
    Node node;
    node.name = host.name;
    props.check_id("host", node.name);
    props.check_engine_value("host", node.name, "speed", host.speed, false);
    node.kinds = split_kinds(props.text(host, "kind"));
    if (node.kinds.empty())
      props.fail("host", node.name, "kind", "missing property");
    for (const auto& k : node.kinds)
      if (!known_kinds.count(k))
        props.fail("host", node.name, "kind", fmt::format("unknown node kind '{}'", printable(k)));
    node.country = props.text(host, "country");
    node.border_of = props.text(host, "border_of");
    for (const auto& [key, value] : {std::pair{"country", &node.country}, std::pair{"border_of", &node.border_of}})
      if (!value->empty())
        if (const auto problem = identifier_problem(*value))
          props.fail("host", node.name, key, *problem);
    if (node.is("break_of_gauge")) {
      TransshipmentYard yard;
      yard.tracks = props.count(host, "host", "tracks", true, 1, kMaxPlatformCount).value_or(1);
      yard.cranes = props.count(host, "host", "cranes", true, 1, kMaxPlatformCount).value_or(1);
      yard.cranes_per_train =
          props.count(host, "host", "cranes_per_train", false, 1, kMaxPlatformCount).value_or(yard.cranes);
      yard.crane_rate_feu_per_hour =
          props.number(host, "host", "crane_rate_feu_per_hour", true, 1e-6, kMaxCraneRateFeuPerHour).value_or(1);
      yard.handling_fixed_hours =
          props.number(host, "host", "handling_fixed_hours", false, 0, kMaxHandlingHours).value_or(0);
      node.yard = yard;
    }
    // A border node is a server when the platform gives its positions: per-train processing
    // by direction (entry and exit are not the same work) and, where published, a daily quota.
    if (node.is("border") && host.properties.count("crossing_positions")) {
      BorderCrossing crossing;
      crossing.positions = props.count(host, "host", "crossing_positions", true, 1, kMaxPlatformCount).value_or(1);
      const double both =
          props.number(host, "host", "crossing_processing_hours", true, 0, kMaxHandlingHours).value_or(0);
      crossing.processing_hours_westbound =
          props.number(host, "host", "crossing_processing_hours_westbound", false, 0, kMaxHandlingHours).value_or(both);
      crossing.processing_hours_eastbound =
          props.number(host, "host", "crossing_processing_hours_eastbound", false, 0, kMaxHandlingHours).value_or(both);
      crossing.trains_per_day =
          props.number(host, "host", "crossing_trains_per_day", false, 0.01, kMaxPlatformCount).value_or(0);
      crossing.opens_hour = props.number(host, "host", "crossing_opens_hour", false, 0, 24);
      crossing.closes_hour = props.number(host, "host", "crossing_closes_hour", false, 0, 24);
      if (crossing.opens_hour.has_value() != crossing.closes_hour.has_value())
        props.fail("host", node.name, crossing.opens_hour ? "crossing_closes_hour" : "crossing_opens_hour",
                   "opening hours need both crossing_opens_hour and crossing_closes_hour");
      else if (crossing.opens_hour && *crossing.opens_hour == *crossing.closes_hour)
        props.fail("host", node.name, "crossing_closes_hour",
                   "a crossing that closes when it opens is never open (leave both out for one open around the clock)");
      node.crossing = crossing;
    }
    node.lat = props.number(host, "host", "lat", false, -90, 90);
    node.lon = props.number(host, "host", "lon", false, -180, 180);
    corridor.add_node(std::move(node));
  }

  std::set<std::string> checked_links;
  for (const auto& link : platform.links) {
    Segment s;
    s.id = link.name;
    if (checked_links.insert(s.id).second) {
      props.check_id("link", s.id);
      props.check_engine_value("link", s.id, "bandwidth", link.bandwidth, false);
      props.check_engine_value("link", s.id, "latency", link.latency, true);
    }
    s.from = link.from;
    s.to = link.to;
    s.mode = props.text(link, "mode");
    if (s.mode.empty())
      s.mode = "rail";
    static const std::set<std::string> known_modes = {"rail", "inland_rail", "barge", "road", "sea", "ferry"};
    if (!known_modes.count(s.mode))
      props.fail("link", s.id, "mode",
                 fmt::format("unknown mode '{}'; use rail, inland_rail, barge, road, sea or ferry", printable(s.mode)));
    s.distance_km = props.number(link, "link", "distance_km", true, 1e-3, kMaxSegmentKm).value_or(1);
    s.distance_source = props.text(link, "distance_source");
    s.speed_km_per_day = props.number(link, "link", "speed_km_per_day", true, 1e-3, kMaxSpeedKmPerDay).value_or(1);
    s.road_distance_km = props.number(link, "link", "road_distance_km", false, 1e-3, kMaxSegmentKm).value_or(0.0);
    if (s.road_distance_km > 0.0)
      s.road_speed_km_per_day =
          props.number(link, "link", "road_speed_km_per_day", true, 1e-3, kMaxSpeedKmPerDay).value_or(1);
    // A ferry carries the boxes of trains between two ports (rail.ferries): its gauge is the
    // wagons' on the far side, so a gauge change before it is a yard's transfer at the port.
    if (s.mode == "rail" || s.mode == "ferry") {
      s.gauge_mm = props.count(link, "link", "gauge_mm", true, 1, kMaxPlatformCount).value_or(1435);
      if (s.gauge_mm != 1435 && s.gauge_mm != 1520)
        props.fail("link", s.id, "gauge_mm", fmt::format("{} is neither 1435 nor 1520", s.gauge_mm));
      s.max_train_feu = props.count(link, "link", "max_train_feu", true, 1, kMaxPlatformCount).value_or(1);
      const std::string electrified = props.text(link, "electrified");
      if (electrified != "" && electrified != "yes" && electrified != "no")
        props.fail("link", s.id, "electrified", fmt::format("'{}' is neither yes nor no", printable(electrified)));
      s.electrified = electrified == "yes";
    }
    read_track_capacity(props, link, s);
    corridor.add_segment(std::move(s));
  }
  return corridor;
}

} // namespace rongou
