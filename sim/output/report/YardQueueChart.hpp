#pragma once
// Trains queued for, and being handled at, each gauge-change yard over the run. Data: yards.csv.
#include "output/report/Chart.hpp"

namespace rongou::report {

class YardQueueChart : public Chart {
public:
  std::string id() const override { return "yards"; }
  std::string title() const override { return "Queues at the gauge-change yards"; }
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;
};

} // namespace rongou::report
