#pragma once
// Door-to-door transit time distributions: rail by direction, and sea when the run has
// sea.csv (its gate_in_h and transit_days columns). Containers gated in during the warm-up
// or after the horizon are left out, as in summary.json. Data: containers.csv, sea.csv, and
// the means' 95 % intervals from summary.json with replications.
#include "output/report/Chart.hpp"

namespace rongou::report {

class TransitDistributionChart : public SeveralRunsChart {
public:
  std::string id() const override { return "transit"; }
  std::string title() const override { return "Door-to-door transit time, rail against sea"; }
  ChartFiles write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
