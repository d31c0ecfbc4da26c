// ISO 14083 accounting of the results layer without SimGrid: a hand-made journal whose
// figures are worked out by hand below (docs/emissions.md gives the method).
#include <gtest/gtest.h>

#include "results/Emissions.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/ShipIntensity.hpp"

namespace rongou {
namespace {

// Two train units (A -> B electric in CN, then B -> C diesel in KZ after a break of gauge at
// B), two containers aboard, a light locomotive run of 50 km in the measured window.
struct Chain {
  Scenario s;
  Journal j;

  Chain() {
    s.warmup_days = 1.0;
    s.horizon_days = 10.0;
    RailService west;
    west.name = "west";
    west.max_feu = 4;
    s.rail.services.push_back(west);
    CostSpec c;
    c.rail.through_rate_usd_per_feu = 5000;
    c.tonnes_per_feu = 10;
    auto& e = c.emissions;
    e.rail.electric_kwh_per_train_km = 10;
    e.rail.electric_kwh_per_gross_tonne_km = 0.01;
    e.rail.diesel_l_per_train_km = 2;
    e.rail.diesel_l_per_gross_tonne_km = 0.002;
    e.rail.locomotive_tonnes = 100;
    e.rail.wagon_tare_tonnes_per_feu = 10;
    e.rail.box_tare_tonnes = 0;
    e.fuels["diesel"] = {2.5, 3.0};
    e.grids["CN"] = {500.0, 1.0};
    e.grids["KZ"] = {600.0, 1.0};
    e.terminal = {5.0, 3.0};
    e.gauge_change = {10.0, 6.0};
    s.costs = c;

    j.route_nodes.push_back(stop(0, "A", 0.0, "CN", false, true));
    j.route_nodes.push_back(stop(1, "B", 100.0, "KZ", true, false));
    j.route_nodes.push_back(stop(2, "C", 300.0, "KZ", false, false));
    j.trains.push_back(unit("A", "B", 2, 48.0, -1));
    j.trains.push_back(unit("B", "C", 2, 60.0, 0));
    for (int i = 0; i < 2; ++i) {
      ContainerRecord c;
      c.id = i;
      c.created_h = 40.0;
      c.arrived_h = 100.0;
      c.train = 1;
      j.containers.push_back(c);
    }
    j.locomotives.light_runs.push_back({0, 0, 0, 50.0, 60.0, 50.0, false});
    j.locomotives.light_runs.push_back({0, 0, 0, 5.0, 15.0, 500.0, false}); // in the warm-up: left out
  }
  static RouteNodeRecord stop(int i, const char* node, double km, const char* country, bool gauge, bool wires) {
    RouteNodeRecord r;
    r.service = "west";
    r.stop = i;
    r.node = node;
    r.km = km;
    r.country = country;
    r.gauge_change = gauge;
    r.electrified_to_next = wires;
    return r;
  }
  static TrainRecord unit(const char* from, const char* to, int feu, double departed_h, int parent) {
    TrainRecord t;
    t.service = "west";
    t.origin = from;
    t.destination = to;
    t.feu = feu;
    t.departed_h = departed_h;
    t.arrived_h = departed_h + 10.0;
    t.parent = parent;
    return t;
  }
};

const EmissionLeg* find_leg(const ModeEmissions& e, const std::string& kind, const std::string& from) {
  for (const auto& l : e.legs)
    if (l.kind == kind && l.from == from)
      return &l;
  return nullptr;
}

TEST(Emissions, TwoLegChainWithEmptyRunningAndHubsMatchesTheHandCalculation) {
  Chain f;
  const ModeEmissions e = rail_emissions(f.s, f.j, 0);
  // Both units: 100 t locomotive + 4 slots x 10 t tare + 2 FEU x 10 t cargo = 160 t.
  // A -> B, 100 km electric on CN's grid: (10 + 0.01 x 160) kWh/km x 100 km x 0.5 kg/kWh = 580 kg,
  // over 2 FEU: 290 kg WTW, nothing TTW.
  const EmissionLeg* ab = find_leg(e, "rail", "A");
  ASSERT_NE(ab, nullptr);
  EXPECT_NEAR(ab->wtw_kg, 290.0, 1e-9);
  EXPECT_NEAR(ab->ttw_kg, 0.0, 1e-12);
  EXPECT_NEAR(ab->tonne_km, 1000.0, 1e-9);
  // B -> C, 200 km diesel: (2 + 0.002 x 160) l/km x 200 km = 464 l; x 3.0 = 1392 WTW, x 2.5 =
  // 1160 TTW; over 2 FEU.
  const EmissionLeg* bc = find_leg(e, "rail", "B");
  ASSERT_NE(bc, nullptr);
  EXPECT_NEAR(bc->wtw_kg, 696.0, 1e-9);
  EXPECT_NEAR(bc->ttw_kg, 580.0, 1e-9);
  // Empty running: the locomotive's 100 t over 50 km with the loaded runs' mix (1/3 of their
  // km electric at 500 g/kWh): per km 1/3 x 0.01 x 100 kWh x 0.5 + 2/3 x 0.002 x 100 l x 3.0 (WTW),
  // 2/3 x 0.2 l x 2.5 (TTW): 28.333 and 16.667 kg over 6,000 cargo tonne-km; one FEU's 3,000.
  const EmissionLeg* empty = find_leg(e, "empty_running", "A");
  ASSERT_NE(empty, nullptr);
  EXPECT_NEAR(empty->wtw_kg, 50.0 * (100.0 / 300.0 * 0.5 + 200.0 / 300.0 * 0.6) / 2.0, 1e-9);
  EXPECT_NEAR(empty->ttw_kg, 50.0 * (200.0 / 300.0 * 0.5) / 2.0, 1e-9);
  // Hubs: a terminal at each end, the break of gauge at B.
  const EmissionLeg* yard = find_leg(e, "gauge_change", "B");
  ASSERT_NE(yard, nullptr);
  EXPECT_DOUBLE_EQ(yard->wtw_kg, 10.0);
  EXPECT_DOUBLE_EQ(yard->ttw_kg, 6.0);
  EXPECT_NEAR(e.wtw_kg_per_feu(), 290.0 + 696.0 + 14.0 + 1.0 / 6.0 + 5.0 + 10.0 + 5.0, 1e-9);
  EXPECT_NEAR(e.ttw_kg_per_feu(), 0.0 + 580.0 + 25.0 / 3.0 + 3.0 + 6.0 + 3.0, 1e-9);
  EXPECT_NEAR(e.tonne_km_per_feu(), 3000.0, 1e-9);
  EXPECT_NEAR(e.wtw_g_per_tonne_km(), e.wtw_kg_per_feu() * 1000.0 / 3000.0, 1e-9);
}

TEST(Emissions, DieselUnderWiresTakesNoElectricity) {
  Chain f;
  f.s.costs->emissions.rail.diesel_under_wires = {"west"};
  const ModeEmissions e = rail_emissions(f.s, f.j, 0);
  const EmissionLeg* ab = find_leg(e, "rail", "A");
  ASSERT_NE(ab, nullptr);
  EXPECT_NEAR(ab->wtw_kg, (2.0 + 0.002 * 160.0) * 100.0 * 3.0 / 2.0, 1e-9);
  EXPECT_NEAR(ab->ttw_kg, (2.0 + 0.002 * 160.0) * 100.0 * 2.5 / 2.0, 1e-9);
}

TEST(Emissions, AHalfFullTrainCarriesNearlyTwiceThePerFeuEmissionsOfAFullOne) {
  // Default factors, a 40-slot train, all electric: 40 FEU aboard against 20.
  const auto per_feu = [](int feu) {
    Chain f;
    f.s.costs->emissions = EmissionSpec{};
    f.s.costs->tonnes_per_feu = 12.0;
    f.s.rail.services[0].max_feu = 40;
    f.j.route_nodes[1].electrified_to_next = true;
    f.j.route_nodes[1].country = "CN";
    f.j.trains.resize(1);
    f.j.trains[0] = Chain::unit("A", "C", feu, 48.0, -1);
    f.j.containers.clear();
    f.j.locomotives.light_runs.clear();
    for (int i = 0; i < feu; ++i) {
      ContainerRecord c;
      c.id = i;
      c.created_h = 40.0;
      c.arrived_h = 100.0;
      c.train = 0;
      f.j.containers.push_back(c);
    }
    return find_leg(rail_emissions(f.s, f.j, 0), "rail", "A")->wtw_kg;
  };
  const double full = per_feu(40), half = per_feu(20);
  // 138 t + 40 x 11 t + n x (3.75 + 12) t; (11.1 + 0.0055 x gross) kWh per train-km over n FEU.
  const double full_expected = (11.1 + 0.0055 * (138 + 440 + 40 * 15.75)) / 40 * 300 * 0.582;
  const double half_expected = (11.1 + 0.0055 * (138 + 440 + 20 * 15.75)) / 20 * 300 * 0.582;
  EXPECT_NEAR(full, full_expected, 1e-9);
  EXPECT_NEAR(half, half_expected, 1e-9);
  EXPECT_GT(half / full, 1.75); // the train's energy barely falls with its load
  EXPECT_LT(half / full, 2.0);  // but a little: the cargo's own mass is not hauled
}

TEST(Emissions, SeaChainCountsEachLegAndTheHubsBetweenThem) {
  Chain f;
  f.s.sea = SeaSpec{};
  f.s.costs->emissions.port = {10.0, 6.0};
  f.j.sea_legs = {{"Chengdu", "Shanghai", "inland_rail", 100.0, 0, ""},
                  {"Shanghai", "Gdansk", "sea", 1000.0, 0, ""},
                  {"Gdansk", "Lodz", "road", 50.0, 0, ""}};
  const ModeEmissions e = sea_emissions(f.s, f.j, 0);
  const auto& spec = f.s.costs->emissions;
  const EmissionLeg* ship = find_leg(e, "sea", "Shanghai");
  ASSERT_NE(ship, nullptr);
  EXPECT_NEAR(ship->wtw_kg, spec.ship_wtw_g_co2e_per_teu_km(false) * 2 * 1000 / 1000.0, 1e-9);
  EXPECT_NEAR(ship->ttw_kg, ship->wtw_kg * spec.ship_ttw_share, 1e-9);
  const EmissionLeg* truck = find_leg(e, "road", "Gdansk");
  ASSERT_NE(truck, nullptr);
  EXPECT_NEAR(truck->wtw_kg, spec.road_l_per_km * 50 * 3.0, 1e-9);
  // Ports at Shanghai and Gdansk, a terminal at Chengdu, none at Lodz after a truck.
  ASSERT_NE(find_leg(e, "port", "Shanghai"), nullptr);
  ASSERT_NE(find_leg(e, "port", "Gdansk"), nullptr);
  ASSERT_NE(find_leg(e, "terminal", "Chengdu"), nullptr);
  EXPECT_EQ(find_leg(e, "terminal", "Lodz"), nullptr);
  EXPECT_NEAR(e.wtw_kg_per_feu(), co2_kg_per_feu(*f.s.costs, "inland_rail", 100) + ship->wtw_kg + truck->wtw_kg +
                                      5.0 + 10.0 + 10.0, 1e-9);
}

// A sea chain via a hub: the ocean leg into Rotterdam and the feeder on to Gdansk, every
// measured box through the hub.
struct HubChain : Chain {
  HubChain() {
    s.sea = SeaSpec{};
    j.sea_legs = {{"Chengdu", "Shanghai", "inland_rail", 100.0, 0, ""},
                  {"Shanghai", "Gdansk", "sea", 1000.0, 0, "direct"},
                  {"Gdansk", "Lodz", "road", 50.0, 0, ""},
                  {"Shanghai", "Rotterdam", "sea", 1000.0, 0, "Rotterdam"},
                  {"Rotterdam", "Gdansk", "sea", 1000.0, 0, "Rotterdam"}};
  }
};

TEST(ShipIntensities, ABiggerShipOnTheSameLaneIsNeverGivenAHigherIntensity) {
  const auto& classes = ship_size_classes();
  for (const auto& lane : ship_trade_lanes())
    for (std::size_t i = 1; i < classes.size(); ++i)
      EXPECT_LE(default_ship_intensity(lane, classes[i]).wtw_g_co2e_per_teu_km,
                default_ship_intensity(lane, classes[i - 1]).wtw_g_co2e_per_teu_km)
          << lane << " " << classes[i];
  // And a feeder ship is dearer per TEU-km than a mainline one.
  EXPECT_GT(default_ship_intensity("intra_europe", "1000-1999").wtw_g_co2e_per_teu_km,
            default_ship_intensity("asia_north_europe", "8000-14499").wtw_g_co2e_per_teu_km);
}

TEST(ShipIntensities, TheDefaultsKeepTheBaselineShipAndTagOnlyThePublishedCellDefault) {
  const EmissionSpec e;
  EXPECT_DOUBLE_EQ(e.ship_wtw_g_co2e_per_teu_km(false), 87.5);
  EXPECT_EQ(e.ship_quality(false), "default");
  EXPECT_NEAR(e.ship_wtw_g_co2e_per_teu_km(true), 87.5 * 29.703 / 15.36, 0.05);
  EXPECT_EQ(e.ship_quality(true), "assumed");
  for (const auto& lane : ship_trade_lanes())
    for (const auto& size : ship_size_classes())
      EXPECT_EQ(std::string(default_ship_intensity(lane, size).quality),
                lane == "asia_north_europe" && size == "8000-14499" ? "default" : "assumed");
}

TEST(Emissions, TheFeederLegUsesTheFeederClassAndTheOceanLegTheOceanClass) {
  HubChain f;
  auto& e = f.s.costs->emissions;
  e.ocean_ship = {"asia_north_europe", "14500+", std::nullopt};
  e.feeder_ship = {"intra_europe", "0-999", std::nullopt};
  e.ship_intensities["asia_north_europe"]["14500+"] = 60.0;
  e.ship_intensities["intra_europe"]["0-999"] = 200.0;
  EXPECT_NEAR(ship_leg(*f.s.costs, 1000.0, false).wtw_kg, 60.0 * 2, 1e-9);
  EXPECT_NEAR(ship_leg(*f.s.costs, 1000.0, true).wtw_kg, 200.0 * 2, 1e-9);
  EXPECT_FALSE(f.j.sea_legs[3].is_feeder()); // Shanghai -> Rotterdam: the loop's ocean leg
  EXPECT_TRUE(f.j.sea_legs[4].is_feeder());  // Rotterdam -> Gdansk
  EXPECT_FALSE(f.j.sea_legs[1].is_feeder());
}

TEST(Emissions, AShipFactorTheScenarioSetsIsTaggedPrimaryAndTheOthersKeepTheirDefaultTag) {
  const std::string head = R"(name: t
platform: p.xml
horizon_days: 28
demand:
  westbound: {feu_per_week: 10, cargo_value_usd: 1000}
rail:
  services:
    - {name: w, direction: westbound, route: [Chengdu, Baoji], departures: [Mon], max_feu: 41}
costs:
  rail: {through_rate_usd_per_feu: 7000}
  sea: {freight_usd_per_feu: 1500}
)";
  const auto sea_tags = [&](const std::string& emissions) {
    Chain f;
    const Scenario loaded = load_scenario_from_string(head + emissions, "s.yaml", ".");
    f.s.costs = loaded.costs;
    f.s.sea = SeaSpec{};
    f.j.sea_legs = {{"Chengdu", "Shanghai", "inland_rail", 100.0, 0, ""},
                    {"Shanghai", "Gdansk", "sea", 1000.0, 0, ""},
                    {"Gdansk", "Lodz", "road", 50.0, 0, ""}};
    std::map<std::string, std::string> tags;
    for (const auto& leg : sea_emissions(f.s, f.j, 0).legs)
      tags[leg.kind + " " + leg.from] = leg.quality;
    return tags;
  };
  const auto defaulted = sea_tags("");
  EXPECT_EQ(defaulted.at("sea Shanghai"), "default");
  EXPECT_EQ(defaulted.at("inland_rail Chengdu"), "modelled");
  EXPECT_EQ(defaulted.at("road Gdansk"), "assumed");
  EXPECT_EQ(defaulted.at("port Shanghai"), "default");
  EXPECT_EQ(defaulted.at("terminal Chengdu"), "assumed");

