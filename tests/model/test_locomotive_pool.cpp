// A locomotive pool on its own: a few trains with hand-picked times on a section whose light
// run takes 10 h, so that where each locomotive is, when each train has one and every light run
// can be checked to the hour. Each test runs in a process of its own (ctest runs discovered
// tests one by one), which one SimGrid engine per process needs.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

#include "engine/Engine.hpp"
#include "journal/Journal.hpp"
#include "model/rail/LocomotivePool.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

const char* const kHost = "Chengdu";
constexpr double kLightH = 10.0;
constexpr double kLightKm = 400.0;
constexpr int kA = 0; // the section's first end, Osinovka
constexpr int kB = 1; // its second, Brest

engine::Session& session() {
  static engine::Session s(source_path("platforms/rong-ou.xml"));
  return s;
}

// `at_a` and `at_b` locomotives based at each end (-1: that end is no depot).
LocomotivePoolSpec pool_spec(int at_a, int at_b, double servicing_h, double max_idle_h = 24.0) {
  LocomotivePoolSpec spec;
  spec.first_node = "Osinovka";
  spec.second_node = "Brest";
  spec.count = std::max(at_a, 0) + std::max(at_b, 0);
  spec.servicing_hours = servicing_h;
  spec.max_idle_hours = max_idle_h;
  spec.depots = std::make_pair(at_a, at_b);
  return spec;
}

// A train that asks at end `from` at `ask_h`, hauls `haul_h` to the other end, gives the
// locomotive back there, and notes when it had one.
void train(LocomotivePool& pool, std::map<std::string, double>& got, const std::string& name, int from,
           double ask_h, double haul_h) {
  engine::spawn(name, kHost, [&pool, &got, name, from, ask_h, haul_h] {
    engine::sleep_until_h(ask_h);
    LocomotivePool::Taken locomotive = pool.acquire(from);
    got[name] = engine::now_h();
    engine::sleep_h(haul_h);
    locomotive.release();
  });
}

void expect_conserved(const Journal& journal, int size) {
  double last_h = 0.0;
  for (const auto& s : journal.locomotives.samples) {
    EXPECT_EQ(s.total(), size) << "at " << s.time_h;
    EXPECT_GE(s.time_h, last_h);
    last_h = s.time_h;
  }
}

} // namespace

TEST(LocomotivePool, ALocomotiveIsWhereItsTrainLeftItAndHaulsTheNextTrainBack) {
  session();
  Journal journal;
  LocomotivePool pool(0, pool_spec(1, 0, 2), kLightH, kLightKm, 0.0, journal.locomotives);
  std::map<std::string, double> got;
  train(pool, got, "a", kA, 0, 10);  // at B at 10, serviced by 12
  train(pool, got, "b", kB, 11, 10); // takes it at B at 12; at A at 22, serviced by 24
  train(pool, got, "c", kA, 13, 10); // none at A or free anywhere: waits for b's, 24
  session().run();
  pool.finish(40);
  EXPECT_DOUBLE_EQ(got["a"], 0);
  EXPECT_DOUBLE_EQ(got["b"], 12);
  EXPECT_DOUBLE_EQ(got["c"], 24);
  EXPECT_TRUE(journal.locomotives.light_runs.empty());
  expect_conserved(journal, 1);
  const PoolTakes& takes = journal.locomotives.takes.at(0);
  EXPECT_EQ(takes.trains, 3);
  EXPECT_EQ(takes.waited, 2);
  EXPECT_DOUBLE_EQ(takes.wait_h, 1 + 11);
}

TEST(LocomotivePool, ATrainWithNoneAtItsEndCallsOneLightFromTheOtherEnd) {
  session();
  Journal journal;
  LocomotivePool pool(0, pool_spec(0, 1, 2), kLightH, kLightKm, 0.0, journal.locomotives);
  std::map<std::string, double> got;
  train(pool, got, "a", kA, 5, 10); // the one at B runs light 5 -> 15
  session().run();
  pool.finish(50);
  EXPECT_DOUBLE_EQ(got["a"], 5 + kLightH);
  ASSERT_EQ(journal.locomotives.light_runs.size(), 1U);
  const LightRun& run = journal.locomotives.light_runs[0];
  EXPECT_EQ(interned_node_name(run.from), "Brest");
  EXPECT_EQ(interned_node_name(run.to), "Osinovka");
  EXPECT_DOUBLE_EQ(run.departed_h, 5);
  EXPECT_DOUBLE_EQ(run.arrived_h, 15);
  EXPECT_DOUBLE_EQ(run.km, kLightKm);
  EXPECT_TRUE(run.for_train);
  expect_conserved(journal, 1);
  // While it ran light it was at neither end.
  bool seen_light = false;
  for (const auto& s : journal.locomotives.samples)
    if (s.time_h >= 5 && s.time_h < 15 && s.light == 1)
      seen_light = true;
  EXPECT_TRUE(seen_light);
}

