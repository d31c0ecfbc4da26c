// Loops that discharge at a hub (Rotterdam) and the Baltic feeder from there to Gdansk, on the
// SimGrid engine with hand-made containers. Each test creates an engine, so each must run in
// a process of its own (ctest does this: one discovered test per process).
#include <gtest/gtest.h>

#include <set>
#include <sys/wait.h>
#include <unistd.h>

#include "model/corridor/PlatformReader.hpp"
#include "engine/Engine.hpp"
#include "model/sea/SeaModel.hpp"
#include "support/Files.hpp"
#include "sea/SeaOnEngine.hpp"

namespace rongou {
namespace {

using test::run_sea;
constexpr double kInlandH = test::kSeaTestInlandH;

SeaLoop loop_named(const std::string& name, int weekday, double transit_days, const std::string& hub = "") {
  SeaLoop loop;
  loop.name = name;
  loop.sailing_weekdays = {weekday};
  loop.sailing_hour = 18;
  loop.cutoff_hours_before_sailing = 12;
  loop.vessel_capacity_feu = 100;
  loop.ocean_transit_days = transit_days;
  loop.hub = hub;
  return loop;
}

// Weekly on `weekday` at 12:00, cut-off a day before, `capacity` slots, 3 days to Gdansk.
SeaLoop feeder_with(int weekday, int capacity) {
  SeaLoop f;
  f.name = "feeder";
  f.sailing_weekdays = {weekday};
  f.sailing_hour = 12;
  f.cutoff_hours_before_sailing = 24;
  f.vessel_capacity_feu = capacity;
  f.ocean_transit_days = 3;
  return f;
}

// `count` boxes at Shanghai on Monday of week 0, in id order, all before the loop's first cut-off.
std::vector<SeaOffer> at_port_on_monday(int count) {
  std::vector<SeaOffer> offers;
  for (int i = 0; i < count; ++i)
    offers.push_back({i, -kInlandH + 0.1 * i});
  return offers;
}

double mean_hub_wait_h(const Journal& j) {
  EXPECT_EQ(j.sea_hub.size(), j.sea.size());
  double sum = 0.0;
  for (const auto& h : j.sea_hub) {
    EXPECT_TRUE(h.hub_arrival_h && h.feeder_departure_h);
    sum += h.hub_wait_h();
  }
  return sum / static_cast<double>(j.sea_hub.size());
}

// A run in a child process (one engine per process), for a test that compares two runs:
// the child's mean hub wait and the number of feeder sailings its boxes took.
std::pair<double, int> roomy_in_child(const Scenario& s, const std::vector<SeaOffer>& offers) {
  int fd[2];
  if (pipe(fd) != 0)
    return {-1.0, -1};
  const pid_t pid = fork();
  if (pid == 0) {
    const Journal j = run_sea(s, offers);
    std::set<int> feeders;
    for (const auto& h : j.sea_hub)
      feeders.insert(h.feeder_sailing);
    const std::pair<double, int> out{mean_hub_wait_h(j), static_cast<int>(feeders.size())};
    const bool ok = write(fd[1], &out, sizeof out) == static_cast<ssize_t>(sizeof out);
    _exit(ok ? 0 : 1);
  }
  close(fd[1]);
  std::pair<double, int> out{-1.0, -1};
  const bool ok = read(fd[0], &out, sizeof out) == static_cast<ssize_t>(sizeof out);
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(ok && WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return out;
}

// 40 boxes reach Rotterdam on one mother vessel. A feeder with 40 slots takes them all on its
// first sailing; one with 10 takes four sailings, so the mean wait at the hub is longer.
TEST(SeaHub, AFeederSmallerThanTheHubArrivalsLengthensTheWaitAtTheHub) {
  const SeaLoop loop = loop_named("via-rdam", 1, 29, "Rotterdam");
  const auto [roomy_wait, roomy_feeders] = roomy_in_child(test::sea_scenario_with({loop}, feeder_with(0, 40)), at_port_on_monday(40));
  // With room, every box leaves on one feeder sailing: the first after the berth (day 35).
  EXPECT_EQ(roomy_feeders, 1);
  EXPECT_NEAR(roomy_wait, 35 * 24.0 + 12.0 - (1 * 24.0 + 18.0 + 29 * 24.0), 1e-9);
  const Journal tight = run_sea(test::sea_scenario_with({loop}, feeder_with(0, 10)), at_port_on_monday(40));
  for (const auto& r : tight.sea)
    ASSERT_TRUE(r.arrived_h) << "every box reaches Lodz";
  std::set<int> tight_feeders;
  for (const auto& h : tight.sea_hub)
    tight_feeders.insert(h.feeder_sailing);
  EXPECT_EQ(tight_feeders.size(), 4u);
  int full = 0;
  for (const auto& s : tight.feeder_sailings)
    full += s.feu == 10 ? 1 : 0;
  EXPECT_EQ(full, 4) << "a full feeder leaves the rest for its next sailing";
  const double tight_wait = mean_hub_wait_h(tight);
  EXPECT_GT(tight_wait, roomy_wait + 24.0 * 7.0) << "three of four boxes wait one to three more weeks: +1.5 weeks on average";
  // First come first served: the box discharged first leaves first (ties by record).
  for (std::size_t i = 1; i < tight.sea_hub.size(); ++i)
    EXPECT_LE(*tight.sea_hub[i - 1].feeder_departure_h, *tight.sea_hub[i].feeder_departure_h);
}

// Whatever the load, a box never reaches Gdansk before the first feeder whose cut-off is after
// its mother vessel berthed at the hub, plus the feeder's transit.
TEST(SeaHub, NoBoxReachesTheEuropeanPortBeforeTheFirstFeederAfterItsMotherVesselBerths) {
  SeaLoop loop = loop_named("via-rdam", 1, 29, "Rotterdam");
  loop.ocean_delay_days.kind = Distribution::Kind::Exponential; // berths scattered over the week
  loop.ocean_delay_days.mean = 2.0;
  loop.sailing_weekdays = {1, 4};
  SeaLoop feeder = feeder_with(2, 15);
  feeder.sailing_weekdays = {2, 5};
  const Scenario s = test::sea_scenario_with({loop}, feeder);
  std::vector<SeaOffer> offers;
  for (int i = 0; i < 200; ++i)
    offers.push_back({i, 6.0 * i}); // 4 a day for 50 days
  const Journal j = run_sea(s, offers);
  ASSERT_EQ(j.sea_hub.size(), j.sea.size());
  int later_than_first = 0;
  for (std::size_t i = 0; i < j.sea.size(); ++i) {
    const auto& r = j.sea[i];
    const auto& h = j.sea_hub[i];
    ASSERT_TRUE(r.arrived_h && h.hub_arrival_h && h.feeder_departure_h);
    const auto& mother = j.sailings.at(static_cast<std::size_t>(r.sailing));
    EXPECT_DOUBLE_EQ(*h.hub_arrival_h, *mother.arrival_h) << "boxes reach the hub when their vessel berths";
    int k = 0;
    while (sailing_departure_h(feeder, k) - feeder.cutoff_hours_before_sailing <= *h.hub_arrival_h)
      ++k;
    const double first_feeder_h = sailing_departure_h(feeder, k);
    EXPECT_GE(*h.feeder_departure_h, first_feeder_h - 1e-9);
    EXPECT_GE(*r.port_arrival_eu_h, first_feeder_h + 3 * 24.0 - 1e-9);
    const auto& f = j.feeder_sailings.at(static_cast<std::size_t>(h.feeder_sailing));
    EXPECT_DOUBLE_EQ(*r.port_arrival_eu_h, *f.arrival_h);
    EXPECT_LE(f.feu, 15);
    later_than_first += *h.feeder_departure_h > first_feeder_h + 1e-9 ? 1 : 0;
  }
  // 200 boxes on feeders of 15 twice a week behind loops of 100: some are left for a later feeder.
  EXPECT_GT(later_than_first, 0);
}

// A box ready at Shanghai on Monday 00:00. Loop "via-rdam" leaves Tuesday 18:00 and berths at
// Rotterdam 29 days later (day 30.75, a Wednesday); the weekly Monday feeder then leaves on day
// 35 and reaches Gdansk on day 38.5. Loop "direct" leaves Wednesday 18:00 and reaches Gdansk
// on day 32.75. The hub loop would win on its ocean leg alone; counting the feeder, the box
// books the direct loop. On the first-sailing rule it takes the hub loop, which leaves first.
TEST(SeaHub, BookingPrefersTheDirectLoopWhenTheHubRouteArrivesLaterBySchedule) {
  const std::vector<SeaLoop> loops = {loop_named("via-rdam", 1, 29, "Rotterdam"), loop_named("direct", 2, 30)};
  const Journal j = run_sea(test::sea_scenario_with(loops, feeder_with(0, 40)), {{0, -kInlandH}});
  ASSERT_EQ(j.sea.size(), 1u);
  EXPECT_EQ(j.sailings.at(static_cast<std::size_t>(j.sea[0].sailing)).loop, 1);
  EXPECT_FALSE(j.sea_hub.at(0).hub_arrival_h);
  EXPECT_NEAR(*j.sea[0].port_arrival_eu_h, 2 * 24.0 + 18.0 + 30 * 24.0, 1e-9);
}

TEST(SeaHub, OnTheFirstSailingRuleTheHubLoopLeavingFirstIsTakenAndItsBoxWaitsForTheFeeder) {
  const std::vector<SeaLoop> loops = {loop_named("via-rdam", 1, 29, "Rotterdam"), loop_named("direct", 2, 30)};
  Scenario first = test::sea_scenario_with(loops, feeder_with(0, 40));
  first.sea->sailing_choice = SailingChoice::FirstSailing;
  const Journal j = run_sea(first, {{0, -kInlandH}});
  ASSERT_EQ(j.sea.size(), 1u);
  EXPECT_EQ(j.sailings.at(static_cast<std::size_t>(j.sea[0].sailing)).loop, 0);
  ASSERT_TRUE(j.sea_hub.at(0).feeder_departure_h);
  EXPECT_NEAR(*j.sea_hub[0].hub_arrival_h, 1 * 24.0 + 18.0 + 29 * 24.0, 1e-9);
  EXPECT_NEAR(*j.sea_hub[0].feeder_departure_h, 35 * 24.0 + 12.0, 1e-9);
  EXPECT_NEAR(*j.sea[0].port_arrival_eu_h, 38 * 24.0 + 12.0, 1e-9);
}

// With a feeder leaving the day after the hub berth, the hub route wins by schedule.
TEST(SeaHub, BookingTakesTheHubLoopWhenItsFeederGetsThereFirst) {
  const std::vector<SeaLoop> loops = {loop_named("via-rdam", 1, 29, "Rotterdam"), loop_named("direct", 2, 30)};
  SeaLoop feeder = feeder_with(4, 40); // Friday day 32 12:00 (780 h), cut-off day 31 12:00 after the berth (738 h)
  feeder.ocean_transit_days = 0.2;     // 784.8 h at Gdansk, before the direct loop's 786 h
  const Journal j = run_sea(test::sea_scenario_with(loops, feeder), {{0, -kInlandH}});
  ASSERT_EQ(j.sea.size(), 1u);
  EXPECT_EQ(j.sailings.at(static_cast<std::size_t>(j.sea[0].sailing)).loop, 0);
  EXPECT_NEAR(*j.sea[0].port_arrival_eu_h, 32 * 24.0 + 12.0 + 0.2 * 24.0, 1e-9);
}

} // namespace
} // namespace rongou
