#pragma once
// A sea section of hand-made loops run on the SimGrid engine over the corridor platform, for
// the loop and hub tests. Each run creates an engine, so a test runs one per process.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/Engine.hpp"
#include "model/corridor/PlatformReader.hpp"
#include "model/sea/SeaModel.hpp"
#include "support/Files.hpp"

namespace rongou::test {

inline const std::string& sea_test_platform() {
  static const std::string platform = source_path("platforms/rong-ou.xml");
  return platform;
}

// Chengdu-Shanghai on the platform, 2,000 km at 500 km/day, with no delay drawn.
inline constexpr double kSeaTestInlandH = 2000.0 / 500.0 * 24.0;

inline Scenario sea_scenario_with(std::vector<SeaLoop> loops, std::optional<SeaLoop> feeder = std::nullopt) {
  Scenario s;
  s.source_file = "test";
  s.platform_file = sea_test_platform();
  s.seed = 7;
  s.horizon_days = 56;
  SeaSpec sea;
  sea.loops = std::move(loops);
  if (feeder)
    sea.feeder = std::move(*feeder);
  s.sea = sea;
  return s;
}

inline Journal run_sea(const Scenario& s, const std::vector<SeaOffer>& offers) {
  engine::Session session(sea_test_platform());
  Diagnostics d;
  const Corridor corridor = read_corridor_from_engine(sea_test_platform(), d);
  const SeaRoute route = build_sea_route(s, corridor, d);
  EXPECT_TRUE(d.empty()) << d.format();
  Journal journal;
  SeaModel model(s, route, offers, journal);
  model.start();
  session.run();
  return journal;
}

} // namespace rongou::test
