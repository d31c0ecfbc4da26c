// The last mile on its own (no engine): containers queue first come first served for k
// vehicles, each busy for the round trip; the wait comes out of arrivals meeting vehicles.
#include <gtest/gtest.h>

#include <algorithm>

#include "base/RandomStream.hpp"
#include "model/doors/LastMileQueue.hpp"

using namespace rongou;

namespace {

double mean_wait(const std::vector<LastMileJob>& jobs, int trucks) {
  const auto trips = serve_last_mile(jobs, trucks);
  double sum = 0.0;
  for (const auto& t : trips)
    sum += t.wait_h;
  return sum / static_cast<double>(trips.size());
}

// A train of `feu` boxes, all ready at `at_h`, with drives drawn from 2 to 6 hours.
std::vector<LastMileJob> train_burst(int feu, double at_h, std::uint64_t seed) {
  auto rng = RandomStream::derive(seed, "test-last-mile");
  std::vector<LastMileJob> jobs;
  for (int i = 0; i < feu; ++i)
    jobs.push_back({at_h, rng.uniform(2.0, 6.0)});
  return jobs;
}

} // namespace

TEST(LastMileQueue, OneVehicleServesInTurnAndIsBusyForTheRoundTrip) {
  const std::vector<LastMileJob> jobs = {{0.0, 2.0}, {0.0, 2.0}, {1.0, 3.0}};
  const auto trips = serve_last_mile(jobs, 1);
  ASSERT_EQ(trips.size(), 3u);
  EXPECT_DOUBLE_EQ(trips[0].wait_h, 0.0);
  EXPECT_DOUBLE_EQ(trips[0].delivered_h, 2.0);
  EXPECT_DOUBLE_EQ(trips[1].wait_h, 4.0); // back at the terminal at 4
  EXPECT_DOUBLE_EQ(trips[1].delivered_h, 6.0);
  EXPECT_DOUBLE_EQ(trips[2].wait_h, 7.0); // ready at 1, vehicle back at 8
  EXPECT_DOUBLE_EQ(trips[2].delivered_h, 11.0);
}

TEST(LastMileQueue, KVehiclesServeKAtOnceAndTheNextTakesTheFirstBack) {
  const std::vector<LastMileJob> jobs = {{0.0, 1.0}, {0.0, 3.0}, {0.0, 2.0}};
  const auto trips = serve_last_mile(jobs, 2);
  EXPECT_DOUBLE_EQ(trips[0].wait_h, 0.0);
  EXPECT_DOUBLE_EQ(trips[1].wait_h, 0.0);
  EXPECT_DOUBLE_EQ(trips[2].wait_h, 2.0); // the first vehicle is back at 2, the second at 6
  EXPECT_DOUBLE_EQ(trips[2].delivered_h, 4.0);
}

TEST(LastMileQueue, ServesInOrderOfReadinessWhateverTheOrderGiven) {
  // Given out of order: the one ready first is served first.
  const std::vector<LastMileJob> jobs = {{5.0, 1.0}, {0.0, 4.0}, {0.5, 1.0}};
  const auto trips = serve_last_mile(jobs, 1);
  EXPECT_DOUBLE_EQ(trips[1].wait_h, 0.0);
  EXPECT_DOUBLE_EQ(trips[2].wait_h, 7.5);  // vehicle back at 8
  EXPECT_DOUBLE_EQ(trips[0].wait_h, 5.0);  // back again at 10
  // First come, first served: no later-ready container leaves before an earlier one.
  const auto jobs2 = train_burst(60, 0.0, 7);
  std::vector<LastMileJob> staggered = jobs2;
  for (std::size_t i = 0; i < staggered.size(); ++i)
    staggered[i].ready_h = 0.25 * static_cast<double>(i);
  const auto t = serve_last_mile(staggered, 4);
  for (std::size_t i = 1; i < t.size(); ++i)
    EXPECT_LE(staggered[i - 1].ready_h + t[i - 1].wait_h, staggered[i].ready_h + t[i].wait_h) << i;
}

TEST(LastMileQueue, FewerVehiclesStrictlyLengthenTheMeanWaitUnderATrainArriving) {
  // Two trains of 41 boxes a day apart: every box is ready at once when its train is unloaded.
  auto jobs = train_burst(41, 0.0, 1);
  const auto second = train_burst(41, 24.0, 2);
  jobs.insert(jobs.end(), second.begin(), second.end());
  double previous = mean_wait(jobs, 1);
  EXPECT_GT(previous, 0.0);
  for (int trucks : {2, 5, 10, 20, 40}) {
    const double wait = mean_wait(jobs, trucks);
    EXPECT_LT(wait, previous) << trucks << " vehicles";
    previous = wait;
  }
  EXPECT_DOUBLE_EQ(mean_wait(jobs, 41), 0.0); // one vehicle a box: nobody waits
}
