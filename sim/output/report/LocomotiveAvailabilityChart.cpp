#include "output/report/LocomotiveAvailabilityChart.hpp"

#include <fmt/format.h>

#include "output/report/TimeSeries.hpp"

namespace rongou::report {

ChartFiles LocomotiveAvailabilityChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  const double end_h = run.summary.value("horizon_days", 0.0) * 24.0;
  const auto series = group_step_series(run.pools, "pool", {"available", "hauling", "returning"}, end_h);
  if (series.empty()) {
    files.note = "No locomotive figures: this run has no pools.csv.";
    return files;
  }
  const double end_days = end_h / 24.0;
  std::string data;
  for (const auto& s : series) {
    data += fmt::format("# pool {} ({} locomotives): day mean_available min_available max_hauling\n", gnuplot_data_comment(s.key), s.size);
    const auto available = daily_profile(s, 0, end_days, s.size);
    const auto hauling = daily_profile(s, 1, end_days, 0.0);
    for (std::size_t d = 0; d < available.size(); ++d)
      data += fmt::format("{} {:.3f} {} {}\n", available[d].day, available[d].mean, available[d].min, hauling[d].max);
    data += "\n\n";
  }
  files.data.push_back("locomotives.dat");
  write_text_file(dir / "locomotives.dat", data);

  const int panel_px = 150;
  std::string gp = daily_panels_preamble(id(), panel_px, series.size(), end_days);
  gp += "set ylabel \"locos\"\n";
  for (std::size_t i = 0; i < series.size(); ++i) {
    gp += fmt::format("set title {} offset 0,-0.5\n",
                      gnuplot_string(fmt::format("{} ({} locomotives)", series[i].key, series[i].size)));
    gp += fmt::format("set yrange [0:{}]\nset ytics {}\n", series[i].size + 0.5,
                      series[i].size > 6 ? 2 : 1);
    gp += daily_panel_xlabel(i, series.size());
    gp += fmt::format("plot \"locomotives.dat\" index {0} using ($1+0.5):2 with boxes lc rgb \"{1}\" title \"available, "
                      "daily mean\", \\\n"
                      "     \"locomotives.dat\" index {0} using 1:3 with steps lw 1.5 lc rgb \"{2}\" title \"fewest "
                      "available in the day\"\n",
                      i, kSeaColour, "#c0392b");
  }
  gp += "unset multiplot\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "Per day of the run: locomotives ready at the section's depot (time-weighted mean, filled) and the "
               "fewest ready at any moment of the day (red); at 0, trains wait for a locomotive. pools.csv has every "
               "change.";
  return files;
}

} // namespace rongou::report
