// extends and --set work on the YAML tree before typed reading: these tests pin how they
// merge, what they replace, and that errors still name the file (or argument) and line that
// wrote the key.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

#include "scenario/Diagnostics.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioTree.hpp"
#include "support/Files.hpp"
#include "support/TempDir.hpp"

namespace fs = std::filesystem;
using namespace rongou;

namespace {

class ScenarioTreeTest : public ::testing::Test {
protected:
  void SetUp() override {
    write("parent.yaml", R"(name: parent
platform: net.xml
horizon_days: 28
seed: 7
demand:
  westbound: {feu_per_week: 40, cargo_value_usd: 50000}
  eastbound: {feu_per_week: 10, cargo_value_usd: 20000}
rail:
  services:
    - {name: w, direction: westbound, route: [A, B, C], departures: [Mon, Thu], max_feu: 41}
  locomotives:
    - {section: [A, C], count: 2, servicing_hours: 24}
  border_dwell_hours: 3
)");
  }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    test::write_file(p, text);
    return p.string();
  }
  std::string error_of(const std::string& file, const std::vector<std::string>& sets = {}) {
    try {
      load_scenario(file, sets);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
  test::TempDir temp_;
  const fs::path dir_ = temp_.path();
};

TEST_F(ScenarioTreeTest, ChildMapsMergeKeyByKeyAndChildWins) {
  const auto child = write("child.yaml", R"(extends: parent.yaml
name: child
demand:
  westbound: {feu_per_week: 99}
rail:
  border_dwell_hours: 5
)");
  const Scenario s = load_scenario(child);
  EXPECT_EQ(s.name, "child");
  EXPECT_EQ(s.seed, 7u);
  EXPECT_DOUBLE_EQ(s.demand.at(Direction::Westbound).feu_per_week, 99.0);
  EXPECT_DOUBLE_EQ(s.demand.at(Direction::Westbound).cargo_value_usd, 50000.0); // merged from the parent
  EXPECT_DOUBLE_EQ(s.demand.at(Direction::Eastbound).feu_per_week, 10.0);
  EXPECT_DOUBLE_EQ(s.rail.border_dwell_hours.value, 5.0);
  ASSERT_EQ(s.rail.services.size(), 1u);
  EXPECT_EQ(s.platform_file, (dir_ / "net.xml").lexically_normal().string());
}

TEST_F(ScenarioTreeTest, ListsAreReplacedWhole) {
  const auto child = write("child.yaml", R"(extends: parent.yaml
rail:
  services:
    - {name: x, direction: eastbound, route: [C, A], departures: [Sun], max_feu: 20}
)");
  const Scenario s = load_scenario(child);
  ASSERT_EQ(s.rail.services.size(), 1u);
  EXPECT_EQ(s.rail.services[0].name, "x");
  EXPECT_EQ(s.rail.locomotives.size(), 1u); // untouched sibling list kept
}

TEST_F(ScenarioTreeTest, ChainsResolveAndPlatformIsRelativeToTheFileNamingIt) {
  write("sub/middle.yaml", "extends: ../parent.yaml\nname: middle\nhorizon_days: 56\n");
  const auto child = write("sub/deeper/child.yaml", "extends: ../middle.yaml\nname: child\n");
  const Scenario s = load_scenario(child);
  EXPECT_EQ(s.name, "child");
  EXPECT_DOUBLE_EQ(s.horizon_days, 56.0);
  EXPECT_EQ(s.platform_file, (dir_ / "net.xml").lexically_normal().string());
}

TEST_F(ScenarioTreeTest, ErrorInInheritedKeyNamesTheParentFileAndLine) {
  write("bad-parent.yaml", "extends: parent.yaml\n\nhorizon_days: -1\n");
  const auto child = write("child.yaml", "extends: bad-parent.yaml\nname: child\n");
  const std::string error = error_of(child);
  EXPECT_NE(error.find((dir_ / "bad-parent.yaml").string() + ":3:15: horizon_days: "), std::string::npos) << error;
}

TEST_F(ScenarioTreeTest, CycleIsReportedWithTheChain) {
  write("a.yaml", "extends: b.yaml\n");
  write("b.yaml", "extends: c.yaml\n");
  write("c.yaml", "extends: a.yaml\n");
  const std::string error = error_of((dir_ / "a.yaml").string());
  EXPECT_NE(error.find("extends cycle: a.yaml -> b.yaml -> c.yaml -> a.yaml"), std::string::npos) << error;
}

TEST_F(ScenarioTreeTest, SetReplacesAListItemFieldWithAFlowList) {
  const Scenario s = load_scenario((dir_ / "parent.yaml").string(),
                                   {"rail.services.0.departures=[Tue,Wed,Sat]", "demand.eastbound.feu_per_week=0"});
  EXPECT_EQ(s.rail.services[0].departure_weekdays, (std::vector<int>{1, 2, 5}));
  EXPECT_DOUBLE_EQ(s.demand.at(Direction::Eastbound).feu_per_week, 0.0);
  EXPECT_NE(s.resolved_yaml.find("departures: [Tue, Wed, Sat]"), std::string::npos) << s.resolved_yaml;
}

TEST_F(ScenarioTreeTest, SetCanAddAKeyTheFileLeftOut) {
  const Scenario s = load_scenario((dir_ / "parent.yaml").string(),
                                   {"warmup_days=7", "rail.border_dwell_hours_at.B={dist: uniform, min: 1, max: 2}"});
  EXPECT_DOUBLE_EQ(s.warmup_days, 7.0);
  EXPECT_EQ(s.border_dwell_at("B", Direction::Westbound).kind, Distribution::Kind::Uniform);
}

TEST_F(ScenarioTreeTest, SetErrorsNameTheArgumentAndPath) {
  const auto file = (dir_ / "parent.yaml").string();
  EXPECT_NE(error_of(file, {"rail.servics.0.max_feu=3"})
                .find("--set rail.servics.0.max_feu=3: rail.servics: unknown key (did you mean 'services'?)"),
            std::string::npos);
  EXPECT_NE(error_of(file, {"rail.services.1.max_feu=3"}).find("rail.services has 1 item"), std::string::npos);
  EXPECT_NE(error_of(file, {"seed=-4"}).find("--set seed=-4: seed: -4 is out of range"), std::string::npos);
  EXPECT_NE(error_of(file, {"name.x=1"}).find("--set name.x=1: name.x: name is a single value"), std::string::npos);
  EXPECT_NE(error_of(file, {"horizon_days=[1"}).find("--set horizon_days=[1: horizon_days: malformed value"),
            std::string::npos);
  EXPECT_NE(error_of(file, {"=3"}).find("--set =3: expected key.path=value"), std::string::npos);
}

TEST_F(ScenarioTreeTest, EveryProblemIsReportedNotOnlyTheFirst) {
  const auto file = write("many.yaml", R"(name: many
platform: net.xml
horizon_days: -1
demand: {westbound: {feu_per_week: -3, cargo_value_usd: 1}}
rail:
  servics: []
)");
  const std::string error = error_of(file);
  EXPECT_NE(error.find(":3:15: horizon_days:"), std::string::npos) << error;
  EXPECT_NE(error.find(":4:36: demand.westbound.feu_per_week:"), std::string::npos) << error;
  EXPECT_NE(error.find(":6:3: rail.servics: unknown key (did you mean 'services'?)"), std::string::npos) << error;
  EXPECT_NE(error.find(": rail.services: missing required key"), std::string::npos) << error;
}

TEST_F(ScenarioTreeTest, ResolvedYamlReadsBackToTheSameScenario) {
  write("child.yaml", "extends: parent.yaml\nname: child\nrail: {border_dwell_hours: 4}\n");
  const Scenario s = load_scenario((dir_ / "child.yaml").string(), {"seed=11"});
  const auto resolved = write("resolved/scenario.resolved.yaml", s.resolved_yaml);
  const Scenario again = load_scenario(resolved);
  EXPECT_EQ(again.resolved_yaml, s.resolved_yaml);
  EXPECT_EQ(again.seed, 11u);
  EXPECT_EQ(again.platform_file, s.platform_file);
  EXPECT_EQ(again.resolved_yaml.find("extends"), std::string::npos);
}

TEST(ScenarioLoaderInput, NonMappingKeysAndOddInputAreErrorsNotCrashes) {
  for (const std::string yaml : {"? [a, b]\n: 1\n", "~: 1\n", "rail: {border_dwell_hours_at: {[x]: 1}}\n", "",
                                 "---\n...\n", "&a [*a]\n", "name: !!binary aGVsbG8=\n"}) {
    EXPECT_THROW(load_scenario_from_string(yaml, "fuzz.yaml", "."), InputError) << yaml;
  }
}

} // namespace
