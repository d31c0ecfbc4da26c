#include "scenario/SeaSpecReader.hpp"
#include "scenario/ScenarioKeys.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "base/Identifier.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace rongou {

const char* to_string(InlandMode mode) { return mode == InlandMode::Rail ? "rail" : "barge"; }
const char* to_string(LastLegMode mode) { return mode == LastLegMode::Rail ? "rail" : "road"; }
const char* to_string(Precarriage rule) { return rule == Precarriage::AsReady ? "as_ready" : "timed"; }
const char* to_string(SailingChoice rule) {
  return rule == SailingChoice::EarliestArrival ? "earliest_arrival" : "first_sailing";
}

namespace {
constexpr double kMaxDays = 365.0;

// A value of `k` among `allowed`, or an error naming them.
std::optional<std::string> read_choice(const YamlReader& r, const YAML::Node& node, const std::string& path,
                                       const char* k, const std::vector<std::string>& allowed) {
  auto value = r.text(node, k, path, false);
  if (!value)
    return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end())
    return value;
  std::string list;
  for (const auto& a : allowed)
    list += (list.empty() ? "" : ", ") + a;
  r.error(node[k], YamlReader::join(path, k), fmt::format("'{}' is not one of {}", *value, list));
  return std::nullopt;
}

// The weekly timetable keys a loop shares with the section's single loop.
void read_timetable(const YamlReader& r, const YAML::Node& node, const std::string& path, SeaLoop& loop) {
  const auto key = [&](const char* k) { return YamlReader::join(path, k); };
  const auto weekdays = r.text_list(node, "sailings", path, true);
  for (std::size_t k = 0; k < weekdays.size(); ++k) {
    if (auto wd = parse_weekday(weekdays[k]))
      loop.sailing_weekdays.push_back(*wd);
    else
      r.error(node["sailings"][k], YamlReader::index(key("sailings"), k),
              fmt::format("'{}' is not a weekday; use Mon, Tue, Wed, Thu, Fri, Sat or Sun", weekdays[k]));
  }
  std::sort(loop.sailing_weekdays.begin(), loop.sailing_weekdays.end());
  if (std::adjacent_find(loop.sailing_weekdays.begin(), loop.sailing_weekdays.end()) != loop.sailing_weekdays.end())
    r.error(node["sailings"], key("sailings"), "a weekday is listed twice");
  if (node["sailings"] && node["sailings"].IsSequence() && node["sailings"].size() == 0)
    r.error(node["sailings"], key("sailings"), "at least one sailing a week is needed");

  loop.sailing_hour = r.number(node, "sailing_hour", path, false, 0.0, 23.999).value_or(loop.sailing_hour);
  loop.cutoff_hours_before_sailing = r.number(node, "cutoff_hours_before_sailing", path, false, 0.0, 24.0 * 14)
                                         .value_or(loop.cutoff_hours_before_sailing);
  loop.vessel_capacity_feu =
      static_cast<int>(r.integer(node, "vessel_capacity_feu", path, true, 1, 100000).value_or(1));
  if (node["ocean_transit_days"])
    loop.ocean_transit_days = r.number(node, "ocean_transit_days", path, false, 1.0, kMaxDays);
  if (auto d = r.distribution(node, "ocean_delay_days", path, false, kMaxHorizonDays))
    loop.ocean_delay_days = *d;
}

std::vector<BlankSailingSeason> read_blank_seasons(const YamlReader& r, const YAML::Node& node,
                                                   const std::string& path) {
  std::vector<BlankSailingSeason> seasons;
  if (!r.expect_sequence(node, path))
    return seasons;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string item_path = YamlReader::index(path, i);
    const YAML::Node item = node[i];
    if (!r.expect_map(item, item_path))
      continue;
    r.check_keys(item, item_path, keys_at("sea.loops.*.blank_sailing_seasons.*"));
    BlankSailingSeason season;
    season.from_day = r.number(item, "from_day", item_path, true, 0.0, kMaxHorizonDays).value_or(0.0);
    season.to_day = r.number(item, "to_day", item_path, true, 0.0, kMaxHorizonDays).value_or(0.0);
    season.probability = r.number(item, "probability", item_path, true, 0.0, 1.0).value_or(0.0);
    if (item["to_day"] && season.to_day <= season.from_day)
      r.error(item["to_day"], YamlReader::join(item_path, "to_day"),
              fmt::format("{} is not after from_day ({})", season.to_day, season.from_day));
    seasons.push_back(season);
  }
  return seasons;
}

