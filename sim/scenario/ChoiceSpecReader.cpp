#include "scenario/ChoiceSpecReader.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/Identifier.hpp"
#include "scenario/ScenarioKeys.hpp"

namespace rongou {

namespace {

constexpr double kMaxUsd = 1e9;
constexpr double kMaxPctPerDay = 100.0;
constexpr double kMaxTonnesPerFeu = 40.0; // above any FEU's payload
constexpr double kMaxDays = 365.0;
constexpr double kShareTolerance = 1e-6;
constexpr long long kMaxClasses = 64;
constexpr std::size_t kMaxRoutes = 32; // a choice record keeps the route in 6 bits

CommodityClass read_class(const YamlReader& r, const YAML::Node& node, const std::string& path) {
  CommodityClass c;
  if (!r.expect_map(node, path))
    return c;
  r.check_keys(node, path, keys_at("choice.classes.*"));
  c.name = r.text(node, "name", path, true).value_or("");
  if (node["name"])
    if (const auto problem = identifier_problem(c.name))
      r.error(node["name"], path + ".name", "not a valid class name: " + *problem);
  c.share = r.number(node, "share", path, true, 0.0, 1.0).value_or(0.0);
  if (node["share"] && c.share <= 0.0)
    r.error(node["share"], path + ".share", "out of range: must be above 0 (leave the class out instead)");
  c.cargo_value_usd = r.number(node, "cargo_value_usd", path, true, 0.0, kMaxUsd).value_or(0.0);
  if (node["cargo_value_usd"] && c.cargo_value_usd <= 0.0)
    r.error(node["cargo_value_usd"], path + ".cargo_value_usd", "out of range: must be above 0");
  c.tonnes_per_feu = r.number(node, "tonnes_per_feu", path, true, 0.0, kMaxTonnesPerFeu).value_or(0.0);
  if (node["tonnes_per_feu"] && c.tonnes_per_feu <= 0.0)
    r.error(node["tonnes_per_feu"], path + ".tonnes_per_feu", "out of range: must be above 0");
  // Either a value of time, or a capital rate plus a premium for time-sensitive goods.
  const bool direct = static_cast<bool>(node["value_of_time_pct_per_day"]);
  const bool split = node["capital_rate_pct_per_year"] || node["time_premium_pct_per_day"];
  if (direct && split)
    r.error(node, path, "give value_of_time_pct_per_day, or capital_rate_pct_per_year with time_premium_pct_per_day, not both");
  else if (!direct && !split)
    r.error(node, path + ".value_of_time_pct_per_day",
            "missing required key (or capital_rate_pct_per_year and time_premium_pct_per_day)");
  if (direct)
    c.value_of_time_pct_per_day = r.number(node, "value_of_time_pct_per_day", path, true, 0.0, kMaxPctPerDay).value_or(0.0);
  else if (split) {
    const double capital = r.number(node, "capital_rate_pct_per_year", path, false, 0.0, 100.0).value_or(0.0);
    const double premium = r.number(node, "time_premium_pct_per_day", path, false, 0.0, kMaxPctPerDay).value_or(0.0);
    c.value_of_time_pct_per_day = capital / 365.0 + premium;
  }
  c.reliability_weight = r.number(node, "reliability_weight", path, false, 0.0, 100.0).value_or(0.0);
  return c;
}

ExpectedDays read_expected(const YamlReader& r, const YAML::Node& node, const std::string& path,
                           const std::string& keys_path) {
  ExpectedDays e;
  if (!r.expect_map(node, path))
    return e;
  r.check_keys(node, path, keys_at(keys_path));
  e.mean_days = r.number(node, "mean", path, true, 0.0, kMaxDays).value_or(0.0);
  e.p95_days = r.number(node, "p95", path, true, 0.0, kMaxDays).value_or(0.0);
  if (node["mean"] && node["p95"] && e.p95_days < e.mean_days)
    r.error(node["p95"], path + ".p95", fmt::format("must be at least the mean ({})", e.mean_days));
  return e;
}

// A list of commodity classes (`classes`, `eastbound_classes`): each as read_class reads it,
// names unique, shares summing to 1.
std::vector<CommodityClass> read_classes(const YamlReader& r, const YAML::Node& node, const char* key,
                                         const std::string& path, bool required) {
  std::vector<CommodityClass> out;
  const std::string at = path + "." + key;
  const YAML::Node classes = node[key];
  if (!classes) {
    if (required)
      r.error(node, at, "missing required key");
    return out;
  }
  if (!r.expect_sequence(classes, at))
    return out;
  if (classes.size() == 0 || static_cast<long long>(classes.size()) > kMaxClasses)
    r.error(classes, at, fmt::format("give between 1 and {} classes", kMaxClasses));
  double sum = 0.0;
  bool all_shares = true;
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const std::string item = YamlReader::index(at, i);
    CommodityClass c = read_class(r, classes[i], item);
    const bool twice = !c.name.empty() && std::any_of(out.begin(), out.end(), [&](const CommodityClass& o) {
      return o.name == c.name;
    });
    if (twice)
      r.error(classes[i]["name"], item + ".name", fmt::format("class '{}' is given twice", c.name));
    all_shares = all_shares && classes[i].IsMap() && classes[i]["share"];
    sum += c.share;
    out.push_back(std::move(c));
  }
  if (all_shares && std::abs(sum - 1.0) > kShareTolerance)
    r.error(classes, at, fmt::format("class shares sum to {:.6g}, not 1", sum));
  return out;
}

// `directions`: the directions whose shippers choose; westbound must be one of them, and
// eastbound needs the lane's eastbound sea chain to choose against.
void read_directions(const YamlReader& r, const YAML::Node& node, const std::string& path, const Scenario& s,
                     ChoiceSpec& spec) {
  const YAML::Node directions = node["directions"];
  const std::string at = path + ".directions";
  if (!directions || !r.expect_sequence(directions, at))
    return;
  bool westbound = false;
  for (std::size_t i = 0; i < directions.size(); ++i) {
    const YAML::Node item = directions[i];
    const std::string item_path = YamlReader::index(at, i);
    const std::string name = item.IsScalar() ? item.Scalar() : std::string();
    if (name == "westbound")
      westbound = true;
    else if (name == "eastbound")
      spec.eastbound = true;
    else
      r.error(item, item_path, "not a direction; use westbound or eastbound");
  }
  if (!westbound)
    r.error(directions, at, "westbound shippers always choose: list westbound (and eastbound if they choose too)");
  if (spec.eastbound && s.sea && !s.sea->eastbound)
    r.error(directions, at, "eastbound shippers choose against the eastbound sea chain: the sea section needs eastbound");
  if (spec.eastbound && s.demand.find(Direction::Eastbound) == s.demand.end())
    r.error(directions, at, "eastbound shippers share the focus lane's eastbound demand: it needs demand.eastbound");
}

// `routes`: the westbound rail routes, each a set of the focus lane's westbound services;
// every such service belongs to exactly one route.
void read_routes(const YamlReader& r, const YAML::Node& node, const std::string& path, const Scenario& s,
                 ChoiceSpec& spec) {
  const YAML::Node routes = node["routes"];
  const std::string at = path + ".routes";
  if (!routes || !r.expect_sequence(routes, at))
    return;
  if (routes.size() == 0 || routes.size() > kMaxRoutes)
    r.error(routes, at, fmt::format("give between 1 and {} routes", kMaxRoutes));
  std::vector<int> route_of(s.rail.services.size(), -1);
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const YAML::Node item = routes[i];
    const std::string item_path = YamlReader::index(at, i);
    if (!r.expect_map(item, item_path))
      continue;
    r.check_keys(item, item_path, keys_at("choice.routes.*"));
    ChoiceRoute route;
    route.name = r.text(item, "name", item_path, true).value_or("");
    if (item["name"]) {
      if (const auto problem = identifier_problem(route.name))
        r.error(item["name"], item_path + ".name", "not a valid route name: " + *problem);
      else if (route.name == "sea")
        r.error(item["name"], item_path + ".name", "'sea' names the sea alternative; give the rail route another name");
      else if (std::any_of(spec.routes.begin(), spec.routes.end(), [&](const ChoiceRoute& o) { return o.name == route.name; }))
        r.error(item["name"], item_path + ".name", fmt::format("route '{}' is given twice", route.name));
    }
    const YAML::Node services = item["services"];
    if (!services)
      r.error(item, item_path + ".services", "missing required key (the focus lane's westbound services on this route)");
    else if (r.expect_sequence(services, item_path + ".services")) {
      if (services.size() == 0)
        r.error(services, item_path + ".services", "give at least one service");
      for (std::size_t k = 0; k < services.size(); ++k) {
        const std::string service_path = YamlReader::index(item_path + ".services", k);
        const std::string name = services[k].IsScalar() ? services[k].Scalar() : std::string();
        const auto it = std::find_if(s.rail.services.begin(), s.rail.services.end(),
                                     [&](const RailService& svc) { return svc.name == name; });
        if (it == s.rail.services.end()) {
          r.error(services[k], service_path, fmt::format("no service '{}' in rail.services", name));
          continue;
        }
        const auto index = static_cast<std::size_t>(it - s.rail.services.begin());
        if (it->lane != s.focus_lane || it->background || it->direction != Direction::Westbound)
          r.error(services[k], service_path,
                  fmt::format("'{}' is not a westbound service of the focus lane: routes share the focus lane's westbound market", name));
        else if (route_of[index] >= 0)
          r.error(services[k], service_path, fmt::format("'{}' is already on route '{}'", name,
                                                         spec.routes.size() > static_cast<std::size_t>(route_of[index])
                                                             ? spec.routes[static_cast<std::size_t>(route_of[index])].name
                                                             : route.name));
        else {
          route_of[index] = static_cast<int>(spec.routes.size());
          route.services.push_back(index);
        }
      }
    }
    route.initial = spec.initial_rail;
    if (item["initial_days"])
      route.initial = read_expected(r, item["initial_days"], item_path + ".initial_days", "choice.routes.*.initial_days");
    route.freight_usd_per_feu = r.number(item, "freight_usd_per_feu", item_path, false, 0.0, kMaxUsd);
    route.extra_usd_per_feu = r.number(item, "extra_usd_per_feu", item_path, false, 0.0, kMaxUsd).value_or(0.0);
    route.risk_premium_usd_per_feu =
        r.number(item, "risk_premium_usd_per_feu", item_path, false, 0.0, kMaxUsd).value_or(0.0);
    spec.routes.push_back(std::move(route));
  }
  for (std::size_t i = 0; i < s.rail.services.size(); ++i) {
    const RailService& svc = s.rail.services[i];
    if (svc.lane == s.focus_lane && !svc.background && svc.direction == Direction::Westbound && route_of[i] < 0)
      r.error(routes, at, fmt::format("the focus lane's westbound service '{}' is on no route: list it under one", svc.name));
  }
}

