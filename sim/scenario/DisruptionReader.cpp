#include "scenario/DisruptionReader.hpp"

#include <fmt/format.h>

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
  }
  return "?";
}

std::string Disruption::where() const {
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

const std::vector<std::string>& keys_of(DisruptionKind kind) {
  static const std::vector<std::string> capacity = {"kind", "from_day", "to_day", "node", "factor", "tracks", "cranes"};
  static const std::vector<std::string> closure = {"kind", "from_day", "to_day", "node", "segment"};
  static const std::vector<std::string> locomotives = {"kind", "from_day", "to_day", "section", "count"};
  static const std::vector<std::string> slowdown = {"kind", "from_day", "to_day", "segment", "speed_factor"};
  switch (kind) {
  case DisruptionKind::Capacity:
    return capacity;
  case DisruptionKind::Closure:
    return closure;
  case DisruptionKind::Locomotives:
    return locomotives;
  case DisruptionKind::Slowdown:
    return slowdown;
  }
  return capacity;
}

std::optional<Disruption> read_one(const YamlReader& r, const YAML::Node& item, const std::string& path,
                                   Scenario& s) {
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
  else {
    r.error(item["kind"], YamlReader::join(path, "kind"),
            fmt::format("'{}' is not a disruption kind; use capacity, closure, locomotives or slowdown", *kind));
    return std::nullopt;
  }
  r.check_keys(item, path, keys_of(d.kind));
  d.from_day = r.number(item, "from_day", path, true, 0.0, 365.0 * 100).value_or(0.0);
  d.to_day = r.number(item, "to_day", path, true, 0.0, 365.0 * 100).value_or(0.0);
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
    if (auto d = read_one(r, list[i], YamlReader::index("disruptions", i), s))
      s.disruptions.push_back(std::move(*d));
}

} // namespace rongou
