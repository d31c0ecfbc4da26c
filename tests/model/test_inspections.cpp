// Inspection holds (rail.inspections): a held container leaves its train at the node and goes
// on with a later train of its lane and direction. Each simulation runs in a child process.
#include <gtest/gtest.h>

#include <map>

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

InspectionSpec hold_at_malaszewicze(double share, double hours) {
  InspectionSpec spec;
  spec.node = "Malaszewicze";
  spec.share = share;
  spec.hold_hours = Distribution::fixed(hours);
  spec.direction = Direction::Westbound;
  spec.key_path = "rail.inspections.0";
  return spec;
}

// Whose planned departure comes first: the train a part was split from, up to its root.
const TrainRecord& root_of(const Journal& j, int train) {
  while (j.trains[static_cast<std::size_t>(train)].parent >= 0)
    train = j.trains[static_cast<std::size_t>(train)].parent;
  return j.trains[static_cast<std::size_t>(train)];
}

} // namespace

TEST(Inspections, AHeldContainerArrivesOnALaterTrainAndWaitsFromDetachmentToBoarding) {
  Scenario s = baseline();
  s.rail.inspections.push_back(hold_at_malaszewicze(0.05, 30.0));
  const auto checked = in_child_process([&] {
    const Journal j = simulate(s);
    double held = 0.0;
    double boarded = 0.0;
    for (const auto& hold : j.inspection_holds) {
      ++held;
      const auto& c = j.containers[static_cast<std::size_t>(hold.container)];
      EXPECT_EQ(c.direction, Direction::Westbound);
      EXPECT_NEAR(hold.ready_h - hold.detached_h, 30.0, 1e-9);
      if (!hold.boarded_h) {
        EXPECT_FALSE(c.arrived_h.has_value()) << "container " << c.id;
        EXPECT_EQ(c.waits.inspection, 0.0);
        continue;
      }
      ++boarded;
      EXPECT_GE(*hold.boarded_h, hold.ready_h);
      EXPECT_NEAR(c.waits.inspection, *hold.boarded_h - hold.detached_h, 1e-9) << "container " << c.id;
      EXPECT_NE(hold.to_train, hold.from_train);
      EXPECT_GT(root_of(j, hold.to_train).planned_departure_h, root_of(j, hold.from_train).planned_departure_h);
      if (c.arrived_h) {
        EXPECT_GE(*c.arrived_h, *hold.boarded_h);
        EXPECT_EQ(c.train, hold.to_train) << "container " << c.id; // no gauge change after Malaszewicze
      }
    }
    return std::vector<double>{held, boarded};
  });
  EXPECT_GT(checked[0], 100.0); // about 5 % of some 11,000 westbound boxes
  EXPECT_GT(checked[1], 0.9 * checked[0]);
}

TEST(Inspections, NoContainerIsLostOrDuplicated) {
  Scenario s = baseline();
  s.rail.inspections.push_back(hold_at_malaszewicze(0.1, 72.0));
  const auto counts = in_child_process([&] {
    const Journal j = simulate(s);
    std::map<int, int> on_train; // arrivals counted from the containers' side, train by train
    int delivered = 0;
    for (const auto& c : j.containers)
      if (c.arrived_h) {
        ++delivered;
        ++on_train[c.train];
      }
    int carried = 0; // from the trains' side
    for (std::size_t t = 0; t < j.trains.size(); ++t) {
      carried += j.trains[t].containers_arrived;
      EXPECT_EQ(j.trains[t].containers_arrived, on_train[static_cast<int>(t)]) << j.trains[t].id;
    }
    std::map<int, int> holds;
    int still_held = 0;
    for (const auto& hold : j.inspection_holds) {
      ++holds[hold.container];
      still_held += hold.boarded_h ? 0 : 1;
    }
    for (const auto& [container, n] : holds)
      EXPECT_EQ(n, 1) << "container " << container << " held twice at one node";
    int departed = 0;
    for (const auto& c : j.containers)
      departed += c.departed_h ? 1 : 0;
    return std::vector<double>{static_cast<double>(delivered), static_cast<double>(carried),
                               static_cast<double>(departed), static_cast<double>(still_held)};
  });
  EXPECT_EQ(counts[0], counts[1]);
  // Every box that left arrived, or is still held where no later train took it.
  EXPECT_EQ(counts[2], counts[0] + counts[3]);
}

TEST(Inspections, AShareOfZeroChangesNoArrival) {
  Scenario s = baseline();
  auto arrivals = [](const Scenario& scenario) {
    return in_child_process([&] {
      const Journal j = simulate(scenario);
      std::vector<double> out;
      for (const auto& c : j.containers)
        out.push_back(c.arrived_h ? *c.arrived_h : -1.0);
      out.push_back(static_cast<double>(j.inspection_holds.size()));
      return out;
    });
  };
  const auto without = arrivals(s);
  s.rail.inspections.push_back(hold_at_malaszewicze(0.0, 72.0));
  const auto with_zero = arrivals(s);
  EXPECT_EQ(with_zero.back(), 0.0);
  EXPECT_EQ(without, with_zero);
}
