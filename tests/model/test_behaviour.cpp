// Behaviour: how the model responds when resources change. Each simulation runs in a child
// process (one SimGrid engine per process).
#include <gtest/gtest.h>


#include "results/RailMetrics.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"
#include "support/TempDir.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

Scenario baseline() { return load_scenario(source_path("scenarios/baseline-2018.yaml")); }

// Mean hours per westbound container: {gauge change, locomotive, transit}.
std::vector<double> mean_waits(const Scenario& s) {
  return in_child_process([&] {
    const Journal j = simulate(s);
    const auto m = compute_rail_metrics(s, j);
    const auto& w = m.by_direction.at(Direction::Westbound);
    return std::vector<double>{w.mean_waits.gauge_change, w.mean_waits.locomotive, w.transit_days.mean * 24.0};
  });
}

// The platform with one host property changed, written to `dir`.
std::string platform_with(const TempDir& dir, const std::string& host, const std::string& property,
                          const std::string& value) {
  std::string xml = read_file(source_path("platforms/rong-ou.xml"));
  const auto host_at = xml.find("<host id=\"" + host + "\"");
  const auto prop_at = xml.find("<prop id=\"" + property + "\" value=\"", host_at);
  const auto host_end = xml.find("</host>", host_at);
  EXPECT_TRUE(host_at != std::string::npos && prop_at < host_end) << host << " has no property " << property;
  const auto value_at = xml.find("value=\"", prop_at) + 7;
  std::string changed = xml;
  changed.replace(value_at, xml.find('"', value_at) - value_at, value);
  const auto file = dir.path() / "platform.xml";
  write_file(file, changed);
  return file.string();
}

} // namespace

TEST(Behaviour, FewerCranesNeverShortenTheYardTime) {
  Scenario s = baseline();
  // Locomotives to spare: with short pools, a train held at the yard may find a locomotive
  // given back meanwhile further on, and transit is then no longer the yard's alone.
  for (auto& pool : s.rail.locomotives)
    pool.count *= 4;
  TempDir dir;
  const auto base = mean_waits(s);
  double previous = base[0];
  for (const char* cranes : {"4", "2", "1"}) {
    s.platform_file = platform_with(dir, "Malaszewicze", "cranes", cranes);
    const auto fewer = mean_waits(s);
    EXPECT_GE(fewer[0], previous - 1e-9) << cranes << " cranes";
    EXPECT_GE(fewer[2], base[2] - 1e-9) << cranes << " cranes";
    previous = fewer[0];
  }
  EXPECT_GT(previous, base[0]); // one crane is a real bottleneck
}

TEST(Behaviour, FewerTracksNeverShortenTheYardTime) {
  Scenario s = baseline();
  TempDir dir;
  const auto base = mean_waits(s);
  s.platform_file = platform_with(dir, "Dostyk", "tracks", "1");
  const auto fewer = mean_waits(s);
  EXPECT_GE(fewer[0], base[0] - 1e-9);
  EXPECT_GE(fewer[2], base[2] - 1e-9);
}

TEST(Behaviour, ASmallerLocomotivePoolNeverShortensLocomotiveWaits) {
  Scenario s = baseline();
  const auto base = mean_waits(s);
  // The Belarusian pool: Osinovka-Brest.
  auto& pool = s.rail.locomotives.at(3);
  ASSERT_EQ(pool.label(), "Osinovka-Brest");
  double previous = base[1];
  for (int count = pool.count - 1; count >= 1; --count) {
    pool.count = count;
    const auto smaller = mean_waits(s);
    EXPECT_GE(smaller[1], previous - 1e-9) << count << " locomotives";
    EXPECT_GE(smaller[2], base[2] - 1e-9) << count << " locomotives";
    previous = smaller[1];
  }
  EXPECT_GT(previous, base[1]); // one locomotive for 11 trains a week is short
}

TEST(Behaviour, LongerServicingNeverShortensLocomotiveWaits) {
  Scenario s = baseline();
  const auto base = mean_waits(s);
  for (auto& pool : s.rail.locomotives)
    pool.servicing_hours *= 6;
  const auto slower = mean_waits(s);
  EXPECT_GE(slower[1], base[1]);
}

TEST(Behaviour, NoRunningDelayMakesTrainsFaster) {
  Scenario s = baseline();
  const auto base = mean_waits(s);
  s.rail.running_delay_fraction = Distribution::fixed(0.0);
  const auto punctual = mean_waits(s);
  EXPECT_LT(punctual[2], base[2]);
}

