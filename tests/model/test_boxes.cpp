// Boxes (`boxes:`): every box is always somewhere, a shorter stock means longer waits, and a
// terminal with nothing coming back but loads waits for those loads. Each simulation runs in
// a child process (one SimGrid engine per process).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "results/BoxMetrics.hpp"
#include "results/RailMetrics.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

Scenario box_shortage(const std::vector<std::string>& overrides = {}) {
  return load_scenario(source_path("scenarios/box-shortage.yaml"), overrides);
}

int boxes_in(const BoxSample& b) { return b.empty + b.loaded_out + b.inbound_loaded + b.turning + b.inbound_empty; }

// {failures, containers that waited for a box, empties sent by rail, empties on split parts}.
std::vector<double> box_account_failures(const std::vector<std::string>& overrides) {
  return in_child_process([&] {
    const Scenario s = box_shortage(overrides);
    const Journal j = simulate(s);
    double failures = 0;
    int start = 0;
    for (const auto& t : j.box_terminals)
      start += t.start_stock;
    // After every instant's changes: start stocks + leased - off-hired = boxes somewhere.
    std::map<int, BoxSample> latest;
    for (std::size_t i = 0; i < j.box_samples.size(); ++i) {
      latest[j.box_samples[i].terminal] = j.box_samples[i];
      if (i + 1 < j.box_samples.size() && j.box_samples[i + 1].time_h == j.box_samples[i].time_h)
        continue;
      int held = 0, leased = 0, off_hired = 0;
      for (const auto& [_, b] : latest) {
        held += boxes_in(b);
        leased += b.leased;
        off_hired += b.off_hired;
        if (b.empty < 0 || b.loaded_out < 0 || b.inbound_loaded < 0 || b.turning < 0 || b.inbound_empty < 0)
          ++failures;
      }
      if (start + leased - off_hired != held)
        ++failures;
    }
    // At the end nothing is on a train, and every box left is at a terminal, or loaded and
    // held for inspection on its way where no later train took it (rail.inspections).
    int still_held = 0;
    for (const auto& hold : j.inspection_holds)
      still_held += hold.boarded_h ? 0 : 1;
    int inbound_loaded = 0;
    for (const auto& [_, b] : latest) {
      inbound_loaded += b.inbound_loaded;
      if (b.inbound_empty != 0)
        ++failures;
    }
    if (inbound_loaded != still_held)
      ++failures;
    // No container leaves before it has a box; its box wait and departure wait add up.
    int waited = 0;
    for (const auto& c : j.containers) {
      if (!c.departed_h)
        continue;
      if (*c.departed_h + 1e-9 < c.created_h + c.waits.box)
        ++failures;
      waited += c.waits.box > 0.0;
    }
    // Empties counted by trains are the ones the terminals sent.
    int sent = 0, carried = 0, on_parts = 0;
    for (const auto& [_, b] : latest)
      sent += b.sent_empty;
    for (const auto& t : j.trains)
      (t.parent < 0 ? carried : on_parts) += t.empty_feu;
    if (sent != carried)
      ++failures;
    return std::vector<double>{failures, static_cast<double>(waited), static_cast<double>(sent),
                               static_cast<double>(on_parts)};
  });
}

} // namespace

TEST(Boxes, EveryBoxIsAlwaysSomewhere) {
  const auto failures = box_account_failures({});
  EXPECT_EQ(failures[0], 0.0);
  EXPECT_GT(failures[1], 0.0) << "the scenario is about a shortage: some container waits for a box";
  EXPECT_GT(failures[2], 0.0) << "empties go back by rail";
}

TEST(Boxes, EmptiesOnTrainsSplitAtAGaugeChangeAreStillCounted) {
  // 50-FEU westbound trains split into Poland's 41; a large Chengdu stock sends empties west.
  const auto failures = box_account_failures({"rail.services.0.max_feu=50", "boxes.stocks.Chengdu=3000"});
  EXPECT_EQ(failures[0], 0.0);
  EXPECT_GT(failures[3], 0.0) << "some split parts carry empties";
}

TEST(Boxes, FewerBoxesAtTheOriginLengthenTheBoxWait) {
  // Under load (no lessor, so nothing makes up for a short stock), each smaller Chengdu stock
  // strictly lengthens the westbound wait for a box.
  double previous = -1.0;
  for (const char* stock : {"600", "300", "150", "50"}) {
    const auto wait = in_child_process([&] {
      Scenario s = box_shortage({std::string("boxes.stocks.Chengdu=") + stock});
      s.boxes->lessor.reset();
      const Journal j = simulate(s);
      const auto m = compute_rail_metrics(s, j);
      return std::vector<double>{m.by_direction.at(Direction::Westbound).mean_waits.box};
    });
    EXPECT_GT(wait[0], previous) << "Chengdu stock " << stock;
    previous = wait[0];
  }
  EXPECT_GT(previous, 24.0) << "50 boxes for 230 loads a week is a real shortage";
}

TEST(Boxes, WithoutLessorOrEmptiesTheOriginWaitsForReturningLoads) {
  const auto out = in_child_process([] {
    Scenario s = box_shortage({"boxes.reposition=none", "boxes.stocks.Chengdu=100", "boxes.stocks.Lodz=0"});
    s.boxes->lessor.reset();
    const Journal j = simulate(s);
    const auto m = compute_box_metrics(s, j);
    double failures = 0;
    // A box comes free at Chengdu only when an eastbound load that arrived there has turned.
    std::multiset<double> turned;
    for (const auto& c : j.containers)
      if (c.direction == Direction::Eastbound && c.arrived_h)
        turned.insert(*c.arrived_h + s.boxes->turn_hours);
    int waited = 0;
    for (const auto& c : j.containers) {
      if (c.direction != Direction::Westbound || c.waits.box <= 0.0)
        continue;
      ++waited;
      const double at = c.created_h + c.waits.box;
      const auto it = turned.lower_bound(at - 1e-6);
      if (it == turned.end() || *it > at + 1e-6)
        ++failures;
    }
    const auto& chengdu = m.terminals.at(0).node == "Chengdu" ? m.terminals.at(0) : m.terminals.at(1);
    return std::vector<double>{failures, static_cast<double>(waited), static_cast<double>(chengdu.min),
                               static_cast<double>(chengdu.leased + chengdu.sent_by_rail + chengdu.received_by_rail),
                               chengdu.mean_box_wait_h};
  });
  EXPECT_EQ(out[0], 0.0) << "every box a waiting container got was a returned eastbound load";
  EXPECT_GT(out[1], 0.0);
  EXPECT_EQ(out[2], 0.0) << "Chengdu runs dry";
  EXPECT_EQ(out[3], 0.0) << "nothing leased, nothing moved empty";
  EXPECT_GT(out[4], 24.0 * 7) << "westbound loads (230 a week) outrun eastbound returns (120 a week)";
}
