#pragma once
// Cost per FEU by component, rail against sea, with the breakeven cargo value. Data:
// summary.json modes.<mode>.cost_usd_per_feu and comparison.breakeven_cargo_value_usd.
#include "output/report/Chart.hpp"

namespace rongou::report {

class CostChart : public SeveralRunsChart {
public:
  std::string id() const override { return "cost"; }
  std::string title() const override { return "Cost per FEU by component, rail against sea"; }
  ChartFiles write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
