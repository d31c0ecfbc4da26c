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
  std::string data;
  for (const auto& s : series) {
    data += fmt::format("# yard {}: time_days trains_queued trains_on_tracks\n", s.key);
    for (const auto& [t, v] : s.points)
      data += fmt::format("{:.4f} {} {}\n", t, v[0], v[1]);
    data += "\n\n";
  }
  files.data.push_back("yards.dat");
  write_text_file(dir / "yards.dat", data);

  const int panel_px = 200;
  std::string gp = gnuplot_preamble(id(), 1200, 60 + panel_px * static_cast<int>(series.size()));
  gp += fmt::format("set multiplot layout {},1\n", series.size());
  gp += "set key top right horizontal\nset yrange [0:*]\nset ytics 1\nset xrange [0:*]\n"
        "set style fill solid 0.35 noborder\n";
  for (std::size_t i = 0; i < series.size(); ++i) {
    gp += fmt::format("set title {} offset 0,-0.5\n", gnuplot_quote(series[i].key));
    gp += i + 1 == series.size() ? "set xlabel \"day of the run\"\n" : "unset xlabel\n";
    gp += "set ylabel \"trains\"\n";
    gp += fmt::format("plot \"yards.dat\" index {0} using 1:($2+$3) with fillsteps lc rgb \"{1}\" title \"in the yard "
                      "(queued + on tracks)\", \\\n"
                      "     \"yards.dat\" index {0} using 1:2 with steps lw 1.5 lc rgb \"{2}\" title \"queued for a "
                      "track\"\n",
                      i, kWestboundColour, "#c0392b");
  }
  gp += "unset multiplot\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "Trains at each gauge-change yard over the whole run: the filled area is every train in the yard, "
               "the red line those still waiting for a track or cranes.";
  return files;
}

} // namespace rongou::report
