#pragma once
// Trains and FEU dispatched each week per direction, warm-up weeks shaded. Data: weekly.csv.
#include "output/report/Chart.hpp"

namespace rongou::report {

class WeeklyServicesChart : public Chart {
public:
  std::string id() const override { return "weekly"; }
  std::string title() const override { return "Weekly services and FEU per direction"; }
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;
  bool draws_several_runs() const override { return true; }
  ChartFiles write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
