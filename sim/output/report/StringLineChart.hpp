#pragma once
// Time-distance (string-line) diagram: every train unit as a line of km from Chengdu against
// days, for a window of weeks; stations on the left axis, breaks of gauge and borders as
// labelled horizontal lines. Data: events.csv placed with routes.csv.
#include "output/report/Chart.hpp"

namespace rongou::report {

class StringLineChart : public Chart {
public:
  StringLineChart(int first_week, int last_week) : first_week_(first_week), last_week_(last_week) {}
  std::string id() const override { return "string_line"; }
  std::string title() const override;
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;

private:
  int first_week_;
  int last_week_;
};

} // namespace rongou::report
