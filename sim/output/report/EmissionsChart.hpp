#pragma once
// Well-to-wheel CO2e per FEU, rail against sea, stacked by kind of transport chain element
// (docs/emissions.md). Data: summary.json emissions.<mode>.legs.
#include "output/report/Chart.hpp"

namespace rongou::report {

class EmissionsChart : public SeveralRunsChart {
public:
  std::string id() const override { return "emissions"; }
  std::string title() const override { return "CO2e per FEU by leg, well-to-wheel, rail against sea"; }
  ChartFiles write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
