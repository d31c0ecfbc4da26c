// The track section on its own (no engine): trains planned through a single track's blocks
// and a headway, with hand-picked and drawn times.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "model/rail/TrackSection.hpp"

using namespace rongou;

namespace {

Segment line(int loops, double headway_minutes = 0.0, bool single = true) {
  // Built, not assigned to: GCC 12 warns (-Wrestrict, wrongly) on assigning its strings.
  return Segment{.id = "A-B",
                 .from = "A",
                 .to = "B",
                 .mode = "rail",
                 .distance_km = 100,
                 .distance_source = "",
                 .gauge_mm = 1520,
                 .speed_km_per_day = 2400, // 100 km/h: 1 h through
                 .max_train_feu = 41,
                 .road_distance_km = 0,
                 .road_speed_km_per_day = 0,
                 .single_track = single,
                 .passing_loops = single ? loops : 0,
                 .headway_minutes = headway_minutes};
}

} // namespace

TEST(TrackSection, OpposingTrainsCrossAtTheLoopBetweenThem) {
  const Segment s = line(1); // two blocks of 30 min
  TrackSection track(s);
  const auto a = track.pass(0.0, "A", 1.0);
  EXPECT_DOUBLE_EQ(a.wait_h, 0.0);
  EXPECT_DOUBLE_EQ(a.left_h, 1.0);
  // From B at 0: B's first block is A's second, held 0.5 to 1: B runs it 0 to 0.5, then
  // waits at the loop until A has left A's first block (0.5) - no wait - and arrives at 1.
  const auto b = track.pass(0.0, "B", 1.0);
  EXPECT_DOUBLE_EQ(b.wait_h, 0.0);
  // A third train from B at 0.25 must wait for both.
  const auto c = track.pass(0.25, "B", 1.0);
  EXPECT_GT(c.wait_h, 0.0);
  EXPECT_NEAR(c.left_h - 0.25, 1.0 + c.wait_h, 1e-9);
}

TEST(TrackSection, OneBlockIsHeldByOneTrainWhateverItsDirection) {
  const Segment s = line(0);
  TrackSection track(s);
  EXPECT_DOUBLE_EQ(track.pass(0.0, "A", 1.0).left_h, 1.0);
  const auto b = track.pass(0.5, "B", 1.0);
  EXPECT_DOUBLE_EQ(b.entered_h, 1.0);
  EXPECT_DOUBLE_EQ(b.wait_h, 0.5);
  const auto c = track.pass(0.6, "A", 1.0); // following: behind the opposing one
  EXPECT_DOUBLE_EQ(c.entered_h, 2.0);
}

TEST(TrackSection, NoBlockIsEverHeldByTwoTrains) {
  const Segment s = line(9);
  TrackSection track(s);
  track.keep_history();
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> gap(0.0, 0.6), run(0.8, 1.4);
  double t = 0.0;
  double waited = 0.0;
  for (int i = 0; i < 2000; ++i) {
    t += gap(rng);
    const double running = run(rng);
    const auto p = track.pass(t, i % 3 == 0 ? "B" : "A", running);
    EXPECT_GE(p.entered_h, t);
    EXPECT_NEAR(p.left_h - t, running + p.wait_h, 1e-9);
    waited += p.wait_h;
  }
  EXPECT_GT(waited, 0.0); // loaded enough for trains to meet
  for (auto blocks = track.history(); auto& held : blocks) {
    std::sort(held.begin(), held.end(), [](const auto& x, const auto& y) { return x.from_h < y.from_h; });
    for (std::size_t k = 1; k < held.size(); ++k)
      ASSERT_LE(held[k - 1].to_h, held[k].from_h + 1e-12) << "two trains in one block";
  }
}

TEST(TrackSection, FewerLoopsNeverShortenTheWaitUnderLoad) {
  std::vector<double> waits;
  for (int loops : {20, 5, 1, 0}) {
    const Segment s = line(loops);
    TrackSection track(s);
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> gap(0.0, 1.2);
    double t = 0.0, waited = 0.0;
    for (int i = 0; i < 500; ++i) {
      t += gap(rng);
      waited += track.pass(t, i % 2 ? "A" : "B", 1.0).wait_h;
    }
    waits.push_back(waited);
  }
  for (std::size_t k = 1; k < waits.size(); ++k)
    EXPECT_GT(waits[k], waits[k - 1]) << "fewer loops, shorter wait";
}

TEST(TrackSection, AHeadwaySpacesEntriesOfOneDirectionOnly) {
  const Segment s = line(0, 30.0, false); // double track, 30 min
  TrackSection track(s);
  EXPECT_DOUBLE_EQ(track.pass(0.0, "A", 1.0).entered_h, 0.0);
  EXPECT_DOUBLE_EQ(track.pass(0.1, "A", 1.0).entered_h, 0.5);
  EXPECT_DOUBLE_EQ(track.pass(0.1, "B", 1.0).entered_h, 0.1); // the other direction is free
  EXPECT_DOUBLE_EQ(track.pass(0.2, "A", 1.0).entered_h, 1.0);
}

TEST(TrackSection, DoubleTrackWithoutHeadwayNeverWaits) {
  const Segment s = line(0, 0.0, false);
  TrackSection track(s);
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(track.pass(0.01 * i, i % 2 ? "A" : "B", 1.0).wait_h, 0.0);
}
