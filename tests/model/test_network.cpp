// A network of lanes sharing crossings, yards and a locomotive pool
// (tests/model/network/): waits come out of traffic meeting capacity. Each simulation runs in
// a child process (one SimGrid engine per process).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "model/rail/BackgroundTimetable.hpp"
#include "model/rail/BorderCrossingServer.hpp"
#include "results/RunResults.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

Scenario network() { return load_scenario(source_path("tests/model/network/scenario.yaml")); }

RailService& background(Scenario& s, Direction d) {
  for (auto& service : s.rail.services)
    if (service.background && service.direction == d)
      return service;
  throw std::logic_error("no background service");
}

const ServerMetrics& server(const RunResults& r, const std::string& node, ServerKind kind) {
  for (const auto& m : r.servers)
    if (m.node == node && m.kind == kind)
      return m;
  throw std::logic_error("no server " + node);
}

// {mean wait at the server, mean focus-lane border hours, mean focus-lane gauge-change hours}.
std::vector<double> waits_at(const Scenario& s, const std::string& node, ServerKind kind) {
  return in_child_process([&] {
    const Journal j = simulate(s);
    const RunResults r = compute_run_results(s, j);
    const auto& w = r.rail.by_direction.at(Direction::Westbound).mean_waits;
    return std::vector<double>{server(r, node, kind).wait_hours.mean, w.border, w.gauge_change};
  });
}

CapacityAddition addition(const std::string& node) {
  CapacityAddition a;
  a.node = node;
  a.key_path = "build.0";
  return a;
}

} // namespace

// Nothing of a train's border time is drawn: it is its queue (on the approach side or at the
// node) and processing at each crossing. Waiting on its position for the yard is yard time.
TEST(Network, BorderHoursAreTheQueueAndProcessingAtEachCrossing) {
  const Scenario s = network();
  const auto mismatches = in_child_process([&] {
    const Journal j = simulate(s);
    // The fixture's per-train processing (tests/model/network/platform.xml). A train entering
    // from the approach side holds its position while it runs there: that is running time.
    const std::map<std::pair<std::string, Direction>, double> processing_h = {
        {{"Alashankou", Direction::Westbound}, 1}, {{"Alashankou", Direction::Eastbound}, 1},
        {{"Dostyk", Direction::Westbound}, 2},     {{"Dostyk", Direction::Eastbound}, 2},
        {{"Brest", Direction::Westbound}, 5},      {{"Brest", Direction::Eastbound}, 3},
        {{"Malaszewicze", Direction::Westbound}, 2}, {{"Malaszewicze", Direction::Eastbound}, 2}};
    std::vector<double> crossing_hours(j.trains.size(), 0.0);
    int visits = 0;
    for (const auto& v : j.server_visits)
      if (v.kind == ServerKind::Crossing) {
        crossing_hours[static_cast<std::size_t>(v.train)] +=
            v.started_h - v.arrived_h + processing_h.at({std::string(v.node_name()), v.direction});
        ++visits;
      }
    double mismatched = 0;
    for (std::size_t t = 0; t < j.trains.size(); ++t)
      if (j.trains[t].arrived_h && std::abs(j.trains[t].waits.border - crossing_hours[t]) > 1e-6)
        ++mismatched;
    return std::vector<double>{mismatched, static_cast<double>(visits)};
  });
  EXPECT_EQ(mismatches[0], 0);
  EXPECT_GT(mismatches[1], 1000); // four crossings, about 600 trains
}

TEST(Network, OneFewerPositionLengthensTheCrossingQueueUnderLoad) {
  Scenario s = network();
  const auto base = waits_at(s, "Brest", ServerKind::Crossing);
  ASSERT_GT(base[0], 0.0) << "Brest must queue under this load for the comparison to mean anything";
  // Brest has 2 positions: a what-if that adds one, and the platform as built.
  s.build.push_back(addition("Brest"));
  s.build.back().add_crossing_positions = 1;
  const auto more = waits_at(s, "Brest", ServerKind::Crossing);
  EXPECT_LT(more[0], base[0]);
  EXPECT_LT(more[1], base[1]);
}

// Malaszewicze as built: 2 tracks, 4 cranes, 2 a train. Tracks bind only with the cranes to
// work them: two more tracks alone change nothing, two more with their cranes cut the queue.
TEST(Network, TwoFewerTracksLengthenTheYardQueueUnderLoad) {
  Scenario s = network();
  const auto two = waits_at(s, "Malaszewicze", ServerKind::Yard);
  ASSERT_GT(two[0], 0.0);
  s.build.push_back(addition("Malaszewicze"));
  s.build.back().add_tracks = 2;
  const auto four_without_cranes = waits_at(s, "Malaszewicze", ServerKind::Yard);
  EXPECT_EQ(four_without_cranes, two);
  s.build.back().add_cranes = 4;
  const auto four = waits_at(s, "Malaszewicze", ServerKind::Yard);
  EXPECT_GT(two[0], four[0]);
  EXPECT_GT(two[2], four[2]);
}