// The number of items under `loops`, and item i's `hub` (a null node when the item is not a map).
std::size_t loop_items(const YAML::Node& section) {
  const YAML::Node loops = section["loops"];
  return loops && loops.IsSequence() ? loops.size() : 0;
}

YAML::Node loop_hub(const YAML::Node& section, std::size_t i) {
  const YAML::Node item = section["loops"][i];
  return item.IsMap() ? item["hub"] : YAML::Node();
}

std::vector<SeaLoop> read_loops(const YamlReader& r, const YAML::Node& node, const std::string& path) {
  std::vector<SeaLoop> loops;
  if (!r.expect_sequence(node, path))
    return loops;
  if (node.size() == 0)
    r.error(node, path, "at least one loop is needed");
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string item_path = YamlReader::index(path, i);
    const YAML::Node item = node[i];
    if (!r.expect_map(item, item_path))
      continue;
    r.check_keys(item, item_path, keys_at("sea.loops.*"));
    SeaLoop loop;
    // The name keys the loop's random streams, so it must be there and unique.
    loop.name = r.text(item, "name", item_path, true).value_or("");
    if (item["name"] && !loop.name.empty()) {
      if (const auto problem = identifier_problem(loop.name))
        r.error(item["name"], YamlReader::join(item_path, "name"), "not a valid loop name: " + *problem);
      for (const auto& other : loops)
        if (other.name == loop.name)
          r.error(item["name"], YamlReader::join(item_path, "name"),
                  fmt::format("'{}' names two loops; each loop draws from streams of its own name", loop.name));
    }
    read_timetable(r, item, item_path, loop);
    loop.blank_sailing_probability =
        r.number(item, "blank_sailing_probability", item_path, false, 0.0, 0.95).value_or(0.0);
    if (item["blank_sailing_seasons"])
      loop.blank_sailing_seasons =
          read_blank_seasons(r, item["blank_sailing_seasons"], YamlReader::join(item_path, "blank_sailing_seasons"));
    if (auto d = r.distribution(item, "rolled_share", item_path, false, 0.95))
      loop.rolled_share = *d;
    if (auto h = r.text(item, "hub", item_path, false)) {
      loop.hub = *h;
      if (const auto problem = identifier_problem(*h))
        r.error(item["hub"], YamlReader::join(item_path, "hub"), "not a valid node name: " + *problem);
    }
    loops.push_back(std::move(loop));
  }
  return loops;
}

