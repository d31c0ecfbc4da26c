// The Middle Corridor's three alternatives on platforms/china-europe.xml
// (tests/model/middle-corridor/): Xi'an-Budapest by the Baku-Tbilisi-Kars line through
// Turkey, Bulgaria and Serbia; by the Caspian port of Aktau; by the Black Sea port of Batumi.
// Each scenario validates, its tracked trains pass the route's crossings, yards and ferries,
// and its containers arrive. Each simulation runs in a child process (one SimGrid engine per
// process).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"
#include "support/RunCommand.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

std::string scenario_path(const std::string& name) {
  return source_path("tests/model/middle-corridor/" + name + ".yaml");
}

// What the tracked lane's trains did, by direction: visits of each kind at each node, and
// the tracked containers that set off in the first 40 days and those of them that arrived.
struct Passage {
  std::map<std::string, double> visits; // "<kind> <node> <direction>" -> trains
  double departed = 0.0;
  double arrived = 0.0;
  double ferry_feu_boarded_at_aktau = 0.0;
  double ferry_feu_sailed_from_aktau = 0.0;
  // The tracked lane's route plans (both directions): stops that change gauge, those at
  // Akhalkalaki, border stops, and the westbound km from Tbilisi to Budapest.
  double gauge_change_stops = 0.0;
  double gauge_change_stops_at_akhalkalaki = 0.0;
  double border_stops = 0.0;
  double km_tbilisi_to_budapest = 0.0;

  double at(const std::string& kind, const std::string& node, const std::string& direction) const {
    const auto it = visits.find(kind + " " + node + " " + direction);
    return it == visits.end() ? 0.0 : it->second;
  }
};

const std::vector<std::string> kinds = {"crossing", "yard", "ferry"};
const std::vector<std::string> nodes = {"Akhalkalaki", "Kars", "Kapikule", "Dimitrovgrad", "Kelebia",
                                        "Poti", "Batumi", "Aktau", "Kuryk"};
const std::vector<std::string> directions = {"westbound", "eastbound"};

// The child returns the counts flat, in the order of kinds x nodes x directions, then the
// container figures.
Passage passage_of(const std::string& name) {
  const Scenario s = load_scenario(scenario_path(name));
  const std::vector<double> flat = in_child_process([&] {
    const Journal j = simulate(s);
    std::map<std::string, double> visits;
    for (const auto& v : j.server_visits) {
      const auto train = static_cast<std::size_t>(v.train);
      if (train >= j.trains.size() || j.trains[train].background || j.trains[train].lane != s.focus_lane)
        continue;
      visits[std::string(to_string(v.kind)) + " " + std::string(v.node_name()) + " " + to_string(v.direction)] +=
          1.0;
    }
    std::vector<double> out;
    for (const auto& k : kinds)
      for (const auto& n : nodes)
        for (const auto& d : directions)
          out.push_back(visits[k + " " + n + " " + d]);
    double departed = 0.0, arrived = 0.0;
    for (const auto& c : j.containers) {
      if (c.lane != s.focus_lane || !c.departed_h || *c.departed_h >= 40 * 24.0)
        continue;
      ++departed;
      arrived += c.arrived_h ? 1.0 : 0.0;
    }
    double boarded = 0.0, sailed = 0.0;
    for (const auto& v : j.server_visits)
      if (v.kind == ServerKind::Ferry && v.node_name() == "Aktau")
        boarded += v.feu;
    for (const auto& sailing : j.ferry_sailings)
      if (sailing.from_port == "Aktau")
        sailed += sailing.load_feu;
    double gauge_stops = 0.0, at_akhalkalaki = 0.0, borders = 0.0, km_tbilisi = 0.0, km_budapest = 0.0;
    for (const auto& r : j.route_nodes) {
      if (r.lane != s.focus_lane)
        continue;
      gauge_stops += r.gauge_change ? 1.0 : 0.0;
      at_akhalkalaki += r.gauge_change && r.node == "Akhalkalaki" ? 1.0 : 0.0;
      borders += r.border ? 1.0 : 0.0;
      if (r.direction == Direction::Westbound && r.node == "Tbilisi")
        km_tbilisi = r.km;
      if (r.direction == Direction::Westbound && r.node == "Budapest")
        km_budapest = r.km;
    }
    out.insert(out.end(), {departed, arrived, boarded, sailed, gauge_stops, at_akhalkalaki, borders,
                           km_budapest - km_tbilisi});
    return out;
  });
  Passage p;
  const std::size_t counts = kinds.size() * nodes.size() * directions.size();
  EXPECT_EQ(flat.size(), counts + 8);
  if (flat.size() != counts + 8)
    return p;
  std::size_t i = 0;
  for (const auto& k : kinds)
    for (const auto& n : nodes)
      for (const auto& d : directions)
        p.visits[k + " " + n + " " + d] = flat[i++];
  p.departed = flat[i++];
  p.arrived = flat[i++];
  p.ferry_feu_boarded_at_aktau = flat[i++];
  p.ferry_feu_sailed_from_aktau = flat[i++];
  p.gauge_change_stops = flat[i++];
  p.gauge_change_stops_at_akhalkalaki = flat[i++];
  p.border_stops = flat[i++];
  p.km_tbilisi_to_budapest = flat[i++];
  return p;
}

} // namespace

