#pragma once
// Door-to-door transit time distributions: rail by direction, and sea when the run has
// sea.csv (container,arrived_h,transit_days). Containers gated in during the warm-up are left
// out, as in summary.json. Data: containers.csv and sea.csv.
#include "output/report/Chart.hpp"

namespace rongou::report {

class TransitDistributionChart : public Chart {
public:
  std::string id() const override { return "transit"; }
  std::string title() const override { return "Door-to-door transit time, rail against sea"; }
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