TEST(LocomotivePool, ALocomotiveDueAtItsEndSoonerThanALightRunIsTheOneATrainTakes) {
  session();
  Journal journal;
  LocomotivePool pool(0, pool_spec(1, 1, 4), kLightH, kLightKm, 0.0, journal.locomotives);
  std::map<std::string, double> got;
  train(pool, got, "a", kA, 0, 5);  // A's one: at B at 5, serviced by 9
  train(pool, got, "b", kB, 6, 5);  // B had one standing: takes it at 6
  train(pool, got, "c", kB, 7, 5);  // a's, serviced at B by 9, beats a light run from A (none there)
  session().run();
  pool.finish(30);
  EXPECT_DOUBLE_EQ(got["b"], 6);
  EXPECT_DOUBLE_EQ(got["c"], 9);
  EXPECT_TRUE(journal.locomotives.light_runs.empty());
  expect_conserved(journal, 2);
}

TEST(LocomotivePool, IdleLocomotivesRunLightToTheDepotWithFewerAndNoFurther) {
  session();
  Journal journal;
  LocomotivePool pool(0, pool_spec(3, 0, 2, 24), kLightH, kLightKm, 0.0, journal.locomotives);
  session().run();
  pool.finish(200);
  // At 24 both ends are checked: 3 at A, 0 at B -> one goes (2 vs 1 after); then 2 vs 1 stays.
  ASSERT_EQ(journal.locomotives.light_runs.size(), 1U);
  EXPECT_DOUBLE_EQ(journal.locomotives.light_runs[0].departed_h, 24);
  EXPECT_DOUBLE_EQ(journal.locomotives.light_runs[0].arrived_h, 34);
  EXPECT_FALSE(journal.locomotives.light_runs[0].for_train);
  ASSERT_FALSE(journal.locomotives.samples.empty());
  EXPECT_EQ(journal.locomotives.samples.back().at_end[kA], 2);
  EXPECT_EQ(journal.locomotives.samples.back().at_end[kB], 1);
  expect_conserved(journal, 3);
}

TEST(LocomotivePool, AtAnEndThatIsNoDepotALocomotiveIsReadyAtOnceAndRunsHomeAfterItsIdleLimit) {
  session();
  Journal journal;
  LocomotivePool pool(0, pool_spec(1, -1, 6, 24), kLightH, kLightKm, 0.0, journal.locomotives);
  std::map<std::string, double> got;
  train(pool, got, "a", kA, 0, 10);  // at B (no depot) at 10: no servicing there
  train(pool, got, "b", kB, 10, 10); // so it hauls b at once; at A (the depot) at 20, serviced by 26
  train(pool, got, "c", kA, 30, 10); // at B at 40; nobody takes it: home light at 64, back at 74
  session().run();
  pool.finish(100);
  EXPECT_DOUBLE_EQ(got["b"], 10);
  EXPECT_DOUBLE_EQ(got["c"], 30);
  ASSERT_EQ(journal.locomotives.light_runs.size(), 1U);
  EXPECT_DOUBLE_EQ(journal.locomotives.light_runs[0].departed_h, 64);
  EXPECT_DOUBLE_EQ(journal.locomotives.light_runs[0].arrived_h, 74);
  EXPECT_EQ(interned_node_name(journal.locomotives.light_runs[0].to), "Osinovka");
  EXPECT_EQ(journal.locomotives.samples.back().at_end[kA], 1);
  expect_conserved(journal, 1);
}

// Trains leave A only, one every 100 h. With the depot at A each locomotive comes home light
// after standing max_idle_hours at B and no train waits; with the depot at B each train calls
// one light from B and waits the light run. The same number of light runs, the other way round
// in time: the arithmetic of where the depot is.
TEST(LocomotivePool, MovingTheDepotTurnsIdleReturnsIntoWaitsOfALightRunEach) {
  session();
  Journal home_a;
  Journal home_b;
  LocomotivePool at_a(0, pool_spec(1, -1, 2, 24), kLightH, kLightKm, 0.0, home_a.locomotives);
  LocomotivePool at_b(0, pool_spec(-1, 1, 2, 24), kLightH, kLightKm, 0.0, home_b.locomotives);
  std::map<std::string, double> got_a;
  std::map<std::string, double> got_b;
  constexpr int kTrains = 5;
  auto name = [](char side, int k) {
    std::string n(1, side);
    n += std::to_string(k);
    return n;
  };
  for (int k = 0; k < kTrains; ++k) {
    train(at_a, got_a, name('a', k), kA, 100.0 * k, 10);
    train(at_b, got_b, name('b', k), kA, 100.0 * k, 10);
  }
  session().run();
  at_a.finish(1000);
  at_b.finish(1000);
  ASSERT_EQ(home_a.locomotives.light_runs.size(), static_cast<std::size_t>(kTrains));
  ASSERT_EQ(home_b.locomotives.light_runs.size(), static_cast<std::size_t>(kTrains));
  for (int k = 0; k < kTrains; ++k) {
    const std::string a = name('a', k);
    const std::string b = name('b', k);
    EXPECT_DOUBLE_EQ(got_a[a], 100.0 * k) << a;
    EXPECT_DOUBLE_EQ(got_b[b], 100.0 * k + kLightH) << b;
    // Home from B after 24 h idle; called from B the moment the train asks.
    EXPECT_DOUBLE_EQ(home_a.locomotives.light_runs[static_cast<std::size_t>(k)].departed_h, 100.0 * k + 10 + 24);
    EXPECT_FALSE(home_a.locomotives.light_runs[static_cast<std::size_t>(k)].for_train);
    EXPECT_DOUBLE_EQ(home_b.locomotives.light_runs[static_cast<std::size_t>(k)].departed_h, 100.0 * k);
    EXPECT_TRUE(home_b.locomotives.light_runs[static_cast<std::size_t>(k)].for_train);
  }
  EXPECT_DOUBLE_EQ(home_a.locomotives.takes.at(0).wait_h, 0.0);
  EXPECT_DOUBLE_EQ(home_b.locomotives.takes.at(0).wait_h, kTrains * kLightH);
  expect_conserved(home_a, 1);
  expect_conserved(home_b, 1);
}