  const auto own_ship = sea_tags("  emissions: {ship: {wtw_g_co2e_per_teu_km: 87.5}}\n");
  EXPECT_EQ(own_ship.at("sea Shanghai"), "primary"); // the default's own value, but the scenario's
  EXPECT_EQ(own_ship.at("inland_rail Chengdu"), "modelled");
  EXPECT_EQ(own_ship.at("road Gdansk"), "assumed");
  EXPECT_EQ(own_ship.at("port Shanghai"), "default");
  EXPECT_EQ(own_ship.at("terminal Chengdu"), "assumed");

  // Choosing a cell is not a factor of the scenario's own; setting that cell is.
  EXPECT_EQ(sea_tags("  emissions: {ship: {trade_lane: intra_asia, size_class: 2000-7999}}\n").at("sea Shanghai"), "assumed");
  EXPECT_EQ(sea_tags("  emissions: {ship: {trade_lane: intra_asia, size_class: 2000-7999, intensities: {intra_asia: "
                     "{2000-7999: 90}}}}\n")
                .at("sea Shanghai"),
            "primary");
  // A cell the legs do not use leaves them as they were.
  EXPECT_EQ(sea_tags("  emissions: {ship: {intensities: {intra_asia: {0-999: 300}}}}\n").at("sea Shanghai"), "default");

