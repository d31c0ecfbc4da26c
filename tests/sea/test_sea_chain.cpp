// The sea chain on the SimGrid engine with hand-made containers. Each test creates an engine,
// so each must run in a process of its own (ctest does this: one discovered test per process).
#include <gtest/gtest.h>

#include <map>

#include "model/corridor/PlatformReader.hpp"
#include "engine/Engine.hpp"
#include "model/sea/SeaModel.hpp"
#include "support/Files.hpp"

namespace rongou {
namespace {

const std::string kPlatform = test::source_path("platforms/rong-ou.xml");

Scenario fixed_scenario() {
  Scenario s;
  s.source_file = "test";
  s.platform_file = kPlatform;
  s.seed = 7;
  SeaSpec sea;
  sea.sailing_weekdays = {2};
  sea.sailing_hour = 18;
  sea.cutoff_hours_before_sailing = 48;
  sea.vessel_capacity_feu = 1000;
  sea.ocean_transit_days = 30;
  sea.port_dwell_days = Distribution::fixed(2);
  s.sea = sea;
  return s;
}

struct SeaRun {
  Journal journal;
  SeaRoute route;
};

SeaRun run_sea(const Scenario& s, const std::vector<SeaOffer>& offers) {
  engine::Session session(kPlatform);
  Diagnostics d;
  const Corridor corridor = read_corridor_from_engine(kPlatform, d);
  SeaRun out;
  out.route = build_sea_route(s, corridor, d);
  EXPECT_TRUE(d.empty()) << d.format();
  SeaModel model(s, out.route, offers, out.journal);
  model.start();
  session.run();
  return out;
}

double first_cutoff_h(const Scenario& s) {
  return sailing_departure_h(*s.sea, 0) - s.sea->cutoff_hours_before_sailing;
}

TEST(SeaChain, PlatformKeepsTheRailRouteAndAddsTheSeaLegs) {
  engine::Session session(kPlatform);
  Diagnostics d;
  const Corridor c = read_corridor_from_engine(kPlatform, d);
  ASSERT_TRUE(d.empty()) << d.format();
  const std::vector<std::string> rail = {"Chengdu", "Baoji", "Lanzhou", "Urumqi", "Jinghe", "Alashankou", "Dostyk",
                                         "Moyinty", "Astana", "Petropavl", "Yekaterinburg", "Kazan", "Moscow",
                                         "Smolensk", "Osinovka", "Minsk", "Brest", "Malaszewicze", "Warsaw", "Lodz"};
  EXPECT_DOUBLE_EQ(c.route_length_km(rail), 9826.0);
  for (const auto& port : {"Gdansk", "Hamburg", "Rotterdam"}) {
    ASSERT_NE(c.segment_between("Shanghai", port), nullptr) << port;
    EXPECT_EQ(c.segment_between("Shanghai", port)->mode, "sea");
    ASSERT_NE(c.segment_between(port, "Lodz"), nullptr) << port;
    EXPECT_GT(c.segment_between(port, "Lodz")->road_distance_km, 0.0);
  }
  EXPECT_EQ(c.segment_between("Chongqing", "Shanghai")->mode, "barge");
}

TEST(SeaChain, AContainerThatMissesTheCutoffSailsAWeekLater) {
  const Scenario s = fixed_scenario();
  // Inland time is fixed (no delay): choose gate-in times that reach Shanghai an hour
  // before and an hour after the first cut-off.
  const double inland_h = 2000.0 / 500.0 * 24.0; // platform Chengdu-Shanghai
  const double cutoff = first_cutoff_h(s);
  const SeaRun r = run_sea(s, {{0, cutoff - 1.0 - inland_h}, {1, cutoff + 1.0 - inland_h}});
  ASSERT_EQ(r.journal.sea.size(), 2u);
  const auto& early = r.journal.sea[0];
  const auto& late = r.journal.sea[1];
  EXPECT_NEAR(early.port_arrival_h, cutoff - 1.0, 1e-9);
  ASSERT_TRUE(early.sailed_h && late.sailed_h && early.arrived_h && late.arrived_h);
  EXPECT_NEAR(*early.sailed_h, sailing_departure_h(*s.sea, 0), 1e-6);
  EXPECT_NEAR(*late.sailed_h - *early.sailed_h, 168.0, 1e-6);
  EXPECT_NEAR(*late.arrived_h - *early.arrived_h, 168.0, 1e-6); // everything after is fixed
  EXPECT_EQ(late.rolled, 0); // it missed the cut-off: not rolled by a full vessel
}

TEST(SeaChain, AVesselAtCapacityRollsTheRestToTheNextSailing) {
  Scenario s = fixed_scenario();
  s.sea->vessel_capacity_feu = 3;
  std::vector<SeaOffer> offers;
  for (int i = 0; i < 7; ++i) // all at the port well before the first cut-off, in id order
    offers.push_back({i, static_cast<double>(i) * 0.1 - 100.0});
  const SeaRun r = run_sea(s, offers);
  std::vector<int> sailing_of;
  std::vector<int> rolled;
  for (const auto& rec : r.journal.sea) {
    sailing_of.push_back(rec.sailing);
    rolled.push_back(rec.rolled);
  }
  EXPECT_EQ(sailing_of, (std::vector<int>{0, 0, 0, 1, 1, 1, 2}));
  EXPECT_EQ(rolled, (std::vector<int>{0, 0, 0, 1, 1, 1, 2}));
  ASSERT_GE(r.journal.sailings.size(), 3u);
  EXPECT_EQ(r.journal.sailings[0].feu, 3);
  EXPECT_EQ(r.journal.sailings[0].rolled_feu, 4);
  EXPECT_EQ(r.journal.sailings[1].rolled_feu, 1);
  EXPECT_EQ(r.journal.sailings[2].feu, 1);
}

TEST(SeaChain, EveryContainerOfferedArrivesExactlyOnceAndItsStagesAddUp) {
  Scenario s = fixed_scenario();
  s.sea->vessel_capacity_feu = 40;
  s.sea->inland_delay_days = Distribution{Distribution::Kind::Triangular, 0, 0, 0.5, 3};
  s.sea->ocean_delay_days = Distribution{Distribution::Kind::Exponential, 0, 0, 0, 0, 1.5};
  s.sea->port_dwell_days = Distribution{Distribution::Kind::Uniform, 0, 1, 0, 4};
  s.sea->last_leg_delay_days = Distribution{Distribution::Kind::Uniform, 0, 0, 0, 1};
  std::vector<SeaOffer> offers;
  for (int i = 0; i < 600; ++i) // about 60 a week against 40 slots a week: the port backs up
    offers.push_back({1000 + i, i * 2.8});
  const SeaRun r = run_sea(s, offers);
  ASSERT_EQ(r.journal.sea.size(), offers.size());
  std::map<int, int> loaded;
  for (std::size_t i = 0; i < r.journal.sea.size(); ++i) {
    const auto& rec = r.journal.sea[i];
    EXPECT_EQ(rec.container, offers[i].container);
    ASSERT_TRUE(rec.sailed_h && rec.port_arrival_eu_h && rec.arrived_h) << rec.container;
    ASSERT_GE(rec.sailing, 0);
    ++loaded[rec.sailing];
    const auto& sailing = r.journal.sailings[static_cast<std::size_t>(rec.sailing)];
    EXPECT_LE(rec.port_arrival_h, sailing.cutoff_h + 1e-9);
    EXPECT_NEAR(*rec.sailed_h, sailing.departure_h, 1e-6);
    const double expected = rec.gate_in_h + rec.inland_h + (*rec.sailed_h - rec.port_arrival_h) +
                            r.route.ocean.nominal_h + rec.ocean_delay_h + rec.port_dwell_h + rec.last_leg_h;
    EXPECT_NEAR(*rec.arrived_h, expected, 1e-6);
  }
  int total = 0;
  for (std::size_t k = 0; k < r.journal.sailings.size(); ++k) {
    const auto& sailing = r.journal.sailings[k];
    EXPECT_LE(sailing.feu, 40);
    EXPECT_EQ(sailing.feu, loaded[static_cast<int>(k)]);
    total += sailing.feu;
  }
  EXPECT_EQ(total, 600);
  int rolled = 0;
  for (const auto& rec : r.journal.sea)
    rolled += rec.rolled;
  EXPECT_GT(rolled, 0); // the capacity did bind
}

TEST(SeaChain, BargeIsSlowerThanRailInland) {
  Scenario s = fixed_scenario();
  s.sea->inland_mode = InlandMode::Barge;
  const SeaRun r = run_sea(s, {{0, 0.0}});
  ASSERT_EQ(r.route.inland.size(), 2u);
  EXPECT_EQ(r.route.inland[1].leg.mode, "barge");
  EXPECT_GT(r.journal.sea[0].inland_h, 2000.0 / 500.0 * 24.0);
}

TEST(SeaChain, MissingPortIsReportedWithTheScenarioKey) {
  Scenario s = fixed_scenario();
  s.sea->european_port = "Gdynia";
  engine::Session session(kPlatform);
  Diagnostics d;
  const Corridor corridor = read_corridor_from_engine(kPlatform, d);
  build_sea_route(s, corridor, d);
  EXPECT_NE(d.format().find("sea.european_port: the sea chain needs node 'Gdynia'"), std::string::npos) << d.format();
}


// A chain that takes longer than the longest run would keep the run going for centuries:
// refused before anything runs, as a rail route is.
TEST(SeaChain, AChainLongerThanTheLongestRunIsRefused) {
  Scenario s = fixed_scenario();
  s.sea->ocean_transit_days = kMaxHorizonDays; // plus the inland and last legs
  engine::Session session(kPlatform);
  Diagnostics d;
  const Corridor corridor = read_corridor_from_engine(kPlatform, d);
  build_sea_route(s, corridor, d);
  EXPECT_NE(d.format().find("sea: the sea chain takes"), std::string::npos) << d.format();
  EXPECT_NE(d.format().find("longer than the longest run (36500 days)"), std::string::npos) << d.format();

  s.sea->ocean_transit_days = 35.0;
  Diagnostics ok;
  build_sea_route(s, corridor, ok);
  EXPECT_TRUE(ok.empty()) << ok.format();
}


// A sea_delay adds its days to the sailings leaving in its window and to no other; each
// loaded sailing hit is recorded once with the containers on it.
TEST(SeaChain, ASeaDelayLengthensOnlyTheSailingsLeavingInItsWindow) {
  Scenario base = fixed_scenario();
  Scenario delayed = base;
  Disruption d;
  d.kind = DisruptionKind::SeaDelay;
  d.path = "disruptions.0";
  d.from_day = 7.0; // the second and third weekly sailings (days 9 and 16)
  d.to_day = 21.0;
  d.extra_days = 12.0;
  delayed.disruptions.push_back(d);
  std::vector<SeaOffer> offers;
  for (int i = 0; i < 40; ++i)
    offers.push_back({i, i * 12.0});
  const SeaRun r = run_sea(delayed, offers);
  ASSERT_FALSE(r.journal.sailings.empty());
  int hit = 0;
  for (const auto& s : r.journal.sailings) {
    const bool in_window = s.departure_h >= 7 * 24.0 && s.departure_h < 21 * 24.0;
    EXPECT_DOUBLE_EQ(s.disruption_h, in_window ? 12 * 24.0 : 0.0) << s.index;
    EXPECT_GE(s.delay_h, s.disruption_h);
    hit += in_window && s.feu > 0;
  }
  EXPECT_GT(hit, 0);
  int hits = 0;
  for (const auto& h : r.journal.disruption_hits) {
    ASSERT_GE(h.sailing, 0);
    EXPECT_EQ(h.train, -1);
    EXPECT_EQ(h.feu, r.journal.sailings[static_cast<std::size_t>(h.sailing)].feu);
    EXPECT_DOUBLE_EQ(h.wait_h, 12 * 24.0);
    ++hits;
  }
  EXPECT_EQ(hits, hit);
  for (const auto& rec : r.journal.sea) {
    ASSERT_TRUE(rec.arrived_h);
    const auto& s = r.journal.sailings[static_cast<std::size_t>(rec.sailing)];
    EXPECT_NEAR(*rec.port_arrival_eu_h - *rec.sailed_h, s.scheduled_transit_h + s.delay_h, 1e-6);
  }
}

} // namespace
} // namespace rongou
