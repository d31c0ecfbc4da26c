#pragma once
// Where containers spend their time, by cause, per direction: hours per delivered
// container. Data: summary.json rail.directions.<direction>.waits_hours and
// running_nominal_hours (rail.waits_hours when there are no directions).
#include "output/report/Chart.hpp"

namespace rongou::report {

class WaitsByCauseChart : public SeveralRunsChart {
public:
  std::string id() const override { return "waits"; }
  std::string title() const override { return "Where containers spend their time, by cause"; }
  ChartFiles write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
