#pragma once
// Trains and FEU dispatched each week per direction, warm-up weeks shaded. Data: weekly.csv.
#include "output/report/Chart.hpp"

namespace rongou::report {

class WeeklyServicesChart : public SeveralRunsChart {
public:
  std::string id() const override { return "weekly"; }
  std::string title() const override { return "Weekly services and FEU per direction"; }
  ChartFiles write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
