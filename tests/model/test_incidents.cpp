// Incidents on the line (rail.incidents): drawn per train from a stream of their own, a
// Poisson number per train-km. Each simulation runs in a child process of its own.
#include <gtest/gtest.h>

#include <cmath>

#include "results/RailMetrics.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"
#include "support/QuietBaseline.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

// Each test adds its own incidents or holds to the baseline without them.
Scenario baseline() { return baseline_without_incidents_or_holds(); }

IncidentSpec incidents(double per_1000_train_km, double mean_hours) {
  IncidentSpec spec;
  spec.per_1000_train_km = per_1000_train_km;
  spec.duration_hours.kind = Distribution::Kind::Lognormal;
  spec.duration_hours.mean = mean_hours;
  spec.duration_hours.cv = 1.5;
  return spec;
}

// Every container's arrival hour (-1 if it did not arrive), then its incident wait.
std::vector<double> arrivals_and_incident_waits(const Scenario& s) {
  return in_child_process([&] {
    const Journal j = simulate(s);
    std::vector<double> out;
    for (const auto& c : j.containers)
      out.push_back(c.arrived_h ? *c.arrived_h : -1.0);
    for (const auto& c : j.containers)
      out.push_back(c.waits.incident);
    return out;
  });
}

// {incidents, train-km, mean incident hours per delivered westbound container}.
std::vector<double> incident_totals(const Scenario& s) {
  return in_child_process([&] {
    const Journal j = simulate(s);
    double count = 0.0;
    double km = 0.0;
    for (const auto& t : j.trains) {
      count += t.incidents;
      km += t.km;
    }
    const auto m = compute_rail_metrics(s, j);
    return std::vector<double>{count, km, m.by_direction.at(Direction::Westbound).mean_waits.incident};
  });
}

} // namespace

TEST(Incidents, AZeroRateDrawsNoIncidentAndChangesNoArrival) {
  Scenario s = baseline();
  const auto without = arrivals_and_incident_waits(s);
  s.rail.incidents = incidents(0.0, 5.0);
  const auto with_zero = arrivals_and_incident_waits(s);
  ASSERT_EQ(without.size(), with_zero.size());
  const std::size_t n = without.size() / 2;
  for (std::size_t i = 0; i < n; ++i) {
    ASSERT_EQ(without[i], with_zero[i]) << "container " << i; // the train's own stream is untouched
    ASSERT_EQ(with_zero[n + i], 0.0) << "container " << i;
  }
}

TEST(Incidents, AHigherRateLengthensTheMeanIncidentWait) {
  Scenario s = baseline();
  s.rail.incidents = incidents(0.1, 5.0);
  const auto low = incident_totals(s);
  s.rail.incidents = incidents(0.5, 5.0);
  const auto high = incident_totals(s);
  EXPECT_GT(low[2], 0.0);
  EXPECT_GT(high[2], low[2]);
}

TEST(Incidents, CountsPerThousandTrainKmAgreeWithTheRate) {
  Scenario s = baseline();
  const double rate = 0.8;
  s.rail.incidents = incidents(rate, 1.0);
  const auto totals = incident_totals(s);
  const double expected = rate * totals[1] / 1000.0;
  ASSERT_GT(expected, 1000.0); // a year of trains: about 5 million train-km
  // Poisson: the count's standard deviation is the square root of its mean.
  EXPECT_NEAR(totals[0], expected, 4.0 * std::sqrt(expected));
}

TEST(Incidents, ACountryRateAppliesOnlyToItsSegments) {
  Scenario s = baseline();
  IncidentSpec spec = incidents(0.0, 1.0);
  // Poland only: Malaszewicze-Warsaw-Lodz, and half of Brest-Malaszewicze.
  spec.per_1000_train_km_by_country["PL"] = 5.0;
  s.rail.incidents = spec;
  const auto in_poland = incident_totals(s);
  spec.per_1000_train_km_by_country["PL"] = 0.0;
  spec.per_1000_train_km_by_country["CN"] = 5.0;
  s.rail.incidents = spec;
  const auto in_china = incident_totals(s);
  // The Chinese part of the route (Chengdu-Alashankou) is over ten times the Polish one.
  EXPECT_GT(in_poland[0], 0.0);
  EXPECT_GT(in_china[0], 5.0 * in_poland[0]);
}
