// Closures of the Brest-Malaszewicze crossing on the 2021 network under `policy: reroute`,
// with a detour through Lithuania and the Sestokai yard: rerouted trains keep off the closed
// crossing, run the detoured route's km, lose no container, and lose fewer train-days than
// holding when the detour carries few trains; trains under way take the detour where it
// branches off. Each simulation runs in a child process (one SimGrid engine per process).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "results/ClosureMetrics.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

constexpr double kFromDay = 70.0;
constexpr double kDays = 20.0;

// The detour of the Rong-Ou trains only: the run to Lodz, which the other lanes through Brest
// do not end with, so the Kena crossing and the Sestokai yard see few trains.
DetourSpec lodz_detour() {
  DetourSpec d;
  d.name = "via-lithuania";
  d.key_path = "rail.detours.0";
  d.replaces = {"Minsk", "Brest", "Malaszewicze", "Warsaw", "Lodz"};
  d.by = {"Minsk", "Kena", "Vilnius", "Kaunas", "Sestokai", "Bialystok", "Warsaw", "Lodz"};
  return d;
}

Scenario network(ClosurePolicy policy) {
  Scenario s = load_scenario(source_path("scenarios/network-2021.yaml"));
  s.horizon_days = 182;
  s.rail.detours = {lodz_detour()};
  Disruption d;
  d.kind = DisruptionKind::Closure;
  d.path = "disruptions.0";
  d.segment = {"Brest", "Malaszewicze"};
  d.from_day = kFromDay;
  d.to_day = kFromDay + kDays;
  d.policy = policy;
  if (policy == ClosurePolicy::Reroute)
    d.detour = "via-lithuania";
  s.disruptions = {d};
  return s;
}

struct Outcome {
  int rerouted = 0;
  double train_days = 0.0;        // the closure's holds
  double extra_days = 0.0;        // the detours' extra nominal running
  int rerouted_at_closed = 0;     // server visits of rerouted trains at Brest or Malaszewicze
  int rerouted_km_mismatch = 0;   // rerouted whole trains whose km is not the detoured route's
  int lost = 0;                   // containers gated in before day 120 and not delivered
  int rerouted_under_way = 0;     // rerouted trains that had left their origin before the closure
  int past_branch_to_closed = 0;  // trains of a detoured run that left Minsk westbound in the window and reached Brest
};

