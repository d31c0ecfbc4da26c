#pragma once
// The rail side of a run: timetable dispatchers, trains, locomotive pools and
// gauge-change yards on the corridor, all recording into the journal.
#include <map>
#include <memory>
#include <vector>

#include "corridor/Corridor.hpp"
#include "demand/ContainerDemand.hpp"
#include "journal/Journal.hpp"
#include "rail/DisruptionPlan.hpp"
#include "rail/GaugeChangeYard.hpp"
#include "rail/LocomotivePool.hpp"
#include "rail/RoutePlan.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

class RailModel {
public:
  RailModel(const Scenario& scenario, const Corridor& corridor, std::vector<RoutePlan> plans, Journal& journal,
            DisruptionPlan disruptions = {});

  // Creates the actors; the engine runs them.
  void start();

  // Used by trains.
  const Scenario& scenario() const { return scenario_; }
  const RoutePlan& plan(std::size_t service) const { return plans_[service]; }
  LocomotivePool& pool(int index) { return *pools_[static_cast<std::size_t>(index)]; }
  GaugeChangeYard& yard(const std::string& node) { return *yards_.at(node); }
  Journal& journal() { return journal_; }
  const DisruptionPlan& disruptions() const { return disruptions_; }
  // A new train unit, recorded in the journal; returns its index.
  int register_train(TrainRecord record);

private:
  void dispatch(std::size_t service);

  const Scenario& scenario_;
  const Corridor& corridor_;
  std::vector<RoutePlan> plans_;
  Journal& journal_;
  DisruptionPlan disruptions_;
  std::vector<std::unique_ptr<LocomotivePool>> pools_;
  std::map<std::string, std::unique_ptr<GaugeChangeYard>> yards_;
  std::map<Direction, std::vector<double>> gate_in_h_; // by container id
  std::map<Direction, OriginQueue> origin_queues_;
  std::vector<double> all_gate_in_h_;
};

} // namespace rongou
