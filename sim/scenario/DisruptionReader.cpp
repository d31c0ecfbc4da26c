#include "scenario/DisruptionReader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "scenario/ScenarioKeys.hpp"

namespace rongou {

const char* to_string(DisruptionKind kind) {
  switch (kind) {
  case DisruptionKind::Capacity:
    return "capacity";
  case DisruptionKind::Closure:
    return "closure";
  case DisruptionKind::Locomotives:
    return "locomotives";
  case DisruptionKind::Slowdown:
    return "slowdown";
  case DisruptionKind::SeaDelay:
    return "sea_delay";
  case DisruptionKind::Price:
    return "price";
  }
  return "?";
}

const char* to_string(ClosurePolicy policy) {
  switch (policy) {
  case ClosurePolicy::Hold:
    return "hold";
  case ClosurePolicy::HoldAtOrigin:
    return "hold_at_origin";
  case ClosurePolicy::Cancel:
    return "cancel";
  case ClosurePolicy::Reroute:
    return "reroute";
  }
  return "?";
}

std::string Disruption::where() const {
  if (kind == DisruptionKind::SeaDelay)
    return "ocean";
  if (kind == DisruptionKind::Price)
    return lane_name.empty() ? mode + " freight" : lane_name + " " + mode + " freight";
  if (!node.empty())
    return node;
  const auto& ends = segment.empty() ? section : segment;
  return ends.size() == 2 ? ends[0] + "-" + ends[1] : std::string();
}

namespace {

void remember(Scenario& s, const std::string& path, const YAML::Node& node) {
  if (node.IsDefined() && node.Mark().line >= 0)
    s.positions[path] = {node.Mark().line + 1, node.Mark().column + 1};
}

// [a, b] with two different node names.
std::vector<std::string> read_pair(const YamlReader& r, const YAML::Node& item, const std::string& key,
                                   const std::string& path, Scenario& s) {
  const std::string full = YamlReader::join(path, key);
  auto ends = r.text_list(item, key, path, true);
  remember(s, full, item[key]);
  if (!item[key])
    return {};
  if (ends.size() != 2 || ends[0] == ends[1]) {
    r.error(item[key], full, fmt::format("a {} is [first node, second node], two different nodes", key));
    return {};
  }
  return ends;
}

// Whether the scenario has a sea alternative on any lane.
bool any_sea(const YAML::Node& root) {
  if (root["sea"])
    return true;
  const YAML::Node lanes = root["lanes"];
  if (lanes && lanes.IsSequence())
    for (const auto& lane : lanes)
      if (lane.IsMap() && lane["sea"])
        return true;
  return false;
}

// The `lanes:` item lane `lane` was read from; a null node for the top-level lane.
YAML::Node lane_node(const YAML::Node& root, const Scenario& s, int lane) {
  const int item = s.lanes.at(static_cast<std::size_t>(lane)).item;
  return item < 0 ? YAML::Node() : root["lanes"][item];
}

const std::vector<std::string>& keys_of(DisruptionKind kind) { return disruption_keys().at(to_string(kind)); }

std::optional<Disruption> read_one(const YamlReader& r, const YAML::Node& root, const YAML::Node& item,
                                   const std::string& path, Scenario& s) {
  if (!r.expect_map(item, path))
    return std::nullopt;
  remember(s, path, item);
  Disruption d;
  d.path = path;
  const auto kind = r.text(item, "kind", path, true);
  if (!kind)
    return std::nullopt;
  if (*kind == "capacity")
    d.kind = DisruptionKind::Capacity;
  else if (*kind == "closure")
    d.kind = DisruptionKind::Closure;
  else if (*kind == "locomotives")
    d.kind = DisruptionKind::Locomotives;
  else if (*kind == "slowdown")
    d.kind = DisruptionKind::Slowdown;
  else if (*kind == "sea_delay")
    d.kind = DisruptionKind::SeaDelay;
  else if (*kind == "price")
    d.kind = DisruptionKind::Price;
  else {
    r.error(item["kind"], YamlReader::join(path, "kind"),
            fmt::format("'{}' is not a disruption kind; use capacity, closure, locomotives, slowdown, sea_delay or "
                        "price",
                        *kind));
    return std::nullopt;
  }
  r.check_keys(item, path, keys_of(d.kind));
  d.from_day = r.number(item, "from_day", path, true, 0.0, kMaxHorizonDays).value_or(0.0);
  d.to_day = r.number(item, "to_day", path, true, 0.0, kMaxHorizonDays).value_or(0.0);
  if (item["from_day"] && item["to_day"] && d.to_day <= d.from_day)
    r.error(item["to_day"], YamlReader::join(path, "to_day"), "a window ends after it starts (to_day > from_day)");

  switch (d.kind) {
  case DisruptionKind::Capacity: {
    d.node = r.text(item, "node", path, true).value_or("");
    remember(s, YamlReader::join(path, "node"), item["node"]);
    if (item["factor"])
      d.factor = r.number(item, "factor", path, true, 0.0, 1.0);
    if (item["tracks"])
      d.tracks = static_cast<int>(r.integer(item, "tracks", path, true, 1, 1000).value_or(1));
    if (item["cranes"])
      d.cranes = static_cast<int>(r.integer(item, "cranes", path, true, 1, 1000).value_or(1));
    remember(s, YamlReader::join(path, "tracks"), item["tracks"]);
    remember(s, YamlReader::join(path, "cranes"), item["cranes"]);
    remember(s, YamlReader::join(path, "factor"), item["factor"]);
    if (!item["factor"] && !item["tracks"] && !item["cranes"])
      r.error(item, path, "a capacity disruption needs factor (0-1), tracks or cranes");
    else if (item["factor"] && (item["tracks"] || item["cranes"]))
      r.error(item["factor"], YamlReader::join(path, "factor"), "give either factor or tracks/cranes, not both");
    break;
  }
  case DisruptionKind::Closure:
    if (item["node"]) {
      d.node = r.text(item, "node", path, true).value_or("");
      remember(s, YamlReader::join(path, "node"), item["node"]);
    }
    if (item["segment"])
      d.segment = read_pair(r, item, "segment", path, s);
    if (item["node"].IsDefined() == item["segment"].IsDefined())
      r.error(item, path, "a closure closes either a node or a segment: give exactly one of node, segment");
    if (const auto policy = r.text(item, "policy", path, false)) {
      if (*policy == "hold")
        d.policy = ClosurePolicy::Hold;
      else if (*policy == "hold_at_origin")
        d.policy = ClosurePolicy::HoldAtOrigin;
      else if (*policy == "cancel")
        d.policy = ClosurePolicy::Cancel;
      else if (*policy == "reroute")
        d.policy = ClosurePolicy::Reroute;
      else
        r.error(item["policy"], YamlReader::join(path, "policy"),
                fmt::format("'{}' is not a closure policy; use hold, hold_at_origin, cancel or reroute", *policy));
    }
    if (item["detour"]) {
      d.detour = r.text(item, "detour", path, true).value_or("");
      remember(s, YamlReader::join(path, "detour"), item["detour"]);
      if (d.policy != ClosurePolicy::Reroute)
        r.error(item["detour"], YamlReader::join(path, "detour"), "a detour is taken only under policy: reroute");
    } else if (d.policy == ClosurePolicy::Reroute) {
      r.error(item["policy"], YamlReader::join(path, "policy"),
              "policy reroute needs detour: the name of an entry of rail.detours");
    }
    break;
  case DisruptionKind::Locomotives:
    d.section = read_pair(r, item, "section", path, s);
    d.count = static_cast<int>(r.integer(item, "count", path, true, 0, 10000).value_or(0));
    remember(s, YamlReader::join(path, "count"), item["count"]);
    break;
  case DisruptionKind::Slowdown:
    d.segment = read_pair(r, item, "segment", path, s);
    d.speed_factor = r.number(item, "speed_factor", path, true, 0.01, 1.0).value_or(1.0);
    break;
  case DisruptionKind::SeaDelay:
    d.extra_days = r.number(item, "extra_days", path, true, 0.0, 365.0).value_or(0.0);
    if (!any_sea(root))
      r.error(item["kind"], YamlReader::join(path, "kind"), "a sea_delay needs the sea route it delays (a sea: section)");
    break;
  case DisruptionKind::Price: {
    d.mode = r.text(item, "mode", path, true).value_or("");
    if (item["mode"] && d.mode != "rail" && d.mode != "sea") {
      r.error(item["mode"], YamlReader::join(path, "mode"), fmt::format("'{}' is not a mode; use rail or sea", d.mode));
      d.mode.clear();
    }
    if (item["price_factor"])
      d.price_factor = r.number(item, "price_factor", path, true, 0.0, 100.0);
    if (item["freight_usd_per_feu"])
      d.freight_usd_per_feu = r.number(item, "freight_usd_per_feu", path, true, 0.0, 1e7);
    if (!item["price_factor"] && !item["freight_usd_per_feu"])
      r.error(item, path, "a price change needs price_factor (a multiplier) or freight_usd_per_feu (a new price)");
    if (const auto name = r.text(item, "lane", path, false)) {
      const auto found = std::find_if(s.lanes.begin(), s.lanes.end(), [&](const Lane& l) { return l.name == *name; });
      if (found == s.lanes.end()) {
        r.error(item["lane"], YamlReader::join(path, "lane"), fmt::format("no lane is named '{}'", *name));
        break;
      }
      if (const int index = static_cast<int>(found - s.lanes.begin()); index != s.focus_lane) {
        d.lane = index;
        d.lane_name = *name;
      }
    }
    // The focus lane's prices are the top-level costs; another lane's are its own.
    const YAML::Node lane_root = d.lane < 0 ? root : lane_node(root, s, d.lane);
    if (!lane_root["costs"])
      r.error(item["kind"], YamlReader::join(path, "kind"),
              d.lane_name.empty() ? "a price change needs the prices it changes (a costs: section)"
                                  : fmt::format("a price change needs the prices it changes: lane '{}' has no costs",
                                                d.lane_name));
    else if (d.mode == "sea" && !lane_root["sea"])
      r.error(item["mode"], YamlReader::join(path, "mode"), "a sea price change needs a sea route (a sea: section)");
    break;
  }
  }
  return d;
}

} // namespace

void read_disruptions(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node list = root["disruptions"];
  if (!list || list.IsNull())
    return;
  if (!r.expect_sequence(list, "disruptions"))
    return;
  for (std::size_t i = 0; i < list.size(); ++i)
    if (auto d = read_one(r, root, list[i], YamlReader::index("disruptions", i), s))
      s.disruptions.push_back(std::move(*d));
}

} // namespace rongou