TEST(MiddleCorridorLines, EachAlternativeValidatesAgainstThePlatform) {
  for (const char* name : {"via-kars", "via-aktau", "via-batumi"}) {
    const auto result = run_rongou({"validate", scenario_path(name)});
    EXPECT_EQ(result.exit_code, 0) << name << "\n" << result;
  }
}

TEST(MiddleCorridorLines, ViaKarsTheBoxesChangeGaugeAtAkhalkalakiAndCrossFourBorders) {
  const Passage p = passage_of("via-kars");
  // The plans: each direction changes gauge at Altynkol and Akhalkalaki only, and crosses
  // six borders (Khorgos, Altynkol, Kars, Kapikule, Dimitrovgrad, Kelebia).
  EXPECT_EQ(p.gauge_change_stops, 4.0);
  EXPECT_EQ(p.gauge_change_stops_at_akhalkalaki, 2.0);
  EXPECT_EQ(p.border_stops, 12.0);
  // Tbilisi-Akhalkalaki-Kars-Ankara-Istanbul-Kapikule-Dimitrovgrad-Belgrade-Kelebia-Budapest:
  // 176 + 105 + 1310 + 610 + 229 + 378 + 327 + 186 + 163 km on the platform.
  EXPECT_DOUBLE_EQ(p.km_tbilisi_to_budapest, 3484.0);
  for (const auto& d : directions) {
    // Past Altynkol the one change of gauge is 1520 mm to 1435 mm at Akhalkalaki; no port yard.
    const double yard = p.at("yard", "Akhalkalaki", d);
    EXPECT_GE(yard, 5.0) << d;
    EXPECT_EQ(p.at("yard", "Poti", d), 0.0) << d;
    EXPECT_EQ(p.at("yard", "Batumi", d), 0.0) << d;
    // Every train through the yard is processed at the Georgia-Turkey border, and the ones that
    // got as far at the Turkey-Bulgaria, Bulgaria-Serbia and Serbia-Hungary borders.
    EXPECT_EQ(p.at("crossing", "Kars", d), yard) << d;
    for (const char* border : {"Kapikule", "Dimitrovgrad", "Kelebia"}) {
      EXPECT_GE(p.at("crossing", border, d), 1.0) << border << " " << d;
      EXPECT_LE(p.at("crossing", border, d), yard) << border << " " << d;
    }
  }
  // End to end: every box that set off in the first 40 days reached Budapest (or Xi'an).
  EXPECT_GT(p.departed, 300.0); // about 100 FEU a week both ways
  EXPECT_EQ(p.arrived, p.departed);
}

TEST(MiddleCorridorLines, ViaAktauTheTrackedTrainsSailFromAktauNotKuryk) {
  const Passage p = passage_of("via-aktau");
  EXPECT_GE(p.at("ferry", "Aktau", "westbound"), 5.0);
  EXPECT_EQ(p.at("ferry", "Kuryk", "westbound"), 0.0);
  EXPECT_GE(p.at("yard", "Poti", "westbound"), 5.0);
  // The Aktau line's sailings carried all the tracked lane boarded there, and nothing else.
  EXPECT_GT(p.ferry_feu_boarded_at_aktau, 0.0);
  EXPECT_EQ(p.ferry_feu_sailed_from_aktau, p.ferry_feu_boarded_at_aktau);
  EXPECT_GT(p.departed, 300.0); // about 100 FEU a week both ways
  EXPECT_EQ(p.arrived, p.departed);
}

TEST(MiddleCorridorLines, ViaBatumiTheBoxesLeaveTheWagonsAtBatumiNotPoti) {
  const Passage p = passage_of("via-batumi");
  for (const auto& d : directions) {
    EXPECT_GE(p.at("yard", "Batumi", d), 3.0) << d;
    EXPECT_EQ(p.at("yard", "Poti", d), 0.0) << d;
  }
  EXPECT_GE(p.at("ferry", "Batumi", "westbound"), 5.0);
  EXPECT_EQ(p.at("ferry", "Poti", "westbound"), 0.0);
  EXPECT_GT(p.departed, 300.0); // about 100 FEU a week both ways
  EXPECT_EQ(p.arrived, p.departed);
}
