#pragma once
// Rail against sea FEU by commodity class, with each class's rail share, for runs whose
// shippers choose (`choice:`). Data: summary.json choice.by_class.<class>.{rail,sea}.feu and
// rail_share.
#include "output/report/Chart.hpp"

namespace rongou::report {

class ChoiceChart : public SeveralRunsChart {
public:
  std::string id() const override { return "choice"; }
  std::string title() const override { return "Rail share by commodity class"; }
  ChartFiles write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