TEST(Network, BackgroundTrafficLengthensTheFocusLanesWaits) {
  Scenario heavy = network();
  Scenario light = network();
  background(light, Direction::Westbound).background->trains_per_week = 1;
  background(light, Direction::Eastbound).background->trains_per_week = 1;
  const auto h = waits_at(heavy, "Brest", ServerKind::Crossing);
  const auto l = waits_at(light, "Brest", ServerKind::Crossing);
  EXPECT_GT(h[0], l[0]);
  EXPECT_GT(h[1], l[1]); // border: queue at the crossings
  EXPECT_GT(h[2], l[2]); // gauge change: queue at the yards
}

// A shared pool: the focus lane waits for locomotives that background trains hold.
TEST(Network, BackgroundTrainsDrawOnTheSharedLocomotivePool) {
  Scenario heavy = network();
  heavy.rail.locomotives.at(0).count = 36;
  Scenario light = heavy;
  background(light, Direction::Westbound).background->trains_per_week = 1;
  background(light, Direction::Eastbound).background->trains_per_week = 1;
  auto locomotive_wait = [](const Scenario& s) {
    return in_child_process([&] {
      const Journal j = simulate(s);
      return std::vector<double>{compute_rail_metrics(s, j).by_direction.at(Direction::Westbound).mean_waits.locomotive};
    })[0];
  };
  EXPECT_GT(locomotive_wait(heavy), locomotive_wait(light));
}

TEST(Network, ADailyQuotaCapsTheTrainsStartingEachDay) {
  Scenario s = network();
  s.build.push_back(addition("Alashankou"));
  s.build.back().crossing_trains_per_day = 3;
  const auto result = in_child_process([&] {
    const Journal j = simulate(s);
    std::map<std::pair<int, int>, int> starts; // (day, direction) -> trains
    for (const auto& v : j.server_visits)
      if (v.kind == ServerKind::Crossing && v.node_name() == "Alashankou")
        ++starts[{static_cast<int>(v.started_h / 24.0), static_cast<int>(v.direction)}];
    int most = 0;
    for (const auto& [_, n] : starts)
      most = std::max(most, n);
    const RunResults r = compute_run_results(s, j);
    return std::vector<double>{static_cast<double>(most), server(r, "Alashankou", ServerKind::Crossing).wait_hours.mean};
  });
  EXPECT_EQ(result[0], 3); // 5 westbound trains a day are offered: the quota binds every day
  s.build.clear();
  EXPECT_GT(result[1], waits_at(s, "Alashankou", ServerKind::Crossing)[0]);
}

// With opening hours, no train starts processing while the crossing is closed, and the
// queue grows: the trains offered overnight wait for the morning.
TEST(Network, OpeningHoursKeepEveryStartInsideThemAndLengthenTheQueue) {
  Scenario s = network();
  s.build.push_back(addition("Alashankou"));
  s.build.back().crossing_opens_hour = 8;
  s.build.back().crossing_closes_hour = 20;
  const auto result = in_child_process([&] {
    const Journal j = simulate(s);
    double outside = 0, started = 0, earliest = 24, latest = 0;
    for (const auto& v : j.server_visits)
      if (v.kind == ServerKind::Crossing && v.node_name() == "Alashankou") {
        const double hour = std::fmod(v.started_h, 24.0);
        outside += hour < 8.0 || hour >= 20.0 ? 1 : 0;
        ++started;
        earliest = std::min(earliest, hour);
        latest = std::max(latest, hour);
      }
    const RunResults r = compute_run_results(s, j);
    return std::vector<double>{outside, started, earliest,
                               server(r, "Alashankou", ServerKind::Crossing).wait_hours.mean};
  });
  EXPECT_EQ(result[0], 0);
  EXPECT_GT(result[1], 300);
  EXPECT_DOUBLE_EQ(result[2], 8.0); // trains that waited overnight start at the opening
  s.build.clear();
  EXPECT_GT(result[3], waits_at(s, "Alashankou", ServerKind::Crossing)[0] + 1.0);
}

// The top-level summary describes the focus lane only: background trains are not in it.
TEST(Network, TheFocusLaneMetricsLeaveBackgroundTrainsOut) {
  const Scenario s = network();
  const auto counts = in_child_process([&] {
    const Journal j = simulate(s);
    const RunResults r = compute_run_results(s, j);
    const auto& lanes = r.rail.lanes;
    return std::vector<double>{static_cast<double>(r.rail.by_direction.at(Direction::Westbound).trains.dispatched),
                               static_cast<double>(lanes.size()),
                               static_cast<double>(lanes.at(1).by_direction.at(Direction::Westbound).trains.dispatched)};
  });
  EXPECT_EQ(counts[0], 30); // 3 a week over the 10 measured weeks
  EXPECT_EQ(counts[1], 2);
  EXPECT_NEAR(counts[2], 350, 8); // 35 a week, jitter moving a few across the window's ends
}