TEST(LocomotivePool, AWithdrawalGivesUpOnALocomotiveThatIsGivenBackAfterItsWindow) {
  session();
  Journal journal;
  LocomotivePool pool(0, pool_spec(1, 0, 5), kLightH, kLightKm, 0.0, journal.locomotives);
  std::map<std::string, double> got;
  int taken = -1;
  train(pool, got, "a", kA, 0, 13); // given back at B at 13, serviced by 18
  engine::spawn("window", kHost, [&] {
    engine::sleep_until_h(1);
    taken = pool.withdraw(1, 12).taken();
  });
  train(pool, got, "b", kB, 14, 1);
  session().run();
  EXPECT_EQ(taken, 0);
  EXPECT_DOUBLE_EQ(got["b"], 18);
  expect_conserved(journal, 1);
}

TEST(LocomotivePool, AWithdrawnLocomotiveIsBackForTheWaitingTrainAtTheWindowsEnd) {
  session();
  Journal journal;
  LocomotivePool pool(0, pool_spec(1, 0, 5), kLightH, kLightKm, 0.0, journal.locomotives);
  std::map<std::string, double> got;
  int taken = -1;
  train(pool, got, "a", kA, 0, 10); // given back at B at 10, inside the window: withdrawn there
  engine::spawn("window", kHost, [&] {
    engine::sleep_until_h(1);
    const auto withdrawal = pool.withdraw(1, 20);
    taken = withdrawal.taken();
    engine::sleep_until_h(20);
  }); // back in service where it was as the window's scope ends
  train(pool, got, "b", kB, 13, 1);
  session().run();
  EXPECT_EQ(taken, 1);
  EXPECT_DOUBLE_EQ(got["b"], 20);
  expect_conserved(journal, 1);
  bool seen_withdrawn = false;
  for (const auto& s : journal.locomotives.samples)
    seen_withdrawn = seen_withdrawn || s.withdrawn == 1;
  EXPECT_TRUE(seen_withdrawn);
}

TEST(LocomotivePool, AMovedFromLocomotiveGivesNothingBack) {
  session();
  Journal journal;
  LocomotivePool pool(0, pool_spec(1, 0, 0), kLightH, kLightKm, 0.0, journal.locomotives);
  double b_got_h = -1;
  engine::spawn("a", kHost, [&] {
    LocomotivePool::Taken hauling;
    {
      LocomotivePool::Taken taken = pool.acquire(kA);
      hauling = std::move(taken);
      EXPECT_FALSE(taken);
      engine::sleep_until_h(3);
    } // `taken` ends here, moved from
    engine::sleep_until_h(8);
  }); // `hauling` ends here: given back at B at 8
  engine::spawn("b", kHost, [&] {
    engine::sleep_until_h(1);
    const LocomotivePool::Taken locomotive = pool.acquire(kB);
    b_got_h = engine::now_h();
  });
  session().run();
  EXPECT_DOUBLE_EQ(b_got_h, 8);
  expect_conserved(journal, 1);
}

TEST(LocomotivePool, TrainsAskingBeforeTheWarmUpEndsAreNotCounted) {
  session();
  Journal journal;
  LocomotivePool pool(0, pool_spec(1, 0, 0), kLightH, kLightKm, 50.0, journal.locomotives);
  std::map<std::string, double> got;
  train(pool, got, "early", kA, 10, 5);
  train(pool, got, "late", kB, 60, 5);
  session().run();
  EXPECT_EQ(journal.locomotives.takes.at(0).trains, 1);
}
