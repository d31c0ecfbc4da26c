#pragma once
// Where each wagon fleet's wagons were over the run (with `rail.wagons`): at either end of
// its section and in empty wagon trains between them. Data: wagons.csv.
#include "output/report/Chart.hpp"

namespace rongou::report {

class WagonFleetChart : public Chart {
public:
  std::string id() const override { return "wagons"; }
  std::string title() const override { return "Wagons at each end, per wagon fleet"; }
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;
  // Only runs with wagon fleets write wagons.csv.
  bool applies_to(const RunData& run) const override { return !run.wagons.empty(); }
};

} // namespace rongou::report
