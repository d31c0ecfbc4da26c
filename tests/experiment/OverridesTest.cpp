#include <gtest/gtest.h>

#include "scenario/Diagnostics.hpp"
#include "scenario/Overrides.hpp"
#include "scenario/ScenarioLoader.hpp"

using namespace rongou;

namespace {
YAML::Node sample() { return YAML::Load("a: {b: 1, list: [{c: 2}, {c: 3}]}\nname: x\n"); }

std::string error_of(const std::string& assignment) {
  YAML::Node root = sample();
  try {
    apply_override(root, assignment);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
} // namespace

TEST(Overrides, SetsMapKeysListItemsAndStructuredValues) {
  YAML::Node root = sample();
  apply_override(root, "a.b=5");
  apply_override(root, "a.list.1.c=7");
  apply_override(root, "a.d={dist: fixed, value: 3}");
  apply_override(root, "name=y");
  EXPECT_EQ(root["a"]["b"].as<int>(), 5);
  EXPECT_EQ(root["a"]["list"][0]["c"].as<int>(), 2); // untouched
  EXPECT_EQ(root["a"]["list"][1]["c"].as<int>(), 7);
  EXPECT_EQ(root["a"]["d"]["value"].as<int>(), 3);
  EXPECT_EQ(root["name"].as<std::string>(), "y");
}

TEST(Overrides, ErrorsNameTheArgument) {
  EXPECT_NE(error_of("a.list.5.c=1").find("--set a.list.5.c=1"), std::string::npos);
  EXPECT_NE(error_of("a.list.5.c=1").find("2 items"), std::string::npos);
  EXPECT_NE(error_of("a.list.x=1").find("not an index"), std::string::npos);
  EXPECT_NE(error_of("name.z=1").find("single value"), std::string::npos);
  EXPECT_NE(error_of("novalue").find("key.path=value"), std::string::npos);
  EXPECT_NE(error_of("a..b=1").find("empty key"), std::string::npos);
  EXPECT_NE(error_of("a.b=[1,").find("not valid YAML"), std::string::npos);
}

TEST(Overrides, LoadScenarioAppliesThemBeforeTypedChecks) {
  const std::string file = RONGOU_SOURCE_DIR "/tests/experiment/short-horizon.yaml";
  const Scenario plain = load_scenario(file);
  const Scenario changed = load_scenario(file, {"rail.locomotives.3.count=7", "horizon_days=56"});
  EXPECT_NE(plain.rail.locomotives[3].count, 7);
  EXPECT_EQ(changed.rail.locomotives[3].count, 7);
  EXPECT_DOUBLE_EQ(changed.horizon_days, 56.0);
  EXPECT_EQ(changed.platform_file, plain.platform_file); // still relative to the file
  EXPECT_THROW(load_scenario(file, {"horizon_days=-3"}), InputError);
  EXPECT_THROW(load_scenario(file, {"rail.nonsense=1"}), InputError);
}