Outcome run(const Scenario& s) {
  const std::vector<double> v = in_child_process([&] {
    const PreparedRun prepared = prepare_run(s);
    const Corridor& corridor = prepared.corridor;
    const Journal j = simulate(s);
    const DetourSpec detour = lodz_detour();
    const ClosureMetrics c = closure_metrics(s, j).at(0);
    Outcome o;
    o.rerouted = c.trains_rerouted;
    o.train_days = c.train_days;
    o.extra_days = c.rerouted_extra_days;
    std::set<int> rerouted;
    for (const auto& r : j.closure_reroutes)
      rerouted.insert(r.train);
    // Split parts of a rerouted train are on the detour too.
    for (std::size_t t = 0; t < j.trains.size(); ++t)
      if (j.trains[t].parent >= 0 && rerouted.count(j.trains[t].parent))
        rerouted.insert(static_cast<int>(t));
    for (const auto& visit : j.server_visits)
      if (rerouted.count(visit.train) && (visit.node_name() == "Brest" || visit.node_name() == "Malaszewicze"))
        ++o.rerouted_at_closed;
    for (const auto& r : j.closure_reroutes) {
      const TrainRecord& train = j.trains[static_cast<std::size_t>(r.train)];
      if (!train.arrived_h)
        continue;
      const auto service = std::find_if(s.rail.services.begin(), s.rail.services.end(),
                                        [&](const auto& x) { return x.name == train.service; });
      // The route as written with `by` in place of `replaces`, in the route's direction.
      std::vector<std::string> route = service->route;
      std::vector<std::string> replaces = detour.replaces;
      std::vector<std::string> by = detour.by;
      auto at = std::search(route.begin(), route.end(), replaces.begin(), replaces.end());
      if (at == route.end()) {
        std::reverse(replaces.begin(), replaces.end());
        std::reverse(by.begin(), by.end());
        at = std::search(route.begin(), route.end(), replaces.begin(), replaces.end());
      }
      const auto first = at - route.begin();
      route.erase(at, at + static_cast<std::ptrdiff_t>(replaces.size()));
      route.insert(route.begin() + first, by.begin(), by.end());
      if (std::abs(train.km - corridor.route_length_km(route)) > 1e-6)
        ++o.rerouted_km_mismatch;
    }
    for (const auto& container : j.containers)
      if (container.created_h < 120.0 * 24.0 && !container.arrived_h)
        ++o.lost;
    for (const auto& r : j.closure_reroutes) {
      const auto& departed = j.trains[static_cast<std::size_t>(r.train)].departed_h;
      if (departed && *departed < kFromDay * 24.0 - 1e-9)
        ++o.rerouted_under_way;
    }
    // A westbound train of a service whose route runs the detour's whole run, leaving Minsk
    // (the branch) while the closure is in force, must be on the detour: it never reaches Brest.
    std::set<std::string> detoured_services;
    for (const auto& svc : s.rail.services)
      if (svc.direction == Direction::Westbound &&
          std::search(svc.route.begin(), svc.route.end(), detour.replaces.begin(), detour.replaces.end()) != svc.route.end())
        detoured_services.insert(svc.name);
    std::set<int> left_minsk_in_window;
    for (const auto& e : j.events)
      if (e.kind == TrainEventKind::Depart && e.node_name() == "Minsk" && e.time_h >= kFromDay * 24.0 &&
          e.time_h < (kFromDay + kDays) * 24.0 && detoured_services.count(j.trains[static_cast<std::size_t>(e.train)].service))
        left_minsk_in_window.insert(e.train);
    for (const auto& visit : j.server_visits)
      if (left_minsk_in_window.count(visit.train) && visit.node_name() == "Brest")
        ++o.past_branch_to_closed;
    return std::vector<double>{double(o.rerouted),         o.train_days,       o.extra_days,
                               double(o.rerouted_at_closed), double(o.rerouted_km_mismatch), double(o.lost),
                               double(o.rerouted_under_way), double(o.past_branch_to_closed)};
  });
  Outcome o;
  o.rerouted = static_cast<int>(v.at(0));
  o.train_days = v.at(1);
  o.extra_days = v.at(2);
  o.rerouted_at_closed = static_cast<int>(v.at(3));
  o.rerouted_km_mismatch = static_cast<int>(v.at(4));
  o.lost = static_cast<int>(v.at(5));
  o.rerouted_under_way = static_cast<int>(v.at(6));
  o.past_branch_to_closed = static_cast<int>(v.at(7));
  return o;
}

} // namespace

TEST(Reroutes, ReroutedTrainsKeepOffTheClosedCrossingAndRunTheDetouredKm) {
  const Outcome o = run(network(ClosurePolicy::Reroute));
  ASSERT_GT(o.rerouted, 0);
  EXPECT_EQ(o.rerouted_at_closed, 0);
  EXPECT_EQ(o.rerouted_km_mismatch, 0);
  EXPECT_GT(o.extra_days, 0.0); // the detour is longer
  EXPECT_EQ(o.lost, 0);
}

TEST(Reroutes, TrainsUnderWayTakeTheDetourAtItsBranch) {
  const Outcome o = run(network(ClosurePolicy::Reroute));
  // Trains between their origin and Minsk when the closure begins (a week and more of running).
  EXPECT_GT(o.rerouted_under_way, 0);
  EXPECT_EQ(o.past_branch_to_closed, 0);
}

TEST(Reroutes, ReroutingLosesFewerTrainDaysThanHoldingWhenTheDetourIsFree) {
  const Outcome hold = run(network(ClosurePolicy::Hold));
  const Outcome reroute = run(network(ClosurePolicy::Reroute));
  EXPECT_EQ(hold.rerouted, 0);
  ASSERT_GT(reroute.rerouted, 0);
  // Held days plus the detours' extra running: what rerouting costs against what holding does.
  EXPECT_LT(reroute.train_days + reroute.extra_days, hold.train_days);
}
