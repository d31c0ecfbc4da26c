// End-to-end: `rongou rank`, `rongou sensitivity` and replications to a precision, with
// build/rongou as a subprocess on the short scenario.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using namespace rongou::test;

namespace {

const std::string kScenario = source_path("tests/experiment/short-horizon.yaml");

Json json_of(const fs::path& file) { return Json::parse(read_file(file)); }

double transit_mean(const fs::path& rep) { return json_of(rep)["modes"]["rail"]["transit_days"]["mean"].get<double>(); }

// Mean and t half-width (t(0.975, n-1) from a table: n - 1 = 4) of a sample of 5.
std::pair<double, double> mean_hw5(const std::vector<double>& x) {
  double m = 0.0;
  for (double v : x)
    m += v / x.size();
  double ss = 0.0;
  for (double v : x)
    ss += (v - m) * (v - m);
  return {m, 2.776445 * std::sqrt(ss / (x.size() - 1) / x.size())};
}

} // namespace

TEST(Rank, LeversRankedByTheirPairedEffect) {
  TempDir t;
  const fs::path out = t.path() / "rank";
  // A lever that sets a key to the value it has changes nothing, exactly; one locomotive
  // instead of three on the Osinovka-Brest section makes every train wait (far worse);
  // a shorter Małaszewicze dwell makes trains faster.
  const auto r = run_rongou({"rank", kScenario, "--lever", "rail.locomotives.3.count=3", "--lever",
                             "rail.locomotives.3.count=1", "--lever",
                             "rail.border_dwell_hours_at.Malaszewicze={dist: fixed, value: 6}", "--replications", "5",
                             "--jobs", "2", "--metric", "modes.rail.transit_days.mean", "--metric",
                             "modes.rail.transit_days.p95", "--out", out.string(), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const Json rank = json_of(out / "rank.json");
  EXPECT_EQ(rank["program"], "rongou");
  EXPECT_EQ(rank["replications"], 5);
  const Json& levers = rank["levers"];
  ASSERT_EQ(levers.size(), 3u);
  EXPECT_EQ(levers[0]["lever"], "rail.border_dwell_hours_at.Malaszewicze={dist: fixed, value: 6}");
  EXPECT_EQ(levers[1]["lever"], "rail.locomotives.3.count=3");
  EXPECT_EQ(levers[2]["lever"], "rail.locomotives.3.count=1");
  const Json& none = levers[1]["effects"]["modes.rail.transit_days.mean"];
  EXPECT_EQ(none["effect"].get<double>(), 0.0);
  EXPECT_EQ(none["ci95"].get<double>(), 0.0);
  EXPECT_FALSE(none["significant"].get<bool>());
  EXPECT_TRUE(levers[0]["effects"]["modes.rail.transit_days.mean"]["significant"].get<bool>());
  EXPECT_GT(levers[2]["effects"]["modes.rail.transit_days.mean"]["effect"].get<double>(), 1.0);

  // The effect and its interval are the paired t on the per-replication files, which ran on
  // the base's seeds (common random numbers).
  std::vector<double> differences;
  for (int i = 0; i < 5; ++i) {
    const std::string rep = fmt::format("replications/rep-{:03}.json", i);
    EXPECT_EQ(json_of(out / "levers/lever-000" / rep)["seed"], json_of(out / "base" / rep)["seed"]);
    differences.push_back(transit_mean(out / "levers/lever-002" / rep) - transit_mean(out / "base" / rep));
  }
  const auto [mean, hw] = mean_hw5(differences);
  const Json& dwell = levers[0]["effects"]["modes.rail.transit_days.mean"];
  EXPECT_NEAR(dwell["effect"].get<double>(), mean, 1e-4);
  EXPECT_NEAR(dwell["ci95"].get<double>(), hw, 1e-4);
  EXPECT_LT(dwell["effect"].get<double>(), 0.0);

  const std::string csv = read_file(out / "rank.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "rank,lever,replications,cost_one_off_usd,cost_usd_per_year,annualised_cost_usd_per_year,"
            "modes.rail.transit_days.mean_base,modes.rail.transit_days.mean_lever,modes.rail.transit_days.mean_effect,"
            "modes.rail.transit_days.mean_effect_ci95,modes.rail.transit_days.mean_significant,"
            "modes.rail.transit_days.p95_base,modes.rail.transit_days.p95_lever,modes.rail.transit_days.p95_effect,"
            "modes.rail.transit_days.p95_effect_ci95,modes.rail.transit_days.p95_significant");
  EXPECT_TRUE(fs::exists(out / "report/tornado-1.svg"));
  EXPECT_NE(read_file(out / "report.html").find("tornado-1"), std::string::npos);
}

TEST(Rank, CostsRankPerDollarAndPairsAreAdded) {
  TempDir t;
  const fs::path out = t.path() / "rank";
  const auto r = run_rongou({"rank", kScenario, "--lever", "rail.locomotives.3.count=4", "--lever",
                             "rail.border_dwell_hours_at.Malaszewicze={dist: fixed, value: 6}", "--pairs", "--cost",
                             "rail.locomotives.3.count=5000000,100000", "--cost",
                             "rail.border_dwell_hours_at.Malaszewicze=0,2000000", "--discount-rate", "0",
                             "--horizon-years", "10", "--replications", "3", "--jobs", "2", "--no-report", "--out",
                             out.string(), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const Json rank = json_of(out / "rank.json");
  EXPECT_TRUE(rank["per_dollar"].get<bool>());
  ASSERT_EQ(rank["levers"].size(), 3u); // two alone, one pair
  for (const auto& lever : rank["levers"]) {
    const std::string label = lever["lever"];
    // At 0 % over 10 years a one-off cost is a tenth a year.
    const double expected = label.find(" + ") != std::string::npos ? 5e5 + 1e5 + 2e6
                            : label.starts_with("rail.locomotives") ? 5e5 + 1e5
                                                                     : 2e6;
    EXPECT_NEAR(lever["cost"]["annualised_usd_per_year"].get<double>(), expected, 1e-6) << label;
    const Json& e = lever["effects"]["modes.rail.transit_days.mean"];
    EXPECT_NEAR(e["effect_per_musd_year"].get<double>(), e["effect"].get<double>() / (expected / 1e6), 1e-3);
  }
  for (std::size_t i = 1; i < rank["levers"].size(); ++i) // lower is better: per dollar, rising
    EXPECT_LE(rank["levers"][i - 1]["effects"]["modes.rail.transit_days.mean"]["effect_per_musd_year"].get<double>(),
              rank["levers"][i]["effects"]["modes.rail.transit_days.mean"]["effect_per_musd_year"].get<double>());
}

TEST(Rank, BadInputIsRefusedBeforeAnythingRuns) {
  TempDir t;
  const fs::path out = t.path() / "rank";
  const auto no_lever = run_rongou({"rank", kScenario, "--lever", "rail.locomotives.3.count=4", "--cost",
                                    "rail.services.0.max_feu=1000", "--out", out.string()});
  EXPECT_EQ(no_lever.exit_code, 2) << no_lever;
  EXPECT_NE(no_lever.err.find("no --lever sets rail.services.0.max_feu"), std::string::npos);
  const auto bad_value = run_rongou({"rank", kScenario, "--lever", "rail.locomotives.3.count=-4", "--out", out.string()});
  EXPECT_EQ(bad_value.exit_code, 2) << bad_value;
  EXPECT_NE(bad_value.err.find("rail.locomotives.3.count"), std::string::npos);
  EXPECT_FALSE(fs::exists(out));
}

TEST(Precision, StopsAtTheTargetWhateverTheJobs) {
  TempDir t;
  const fs::path p = t.path();
  const std::string target = "modes.rail.transit_days.mean=0.12";
  for (const std::string jobs : {"1", "2"})
    ASSERT_EQ(run_rongou({"run", kScenario, "--precision", target, "--jobs", jobs, "--no-report", "--quiet", "--out",
                          (p / ("j" + jobs)).string()})
                  .exit_code,
              0);
  const std::string j1 = read_file(p / "j1/summary.json");
  EXPECT_EQ(j1, read_file(p / "j2/summary.json"));
  const Json s = Json::parse(j1);
  const std::size_t n = s["replications"].get<std::size_t>();
  EXPECT_GT(n, 10u); // the target needs more than the least number
  EXPECT_EQ((n - 10) % 5, 0u);
  const Json& precision = s["precision"];
  EXPECT_TRUE(precision["reached"].get<bool>());
  EXPECT_EQ(precision["stopped_because"], "target reached");
  const double reached = precision["half_width"]["modes.rail.transit_days.mean"].get<double>();
  EXPECT_LE(reached, 0.12);
  EXPECT_DOUBLE_EQ(reached, s["modes"]["rail"]["transit_days"]["ci95"]["mean"].get<double>());
  // One batch fewer had not reached it: the procedure stopped at the first batch that did.
  std::vector<double> fewer;
  for (std::size_t i = 0; i + 5 < n; ++i)
    fewer.push_back(transit_mean(p / fmt::format("j1/replications/rep-{:03}.json", i)));
  double m = 0.0, ss = 0.0;
  for (double v : fewer)
    m += v / fewer.size();
  for (double v : fewer)
    ss += (v - m) * (v - m);
  const double sd_of_mean = std::sqrt(ss / (fewer.size() - 1) / fewer.size());
  EXPECT_GT(2.0 * sd_of_mean, 0.12); // t(0.975, n-1) > 2 for every n - 1 < 60
}

TEST(Precision, MaxReplicationsStopsAnUnreachableTargetAndSweepAcceptsIt) {
  TempDir t;
  const fs::path p = t.path();
  ASSERT_EQ(run_rongou({"run", kScenario, "--precision", "modes.rail.transit_days.mean=0.001", "--min-replications",
                        "3", "--max-replications", "8", "--jobs", "2", "--no-report", "--quiet", "--out",
                        (p / "run").string()})
                .exit_code,
            0);
  const Json s = json_of(p / "run/summary.json");
  EXPECT_EQ(s["replications"], 8);
  EXPECT_FALSE(s["precision"]["reached"].get<bool>());
  EXPECT_EQ(s["precision"]["stopped_because"], "max replications");

  const auto sweep = run_rongou({"sweep", kScenario, "--set", "rail.locomotives.3.count=3,4", "--precision",
                                 "modes.rail.transit_days.mean=0.001", "--min-replications", "2",
                                 "--max-replications", "4", "--jobs", "2", "--quiet", "--out", (p / "sweep").string()});
  ASSERT_EQ(sweep.exit_code, 0) << sweep;
  EXPECT_EQ(json_of(p / "sweep/points/point-0001/summary.json")["replications"], 4);
  EXPECT_EQ(json_of(p / "sweep/sweep.json")["precision"]["stopped_because"], "max replications");

  const auto bad = run_rongou({"run", kScenario, "--precision", "modes.rail.transit_days.mean=-1", "--out",
                               (p / "bad").string()});
  EXPECT_EQ(bad.exit_code, 2) << bad;
  const auto both = run_rongou({"run", kScenario, "--precision", "modes.rail.transit_days.mean=1", "--replications",
                                "3", "--out", (p / "bad").string()});
  EXPECT_EQ(both.exit_code, 2) << both;
  const auto missing = run_rongou({"run", kScenario, "--precision", "modes.rail.no_such=1", "--min-replications", "2",
                                   "--no-report", "--quiet", "--out", (p / "bad").string()});
  EXPECT_EQ(missing.exit_code, 2) << missing;
  EXPECT_NE(missing.err.find("modes.rail.no_such"), std::string::npos);
  EXPECT_FALSE(fs::exists(p / "bad"));
}

TEST(Sensitivity, ShardsMergeIntoExactlyTheUnshardedRun) {
  TempDir t;
  const fs::path p = t.path();
  const std::vector<std::string> args = {"sensitivity", kScenario, "--param", "rail.locomotives.3.count=2..5",
                                         "--param", "demand.westbound.feu_per_week=180..280", "--metric",
                                         "modes.rail.transit_days.mean", "--morris-trajectories", "3", "--jobs", "2",
                                         "--quiet"};
  auto with = [&](std::vector<std::string> more) {
    std::vector<std::string> a = args;
    a.insert(a.end(), more.begin(), more.end());
    return run_rongou(a);
  };
  ASSERT_EQ(with({"--out", (p / "all").string()}).exit_code, 0);
  for (int k = 1; k <= 2; ++k)
    ASSERT_EQ(with({"--shard", fmt::format("{}/2", k), "--out", (p / fmt::format("s{}", k)).string()}).exit_code, 0);
  EXPECT_FALSE(fs::exists(p / "s1/sensitivity.csv")); // a shard alone has no table
  const auto merged = run_rongou({"sensitivity-merge", (p / "s1").string(), "--out", (p / "m").string(), "--quiet"});
  EXPECT_EQ(merged.exit_code, 2) << merged; // a shard missing
  ASSERT_EQ(run_rongou({"sensitivity-merge", (p / "s1").string(), (p / "s2").string(), "--out", (p / "m").string(),
                        "--quiet"})
                .exit_code,
            0);
  for (const std::string f : {"sensitivity.json", "points.csv", "sensitivity.csv", "report/morris-1.dat"})
    EXPECT_EQ(read_file(p / "all" / f), read_file(p / "m" / f)) << f;

  const std::string csv = read_file(p / "all/sensitivity.csv");
  // The scenario's value (3 locomotives; 230 FEU a week) is the base, stepped by ±10 %
  // (at least 1 for a count).
  EXPECT_NE(csv.find("rail.locomotives.3.count,modes.rail.transit_days.mean,3,2,4,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("demand.westbound.feu_per_week,modes.rail.transit_days.mean,230,207,253,"), std::string::npos)
      << csv;
  // 2 one-at-a-time points a parameter, (2 + 1) points a trajectory, and the base.
  EXPECT_EQ(json_of(p / "all/sensitivity.json")["points"], 1 + 4 + 9);
}

TEST(Rank, PrecisionHoldsForThePairedDifferences) {
  TempDir t;
  const fs::path out = t.path() / "rank";
  const auto r = run_rongou({"rank", kScenario, "--lever", "rail.locomotives.3.count=4", "--lever",
                             "rail.services.0.max_feu=45", "--metric", "modes.rail.transit_days.mean", "--precision",
                             "modes.rail.transit_days.mean=0.3", "--min-replications", "4", "--max-replications", "30",
                             "--jobs", "2", "--no-report", "--quiet", "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r;
  const Json rank = json_of(out / "rank.json");
  const std::size_t n = rank["replications"].get<std::size_t>();
  EXPECT_EQ((n - 4) % 5, 0u);
  EXPECT_TRUE(rank["precision"]["reached"].get<bool>());
  double widest = 0.0;
  for (const auto& lever : rank["levers"]) {
    const double hw = lever["effects"]["modes.rail.transit_days.mean"]["ci95"].get<double>();
    EXPECT_LE(hw, 0.3) << lever["lever"];
    widest = std::max(widest, hw);
  }
  EXPECT_DOUBLE_EQ(rank["precision"]["half_width"]["modes.rail.transit_days.mean"].get<double>(), widest);
  // Every variant ran the count reached, on the same seeds.
  EXPECT_TRUE(fs::exists(out / fmt::format("levers/lever-001/replications/rep-{:03}.json", n - 1)));
  EXPECT_FALSE(fs::exists(out / fmt::format("base/replications/rep-{:03}.json", n)));
}
