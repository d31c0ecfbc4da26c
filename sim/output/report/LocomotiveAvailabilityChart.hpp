#pragma once
// Locomotives available in each traction-section pool over the run. Data: pools.csv.
#include "output/report/Chart.hpp"

namespace rongou::report {

class LocomotiveAvailabilityChart : public Chart {
public:
  std::string id() const override { return "locomotives"; }
  std::string title() const override { return "Locomotives available per traction section"; }
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
