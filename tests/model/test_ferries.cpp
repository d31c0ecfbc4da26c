// Ferry lines (rail.ferries): trains give their boxes to sailings with room, shared by every
// lane, and go on from the other port once the last of them is unloaded there. The line on
// its own (no engine), then runs of scenarios/middle-corridor-2024.yaml, each simulation in a
// child process.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "model/corridor/Corridor.hpp"
#include "model/rail/FerryLine.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

FerrySpec caspian(double sailings_per_week, int capacity_feu) {
  FerrySpec spec;
  spec.name = "caspian";
  spec.first_port = "Kuryk";
  spec.second_port = "Alat";
  spec.sailings_per_week = sailings_per_week;
  spec.first_sailing_hour = 12.0;
  spec.capacity_feu = capacity_feu;
  spec.loading_hours = 6.0;
  spec.unloading_hours = 6.0;
  return spec;
}

Segment crossing() {
  Segment s;
  s.id = "Kuryk-Alat";
  s.from = "Kuryk";
  s.to = "Alat";
  s.mode = "ferry";
  s.distance_km = 450.0;
  s.speed_km_per_day = 530.0;
  return s;
}

// The library scenario with the Caspian line as the test wants it and no weather anywhere
// unless the test adds it.
Scenario middle_corridor(double caspian_sailings_per_week, int caspian_capacity_feu,
                         FerryDeparture departure = FerryDeparture::Timetable) {
  Scenario s = load_scenario(source_path("scenarios/middle-corridor-2024.yaml"));
  for (auto& ferry : s.rail.ferries)
    ferry.weather.reset();
  FerrySpec& line = s.rail.ferries.at(0);
  EXPECT_EQ(line.first_port, "Kuryk");
  line.sailings_per_week = caspian_sailings_per_week;
  line.capacity_feu = caspian_capacity_feu;
  line.departure = departure;
  return s;
}

// One simulation a child process (one SimGrid engine a process): the mean wait at Kuryk.
double wait_at_kuryk_in_child(const Scenario& s);

// Mean hours a train waited at Kuryk, from reaching the port until its last sailing left.
double mean_wait_at_kuryk(const Journal& j) {
  double sum = 0.0;
  int n = 0;
  for (const auto& v : j.server_visits)
    if (v.kind == ServerKind::Ferry && v.node_name() == "Kuryk") {
      sum += v.started_h - v.arrived_h;
      ++n;
    }
  EXPECT_GT(n, 100);
  return n > 0 ? sum / n : 0.0;
}

double wait_at_kuryk_in_child(const Scenario& s) {
  const auto wait = in_child_process([&] { return std::vector<double>{mean_wait_at_kuryk(simulate(s))}; });
  EXPECT_EQ(wait.size(), 1u);
  return wait.empty() ? 0.0 : wait[0];
}

} // namespace

TEST(FerryLine, BoxesAFullSailingCannotTakeWaitForTheNext) {
  const Segment segment = crossing();
  FerryLine line(caspian(7.0, 60), segment, RandomStream(1));
  // Daily sailings at 12:00 from Kuryk; loading 6 h: a train at 0:00 makes the first one.
  const auto first = line.board(0, 0.0, 41);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].sailing, 0u);
  EXPECT_EQ(first[0].feu, 41);
  const auto second = line.board(0, 1.0, 41); // 19 FEU of room left on sailing 0
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0].sailing, 0u);
  EXPECT_EQ(second[0].feu, 19);
  EXPECT_EQ(second[1].sailing, 1u);
  EXPECT_EQ(second[1].feu, 22);
  // Too late for sailing 0 (it leaves at 12:00, loading takes 6 h): the next one.
  const auto late = line.board(0, 7.0, 10);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].sailing, 1u);
  // The other port's sailings are its own: its first has all its room.
  const auto other = line.board(1, 0.0, 41);
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].sailing, 0u);
  EXPECT_EQ(other[0].feu, 41);
}

TEST(FerryLine, ASailingDueInAWeatherWindowIsCancelled) {
  FerrySpec spec = caspian(7.0, 60);
  spec.weather = FerryWeatherSpec{365.0, Distribution::fixed(30.0)}; // a day apart on average, 30 h each
  const Segment segment = crossing();
  FerryLine line(spec, segment, RandomStream(7));
  int cancelled = 0;
  for (std::size_t k = 0; k < 200; ++k) {
    const double t = line.timetabled_h(k);
    const bool in_window = line.after_weather(t) > t;
    EXPECT_EQ(line.cancelled(0, k), in_window) << "sailing " << k;
    cancelled += in_window ? 1 : 0;
  }
  EXPECT_GT(cancelled, 20);
  EXPECT_LT(cancelled, 200);
  // Boxes skip a cancelled sailing.
  std::size_t k = 0;
  while (!line.cancelled(0, k))
    ++k;
  const auto parts = line.board(0, line.timetabled_h(k) - 6.0, 10);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_GT(parts[0].sailing, k);
  EXPECT_FALSE(line.cancelled(0, parts[0].sailing));
}