namespace {

// For the Chengdu-Alashankou pool of a run: {locomotives at Chengdu on day 0, at the end,
// westbound trains that took one at Chengdu, eastbound trains that gave one back there, light
// runs into Chengdu, light runs out of it, light runs called by a train into Chengdu, mean
// westbound hours waiting for a locomotive}.
std::vector<double> chengdu_balance(const Scenario& s) {
  return in_child_process([&] {
    const Journal j = simulate(s);
    const auto m = compute_rail_metrics(s, j);
    const NodeIndex chengdu = intern_node_name("Chengdu");
    double first = -1, last = -1, last_h = 0, light_in = 0, light_out = 0, called_in = 0;
    for (const auto& p : j.locomotives.samples)
      if (p.pool == 0) {
        if (first < 0)
          first = p.at_end[0];
        last = p.at_end[0];
        last_h = p.time_h;
      }
    // Runs still under way at the last sample are on neither end.
    for (const auto& run : j.locomotives.light_runs)
      if (run.pool == 0) {
        light_in += run.to == chengdu && run.arrived_h <= last_h ? 1 : 0;
        light_out += run.from == chengdu && run.departed_h <= last_h ? 1 : 0;
        called_in += run.to == chengdu && run.for_train ? 1 : 0;
      }
    double west = 0, east = 0;
    for (const auto& t : j.trains) {
      if (t.parent >= 0)
        continue;
      if (t.direction == Direction::Westbound && t.departed_h)
        ++west;
      if (t.direction == Direction::Eastbound && t.arrived_h)
        ++east;
    }
    return std::vector<double>{first,    last,      west,      east,
                               light_in, light_out, called_in, m.by_direction.at(Direction::Westbound).mean_waits.locomotive};
  });
}

} // namespace

// Every locomotive that left Chengdu came back hauling or running light, or is still away:
// the light runs make up exactly what the trains of the two directions left unequal.
TEST(Behaviour, LightRunningMakesUpTheImbalanceBetweenTheDirections) {
  Scenario s = baseline();
  ASSERT_EQ(s.rail.locomotives.at(0).label(), "Chengdu-Alashankou");
  const auto b = chengdu_balance(s);
  EXPECT_DOUBLE_EQ(b[1] - b[0], b[3] - b[2] + b[4] - b[5]);
  EXPECT_GT(b[2], b[3]);              // six trains a week west, five east
  EXPECT_GE(b[4] - b[5], b[2] - b[3] - s.rail.locomotives[0].count); // so locomotives run light back
}

// With Alashankou as the only depot, a locomotive may not wait at Chengdu past its idle limit:
// westbound trains that find none call one light from Alashankou and wait for it.
TEST(Behaviour, MovingTheDepotToTheFarEndMakesTrainsWaitForLightRuns) {
  Scenario s = baseline();
  auto& pool = s.rail.locomotives.at(0);
  pool.depots = std::make_pair(pool.count, -1);
  const auto at_chengdu = chengdu_balance(s);
  pool.depots = std::make_pair(-1, pool.count);
  const auto at_alashankou = chengdu_balance(s);
  EXPECT_EQ(at_chengdu[6], 0);       // Chengdu keeps its locomotives
  EXPECT_GT(at_alashankou[6], 0);    // trains at Chengdu call them from Alashankou
  EXPECT_GT(at_alashankou[7], at_chengdu[7]);
}

namespace {

// Mean westbound hours per container waiting for crews.
double mean_crew_wait(const Scenario& s) {
  return in_child_process([&] {
           const Journal j = simulate(s);
           return std::vector<double>{compute_rail_metrics(s, j).by_direction.at(Direction::Westbound).mean_waits.crew};
         })
      .at(0);
}

std::size_t district_index(const Scenario& s, const std::string& label) {
  for (std::size_t d = 0; d < s.rail.crews.size(); ++d)
    if (s.rail.crews[d].label() == label)
      return d;
  ADD_FAILURE() << "no crew district " << label;
  return 0;
}

} // namespace

// Lanzhou-Urumqi runs 35 h at the platform's speed; with 8 h of duty each train takes 5 crews.
// Fewer crews under the same timetable must make trains wait longer for them, strictly once
// the district is short.
TEST(Behaviour, FewerCrewsMakeTrainsWaitLongerForThem) {
  Scenario s = baseline();
  auto& district = s.rail.crews.at(district_index(s, "Lanzhou-Urumqi"));
  const double base = mean_crew_wait(s);
  double previous = base;
  for (const int count : {30, 20, 12}) {
    district.count = count;
    district.home.reset();
    const double fewer = mean_crew_wait(s);
    EXPECT_GE(fewer, previous - 1e-9) << count << " crews";
    previous = fewer;
  }
  EXPECT_GT(previous, base + 1.0); // 12 crews, 5 a train, about 11 trains a week: short
}

// A district worked in relays has a crew on the train for each relay: crews on trains are a
// multiple of the relays at every moment, and every crew is somewhere.
TEST(Behaviour, ATrainOnARelayedDistrictCarriesACrewForEachRelay) {
  const Scenario s = baseline();
  const std::size_t d = district_index(s, "Lanzhou-Urumqi");
  const int size = s.rail.crews[d].count;
  const auto checked = in_child_process([&] {
    const Journal j = simulate(s);
    int most = 0;
    for (const auto& sample : j.crews.samples) {
      if (sample.pool != static_cast<int>(d))
        continue;
      EXPECT_EQ(sample.total(), size) << "at " << sample.time_h;
      EXPECT_EQ(sample.hauling % 5, 0) << "at " << sample.time_h;
      most = std::max(most, sample.hauling);
    }
    return std::vector<double>{static_cast<double>(most)};
  });
  EXPECT_GE(checked.at(0), 5);
}
