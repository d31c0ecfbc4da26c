#include "output/report/YardQueueChart.hpp"

#include <fmt/format.h>

#include "output/report/TimeSeries.hpp"

namespace rongou::report {

ChartFiles YardQueueChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  const double end_h = run.summary.value("horizon_days", 0.0) * 24.0;
  const auto series = group_step_series(run.yards, "yard", {"trains_queued", "trains_on_tracks"}, end_h);
  if (series.empty()) {
    files.note = "No yard queues: this run has no yards.csv, or no train changed gauge.";
    return files;
  }
  const double end_days = end_h / 24.0;
  std::string data;
  for (const auto& s : series) {
    data += fmt::format("# yard {}: day max_trains_in_yard mean_trains_in_yard max_trains_queued\n", gnuplot_data_comment(s.key));
    // Trains in the yard = queued + on tracks, as one step series.
    StepSeries in_yard{s.key, 0.0, {}};
    for (const auto& [t, v] : s.points)
      in_yard.points.emplace_back(t, std::vector<double>{v[0] + v[1]});
    const auto total = daily_profile(in_yard, 0, end_days, 0.0);
    const auto queued = daily_profile(s, 0, end_days, 0.0);
    for (std::size_t d = 0; d < total.size(); ++d)
      data += fmt::format("{} {} {:.3f} {}\n", total[d].day, total[d].max, total[d].mean, queued[d].max);
    data += "\n\n";
  }
  files.data.push_back("yards.dat");
  write_text_file(dir / "yards.dat", data);

  const int panel_px = 200;
  std::string gp = daily_panels_preamble(id(), panel_px, series.size(), end_days);
  gp += "set yrange [0:*]\nset ytics 1\n";
  for (std::size_t i = 0; i < series.size(); ++i) {
    gp += fmt::format("set title {} offset 0,-0.5\n", gnuplot_string(series[i].key));
    gp += daily_panel_xlabel(i, series.size());
    gp += "set ylabel \"trains\"\n";
    gp += fmt::format("plot \"yards.dat\" index {0} using ($1+0.5):2 with boxes lc rgb \"{1}\" title \"most trains in "
                      "the yard\", \\\n"
                      "     \"yards.dat\" index {0} using 1:3 with steps lw 1 lc rgb \"{1}\" title \"mean\", \\\n"
                      "     \"yards.dat\" index {0} using 1:4 with steps lw 1.5 lc rgb \"{2}\" title \"most queued "
                      "for a track\"\n",
                      i, kWestboundColour, "#c0392b");
  }
  gp += "unset multiplot\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "Per day of the run: the most trains at each gauge-change yard at once (filled), their "
               "time-weighted mean, and the most still waiting for a track or cranes (red). yards.csv has every change.";
  return files;
}

} // namespace rongou::report
