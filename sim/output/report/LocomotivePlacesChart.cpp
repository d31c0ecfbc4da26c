#include "output/report/LocomotivePlacesChart.hpp"

#include <fmt/format.h>

#include "output/report/TimeSeries.hpp"

namespace rongou::report {

namespace {

// The names of a pool's two ends, from its first row in pools.csv.
std::pair<std::string, std::string> pool_ends(const CsvTable& pools, const std::string& pool) {
  const std::size_t key = pools.column("pool");
  for (std::size_t r = 0; r < pools.rows(); ++r)
    if (pools.cell(r, key) == pool)
      return {pools.cell(r, pools.column("first_end")), pools.cell(r, pools.column("second_end"))};
  return {"first end", "second end"};
}

} // namespace

ChartFiles LocomotivePlacesChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  const double end_h = run.summary.value("horizon_days", 0.0) * 24.0;
  if (!run.pools.empty() && !run.pools.has("at_first_end")) {
    files.note = "No locomotive places: this run's pools.csv is from a version that did not record where locomotives "
                 "were.";
    return files;
  }
  const auto series =
      group_step_series(run.pools, "pool", {"at_first_end", "at_second_end", "running_light", "hauling"}, end_h);
  if (series.empty()) {
    files.note = "No locomotive figures: this run has no pools.csv.";
    return files;
  }
  const double end_days = end_h / 24.0;
  std::string data;
  std::vector<std::pair<std::string, std::string>> ends;
  for (const auto& s : series) {
    ends.push_back(pool_ends(run.pools, s.key));
    data += fmt::format("# pool {} ({} locomotives): day mean_at_{} mean_at_{} mean_running_light fewest_at_{} "
                        "fewest_at_{}\n",
                        gnuplot_data_comment(s.key), s.size, gnuplot_data_comment(ends.back().first),
                        gnuplot_data_comment(ends.back().second), gnuplot_data_comment(ends.back().first),
                        gnuplot_data_comment(ends.back().second));
    const auto first = daily_profile(s, 0, end_days, 0.0);
    const auto second = daily_profile(s, 1, end_days, 0.0);
    const auto light = daily_profile(s, 2, end_days, 0.0);
    for (std::size_t d = 0; d < first.size(); ++d)
      data += fmt::format("{} {:.3f} {:.3f} {:.3f} {} {}\n", first[d].day, first[d].mean, second[d].mean,
                          light[d].mean, first[d].min, second[d].min);
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
    gp += fmt::format("set yrange [0:{}]\nset ytics {}\n", series[i].size + 0.5, series[i].size > 6 ? 2 : 1);
    gp += daily_panel_xlabel(i, series.size());
    gp += fmt::format("plot \"locomotives.dat\" index {0} using 1:2 with steps lw 1.5 lc rgb \"{1}\" title {3}, \\\n"
                      "     \"locomotives.dat\" index {0} using 1:3 with steps lw 1.5 lc rgb \"{2}\" title {4}, \\\n"
                      "     \"locomotives.dat\" index {0} using ($1+0.5):4 with boxes lc rgb \"#999999\" title "
                      "\"running light\"\n",
                      i, kSeaColour, "#c0392b", gnuplot_string("at " + ends[i].first),
                      gnuplot_string("at " + ends[i].second));
  }
  gp += "unset multiplot\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "Per day of the run, the time-weighted mean number of locomotives at each end of the section (standing "
               "or being serviced; lines) and running light between them (grey). A train finding none at its end "
               "waits for one to be given back there or to run light to it. pools.csv has every change, "
               "light_runs.csv every light run.";
  return files;
}

} // namespace rongou::report
