#pragma once
// Empty boxes at each terminal over the run (with `boxes:`). Data: boxes.csv.
#include "output/report/Chart.hpp"

namespace rongou::report {

class BoxStockChart : public Chart {
public:
  std::string id() const override { return "boxes"; }
  std::string title() const override { return "Empty boxes at the terminals"; }
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;
  // Only runs that simulate boxes write boxes.csv.
  bool applies_to(const RunData& run) const override { return !run.boxes.empty(); }
};

} // namespace rongou::report