// `split` and, for fixed shares, `shares`: one per rail route (`rail` without routes) and `sea`.
void read_split(const YamlReader& r, const YAML::Node& node, const std::string& path, ChoiceSpec& spec) {
  if (const auto split = r.text(node, "split", path, false)) {
    if (*split == "shares")
      spec.split = ChoiceSplit::Shares;
    else if (*split != "logit")
      r.error(node["split"], path + ".split", fmt::format("'{}' is not a split; use logit or shares", *split));
  }
  const YAML::Node shares = node["shares"];
  const std::string at = path + ".shares";
  if (spec.split != ChoiceSplit::Shares) {
    if (shares)
      r.error(shares, at, "shares are for split: shares");
    return;
  }
  if (!shares) {
    r.error(node, at, "missing required key (with split: shares, a share for each route and sea)");
    return;
  }
  if (!r.expect_map(shares, at))
    return;
  std::vector<std::string> names;
  for (const auto& route : spec.routes)
    names.push_back(route.name);
  if (names.empty())
    names.emplace_back("rail");
  names.emplace_back("sea");
  spec.shares.assign(names.size(), 0.0);
  bool all = true;
  for (const auto& entry : shares) {
    const std::string name = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
      r.error(entry.first, at + "." + name,
              fmt::format("no alternative '{}'; the alternatives are {}", name, fmt::join(names, ", ")));
  }
  double sum = 0.0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!shares[names[i]]) {
      r.error(shares, at + "." + names[i], "missing required key (every alternative has a share)");
      all = false;
      continue;
    }
    spec.shares[i] = r.number(shares, names[i], at, true, 0.0, 1.0).value_or(0.0);
    sum += spec.shares[i];
  }
  if (all && std::abs(sum - 1.0) > kShareTolerance)
    r.error(shares, at, fmt::format("shares sum to {:.6g}, not 1", sum));
}

} // namespace

