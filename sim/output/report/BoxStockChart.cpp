#include "output/report/BoxStockChart.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "output/report/TimeSeries.hpp"

namespace rongou::report {

ChartFiles BoxStockChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  const double end_h = run.summary.value("horizon_days", 0.0) * 24.0;
  const auto series = group_step_series(run.boxes, "terminal", {"empty", "waiting"}, end_h);
  if (series.empty()) {
    files.note = "No box figures: boxes.csv has no rows.";
    return files;
  }
  const double end_days = end_h / 24.0;
  std::string data;
  for (const auto& s : series) {
    data += fmt::format("# terminal {}: day mean_empty min_empty max_waiting\n", gnuplot_data_comment(s.key));
    const double initial = s.points.empty() ? 0.0 : s.points.front().second.at(0);
    const auto empty = daily_profile(s, 0, end_days, initial);
    const auto waiting = daily_profile(s, 1, end_days, 0.0);
    for (std::size_t d = 0; d < empty.size(); ++d)
      data += fmt::format("{} {:.3f} {} {}\n", empty[d].day, empty[d].mean, empty[d].min, waiting[d].max);
    data += "\n\n";
  }
  files.data.push_back("boxes.dat");
  write_text_file(dir / "boxes.dat", data);

  const int panel_px = 150;
  std::string gp = daily_panels_preamble(id(), panel_px, series.size(), end_days);
  gp += "set ylabel \"FEU\"\nset yrange [0:*]\n";
  for (std::size_t i = 0; i < series.size(); ++i) {
    gp += fmt::format("set title {} offset 0,-0.5\n", gnuplot_string(series[i].key));
    gp += daily_panel_xlabel(i, series.size());
    gp += fmt::format("plot \"boxes.dat\" index {0} using ($1+0.5):2 with boxes lc rgb \"{1}\" title \"empty, daily "
                      "mean\", \\\n"
                      "     \"boxes.dat\" index {0} using 1:3 with steps lw 1.5 lc rgb \"{2}\" title \"fewest empty in "
                      "the day\", \\\n"
                      "     \"boxes.dat\" index {0} using 1:4 with steps lw 1.5 lc rgb \"{3}\" title \"most containers "
                      "waiting for a box\"\n",
                      i, kSeaColour, kWestboundColour, "#c0392b");
  }
  gp += "unset multiplot\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "Per day of the run, at each terminal: empty boxes in stock (time-weighted mean, filled), the fewest "
               "at any moment of the day (blue), and the most containers waiting for a box (red); a container "
               "waits when the stock is at 0. boxes.csv has every change.";
  return files;
}

} // namespace rongou::report
