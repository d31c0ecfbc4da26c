#include <gtest/gtest.h>

#include "scenario/Diagnostics.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/Files.hpp"

using namespace rongou;

// How --set paths and values are parsed is tested with the scenario tree (tests/scenario);
// here: the loader entry point sweeps use.
TEST(Overrides, LoadScenarioAppliesThemBeforeTypedChecks) {
  const std::string file = rongou::test::source_path("tests/experiment/short-horizon.yaml");
  const Scenario plain = load_scenario(file);
  const Scenario changed = load_scenario(file, {"rail.locomotives.3.count=7", "horizon_days=56"});
  EXPECT_NE(plain.rail.locomotives[3].count, 7);
  EXPECT_EQ(changed.rail.locomotives[3].count, 7);
  EXPECT_DOUBLE_EQ(changed.horizon_days, 56.0);
  EXPECT_EQ(changed.platform_file, plain.platform_file); // still relative to the file
  EXPECT_THROW(load_scenario(file, {"horizon_days=-3"}), InputError);
  EXPECT_THROW(load_scenario(file, {"rail.nonsense=1"}), InputError);
}
