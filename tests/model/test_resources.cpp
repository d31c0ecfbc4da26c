// The engine-side resources on their own: a few actors with hand-picked times, so that the
// order and instant of every grant can be checked. Each test runs in a process of its own
// (ctest runs discovered tests one by one), which one SimGrid engine per process needs.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "journal/Journal.hpp"
#include "engine/Engine.hpp"
#include "engine/FifoResource.hpp"
#include "model/rail/LocomotivePool.hpp"
#include "support/TestSupport.hpp"

using namespace rongou;
using namespace rongou::testing;

namespace {

const char* const kHost = "Chengdu";

engine::Session& session() {
  static engine::Session s(source_path("platforms/rong-ou.xml"));
  return s;
}

// An actor that asks at `ask_h` for `units`, holds them `hold_h`, and notes when it got them.
void claimant(FifoResource& resource, std::map<std::string, double>& got, const std::string& name, double ask_h,
              int units, double hold_h) {
  engine::spawn(name, kHost, [&resource, &got, name, ask_h, units, hold_h] {
    engine::sleep_until_h(ask_h);
    resource.acquire(units);
    got[name] = engine::now_h();
    engine::sleep_h(hold_h);
    resource.release(units);
  });
}

LocomotivePoolSpec one_locomotive(double turnaround_h) {
  LocomotivePoolSpec spec;
  spec.first_node = "Osinovka";
  spec.second_node = "Brest";
  spec.count = 1;
  spec.turnaround_hours = turnaround_h;
  return spec;
}

// A train that takes a locomotive at `ask_h`, hauls `haul_h`, and notes when it got one.
void train(LocomotivePool& pool, std::map<std::string, double>& got, const std::string& name, double ask_h,
           double haul_h) {
  engine::spawn(name, kHost, [&pool, &got, name, ask_h, haul_h] {
    engine::sleep_until_h(ask_h);
    pool.acquire();
    got[name] = engine::now_h();
    engine::sleep_h(haul_h);
    pool.release();
  });
}

} // namespace

TEST(FifoResource, ServesClaimsInTheOrderTheyCame) {
  session();
  FifoResource track(1);
  std::map<std::string, double> got;
  claimant(track, got, "a", 0, 1, 10);
  claimant(track, got, "c", 2, 1, 4);
  claimant(track, got, "b", 1, 1, 6);
  session().run();
  EXPECT_DOUBLE_EQ(got["a"], 0);
  EXPECT_DOUBLE_EQ(got["b"], 10);
  EXPECT_DOUBLE_EQ(got["c"], 16);
  EXPECT_EQ(track.available(), 1);
}

TEST(FifoResource, AClaimForSeveralUnitsIsMetInOnePieceAndKeepsItsPlace) {
  session();
  FifoResource cranes(3);
  std::map<std::string, double> got;
  claimant(cranes, got, "a", 0, 2, 10);
  claimant(cranes, got, "b", 1, 2, 5); // one crane is free, b needs two: waits for a
  claimant(cranes, got, "c", 2, 1, 5); // one crane is free, but b came first
  session().run();
  EXPECT_DOUBLE_EQ(got["b"], 10);
  EXPECT_DOUBLE_EQ(got["c"], 10);
  EXPECT_EQ(cranes.available(), 3);
}

TEST(FifoResource, AClaimThatGivesUpLetsTheClaimsBehindItThrough) {
  session();
  FifoResource tracks(2);
  std::map<std::string, double> got;
  bool withdrawn = true;
  double gave_up_h = -1;
  claimant(tracks, got, "a", 0, 1, 20);
  engine::spawn("window", kHost, [&] {
    engine::sleep_until_h(1);
    withdrawn = tracks.acquire_until(2, 5); // one of two is free: waits, and gives up at 5
    gave_up_h = engine::now_h();
  });
  claimant(tracks, got, "c", 2, 1, 1); // behind the window's claim until it gives up
  session().run();
  EXPECT_FALSE(withdrawn);
  EXPECT_DOUBLE_EQ(gave_up_h, 5);
  EXPECT_DOUBLE_EQ(got["c"], 5);
  EXPECT_EQ(tracks.available(), 2);
}

TEST(LocomotivePool, AReleasedLocomotiveServesTheFirstWaitingTrainAfterItsTurnaround) {
  session();
  Journal journal;
  LocomotivePool pool(0, one_locomotive(5), journal);
  std::map<std::string, double> got;
  train(pool, got, "a", 0, 10);  // back in service at 15
  train(pool, got, "c", 3, 1);   // behind b
  train(pool, got, "b", 2, 1);   // released at 16, ready at 21
  train(pool, got, "d", 30, 1);  // c released at 22, ready at 27: at the depot by 30
  session().run();
  EXPECT_DOUBLE_EQ(engine::now_h(), 31); // d's locomotive is still on its way back
  pool.finish(36);
  EXPECT_DOUBLE_EQ(got["a"], 0);
  EXPECT_DOUBLE_EQ(got["b"], 15);
  EXPECT_DOUBLE_EQ(got["c"], 21);
  EXPECT_DOUBLE_EQ(got["d"], 30);
  double last_h = 0;
  for (const auto& s : journal.pool_samples) {
    EXPECT_EQ(s.available + s.hauling + s.returning + s.withdrawn, 1) << "at " << s.time_h;
    EXPECT_GE(s.time_h, last_h);
    last_h = s.time_h;
  }
  ASSERT_FALSE(journal.pool_samples.empty());
  EXPECT_EQ(journal.pool_samples.back().available, 1); // booked back at 36 by finish()
  EXPECT_DOUBLE_EQ(journal.pool_samples.back().time_h, 36);
}

TEST(LocomotivePool, AWithdrawalGivesUpOnALocomotiveThatReturnsAfterItsWindow) {
  session();
  Journal journal;
  LocomotivePool pool(0, one_locomotive(5), journal);
  std::map<std::string, double> got;
  int taken = -1;
  train(pool, got, "a", 0, 10); // ready again at 15
  engine::spawn("window", kHost, [&] {
    engine::sleep_until_h(1);
    taken = pool.withdraw(1, 12);
  });
  train(pool, got, "b", 13, 1);
  session().run();
  EXPECT_EQ(taken, 0);
  EXPECT_DOUBLE_EQ(got["b"], 15);
}

TEST(LocomotivePool, AWithdrawnLocomotiveIsBackForTheWaitingTrainAtTheWindowsEnd) {
  session();
  Journal journal;
  LocomotivePool pool(0, one_locomotive(5), journal);
  std::map<std::string, double> got;
  int taken = -1;
  train(pool, got, "a", 0, 10); // ready again at 15, inside the window
  engine::spawn("window", kHost, [&] {
    engine::sleep_until_h(1);
    taken = pool.withdraw(1, 20);
    engine::sleep_until_h(20);
    pool.restore(taken);
  });
  train(pool, got, "b", 13, 1);
  session().run();
  EXPECT_EQ(taken, 1);
  EXPECT_DOUBLE_EQ(got["b"], 20);
  for (const auto& s : journal.pool_samples)
    EXPECT_EQ(s.available + s.hauling + s.returning + s.withdrawn, 1) << "at " << s.time_h;
}