TEST(Ferries, MoreSailingsAWeekShortenTheMeanWaitUnderLoad) {
  // About 4.5 westbound trains of 41 FEU a week reach Kuryk: 185 FEU against 180 or 360 of room.
  const double three = wait_at_kuryk_in_child(middle_corridor(3.0, 60));
  const double six = wait_at_kuryk_in_child(middle_corridor(6.0, 60));
  EXPECT_LT(six, three);
  EXPECT_GT(six, 0.0);
}

TEST(Ferries, AFullFerryLeavesBoxesForTheNextSailingAndDropsNone) {
  // 30 FEU a sailing: no 41 FEU train fits on one.
  const auto checked = in_child_process([] {
    const Scenario s = middle_corridor(14.0, 30);
    const Journal j = simulate(s);
    double full = 0.0;
    std::map<std::string, double> carried; // FEU by port of departure
    for (const auto& sailing : j.ferry_sailings) {
      if (sailing.line != 0)
        continue;
      EXPECT_LE(sailing.load_feu, 30);
      full += sailing.full ? 1.0 : 0.0;
      carried[sailing.from_port] += sailing.load_feu;
    }
    std::map<std::string, double> boarded; // FEU of the trains that sailed, by port
    int trains_on_two = 0;
    for (const auto& v : j.server_visits)
      if (v.kind == ServerKind::Ferry && (v.node_name() == "Kuryk" || v.node_name() == "Alat")) {
        boarded[std::string(v.node_name())] += v.feu;
        trains_on_two += v.feu > 30 ? 1 : 0;
      }
    // Every box given to a sailing sailed once: the sailings carried what the trains brought.
    EXPECT_EQ(carried["Kuryk"], boarded["Kuryk"]);
    EXPECT_EQ(carried["Alat"], boarded["Alat"]);
    // Every tracked container that set off in the first 300 days arrived.
    int lost = 0;
    for (const auto& c : j.containers)
      if (c.lane == s.focus_lane && c.departed_h && *c.departed_h < 300 * 24.0 && !c.arrived_h)
        ++lost;
    return std::vector<double>{full, static_cast<double>(trains_on_two), static_cast<double>(lost),
                               carried["Kuryk"]};
  });
  ASSERT_EQ(checked.size(), 4u);
  EXPECT_GT(checked[0], 10.0); // full sailings left boxes behind
  EXPECT_GT(checked[1], 100.0); // trains whose boxes needed two sailings
  EXPECT_EQ(checked[2], 0.0);
  EXPECT_GT(checked[3], 5000.0);
}

TEST(Ferries, WeatherCancellationsLengthenTheWait) {
  const Scenario calm = middle_corridor(4.0, 60);
  Scenario stormy = calm;
  stormy.rail.ferries[0].weather = FerryWeatherSpec{24.0, Distribution::fixed(48.0)};
  const auto storms = in_child_process([&] {
    const Journal j = simulate(stormy);
    double cancelled = 0.0;
    for (const auto& sailing : j.ferry_sailings)
      if (sailing.line == 0 && sailing.cancelled) {
        EXPECT_EQ(sailing.load_feu, 0);
        ++cancelled;
      }
    return std::vector<double>{mean_wait_at_kuryk(j), cancelled};
  });
  ASSERT_EQ(storms.size(), 2u);
  EXPECT_GT(storms[1], 10.0);
  EXPECT_GT(storms[0], wait_at_kuryk_in_child(calm));
}

TEST(Ferries, WhenFullASailingLeavesAtItsTimeOrEarlierAndNeverAboveItsRoom) {
  const auto checked = in_child_process([] {
    const Journal j = simulate(middle_corridor(2.0, 60, FerryDeparture::WhenFull));
    double early = 0.0;
    for (const auto& sailing : j.ferry_sailings) {
      if (sailing.line != 0)
        continue;
      EXPECT_LE(sailing.load_feu, 60);
      EXPECT_LE(sailing.left_h, sailing.timetabled_h + 1e-9);
      if (sailing.left_h < sailing.timetabled_h) {
        EXPECT_TRUE(sailing.full);
        ++early;
      }
    }
    return std::vector<double>{early};
  });
  ASSERT_EQ(checked.size(), 1u);
  EXPECT_GT(checked[0], 10.0); // 185 FEU a week against two sailings of 60: most leave full
}
