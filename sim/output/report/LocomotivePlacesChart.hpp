#pragma once
// Where each traction section's locomotives were over the run: at either end (standing or
// being serviced) and running light between them. Data: pools.csv.
#include "output/report/Chart.hpp"

namespace rongou::report {

class LocomotivePlacesChart : public Chart {
public:
  std::string id() const override { return "locomotives"; }
  std::string title() const override { return "Locomotives at each depot, per traction section"; }
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
