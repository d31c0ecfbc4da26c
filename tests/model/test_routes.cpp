// A westbound market split among rail routes and sea (`choice.routes`), in process: every box
// that chose a rail route rides only that route's trains, no box goes both by rail and by sea,
// and none is lost. The simulation runs in a child process (one SimGrid engine per process).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

struct Outcome {
  std::vector<int> boarded_by_route; // rail boxes of each route that a train took
  int on_another_route = 0;          // rail boxes on a train of a service their route does not run
  int rail_and_sea = 0;              // boxes with a sea record that also boarded a train
  int lost = 0;                      // gated in 60 days before the end and not delivered either way
};

Outcome run(const Scenario& s) {
  const std::vector<double> v = in_child_process([&] {
    const Journal j = simulate(s);
    const ChoiceSpec& spec = *s.choice;
    std::vector<std::set<std::string>> services(spec.routes.size());
    for (std::size_t r = 0; r < spec.routes.size(); ++r)
      for (std::size_t i : spec.routes[r].services)
        services[r].insert(s.rail.services[i].name);
    std::vector<double> boarded(spec.routes.size(), 0.0);
    double other = 0.0, both = 0.0, lost = 0.0;
    std::vector<bool> by_sea(j.containers.size(), false);
    std::vector<bool> sea_arrived(j.containers.size(), false);
    for (const auto& r : j.sea) {
      by_sea[static_cast<std::size_t>(r.container)] = true;
      sea_arrived[static_cast<std::size_t>(r.container)] = r.arrived_h.has_value();
    }
    for (const auto& c : j.containers) {
      const auto id = static_cast<std::size_t>(c.id);
      const ChoiceRecord& choice = j.choices[id];
      if (c.train >= 0) {
        if (by_sea[id])
          ++both;
        if (c.direction == Direction::Westbound && choice.chooses()) {
          const auto& train = j.trains[static_cast<std::size_t>(c.train)];
          boarded[choice.route] += 1.0;
          if (choice.mode != ChosenMode::Rail || !services[choice.route].count(train.service))
            ++other;
        }
      }
      if (c.created_h < (s.horizon_days - 60.0) * 24.0 && !c.arrived_h && !sea_arrived[id])
        ++lost;
    }
    std::vector<double> out{other, both, lost};
    out.insert(out.end(), boarded.begin(), boarded.end());
    return out;
  });
  Outcome o;
  o.on_another_route = static_cast<int>(v.at(0));
  o.rail_and_sea = static_cast<int>(v.at(1));
  o.lost = static_cast<int>(v.at(2));
  for (std::size_t i = 3; i < v.size(); ++i)
    o.boarded_by_route.push_back(static_cast<int>(v[i]));
  return o;
}

} // namespace

TEST(Routes, EveryRailBoxRidesOnlyItsOwnRoutesTrains) {
  const Scenario s = load_scenario(source_path("tests/choice/choice-routes.yaml"));
  ASSERT_EQ(s.choice->routes.size(), 2U);
  const Outcome o = run(s);
  ASSERT_EQ(o.boarded_by_route.size(), 2U);
  EXPECT_GT(o.boarded_by_route[0], 0) << "the northern route carried nothing";
  EXPECT_GT(o.boarded_by_route[1], 0) << "the Middle Corridor carried nothing";
  EXPECT_EQ(o.on_another_route, 0);
  EXPECT_EQ(o.rail_and_sea, 0);
  EXPECT_EQ(o.lost, 0);
}
