// A crew district on its own, as a pool of crews (CrewDistrictSpec::as_pool): a few trains with
// hand-picked times on a district whose ride back takes 10 h, so that when each train has its
// crews, where they rest and every ride home can be checked to the hour. Each test runs in a
// process of its own (ctest runs discovered tests one by one), which one SimGrid engine per
// process needs.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/Engine.hpp"
#include "journal/Journal.hpp"
#include "model/rail/LocomotivePool.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

const char* const kHost = "Chengdu";
constexpr double kRideH = 10.0;
constexpr double kRideKm = 400.0;
constexpr int kA = 0; // the district's first end, Osinovka
constexpr int kB = 1; // its second, Brest

engine::Session& session() {
  static engine::Session s(source_path("platforms/rong-ou.xml"));
  return s;
}

// `home_a` and `home_b` crews based at each end (-1: that end is no home).
CrewDistrictSpec district(int home_a, int home_b, double rest_h, double max_idle_h = 24.0) {
  CrewDistrictSpec spec;
  spec.first_node = "Osinovka";
  spec.second_node = "Brest";
  spec.count = std::max(home_a, 0) + std::max(home_b, 0);
  spec.rest_hours = rest_h;
  spec.max_idle_hours = max_idle_h;
  spec.home = std::make_pair(home_a, home_b);
  return spec;
}

// A train that asks at end `from` at `ask_h` for `relays` crews, runs `run_h` to the other
// end, gives its crews back there, and notes when it had them all.
void train(LocomotivePool& crews, std::map<std::string, double>& got, const std::string& name, int from,
           double ask_h, double run_h, int relays) {
  engine::spawn(name, kHost, [&crews, &got, name, from, ask_h, run_h, relays] {
    engine::sleep_until_h(ask_h);
    std::vector<LocomotivePool::Taken> taken = crews.acquire(from, relays);
    got[name] = engine::now_h();
    engine::sleep_h(run_h);
    taken.clear();
  });
}

} // namespace

// A crew rests at the end it was given back, home or not: a train there 5 h after a crew
// arrived (rest 9 h) waits the 4 h left, although the crew is not at home.
TEST(CrewDistrict, ACrewRestsAtTheFarEndBeforeWorkingATrainBack) {
  session();
  Journal journal;
  LocomotivePool crews(0, district(1, -1, 9).as_pool(), kRideH, kRideKm, 0.0, journal.crews);
  std::map<std::string, double> got;
  train(crews, got, "out", kA, 0, 20, 1);   // at Brest at 20, rested at 29
  train(crews, got, "back", kB, 25, 20, 1); // waits 4 h
  session().run();
  crews.finish(200);
  EXPECT_DOUBLE_EQ(got.at("out"), 0);
  EXPECT_DOUBLE_EQ(got.at("back"), 29);
  ASSERT_EQ(journal.crews.takes.size(), 1U);
  EXPECT_EQ(journal.crews.takes[0].trains, 2);
  EXPECT_EQ(journal.crews.takes[0].waited, 1);
  EXPECT_DOUBLE_EQ(journal.crews.takes[0].wait_h, 4);
  EXPECT_TRUE(journal.crews.light_runs.empty()); // it went home on a train
}

// Away from home a rested crew idle for max_idle_hours rides home as passengers: given back at
// Brest (no home) at 20, rested at 29, idle to 53, home at Osinovka at 63.
TEST(CrewDistrict, AnIdleCrewAwayFromHomeRidesHome) {
  session();
  Journal journal;
  LocomotivePool crews(0, district(1, -1, 9, 24).as_pool(), kRideH, kRideKm, 0.0, journal.crews);
  std::map<std::string, double> got;
  train(crews, got, "out", kA, 0, 20, 1);
  train(crews, got, "again", kA, 100, 20, 1);
  session().run();
  crews.finish(300);
  ASSERT_EQ(journal.crews.light_runs.size(), 2U);
  EXPECT_DOUBLE_EQ(journal.crews.light_runs[0].departed_h, 53);
  EXPECT_DOUBLE_EQ(journal.crews.light_runs[0].arrived_h, 63);
  EXPECT_EQ(interned_node_name(journal.crews.light_runs[0].to), "Osinovka");
  EXPECT_DOUBLE_EQ(got.at("again"), 100); // at home again, and rested
}

// A district worked in relays: a train takes one crew per relay, all at the district's start,
// and leaves when the last is there. Two trains of 3 relays on a district of 4 crews: the
// second waits for crews given back at the far end (rest 2 h) and riding to it.
TEST(CrewDistrict, ATrainWorkedInRelaysTakesACrewForEachAndWaitsForTheLast) {
  session();
  Journal journal;
  LocomotivePool crews(0, district(4, 0, 2).as_pool(), kRideH, kRideKm, 0.0, journal.crews);
  std::map<std::string, double> got;
  train(crews, got, "first", kA, 0, 20, 3);
  train(crews, got, "second", kA, 1, 20, 3);
  session().run();
  crews.finish(200);
  EXPECT_DOUBLE_EQ(got.at("first"), 0);
  // One crew left at Osinovka; the first train's crews are at Brest at 20, rested at 22, and
  // the two the second train still needs ride back together in 10 h: there at 32.
  EXPECT_DOUBLE_EQ(got.at("second"), 32);
  EXPECT_EQ(journal.crews.takes[0].trains, 2); // one take a train, however many relays
  EXPECT_EQ(journal.crews.takes[0].waited, 1);
  EXPECT_DOUBLE_EQ(journal.crews.takes[0].max_wait_h, 31);
  int most_on_trains = 0;
  for (const auto& s : journal.crews.samples) {
    EXPECT_EQ(s.total(), 4) << "at " << s.time_h;
    most_on_trains = std::max(most_on_trains, s.hauling);
  }
  // A crew promised to a train that waits for more is not yet on it.
  EXPECT_EQ(most_on_trains, 3);
}
