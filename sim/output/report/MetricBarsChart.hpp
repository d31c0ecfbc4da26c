#pragma once
// One statistic across the folders of a comparison or the points of a sweep's category axis:
// a bar per folder with its 95 % whisker where there is one. Its figure is given whole at
// construction (it reads no run), so `write` ignores the run it is handed.
#include <optional>
#include <string>
#include <vector>

#include "output/report/Chart.hpp"

namespace rongou::report {

struct Bar {
  std::string label;
  std::optional<double> value;  // nullopt: the folder has no such statistic (no bar, label kept)
  std::optional<double> half_width; // of the 95 % interval
};

class MetricBarsChart : public Chart {
public:
  MetricBarsChart(std::string id, std::string title, std::string y_label, std::vector<Bar> bars)
      : id_(std::move(id)), title_(std::move(title)), y_label_(std::move(y_label)), bars_(std::move(bars)) {}
  std::string id() const override { return id_; }
  std::string title() const override { return title_; }
  ChartFiles write(const RunData&, const std::filesystem::path& dir) const override { return draw(dir); }
  ChartFiles draw(const std::filesystem::path& dir) const;

private:
  std::string id_, title_, y_label_;
  std::vector<Bar> bars_;
};

} // namespace rongou::report