  const auto own_hubs = sea_tags("  emissions: {hubs: {port: {wtw_kg_co2e_per_feu: 9, ttw_kg_co2e_per_feu: 5}}, "
                                 "road: {l_per_km: 0.3}, grids: {CN: {wtw_g_co2e_per_kwh: 550}}}\n");
  EXPECT_EQ(own_hubs.at("port Shanghai"), "primary");
  EXPECT_EQ(own_hubs.at("road Gdansk"), "primary");
  EXPECT_EQ(own_hubs.at("inland_rail Chengdu"), "primary"); // on China's grid
  EXPECT_EQ(own_hubs.at("sea Shanghai"), "default");
  EXPECT_EQ(own_hubs.at("terminal Chengdu"), "assumed");
}

TEST(Emissions, TheShipFigureOfTheScenarioWinsOverTheTableAndCarriesToTheFeederUnlessItHasItsOwn) {
  EmissionSpec e;
  e.ocean_ship.wtw_g_co2e_per_teu_km = 70.0;
  EXPECT_DOUBLE_EQ(e.ship_wtw_g_co2e_per_teu_km(false), 70.0);
  EXPECT_DOUBLE_EQ(e.ship_wtw_g_co2e_per_teu_km(true), 70.0);
  EXPECT_EQ(e.ship_quality(true), "primary");
  e.feeder_ship.wtw_g_co2e_per_teu_km = 150.0;
  EXPECT_DOUBLE_EQ(e.ship_wtw_g_co2e_per_teu_km(true), 150.0);
  EXPECT_DOUBLE_EQ(e.ship_wtw_g_co2e_per_teu_km(false), 70.0);
}

} // namespace
} // namespace rongou
