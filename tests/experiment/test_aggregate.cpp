#include <cmath>
#include <gtest/gtest.h>
#include <set>

#include "experiment/Aggregate.hpp"
#include "experiment/Replications.hpp"
#include "results/Confidence.hpp"
#include "output/SummaryJson.hpp"

using namespace rongou;
using Json = nlohmann::ordered_json;

namespace {
Json rep(std::uint64_t seed, double transit, int delivered) {
  Json j;
  j["scenario"] = "s";
  j["seed"] = seed;
  j["replications"] = 1;
  j["horizon_days"] = 112.0;
  j["warmup_days"] = 14.0;
  j["modes"]["rail"] = {{"direction", "westbound"},
                        {"containers_delivered", delivered},
                        {"transit_days", {{"mean", transit}, {"p95", transit + 1}}}};
  j["series"] = Json::array({transit, 2 * transit});
  return j;
}
} // namespace

TEST(Aggregate, EveryNumericLeafGetsMeanAndCiAtTheSamePath) {
  const Json agg = aggregate_summaries({rep(1, 1.0, 10), rep(2, 2.0, 20), rep(3, 3.0, 30)});
  const double hw = rounded(student_t_quantile(0.975, 2) / std::sqrt(3.0));
  EXPECT_DOUBLE_EQ(agg["modes"]["rail"]["transit_days"]["mean"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(agg["modes"]["rail"]["transit_days"]["ci95"]["mean"].get<double>(), hw);
  EXPECT_DOUBLE_EQ(agg["modes"]["rail"]["transit_days"]["p95"].get<double>(), 3.0);
  EXPECT_DOUBLE_EQ(agg["modes"]["rail"]["containers_delivered"].get<double>(), 20.0);
  EXPECT_NEAR(agg["modes"]["rail"]["ci95"]["containers_delivered"].get<double>(), 10 * student_t_quantile(0.975, 2) / std::sqrt(3.0), 1e-4);
  EXPECT_EQ(agg["modes"]["rail"]["direction"], "westbound");
  EXPECT_DOUBLE_EQ(agg["series"][1].get<double>(), 4.0);
  EXPECT_NEAR(agg["ci95"]["series"][1].get<double>(), 2 * student_t_quantile(0.975, 2) / std::sqrt(3.0), 1e-4);
  // Run metadata is copied, not averaged, and has no interval.
  EXPECT_EQ(agg["seed"], 1);
  EXPECT_FALSE(agg["ci95"].contains("horizon_days"));
  EXPECT_FALSE(agg["modes"].contains("ci95")); // holds no numbers itself
}

TEST(Aggregate, KeyOrderFollowsTheFirstReplication) {
  const Json agg = aggregate_summaries({rep(1, 1.0, 10), rep(2, 2.0, 20)});
  std::vector<std::string> keys;
  for (const auto& [k, v] : agg["modes"]["rail"]["transit_days"].items())
    keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"mean", "p95", "ci95"}));
}

TEST(Aggregate, ExperimentSummaryListsSeedsAndMissingReplications) {
  const Json j = experiment_summary(1, 3, {rep(1, 1.0, 10), rep(7, 3.0, 30)}, {1, 7}, {{1, 5, "killed by signal 6"}});
  EXPECT_EQ(j["seed"], 1);
  EXPECT_EQ(j["replications"], 2);
  EXPECT_EQ(j["replications_requested"], 3);
  EXPECT_EQ(j["replication_seeds"], Json::array({1, 7}));
  ASSERT_EQ(j["missing_replications"].size(), 1u);
  EXPECT_EQ(j["missing_replications"][0]["replication"], 1);
  EXPECT_EQ(j["missing_replications"][0]["seed"], 5);
}

TEST(ReplicationSeeds, FirstIsTheScenarioSeedOthersDistinctAndJsonExact) {
  EXPECT_EQ(replication_seed(42, 0), 42u);
  std::set<std::uint64_t> seen;
  for (std::size_t i = 0; i < 1000; ++i) {
    const std::uint64_t s = replication_seed(42, i);
    EXPECT_LT(s, std::uint64_t{1} << 53);
    EXPECT_TRUE(seen.insert(s).second);
  }
  EXPECT_NE(replication_seed(42, 1), replication_seed(43, 1));
}

TEST(Aggregate, AStatisticTheFirstReplicationCouldNotComputeIsTheMeanOfThoseThatDid) {
  // The first replication's warm-up was too short to judge (null); the others judged 35 and
  // 70 days. The mean is of the two, not null; and null stays null when no one judged it.
  std::vector<Json> reps = {rep(1, 1.0, 10), rep(2, 2.0, 20), rep(3, 3.0, 30)};
  reps[0]["warmup"] = {{"mser5_days", nullptr}, {"sufficient", true}};
  reps[1]["warmup"] = {{"mser5_days", 35.0}, {"sufficient", true}};
  reps[2]["warmup"] = {{"mser5_days", 70.0}, {"sufficient", false}};
  const Json agg = aggregate_summaries(reps);
  EXPECT_DOUBLE_EQ(agg["warmup"]["mser5_days"].get<double>(), 52.5);
  EXPECT_FALSE(agg["warmup"]["sufficient"].get<bool>());
  for (auto& r : reps)
    r["warmup"]["mser5_days"] = nullptr;
  EXPECT_TRUE(aggregate_summaries(reps)["warmup"]["mser5_days"].is_null());
}
