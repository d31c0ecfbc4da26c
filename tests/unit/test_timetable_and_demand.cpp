#include <gtest/gtest.h>

#include <algorithm>

#include "model/demand/ContainerDemand.hpp"
#include "model/rail/Timetable.hpp"

using namespace rongou;

TEST(Timetable, WeeklyServicesGiveTheirCountEveryWeek) {
  RailService west;
  west.departure_weekdays = {0, 1, 2, 3, 4, 5};
  west.departure_hour = 18;
  const auto times = planned_departures_h(west, 364);
  EXPECT_EQ(times.size(), 52u * 6u);
  for (int week = 0; week < 52; ++week) {
    const auto n = std::count_if(times.begin(), times.end(),
                                 [&](double t) { return t >= week * 168.0 && t < (week + 1) * 168.0; });
    ASSERT_EQ(n, 6) << "week " << week;
  }
  EXPECT_TRUE(std::is_sorted(times.begin(), times.end()));
  EXPECT_DOUBLE_EQ(times.front(), 18.0);            // Monday 18:00
  EXPECT_DOUBLE_EQ(times[5], 5 * 24.0 + 18.0);      // Saturday 18:00
}

TEST(Timetable, NothingLeavesAtOrAfterTheHorizon) {
  RailService s;
  s.departure_weekdays = {6};
  s.departure_hour = 23;
  const auto times = planned_departures_h(s, 10); // one Sunday (day 6) inside
  ASSERT_EQ(times.size(), 1u);
  EXPECT_LT(times.back(), 240.0);
}

TEST(Demand, GateInTimesAreSortedInsideTheHorizonWithTheWeeklyVolume) {
  DirectionalDemand d{230.0, 60000.0};
  const auto times = generate_gate_in_hours(d, 364, 1, Direction::Westbound, CalendarSpec{});
  EXPECT_TRUE(std::is_sorted(times.begin(), times.end()));
  EXPECT_GE(times.front(), 0.0);
  EXPECT_LT(times.back(), 364 * 24.0);
  EXPECT_NEAR(static_cast<double>(times.size()), 230.0 * 52, 230.0 * 52 * 0.03);
}

TEST(Demand, SameSeedSameDemandAndDirectionsDiffer) {
  DirectionalDemand d{100.0, 1.0};
  EXPECT_EQ(generate_gate_in_hours(d, 70, 3, Direction::Westbound, CalendarSpec{}), generate_gate_in_hours(d, 70, 3, Direction::Westbound, CalendarSpec{}));
  EXPECT_NE(generate_gate_in_hours(d, 70, 3, Direction::Westbound, CalendarSpec{}), generate_gate_in_hours(d, 70, 3, Direction::Eastbound, CalendarSpec{}));
}

TEST(OriginQueue, BoardsFirstComeFirstServedOnlyWhatHasArrivedAndFits) {
  const std::vector<double> gate_in = {1.0, 2.0, 3.0, 10.0, 11.0};
  OriginQueue q({0, 1, 2, 3, 4}, &gate_in);
  EXPECT_EQ(q.waiting(5.0), 3u);
  EXPECT_EQ(q.board(5.0, 2), (std::vector<int>{0, 1}));
  EXPECT_EQ(q.board(5.0, 10), (std::vector<int>{2})); // 3 and 4 are not at the terminal yet
  EXPECT_EQ(q.board(20.0, 10), (std::vector<int>{3, 4}));
  EXPECT_TRUE(q.board(30.0, 10).empty());
}
