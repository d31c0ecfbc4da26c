#pragma once
// One bar per border crossing and gauge-change yard of a network run: utilisation in % over
// the measured window, with its 95 % interval across replications. Data: summary.json
// crossings.<node> and yards.<node>.
#include "output/report/Chart.hpp"

namespace rongou::report {

class CrossingUtilisationChart : public Chart {
public:
  std::string id() const override { return "crossings"; }
  std::string title() const override { return "Crossing and yard utilisation"; }
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;
  bool applies_to(const RunData& run) const override {
    return run.network.has_value() || json_at(run.summary, {"crossings"}).is_object() ||
           json_at(run.summary, {"yards"}).is_object() || json_at(run.summary, {"tracks"}).is_object();
  }
};

} // namespace rongou::report