TEST(BackgroundTimetable, SpreadsTrainsEvenlyScaledBySeasonAndJitteredWithinBounds) {
  RailService s;
  s.name = "x-westbound";
  s.background = BackgroundTimetable{};
  s.background->trains_per_week = 2.5;
  auto plain = background_departures_h(s, 364, 7);
  EXPECT_EQ(plain.size(), 130u); // 2.5 a week for 52 weeks
  for (std::size_t i = 1; i < plain.size(); ++i)
    EXPECT_NEAR(plain[i] - plain[i - 1], 168.0 / 2.5, 1e-6);

  s.background->departure_jitter_hours = 24;
  const auto jittered = background_departures_h(s, 364, 7);
  ASSERT_EQ(jittered.size(), plain.size());
  double moved = 0;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    EXPECT_LE(std::abs(jittered[i] - plain[i]), 12.0 + 1e-9);
    moved += std::abs(jittered[i] - plain[i]);
  }
  EXPECT_GT(moved / plain.size(), 3.0); // uniform within +-12 h: about 6 h on average
  EXPECT_EQ(jittered, background_departures_h(s, 364, 7));
  EXPECT_NE(jittered, background_departures_h(s, 364, 8));

  s.background->departure_jitter_hours = 0;
  s.background->seasonal_index.assign(12, 1.0);
  s.background->seasonal_index[1] = 2.0; // February twice as busy
  const auto seasonal = background_departures_h(s, 365, 7);
  auto in_month = [](const std::vector<double>& hours, int month) {
    return std::count_if(hours.begin(), hours.end(), [&](double h) { return month_of_day(h / 24.0) == month; });
  };
  EXPECT_NEAR(static_cast<double>(in_month(seasonal, 1)), 2.0 * in_month(seasonal, 0), 1.0);
}

TEST(BorderCrossingServer, AFractionalQuotaAlternatesAndNeverCarriesOver) {
  int total = 0;
  for (long day = 0; day < 10; ++day) {
    const int q = BorderCrossingServer::quota_on_day(4.5, day);
    EXPECT_TRUE(q == 4 || q == 5) << day;
    total += q;
  }
  EXPECT_EQ(total, 45);
  EXPECT_EQ(BorderCrossingServer::quota_on_day(2.0, 3), 2);
}

TEST(BorderCrossingServer, OpeningHoursWithinADayAndAcrossMidnight) {
  BorderCrossing day;
  day.opens_hour = 8;
  day.closes_hour = 20;
  EXPECT_FALSE(BorderCrossingServer::open_at(day, 7.99));
  EXPECT_TRUE(BorderCrossingServer::open_at(day, 8.0));
  EXPECT_TRUE(BorderCrossingServer::open_at(day, 24.0 + 19.99));
  EXPECT_FALSE(BorderCrossingServer::open_at(day, 24.0 + 20.0));
  EXPECT_DOUBLE_EQ(BorderCrossingServer::next_opening_h(day, 21.0), 32.0);
  EXPECT_DOUBLE_EQ(BorderCrossingServer::next_opening_h(day, 50.0), 56.0);
  EXPECT_DOUBLE_EQ(BorderCrossingServer::next_opening_h(day, 9.0), 9.0);
  BorderCrossing night;
  night.opens_hour = 22;
  night.closes_hour = 6;
  EXPECT_TRUE(BorderCrossingServer::open_at(night, 23.0));
  EXPECT_TRUE(BorderCrossingServer::open_at(night, 24.0 + 5.5));
  EXPECT_FALSE(BorderCrossingServer::open_at(night, 24.0 + 6.0));
  EXPECT_DOUBLE_EQ(BorderCrossingServer::next_opening_h(night, 24.0 + 12.0), 24.0 + 22.0);
  EXPECT_TRUE(BorderCrossingServer::open_at(BorderCrossing{}, 3.0)); // no hours: always open
}

// Trains that Malaszewicze cannot take wait on the approach side, at Brest in Belarus: the
// crossing's positions hold the trains waiting for a yard track, and the next train waits
// for a position where it stands.
TEST(Network, AQueueForMalaszewiczeStandsAtBrest) {
  Scenario s = network();
  // About 100 trains a week both ways for a yard that passes about 80; Brest widened so that
  // it does not bind first.
  background(s, Direction::Westbound).background->trains_per_week = 70;
  s.build.push_back(addition("Brest"));
  s.build.back().add_crossing_positions = 4;
  // Locomotives to spare, so that the yard is what binds: 70 trains a week one way leave the
  // scenario's pools at the western ends, and trains would wait for locomotives running back.
  for (auto& pool : s.rail.locomotives)
    pool.count *= 4;
  const auto result = in_child_process([&] {
    const Journal j = simulate(s);
    const RunResults r = compute_run_results(s, j);
    const auto& crossing = server(r, "Malaszewicze", ServerKind::Crossing);
    const auto& yard = server(r, "Malaszewicze", ServerKind::Yard);
    return std::vector<double>{crossing.queue_at == "Brest" ? 1.0 : 0.0, static_cast<double>(crossing.max_queue_trains),
                               static_cast<double>(yard.max_queue_trains), yard.utilisation};
  });
  EXPECT_EQ(result[0], 1.0);
  EXPECT_GT(result[1], 5); // trains queued at Brest
  EXPECT_LE(result[2], 4);  // at most the crossing's positions wait at the yard itself
  EXPECT_GT(result[3], 0.85); // busy, but idle while its positions hold trains in processing
}
