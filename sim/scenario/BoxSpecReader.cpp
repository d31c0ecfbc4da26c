#include "scenario/BoxSpecReader.hpp"

#include <fmt/format.h>
#include <set>

#include "scenario/ScenarioKeys.hpp"

namespace rongou {

namespace {

constexpr double kMaxUsd = 1e7;
constexpr long long kMaxBoxes = 10'000'000;

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

void read_lessor(const YamlReader& r, const YAML::Node& node, BoxSpec& spec) {
  const std::string path = "boxes.lessor";
  if (!r.expect_map(node, path))
    return;
  r.check_keys(node, path, keys_at("boxes.lessor"));
  BoxLessorSpec lessor;
  lessor.lead_days = r.number(node, "lead_days", path, false, 0.0, kMaxHorizonDays).value_or(lessor.lead_days);
  lessor.pick_up_usd = r.number(node, "pick_up_usd", path, false, 0.0, kMaxUsd).value_or(lessor.pick_up_usd);
  lessor.drop_off_usd = r.number(node, "drop_off_usd", path, false, 0.0, kMaxUsd).value_or(lessor.drop_off_usd);
  if (node["max_stock"])
    lessor.max_stock = static_cast<int>(r.integer(node, "max_stock", path, false, 0, kMaxBoxes).value_or(0));
  spec.lessor = lessor;
}

// Every stock names a tracked lane's terminal, and a lane with one terminal listed has both:
// boxes that leave a listed terminal must arrive at one, or the account would leak.
void check_terminals(const YamlReader& r, const YAML::Node& stocks, const Scenario& s) {
  std::vector<std::string> terminals; // of tracked lanes, in lane order
  std::set<std::string> on_routes, background_ends;
  for (std::size_t lane = 0; lane < s.lanes.size(); ++lane)
    for (const auto& node : s.lane_terminals(static_cast<int>(lane)))
      if (std::find(terminals.begin(), terminals.end(), node) == terminals.end())
        terminals.push_back(node);
  for (const auto& svc : s.rail.services) {
    on_routes.insert(svc.route.begin(), svc.route.end());
    if (svc.background && svc.route.size() >= 2) {
      background_ends.insert(svc.route.front());
      background_ends.insert(svc.route.back());
    }
  }
  for (const auto& entry : stocks) {
    if (!entry.first.IsScalar())
      continue;
    const std::string node = entry.first.Scalar();
    if (std::find(terminals.begin(), terminals.end(), node) != terminals.end())
      continue;
    const std::string path = "boxes.stocks." + node;
    if (background_ends.count(node))
      r.error(entry.first, path,
              fmt::format("'{}' is a terminal of background lanes only, whose trains carry no tracked boxes; "
                          "terminals of tracked lanes: {}", node, listed(terminals)));
    else if (on_routes.count(node))
      r.error(entry.first, path,
              fmt::format("'{}' is on a route but is no tracked lane's terminal; terminals: {}", node,
                          listed(terminals)));
    else {
      const std::string suggestion = closest_match(node, terminals);
      r.error(entry.first, path,
              fmt::format("no tracked lane has a terminal '{}'{}; terminals: {}", node,
                          suggestion.empty() ? "" : fmt::format(" (did you mean '{}'?)", suggestion),
                          listed(terminals)));
    }
  }
  for (std::size_t lane = 0; lane < s.lanes.size(); ++lane) {
    const auto ends = s.lane_terminals(static_cast<int>(lane));
    std::vector<std::string> missing;
    bool any = false;
    for (const auto& node : ends) {
      if (stocks[node]) // named, even with a stock refused above
        any = true;
      else
        missing.push_back(node);
    }
    if (any && !missing.empty())
      r.error(stocks, "boxes.stocks",
              fmt::format("lane '{}' runs between {}: give a stock (0 is one) at {} too, or at none of them",
                          s.lanes[lane].name, listed(ends), listed(missing)));
  }
}

// With simulated boxes the empties moved are counted, and priced, once: by
// boxes.empty_rail_usd_per_feu, not by the post-processed balance's price.
void refuse_second_price(const YamlReader& r, const YAML::Node& root) {
  auto check = [&](const YAML::Node& costs, const std::string& path) {
    if (!costs || !costs.IsMap() || !costs["rail"] || !costs["rail"].IsMap())
      return;
    if (const YAML::Node price = costs["rail"]["empty_repositioning_usd_per_feu"])
      r.error(price, path + ".rail.empty_repositioning_usd_per_feu",
              "with boxes: the empties moved by rail are simulated and priced by boxes.empty_rail_usd_per_feu; "
              "leave this key out");
  };
  check(root["costs"], "costs");
  if (const YAML::Node lanes = root["lanes"]; lanes && lanes.IsSequence())
    for (std::size_t i = 0; i < lanes.size(); ++i)
      if (lanes[i].IsMap())
        check(lanes[i]["costs"], YamlReader::index("lanes", i) + ".costs");
}

} // namespace

void read_box_spec(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node node = root["boxes"];
  if (!node)
    return;
  if (!r.expect_map(node, "boxes"))
    return;
  r.check_keys(node, "boxes", keys_at("boxes"));
  BoxSpec spec;
  const YAML::Node stocks = node["stocks"];
  if (!stocks) {
    r.error(node, "boxes.stocks", "missing required key (empty FEU at each terminal on day 0)");
  } else if (r.expect_map(stocks, "boxes.stocks")) {
    if (stocks.size() == 0)
      r.error(stocks, "boxes.stocks", "give the empty stock of at least one lane's terminals");
    for (const auto& entry : stocks) {
      if (!entry.first.IsScalar()) {
        r.error(entry.first, "boxes.stocks", "a key must be a terminal's node name");
        continue;
      }
      const std::string name = entry.first.Scalar();
      if (const auto n = r.integer(stocks, name, "boxes.stocks", true, 0, kMaxBoxes))
        spec.stocks[name] = static_cast<int>(*n);
    }
    check_terminals(r, stocks, s);
  }
  spec.turn_hours = r.number(node, "turn_hours", "boxes", false, 0.0, kMaxHorizonHours).value_or(spec.turn_hours);
  spec.keep_weeks = r.number(node, "keep_weeks", "boxes", false, 0.0, 520.0).value_or(spec.keep_weeks);
  spec.empty_rail_usd_per_feu =
      r.number(node, "empty_rail_usd_per_feu", "boxes", false, 0.0, kMaxUsd).value_or(spec.empty_rail_usd_per_feu);
  if (const auto how = r.text(node, "reposition", "boxes", false)) {
    if (*how == "rail")
      spec.reposition = BoxReposition::Rail;
    else if (*how == "none")
      spec.reposition = BoxReposition::None;
    else
      r.error(node["reposition"], "boxes.reposition",
              fmt::format("'{}' is not a way to reposition empties; use rail or none", *how));
  }
  if (const YAML::Node lessor = node["lessor"])
    read_lessor(r, lessor, spec);
  refuse_second_price(r, root);
  s.boxes = std::move(spec);
}

} // namespace rongou