// `feeder:`: the hub -> European port service, a weekly timetable like a loop's.
SeaLoop read_feeder(const YamlReader& r, const YAML::Node& node, const std::string& path) {
  SeaLoop feeder;
  feeder.name = "feeder"; // names its streams ("sea-feeder/feeder") and actors
  if (!r.expect_map(node, path))
    return feeder;
  r.check_keys(node, path, keys_at("sea.feeder"));
  const auto key = [&](const char* k) { return YamlReader::join(path, k); };
  const auto weekdays = r.text_list(node, "sailings", path, true);
  for (std::size_t k = 0; k < weekdays.size(); ++k) {
    if (auto wd = parse_weekday(weekdays[k]))
      feeder.sailing_weekdays.push_back(*wd);
    else
      r.error(node["sailings"][k], YamlReader::index(key("sailings"), k),
              fmt::format("'{}' is not a weekday; use Mon, Tue, Wed, Thu, Fri, Sat or Sun", weekdays[k]));
  }
  std::sort(feeder.sailing_weekdays.begin(), feeder.sailing_weekdays.end());
  if (std::adjacent_find(feeder.sailing_weekdays.begin(), feeder.sailing_weekdays.end()) !=
      feeder.sailing_weekdays.end())
    r.error(node["sailings"], key("sailings"), "a weekday is listed twice");
  if (node["sailings"] && node["sailings"].IsSequence() && node["sailings"].size() == 0)
    r.error(node["sailings"], key("sailings"), "at least one feeder sailing a week is needed");
  feeder.sailing_hour = r.number(node, "sailing_hour", path, false, 0.0, 23.999).value_or(feeder.sailing_hour);
  feeder.cutoff_hours_before_sailing = r.number(node, "cutoff_hours_before_sailing", path, false, 0.0, 24.0 * 14)
                                           .value_or(24.0);
  feeder.vessel_capacity_feu = static_cast<int>(r.integer(node, "capacity_feu", path, true, 1, 100000).value_or(1));
  if (node["transit_days"])
    feeder.ocean_transit_days = r.number(node, "transit_days", path, false, 0.1, kMaxDays);
  if (auto d = r.distribution(node, "delay_days", path, false, kMaxHorizonDays))
    feeder.ocean_delay_days = *d;
  return feeder;
}

} // namespace

