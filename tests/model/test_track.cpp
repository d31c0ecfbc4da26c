// Track capacity in whole runs: the single track Dostyk-Moyinty of the Rong-Ou platform,
// with its loops changed by `build:` items, and a headway on its double track. Each
// simulation runs in a child process (one SimGrid engine per process).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

// Rong-Ou twice a day each way: enough trains for them to meet on the single track.
Scenario loaded() { return load_scenario(source_path("scenarios/frequency-2x-daily.yaml")); }

void build_track(Scenario& s, std::optional<bool> single, std::optional<int> loops,
                 std::optional<double> headway = std::nullopt) {
  CapacityAddition add;
  add.segment = "Dostyk-Moyinty";
  add.key_path = "build.99";
  add.single_track = single;
  add.passing_loops = loops;
  add.headway_minutes = headway;
  s.build.push_back(add);
}

double total_track_wait(const Journal& j) {
  double sum = 0.0;
  for (const auto& t : j.trains)
    sum += t.waits.track;
  return sum;
}

} // namespace

// With no loop the whole line is one block: from leaving one end to arriving at the other, a
// train is alone on it, whichever way either goes. The journal's events say when.
TEST(Track, TrainsNeverShareAOneBlockSingleTrack) {
  Scenario s = loaded();
  build_track(s, true, 0);
  const auto found = in_child_process([&] {
    const Journal j = simulate(s);
    const NodeIndex dostyk = intern_node_name("Dostyk"), moyinty = intern_node_name("Moyinty");
    // Per train: when it left an end of the line for the other, and when it got there.
    std::map<int, std::pair<double, NodeIndex>> left;
    std::vector<std::pair<double, double>> on_line;
    std::vector<bool> opposite;
    for (const auto& e : j.events) {
      if (e.kind == TrainEventKind::Depart && (e.node == dostyk || e.node == moyinty))
        left[e.train] = {e.time_h, e.node};
      if (e.kind == TrainEventKind::Arrive && (e.node == dostyk || e.node == moyinty)) {
        const auto it = left.find(e.train);
        if (it != left.end() && it->second.second != e.node) {
          on_line.emplace_back(it->second.first, e.time_h);
          opposite.push_back(e.node == dostyk);
        }
        left.erase(e.train);
      }
    }
    std::vector<std::size_t> order(on_line.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return on_line[a].first < on_line[b].first; });
    double overlaps = 0, facing = 0;
    for (std::size_t k = 1; k < order.size(); ++k) {
      const auto& before = on_line[order[k - 1]];
      const auto& after = on_line[order[k]];
      if (after.first < before.second - 1e-6) {
        ++overlaps;
        if (opposite[order[k - 1]] != opposite[order[k]])
          ++facing;
      }
    }
    double both_ways = 0;
    for (std::size_t k = 1; k < opposite.size(); ++k)
      both_ways += opposite[k] != opposite[0];
    return std::vector<double>{static_cast<double>(on_line.size()), overlaps, facing, both_ways,
                               total_track_wait(j)};
  });
  EXPECT_GT(found[0], 100) << "trains through Dostyk-Moyinty";
  EXPECT_GT(found[3], 0) << "in both directions";
  EXPECT_EQ(found[1], 0) << "two trains at once in the one block";
  EXPECT_EQ(found[2], 0) << "two trains facing each other";
  EXPECT_GT(found[4], 0) << "trains waited for the line";
}

TEST(Track, FewerLoopsLengthenTheTrackWait) {
  std::vector<double> waits;
  for (int loops : {66, 8, 2, 0}) {
    Scenario s = loaded();
    build_track(s, true, loops);
    waits.push_back(in_child_process([&] { return std::vector<double>{total_track_wait(simulate(s))}; })[0]);
  }
  for (std::size_t k = 1; k < waits.size(); ++k)
    EXPECT_GT(waits[k], waits[k - 1]) << "fewer loops, no longer wait: " << waits[k] << " after " << waits[k - 1];
}

TEST(Track, ADoubleTrackWithoutHeadwayNeverWaits) {
  Scenario s = loaded();
  build_track(s, false, std::nullopt);
  const auto found = in_child_process([&] {
    const Journal j = simulate(s);
    double track_servers = 0, container_wait = 0;
    for (const auto& server : j.servers)
      track_servers += server.kind == ServerKind::Track;
    for (const auto& c : j.containers)
      container_wait += c.waits.track;
    return std::vector<double>{total_track_wait(j), container_wait, track_servers};
  });
  EXPECT_EQ(found[0], 0.0);
  EXPECT_EQ(found[1], 0.0);
  EXPECT_EQ(found[2], 0.0) << "a double track without headway is no server";
}

TEST(Track, AHeadwaySpacesEntriesOfADirection) {
  const double headway_min = 240;
  Scenario s = loaded();
  build_track(s, false, std::nullopt, headway_min);
  const auto found = in_child_process([&] {
    const Journal j = simulate(s);
    std::map<Direction, std::vector<double>> entries;
    double waited = 0;
    for (const auto& v : j.server_visits)
      if (v.kind == ServerKind::Track) {
        entries[v.direction].push_back(v.started_h); // a double track's only wait is at its entry
        waited += v.started_h - v.arrived_h;
      }
    double closest = 1e300;
    for (auto& [_, times] : entries) {
      std::sort(times.begin(), times.end());
      for (std::size_t k = 1; k < times.size(); ++k)
        closest = std::min(closest, times[k] - times[k - 1]);
    }
    return std::vector<double>{closest, waited, total_track_wait(j)};
  });
  EXPECT_GE(found[0], headway_min / 60.0 - 1e-6);
  EXPECT_GT(found[1], 0.0) << "no train was held by the headway";
  EXPECT_NEAR(found[1], found[2], 1e-6) << "what trains waited is what the server booked";
}
