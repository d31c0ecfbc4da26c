#pragma once
// The westbound market's routes side by side (`choice.routes`): door-to-door days, mean and
// p95, of what each rail route and sea carried, with each route's share, cost and CO2e in the
// note. Data: summary.json routes.<name>.
#include "output/report/Chart.hpp"

namespace rongou::report {

class RoutesChart : public SeveralRunsChart {
public:
  std::string id() const override { return "routes"; }
  std::string title() const override { return "Routes side by side: door-to-door days"; }
  ChartFiles write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