namespace {

// The keys of a section's single loop; with `loops` they belong in each loop.
constexpr const char* kSingleLoopKeys[] = {"sailings",           "sailing_hour",       "cutoff_hours_before_sailing",
                                           "vessel_capacity_feu", "ocean_transit_days", "ocean_delay_days"};

bool gives_timetable(const YAML::Node& node) {
  if (node["loops"])
    return true;
  for (const char* k : kSingleLoopKeys)
    if (node[k])
      return true;
  return false;
}

// The sailings of a section: `loops`, or the single loop of the section's own keys.
void read_sailings(const YamlReader& r, const YAML::Node& node, const std::string& path, SeaSpec& sea) {
  const auto key = [&](const char* k) { return YamlReader::join(path, k); };
  if (node["loops"]) {
    // One way to describe the sailings: a section with loops has no timetable of its own.
    for (const char* k : kSingleLoopKeys)
      if (node[k])
        r.error(node[k], key(k),
                "this key describes the section's single loop; with `loops` set it belongs in each loop");
    sea.loops = read_loops(r, node["loops"], key("loops"));
  } else {
    SeaLoop single;
    read_timetable(r, node, path, single);
    sea.sailing_weekdays = single.sailing_weekdays;
    sea.sailing_hour = single.sailing_hour;
    sea.cutoff_hours_before_sailing = single.cutoff_hours_before_sailing;
    sea.vessel_capacity_feu = single.vessel_capacity_feu;
    sea.ocean_transit_days = single.ocean_transit_days;
    sea.ocean_delay_days = single.ocean_delay_days;
  }
}

// The modes, pre-carriage and delays: each key given replaces what `sea` holds.
void read_chain_keys(const YamlReader& r, const YAML::Node& node, const std::string& path, SeaSpec& sea) {
  auto choice = [&](const char* k, const std::vector<std::string>& allowed) {
    return read_choice(r, node, path, k, allowed);
  };
  if (auto m = choice("inland_mode", {"rail", "barge"}))
    sea.inland_mode = *m == "rail" ? InlandMode::Rail : InlandMode::Barge;
  if (auto m = choice("last_leg_mode", {"rail", "road"}))
    sea.last_leg_mode = *m == "rail" ? LastLegMode::Rail : LastLegMode::Road;
  if (auto m = choice("precarriage", {"as_ready", "timed"}))
    sea.precarriage = *m == "timed" ? Precarriage::Timed : Precarriage::AsReady;
  if (auto m = choice("sailing_choice", {"earliest_arrival", "first_sailing"}))
    sea.sailing_choice = *m == "first_sailing" ? SailingChoice::FirstSailing : SailingChoice::EarliestArrival;
  sea.precarriage_margin_hours =
      r.number(node, "precarriage_margin_hours", path, false, 0.0, 24.0 * 14).value_or(sea.precarriage_margin_hours);
  if (auto d = r.distribution(node, "inland_delay_days", path, false, kMaxHorizonDays))
    sea.inland_delay_days = *d;
  if (auto d = r.distribution(node, "port_dwell_days", path, false, kMaxHorizonDays))
    sea.port_dwell_days = *d;
  if (auto d = r.distribution(node, "last_leg_delay_days", path, false, kMaxHorizonDays))
    sea.last_leg_delay_days = *d;
}

// `eastbound:` under the focus lane's `sea` at `path`: `mirror`, or a map of the keys that
// differ from the westbound chain. A map that gives `loops` or a single-loop key gives the
// whole timetable; otherwise the westbound one is mirrored.
std::shared_ptr<SeaSpec> read_eastbound(const YamlReader& r, const YAML::Node& node, const std::string& path,
                                        const SeaSpec& westbound, Scenario& s) {
  auto east = std::make_shared<SeaSpec>(westbound);
  east->eastbound.reset();
  if (path != "sea.eastbound") {
    r.error(node, path, "the eastbound sea chain is modelled for the focus lane only (the top-level `sea:`)");
    return nullptr;
  }
  const bool mirror = node.IsScalar() && node.Scalar() == "mirror";
  if (node.IsScalar() && !mirror) {
    r.error(node, path, fmt::format("'{}' is not `mirror` or a map of the keys that differ eastbound", node.Scalar()));
    return nullptr;
  }
  if (!mirror) {
    if (!r.expect_map(node, path))
      return nullptr;
    r.check_keys(node, path, keys_at("sea.eastbound"));
    if (gives_timetable(node)) {
      // A timetable given replaces the whole westbound one (its loops and feeder too); the
      // rest of the chain stays mirrored.
      const SeaSpec unset;
      east->sailing_weekdays = unset.sailing_weekdays;
      east->sailing_hour = unset.sailing_hour;
      east->cutoff_hours_before_sailing = unset.cutoff_hours_before_sailing;
      east->vessel_capacity_feu = unset.vessel_capacity_feu;
      east->ocean_transit_days = unset.ocean_transit_days;
      east->ocean_delay_days = unset.ocean_delay_days;
      east->feeder.reset();
      east->loops.clear();
      read_sailings(r, node, path, *east);
    }
    read_chain_keys(r, node, path, *east);
  }
  // What the eastbound model leaves out; a mirrored value is refused at `eastbound` itself.
  const bool own_timetable = !mirror && gives_timetable(node);
  if (east->inland_mode == InlandMode::Barge) {
    const bool given = !mirror && node["inland_mode"];
    r.error(given ? node["inland_mode"] : node, given ? YamlReader::join(path, "inland_mode") : path,
            given ? "the eastbound on-carriage from the Chinese port is by rail; the barge is modelled westbound only"
                  : "mirrors `inland_mode: barge`, modelled westbound only; give `inland_mode: rail` here");
  }
  for (std::size_t i = 0; i < east->loops.size(); ++i)
    if (!east->loops[i].hub.empty()) {
      if (own_timetable) {
        const std::string hub_path = YamlReader::join(YamlReader::index(YamlReader::join(path, "loops"), i), "hub");
        r.error(loop_hub(node, i), hub_path, "a loop via a hub and its feeder are modelled westbound only");
      } else {
        r.error(node, path, "mirrors loops via a hub, modelled westbound only; give the eastbound `loops` here");
        break;
      }
    }
  east->feeder.reset();
  if (node.Mark().line >= 0)
    s.positions[path] = {node.Mark().line + 1, node.Mark().column + 1};
  for (const char* k : {"inland_mode", "last_leg_mode"})
    if (!mirror && node[k] && node[k].Mark().line >= 0)
      s.positions[YamlReader::join(path, k)] = {node[k].Mark().line + 1, node[k].Mark().column + 1};
    else if (node.Mark().line >= 0)
      s.positions[YamlReader::join(path, k)] = {node.Mark().line + 1, node.Mark().column + 1};
  return east;
}

} // namespace

