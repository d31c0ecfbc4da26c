#include "scenario/EmissionSpecReader.hpp"
#include "scenario/ScenarioKeys.hpp"
#include "scenario/ShipIntensity.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <set>

namespace rongou {

namespace {

constexpr double kMaxKgPerFeu = 1e5;

// Optional map section `key` of `node`: its node if it is a map with known keys, else an
// undefined node, which tests false (a default-constructed node is a null one, which tests true).
YAML::Node section(const YamlReader& r, const YAML::Node& node, const std::string& key, const std::string& path,
                   const char* keys_pattern) {
  const YAML::Node s = node[key];
  if (!s || !r.expect_map(s, path))
    return YAML::Node(YAML::NodeType::Undefined);
  if (keys_pattern)
    r.check_keys(s, path, keys_at(keys_pattern));
  return s;
}

// The train energy figures: any of them set makes the scenario's rail legs its own.
constexpr const char* kRailFigures[] = {"electric_kwh_per_train_km", "electric_kwh_per_gross_tonne_km",
                                        "diesel_l_per_train_km", "diesel_l_per_gross_tonne_km",
                                        "locomotive_tonnes", "wagon_tare_tonnes_per_feu", "box_tare_tonnes"};

void read_rail(const YamlReader& r, const YAML::Node& node, const std::string& path, RailEnergySpec& rail,
               std::set<std::string>& provided) {
  for (const char* key : kRailFigures)
    if (node[key])
      provided.insert("rail");
  rail.electric_kwh_per_train_km =
      r.number(node, "electric_kwh_per_train_km", path, false, 0.0, 1000.0).value_or(rail.electric_kwh_per_train_km);
  rail.diesel_l_per_train_km = r.number(node, "diesel_l_per_train_km", path, false, 0.0, 1000.0).value_or(rail.diesel_l_per_train_km);
  rail.electric_kwh_per_gross_tonne_km =
      r.number(node, "electric_kwh_per_gross_tonne_km", path, false, 0.0, 1.0).value_or(rail.electric_kwh_per_gross_tonne_km);
  rail.diesel_l_per_gross_tonne_km =
      r.number(node, "diesel_l_per_gross_tonne_km", path, false, 0.0, 1.0).value_or(rail.diesel_l_per_gross_tonne_km);
  rail.locomotive_tonnes = r.number(node, "locomotive_tonnes", path, false, 0.0, 1000.0).value_or(rail.locomotive_tonnes);
  rail.wagon_tare_tonnes_per_feu =
      r.number(node, "wagon_tare_tonnes_per_feu", path, false, 0.0, 100.0).value_or(rail.wagon_tare_tonnes_per_feu);
  rail.box_tare_tonnes = r.number(node, "box_tare_tonnes", path, false, 0.0, 20.0).value_or(rail.box_tare_tonnes);
  if (node["diesel_under_wires"])
    rail.diesel_under_wires = r.text_list(node, "diesel_under_wires", path, false);
  rail.unrouted_country = r.text(node, "unrouted_country", path, false).value_or(rail.unrouted_country);
}

void read_fuels(const YamlReader& r, const YAML::Node& node, const std::string& path, EmissionSpec& spec) {
  for (const auto& item : node) {
    const std::string name = item.first.as<std::string>();
    const std::string ipath = YamlReader::join(path, name);
    if (!r.expect_map(item.second, ipath))
      continue;
    r.check_keys(item.second, ipath, keys_at("costs.emissions.fuels.*"));
    FuelFactor f = spec.fuels.count(name) ? spec.fuels.at(name) : FuelFactor{};
    const bool is_new = !spec.fuels.count(name);
    f.ttw_kg_co2e_per_l = r.number(item.second, "ttw_kg_co2e_per_l", ipath, is_new, 0.0, 100.0).value_or(f.ttw_kg_co2e_per_l);
    f.wtw_kg_co2e_per_l = r.number(item.second, "wtw_kg_co2e_per_l", ipath, is_new, 0.0, 100.0).value_or(f.wtw_kg_co2e_per_l);
    if (f.ttw_kg_co2e_per_l > f.wtw_kg_co2e_per_l)
      r.error(item.second, ipath, "tank-to-wheel is part of well-to-wheel: ttw_kg_co2e_per_l may not exceed wtw_kg_co2e_per_l");
    spec.fuels[name] = f;
    spec.provided.insert("fuels." + name);
  }
}

void read_grid(const YamlReader& r, const YAML::Node& node, const std::string& path, GridFactor& g) {
  if (!r.expect_map(node, path))
    return;
  r.check_keys(node, path, keys_at("costs.emissions.grids.*"));
  g.wtw_g_co2e_per_kwh = r.number(node, "wtw_g_co2e_per_kwh", path, false, 0.0, 1e4).value_or(g.wtw_g_co2e_per_kwh);
  g.electric_share = r.number(node, "electric_share", path, false, 0.0, 1.0).value_or(g.electric_share);
}

void read_grids(const YamlReader& r, const YAML::Node& node, const std::string& path, EmissionSpec& spec) {
  for (const auto& item : node) {
    const std::string name = item.first.as<std::string>();
    const std::string ipath = YamlReader::join(path, name);
    if (name == "other") {
      read_grid(r, item.second, ipath, spec.other_grid);
      spec.provided.insert("grids.other");
      continue;
    }
    if (name.size() != 2 || name[0] < 'A' || name[0] > 'Z' || name[1] < 'A' || name[1] > 'Z') {
      r.error(item.first, ipath, "a grid is named by its country's ISO 3166 alpha-2 code (CN, KZ, PL...) or `other`");
      continue;
    }
    GridFactor g = spec.grid(name);
    read_grid(r, item.second, ipath, g);
    spec.grids[name] = g;
    spec.provided.insert("grids." + name);
  }
}

void read_hub(const YamlReader& r, const YAML::Node& hubs, const std::string& hubs_path, const std::string& key,
              HubFactor& hub, std::set<std::string>& provided) {
  const std::string path = YamlReader::join(hubs_path, key);
  const std::string keys = "costs.emissions.hubs." + key;
  if (hubs[key])
    provided.insert("hubs." + key);
  const YAML::Node node = section(r, hubs, key, path, keys.c_str());
  if (!node)
    return;
  hub.wtw_kg_co2e_per_feu = r.number(node, "wtw_kg_co2e_per_feu", path, false, 0.0, kMaxKgPerFeu).value_or(hub.wtw_kg_co2e_per_feu);
  hub.ttw_kg_co2e_per_feu = r.number(node, "ttw_kg_co2e_per_feu", path, false, 0.0, kMaxKgPerFeu).value_or(hub.ttw_kg_co2e_per_feu);
  if (hub.ttw_kg_co2e_per_feu > hub.wtw_kg_co2e_per_feu)
    r.error(node, path, "tank-to-wheel is part of well-to-wheel: ttw_kg_co2e_per_feu may not exceed wtw_kg_co2e_per_feu");
}

void check_carrier(const YamlReader& r, const YAML::Node& node, const std::string& path, const EmissionSpec& spec,
                   const std::string& carrier) {
  if (spec.fuels.count(carrier))
    return;
  std::string known;
  for (const auto& [name, _] : spec.fuels)
    known += (known.empty() ? "" : ", ") + name;
  r.error(node["carrier"], YamlReader::join(path, "carrier"),
          fmt::format("unknown energy carrier '{}'; known: {} (add others under costs.emissions.fuels)", carrier, known));
}


std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool one_of(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// `trade_lane`, `size_class` and `wtw_g_co2e_per_teu_km` of the ocean ship or of the feeder.
void read_ship_leg(const YamlReader& r, const YAML::Node& node, const std::string& path, ShipLegSpec& leg) {
  if (const auto lane = r.text(node, "trade_lane", path, false)) {
    if (one_of(ship_trade_lanes(), *lane))
      leg.trade_lane = *lane;
    else
      r.error(node["trade_lane"], YamlReader::join(path, "trade_lane"),
              fmt::format("unknown trade lane '{}'; known: {}", *lane, joined(ship_trade_lanes())));
  }
  if (const auto size = r.text(node, "size_class", path, false)) {
    if (one_of(ship_size_classes(), *size))
      leg.size_class = *size;
    else
      r.error(node["size_class"], YamlReader::join(path, "size_class"),
              fmt::format("unknown size class '{}' (TEU); known: {}", *size, joined(ship_size_classes())));
  }
  if (const auto own = r.number(node, "wtw_g_co2e_per_teu_km", path, false, 0.0, 1e4))
    leg.wtw_g_co2e_per_teu_km = *own;
}

// `intensities`: cells of the table by trade lane, then size class.
void read_ship_intensities(const YamlReader& r, const YAML::Node& node, const std::string& path, EmissionSpec& spec) {
  for (const auto& lane_item : node) {
    const std::string lane = lane_item.first.as<std::string>();
    const std::string lane_path = YamlReader::join(path, lane);
    if (!one_of(ship_trade_lanes(), lane)) {
      r.error(lane_item.first, lane_path, fmt::format("unknown trade lane '{}'; known: {}", lane, joined(ship_trade_lanes())));
      continue;
    }
    if (!r.expect_map(lane_item.second, lane_path))
      continue;
    for (const auto& cell : lane_item.second) {
      const std::string size = cell.first.as<std::string>();
      if (!one_of(ship_size_classes(), size)) {
        r.error(cell.first, YamlReader::join(lane_path, size),
                fmt::format("unknown size class '{}' (TEU); known: {}", size, joined(ship_size_classes())));
        continue;
      }
      if (const auto value = r.number(lane_item.second, size, lane_path, false, 0.0, 1e4)) {
        spec.ship_intensities[lane][size] = *value;
        spec.provided.insert("ship.intensities." + lane + "." + size);
      }
    }
  }
}

void read_ship(const YamlReader& r, const YAML::Node& n, const std::string& path, EmissionSpec& spec) {
  read_ship_leg(r, n, path, spec.ocean_ship);
  if (n["ttw_share"])
    spec.provided.insert("ship.ttw_share");
  spec.ship_ttw_share = r.number(n, "ttw_share", path, false, 0.0, 1.0).value_or(spec.ship_ttw_share);
  const std::string feeder_path = YamlReader::join(path, "feeder");
  if (const YAML::Node f = section(r, n, "feeder", feeder_path, "costs.emissions.ship.feeder"))
    read_ship_leg(r, f, feeder_path, spec.feeder_ship);
  const std::string cells_path = YamlReader::join(path, "intensities");
  if (const YAML::Node c = section(r, n, "intensities", cells_path, nullptr))
    read_ship_intensities(r, c, cells_path, spec);
}

} // namespace

void read_emission_spec(const YamlReader& r, const YAML::Node& costs, const std::string& costs_path, EmissionSpec& spec) {
  if (const YAML::Node old = costs["co2_factors"])
    r.error(old, YamlReader::join(costs_path, "co2_factors"),
            "replaced by costs.emissions: rail by costs.emissions.rail (train energy) and .grids (electricity by "
            "country), ship by costs.emissions.ship.wtw_g_co2e_per_teu_km, barge by .barge, road by .road "
            "(docs/emissions.md)");
  const std::string path = YamlReader::join(costs_path, "emissions");
  const YAML::Node node = section(r, costs, "emissions", path, "costs.emissions");
  if (!node)
    return;
  if (const YAML::Node n = section(r, node, "rail", YamlReader::join(path, "rail"), "costs.emissions.rail"))
    read_rail(r, n, YamlReader::join(path, "rail"), spec.rail, spec.provided);
  if (const YAML::Node n = section(r, node, "fuels", YamlReader::join(path, "fuels"), nullptr))
    read_fuels(r, n, YamlReader::join(path, "fuels"), spec);
  if (const YAML::Node n = section(r, node, "grids", YamlReader::join(path, "grids"), nullptr))
    read_grids(r, n, YamlReader::join(path, "grids"), spec);
  const std::string ship_path = YamlReader::join(path, "ship");
  if (const YAML::Node n = section(r, node, "ship", ship_path, "costs.emissions.ship"))
    read_ship(r, n, ship_path, spec);
  const std::string barge_path = YamlReader::join(path, "barge");
  if (const YAML::Node n = section(r, node, "barge", barge_path, "costs.emissions.barge")) {
    if (n["wtw_g_co2e_per_tonne_km"])
      spec.provided.insert("barge");
    spec.barge_wtw_g_co2e_per_tonne_km =
        r.number(n, "wtw_g_co2e_per_tonne_km", barge_path, false, 0.0, 1e4).value_or(spec.barge_wtw_g_co2e_per_tonne_km);
    spec.barge_carrier = r.text(n, "carrier", barge_path, false).value_or(spec.barge_carrier);
    check_carrier(r, n, barge_path, spec, spec.barge_carrier);
  }
  const std::string road_path = YamlReader::join(path, "road");
  if (const YAML::Node n = section(r, node, "road", road_path, "costs.emissions.road")) {
    if (n["l_per_km"])
      spec.provided.insert("road");
    spec.road_l_per_km = r.number(n, "l_per_km", road_path, false, 0.0, 10.0).value_or(spec.road_l_per_km);
    spec.road_carrier = r.text(n, "carrier", road_path, false).value_or(spec.road_carrier);
    check_carrier(r, n, road_path, spec, spec.road_carrier);
  }
  const std::string hubs_path = YamlReader::join(path, "hubs");
  if (const YAML::Node n = section(r, node, "hubs", hubs_path, "costs.emissions.hubs")) {
    read_hub(r, n, hubs_path, "terminal", spec.terminal, spec.provided);
    read_hub(r, n, hubs_path, "port", spec.port, spec.provided);
    read_hub(r, n, hubs_path, "gauge_change", spec.gauge_change, spec.provided);
  }
}

} // namespace rongou
