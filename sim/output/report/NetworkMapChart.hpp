#pragma once
// The schematic map of a network run's lanes, crossings and yards (NetworkMapSvg.hpp), drawn
// by rongou from network.json; no gnuplot script.
#include "output/report/Chart.hpp"

namespace rongou::report {

class NetworkMapChart : public Chart {
public:
  std::string id() const override { return "network-map"; }
  std::string title() const override { return "Network map: lanes, crossings and yards"; }
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;
  bool applies_to(const RunData& run) const override {
    return run.network.has_value();
  }
};

} // namespace rongou::report
