#pragma once
// The paired run without subsidy (choice.counterfactual: no-subsidy): the same scenario and
// seeds with every rail subsidy of the focus lane removed, simulated in a worker process of
// its own (one SimGrid engine per process), so that the run can say what its subsidy bought.
// Call it before the calling process simulates anything.
#include <filesystem>
#include <optional>

#include "results/RunResults.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// When the scenario asks for the counterfactual: simulates it and sets results.choice->subsidy,
// and results.choice_eastbound->subsidy when eastbound shippers choose too (`results` computed
// from the run with subsidy). Otherwise does nothing. `scratch` is a
// folder for the worker's answer (it is removed again).
class NoSubsidyCounterfactual {
public:
  // Runs the counterfactual now, if asked for.
  NoSubsidyCounterfactual(const Scenario& scenario, const std::filesystem::path& scratch);
  void apply(RunResults& results) const;

private:
  bool ran_ = false;
  ChoiceMetrics without_;
  std::optional<ChoiceMetrics> without_eastbound_; // when eastbound shippers choose
};

} // namespace rongou
