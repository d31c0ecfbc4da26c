#include "scenario/CostSpecReader.hpp"
#include "scenario/EmissionSpecReader.hpp"
#include "scenario/ScenarioKeys.hpp"

#include <fmt/format.h>

namespace rongou {

namespace {

constexpr double kMaxUsd = 1e7;

void read_rail_costs(const YamlReader& r, const YAML::Node& costs, const std::string& costs_path, RailCostSpec& rail) {
  const YAML::Node node = costs["rail"];
  const std::string path = YamlReader::join(costs_path, "rail");
  if (!node) {
    r.error(costs, path, "missing required key");
    return;
  }
  if (!r.expect_map(node, path))
    return;
  r.check_keys(node, path, keys_at("costs.rail"));
  if (node["through_rate_usd_per_feu"])
    rail.through_rate_usd_per_feu = r.number(node, "through_rate_usd_per_feu", path, false, 0.0, kMaxUsd);
  if (const YAML::Node list = node["section_tariffs"]) {
    const std::string lpath = YamlReader::join(path, "section_tariffs");
    if (node["through_rate_usd_per_feu"])
      r.error(list, lpath, "give either through_rate_usd_per_feu or section_tariffs, not both");
    if (r.expect_sequence(list, lpath)) {
      for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string ipath = YamlReader::index(lpath, i);
        if (!r.expect_map(list[i], ipath))
          continue;
        r.check_keys(list[i], ipath, keys_at("costs.rail.section_tariffs.*"));
        RailTariff t;
        const auto section = r.text_list(list[i], "section", ipath, true);
        if (list[i]["section"] && section.size() != 2)
          r.error(list[i]["section"], YamlReader::join(ipath, "section"), "a section is [first node, last node]");
        else if (section.size() == 2) {
          t.first_node = section[0];
          t.second_node = section[1];
        }
        t.usd_per_feu = r.number(list[i], "usd_per_feu", ipath, true, 0.0, kMaxUsd).value_or(0.0);
        rail.section_tariffs.push_back(t);
      }
    }
  } else if (!node["through_rate_usd_per_feu"]) {
    r.error(node, path, "missing the freight price: give through_rate_usd_per_feu or section_tariffs");
  }
  rail.subsidy_usd_per_feu = r.number(node, "subsidy_usd_per_feu", path, false, 0.0, kMaxUsd).value_or(0.0);
  rail.gauge_change_usd_per_feu_per_yard =
      r.number(node, "gauge_change_usd_per_feu_per_yard", path, false, 0.0, kMaxUsd).value_or(0.0);
  rail.handling_usd_per_feu_origin = r.number(node, "handling_usd_per_feu_origin", path, false, 0.0, kMaxUsd).value_or(0.0);
  rail.handling_usd_per_feu_destination =
      r.number(node, "handling_usd_per_feu_destination", path, false, 0.0, kMaxUsd).value_or(0.0);
  rail.empty_repositioning_usd_per_feu =
      r.number(node, "empty_repositioning_usd_per_feu", path, false, 0.0, kMaxUsd).value_or(0.0);
  if (node["eastbound_through_rate_usd_per_feu"])
    rail.eastbound_through_rate_usd_per_feu =
        r.number(node, "eastbound_through_rate_usd_per_feu", path, false, 0.0, kMaxUsd);
  if (node["eastbound_subsidy_usd_per_feu"])
    rail.eastbound_subsidy_usd_per_feu = r.number(node, "eastbound_subsidy_usd_per_feu", path, false, 0.0, kMaxUsd);
}

void read_sea_costs(const YamlReader& r, const YAML::Node& costs, const std::string& costs_path, SeaCostSpec& sea) {
  const YAML::Node node = costs["sea"];
  const std::string path = YamlReader::join(costs_path, "sea");
  if (!node)
    return; // a rail-only scenario needs no sea prices
  if (!r.expect_map(node, path))
    return;
  r.check_keys(node, path, keys_at("costs.sea"));
  sea.freight_usd_per_feu = r.number(node, "freight_usd_per_feu", path, true, 0.0, kMaxUsd).value_or(0.0);
  sea.inland_haulage_usd_per_feu = r.number(node, "inland_haulage_usd_per_feu", path, false, 0.0, kMaxUsd).value_or(0.0);
  sea.last_leg_usd_per_feu = r.number(node, "last_leg_usd_per_feu", path, false, 0.0, kMaxUsd).value_or(0.0);
  sea.handling_usd_per_feu_origin_port =
      r.number(node, "handling_usd_per_feu_origin_port", path, false, 0.0, kMaxUsd).value_or(0.0);
  sea.handling_usd_per_feu_destination_port =
      r.number(node, "handling_usd_per_feu_destination_port", path, false, 0.0, kMaxUsd).value_or(0.0);
  if (node["eastbound_freight_usd_per_feu"])
    sea.eastbound_freight_usd_per_feu = r.number(node, "eastbound_freight_usd_per_feu", path, false, 0.0, kMaxUsd);
}

} // namespace

std::optional<CostSpec> read_cost_section(const YamlReader& r, const YAML::Node& node, const std::string& path,
                                          bool has_sea) {
  if (!r.expect_map(node, path))
    return std::nullopt;
  std::vector<std::string> allowed = keys_at("costs");
  allowed.push_back("co2_factors"); // no longer read: refused by read_emission_spec, naming its replacements
  r.check_keys(node, path, allowed);
  CostSpec c;
  read_rail_costs(r, node, path, c.rail);
  read_sea_costs(r, node, path, c.sea);
  read_emission_spec(r, node, path, c.emissions);
  if (node["value_of_time_pct_per_day"])
    c.value_of_time_pct_per_day = r.number(node, "value_of_time_pct_per_day", path, false, 0.0, 100.0);
  if (node["capital_rate_pct_per_year"]) {
    c.capital_rate_pct_per_year = r.number(node, "capital_rate_pct_per_year", path, false, 0.0, 1000.0);
    if (node["value_of_time_pct_per_day"])
      r.error(node["capital_rate_pct_per_year"], YamlReader::join(path, "capital_rate_pct_per_year"),
              "give either value_of_time_pct_per_day or capital_rate_pct_per_year, not both");
  }
  c.tonnes_per_feu = r.number(node, "tonnes_per_feu", path, false, 0.0, 40.0).value_or(c.tonnes_per_feu);
  c.co2_usd_per_tonne = r.number(node, "co2_usd_per_tonne", path, false, 0.0, 1e5).value_or(0.0);
  if (has_sea && !node["sea"])
    r.error(node, YamlReader::join(path, "sea"),
            "the scenario has a sea route: its prices are needed to compare the modes");
  return c;
}

void read_cost_spec(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  if (const YAML::Node node = root["costs"])
    s.costs = read_cost_section(r, node, "costs", s.sea.has_value());
}

} // namespace rongou
