// Cut-off, capacity and rolling at the origin port, without the engine.
#include <gtest/gtest.h>

#include "model/sea/PortQueue.hpp"

namespace rongou {
namespace {

SeaSpec weekly_wednesday() {
  SeaSpec sea;
  sea.sailing_weekdays = {2};
  sea.sailing_hour = 18;
  sea.cutoff_hours_before_sailing = 48;
  return sea;
}

TEST(PortQueue, SailingsRepeatEveryWeekOnTheirWeekdays) {
  SeaSpec sea = weekly_wednesday();
  EXPECT_DOUBLE_EQ(sailing_departure_h(sea, 0), 2 * 24 + 18);
  EXPECT_DOUBLE_EQ(sailing_departure_h(sea, 1) - sailing_departure_h(sea, 0), 168);
  sea.sailing_weekdays = {0, 3};
  EXPECT_DOUBLE_EQ(sailing_departure_h(sea, 1), 3 * 24 + 18);
  EXPECT_DOUBLE_EQ(sailing_departure_h(sea, 2), 7 * 24 + 18);
}

TEST(PortQueue, AContainerThatMissesTheCutoffSailsAWeekLater) {
  const SeaSpec sea = weekly_wednesday();
  const double cutoff0 = sailing_departure_h(sea, 0) - sea.cutoff_hours_before_sailing;
  const double cutoff1 = sailing_departure_h(sea, 1) - sea.cutoff_hours_before_sailing;
  // Item 1 reaches the port an hour after the first cut-off, still well before the sailing.
  PortQueue q({cutoff0 - 1.0, cutoff0 + 1.0});
  const auto first = q.load(cutoff0, 100);
  EXPECT_EQ(first.boarded, (std::vector<std::size_t>{0}));
  EXPECT_EQ(first.rolled, 0u);
  const auto second = q.load(cutoff1, 100);
  EXPECT_EQ(second.boarded, (std::vector<std::size_t>{1}));
  EXPECT_EQ(q.remaining(), 0u);
}

TEST(PortQueue, AFullVesselRollsTheRestFirstComeFirstServed) {
  // Arrival order 3, 0, 4, 1, 2; ties broken by index.
  PortQueue q({5.0, 6.0, 6.0, 1.0, 5.0});
  auto a = q.load(10.0, 2);
  EXPECT_EQ(a.boarded, (std::vector<std::size_t>{3, 0}));
  EXPECT_EQ(a.rolled, 3u);
  EXPECT_EQ(a.times_rolled, (std::vector<int>{0, 0}));
  auto b = q.load(20.0, 2);
  EXPECT_EQ(b.boarded, (std::vector<std::size_t>{4, 1}));
  EXPECT_EQ(b.rolled, 1u);
  EXPECT_EQ(b.times_rolled, (std::vector<int>{1, 1}));
  auto c = q.load(30.0, 2);
  EXPECT_EQ(c.boarded, (std::vector<std::size_t>{2}));
  EXPECT_EQ(c.rolled, 0u);
  EXPECT_EQ(c.times_rolled, (std::vector<int>{2}));
  EXPECT_EQ(q.remaining(), 0u);
}

TEST(PortQueue, ContainersNotYetAtThePortAreNeitherLoadedNorRolled) {
  PortQueue q({1.0, 50.0});
  auto a = q.load(10.0, 1);
  EXPECT_EQ(a.boarded.size(), 1u);
  EXPECT_EQ(a.rolled, 0u);
  EXPECT_EQ(q.remaining(), 1u);
}

TEST(PortQueue, WaitingCountsWhoIsAtThePortAndNotYetBoarded) {
  PortQueue q({1.0, 5.0, 50.0, 3.0});
  EXPECT_EQ(q.waiting(0.5), 0u);
  EXPECT_EQ(q.waiting(10.0), 3u);
  q.load(10.0, 2);
  EXPECT_EQ(q.waiting(10.0), 1u);
  EXPECT_EQ(q.waiting(60.0), 2u);
}

// Loop "Wed 18:00, cut-off 48 h": cut-offs at Monday 18:00 of each week (18 h, 186 h, ...).
TEST(PortQueue, TheFirstSailingWhoseCutoffAContainerMakes) {
  SeaLoop loop;
  loop.sailing_weekdays = {2, 5};
  loop.sailing_hour = 18;
  loop.cutoff_hours_before_sailing = 48;
  EXPECT_EQ(first_sailing_with_cutoff_after(loop, 0.0), 0);
  EXPECT_EQ(first_sailing_with_cutoff_after(loop, 18.0), 0); // exactly at the cut-off: made
  EXPECT_EQ(first_sailing_with_cutoff_after(loop, 18.5), 1);  // Saturday's, cut-off Thursday 18:00
  EXPECT_EQ(first_sailing_with_cutoff_after(loop, 24.0 * 3 + 18.5), 2);
  EXPECT_EQ(first_sailing_with_cutoff_after(loop, 24.0 * 7 * 10 + 1.0), 20);
  for (double t = 0.0; t < 24.0 * 7 * 5; t += 7.5) {
    const int k = first_sailing_with_cutoff_after(loop, t);
    EXPECT_GE(sailing_departure_h(loop, k) - 48.0, t);
    if (k > 0) {
      EXPECT_LT(sailing_departure_h(loop, k - 1) - 48.0, t);
    }
  }
}

} // namespace
} // namespace rongou
