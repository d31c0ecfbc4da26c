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
  std::string data;
  for (const auto& s : series) {
    data += fmt::format("# pool {} ({} locomotives): time_days available hauling returning\n", s.key, s.size);
    for (const auto& [t, v] : s.points)
      data += fmt::format("{:.4f} {} {} {}\n", t, v[0], v[1], v[2]);
    data += "\n\n";
  }
  files.data.push_back("locomotives.dat");
  write_text_file(dir / "locomotives.dat", data);

  const int panel_px = 150;
  std::string gp = gnuplot_preamble(id(), 1200, 60 + panel_px * static_cast<int>(series.size()));
  gp += fmt::format("set multiplot layout {},1\n", series.size());
  gp += "set key top right horizontal\nset xrange [0:*]\nset style fill solid 0.35 noborder\nset ylabel \"locos\"\n";
  for (std::size_t i = 0; i < series.size(); ++i) {
    gp += fmt::format("set title {} offset 0,-0.5\n",
                      gnuplot_quote(fmt::format("{} ({} locomotives)", series[i].key, series[i].size)));
    gp += fmt::format("set yrange [0:{}]\nset ytics {}\n", series[i].size + 0.5,
                      series[i].size > 6 ? 2 : 1);
    gp += i + 1 == series.size() ? "set xlabel \"day of the run\"\n" : "unset xlabel\n";
    gp += fmt::format("plot \"locomotives.dat\" index {0} using 1:2 with fillsteps lc rgb \"{1}\" title \"available\", "
                      "\\\n"
                      "     \"locomotives.dat\" index {0} using 1:3 with steps lw 1 lc rgb \"{2}\" title \"hauling\"\n",
                      i, kSeaColour, kEastboundColour);
  }
  gp += "unset multiplot\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "Available: ready at the section's depot. Locomotives neither available nor hauling are on their "
               "turnaround.";
  return files;
}

} // namespace rongou::report