std::optional<SeaSpec> read_sea_section(const YamlReader& r, const YAML::Node& node, const std::string& path,
                                        Scenario& s) {
  if (!r.expect_map(node, path))
    return std::nullopt;
  r.check_keys(node, path, keys_at("sea"));
  const auto key = [&](const char* k) { return YamlReader::join(path, k); };
  SeaSpec sea;
  // The lower-case names are the ports the first scenarios knew; any other value is a
  // platform node, checked to be a port when the chain is built (sim/model/sea/SeaRoute).
  static const std::map<std::string, std::string> ports = {
      {"gdansk", "Gdansk"}, {"hamburg", "Hamburg"}, {"rotterdam", "Rotterdam"}};
  for (auto [k, field] : {std::pair{"european_port", &sea.european_port}, std::pair{"origin_port", &sea.origin_port}})
    if (auto p = r.text(node, k, path, false)) {
      const auto known = ports.find(*p);
      *field = known != ports.end() && field == &sea.european_port ? known->second : *p;
      if (const auto problem = identifier_problem(*p))
        r.error(node[k], key(k), "not a valid node name: " + *problem);
    }

  read_sailings(r, node, path, sea);
  if (node["feeder"])
    sea.feeder = read_feeder(r, node["feeder"], key("feeder"));
  // A hub without a feeder would strand its boxes, a feeder without a hub carries nothing.
  // Loop items that are not maps were refused and left out of sea.loops, so the YAML items
  // are walked here, not sea.loops, to point at the right line.
  const bool any_hub =
      std::any_of(sea.loops.begin(), sea.loops.end(), [](const SeaLoop& l) { return !l.hub.empty(); });
  if (!node["feeder"])
    for (std::size_t i = 0; i < loop_items(node); ++i)
      if (const YAML::Node hub = loop_hub(node, i); hub && hub.IsScalar() && !hub.Scalar().empty())
        r.error(hub, YamlReader::join(YamlReader::index(key("loops"), i), "hub"),
                "a loop with a hub needs the section's `feeder` to take its boxes on to the European port");
  if (node["feeder"] && !any_hub)
    r.error(node["feeder"], key("feeder"), "no loop names a `hub` for this feeder to leave from");
  read_chain_keys(r, node, path, sea);
  // Checks against the platform (sim/model/sea/SeaRoute) report at these keys' lines.
  for (const char* k : {"inland_mode", "origin_port", "european_port", "last_leg_mode"})
    if (node[k] && node[k].Mark().line >= 0)
      s.positions[key(k)] = {node[k].Mark().line + 1, node[k].Mark().column + 1};
    else if (node.Mark().line >= 0)
      s.positions[key(k)] = {node.Mark().line + 1, node.Mark().column + 1};
  // The hubs are checked against the platform too.
  for (std::size_t i = 0; i < loop_items(node); ++i)
    if (const YAML::Node hub = loop_hub(node, i); hub && hub.Mark().line >= 0)
        s.positions[YamlReader::join(YamlReader::index(key("loops"), i), "hub")] = {hub.Mark().line + 1,
                                                                                     hub.Mark().column + 1};
  if (node["feeder"] && node["feeder"].Mark().line >= 0)
    s.positions[key("feeder")] = {node["feeder"].Mark().line + 1, node["feeder"].Mark().column + 1};
  if (node.Mark().line >= 0)
    s.positions[path] = {node.Mark().line + 1, node.Mark().column + 1};
  if (const YAML::Node east = node["eastbound"])
    sea.eastbound = read_eastbound(r, east, key("eastbound"), sea, s);
  return sea;
}

void read_sea_spec(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  if (const YAML::Node node = root["sea"])
    s.sea = read_sea_section(r, node, "sea", s);
}

} // namespace rongou
