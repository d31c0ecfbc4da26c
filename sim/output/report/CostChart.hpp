#pragma once
// Cost per FEU by component, rail against sea, with the breakeven cargo value. Data:
// summary.json modes.<mode>.cost_usd_per_feu and comparison.breakeven_cargo_value_usd.
#include "output/report/Chart.hpp"

namespace rongou::report {

class CostChart : public Chart {
public:
  std::string id() const override { return "cost"; }
  std::string title() const override { return "Cost per FEU by component, rail against sea"; }
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;
  bool draws_several_runs() const override { return true; }
  ChartFiles write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