const char* to_string(Counterfactual c) { return c == Counterfactual::NoSubsidy ? "no-subsidy" : "none"; }

void read_choice_spec(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node node = root["choice"];
  if (!node)
    return;
  const std::string path = "choice";
  if (!r.expect_map(node, path))
    return;
  r.check_keys(node, path, keys_at(path));
  ChoiceSpec spec;
  if (!s.sea)
    r.error(node, path, "shippers choose between rail and sea: the focus lane needs a sea section");
  else if (s.sea->uses_hub())
    r.error(node, path, "a sea chain via a hub is not supported with choice yet");
  if (!s.costs)
    r.error(node, path, "shippers choose by cost: the focus lane needs a costs section");
  if (s.demand.find(Direction::Westbound) == s.demand.end())
    r.error(node, path, "choice shares the focus lane's westbound demand: it needs demand.westbound");
  if (s.boxes)
    r.error(node, path, "boxes: is not supported with choice yet");

  spec.logit_scale_usd = r.number(node, "logit_scale_usd", path, true, 0.0, kMaxUsd).value_or(1.0);
  if (node["logit_scale_usd"] && spec.logit_scale_usd <= 0.0)
    r.error(node["logit_scale_usd"], path + ".logit_scale_usd", "out of range: must be above 0");
  spec.window_days = r.number(node, "window_days", path, false, 0.0, kMaxDays).value_or(spec.window_days);
  if (node["window_days"] && spec.window_days <= 0.0)
    r.error(node["window_days"], path + ".window_days", "out of range: must be above 0");
  spec.min_deliveries =
      static_cast<int>(r.integer(node, "min_deliveries", path, false, 1, 1000000).value_or(spec.min_deliveries));
  spec.rechoose_sea_after_left_behind = static_cast<int>(
      r.integer(node, "rechoose_sea_after_left_behind", path, false, 0, 1000).value_or(0));
  spec.booking_horizon_days =
      r.number(node, "booking_horizon_days", path, false, 0.0, kMaxDays).value_or(spec.booking_horizon_days);
  spec.subsidy_share_of_freight = r.number(node, "subsidy_share_of_freight", path, false, 0.0, 1.0).value_or(0.0);
  spec.subsidy_cap_usd_per_feu = r.number(node, "subsidy_cap_usd_per_feu", path, false, 0.0, kMaxUsd);
  if (spec.subsidy_cap_usd_per_feu && !node["subsidy_share_of_freight"])
    r.error(node["subsidy_cap_usd_per_feu"], path + ".subsidy_cap_usd_per_feu",
            "caps subsidy_share_of_freight, which is not given");
  if (const auto cf = r.text(node, "counterfactual", path, false)) {
    if (*cf == "no-subsidy")
      spec.counterfactual = Counterfactual::NoSubsidy;
    else if (*cf != "none")
      r.error(node["counterfactual"], path + ".counterfactual",
              fmt::format("'{}' is not a counterfactual; use no-subsidy or none", *cf));
  }

  if (const YAML::Node initial = node["initial_days"]) {
    if (r.expect_map(initial, path + ".initial_days")) {
      r.check_keys(initial, path + ".initial_days", keys_at("choice.initial_days"));
      for (const char* mode : {"rail", "sea"})
        if (!initial[mode])
          r.error(initial, fmt::format("{}.initial_days.{}", path, mode), "missing required key");
      if (initial["rail"])
        spec.initial_rail = read_expected(r, initial["rail"], path + ".initial_days.rail", "choice.initial_days.rail");
      if (initial["sea"])
        spec.initial_sea = read_expected(r, initial["sea"], path + ".initial_days.sea", "choice.initial_days.sea");
    }
  } else {
    r.error(node, path + ".initial_days", "missing required key (rail and sea: mean and p95)");
  }

  spec.classes = read_classes(r, node, "classes", path, true);
  if (node["eastbound_classes"])
    spec.eastbound_classes = read_classes(r, node, "eastbound_classes", path, false);
  read_directions(r, node, path, s, spec);
  read_routes(r, node, path, s, spec);
  read_split(r, node, path, spec);

  if (const YAML::Node by_class = node["class_subsidy_usd_per_feu"]) {
    const std::string sub = path + ".class_subsidy_usd_per_feu";
    if (r.expect_map(by_class, sub))
      for (const auto& entry : by_class) {
        const std::string name = entry.first.as<std::string>();
        const std::string at = sub + "." + name;
        const int k = spec.class_index(name);
        if (k < 0) {
          r.error(entry.first, at, fmt::format("no class '{}' in choice.classes", name));
          continue;
        }
        spec.classes[static_cast<std::size_t>(k)].subsidy_usd_per_feu =
            r.number(by_class, name, sub, true, 0.0, kMaxUsd).value_or(0.0);
      }
  }
  s.choice = std::move(spec);
}

} // namespace rongou
