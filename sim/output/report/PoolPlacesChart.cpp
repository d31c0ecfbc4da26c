#include "output/report/PoolPlacesChart.hpp"

#include <fmt/format.h>

#include "output/report/TimeSeries.hpp"

namespace rongou::report {

namespace {

// What differs between the locomotive and the crew chart: the file, its columns, the words.
struct Words {
  const char* key;    // the column naming the pool
  const char* moving; // the column counting those moving without a train
  const char* busy;   // the column counting those with a train
  const char* units;  // plural noun
  const char* axis;
  const char* moving_label;
  const char* data_file;
  const char* csv;
};

Words words(PoolPlacesChart::Units units) {
  if (units == PoolPlacesChart::Units::Crews)
    return {"district", "riding_back", "on_trains", "crews", "crews", "riding back", "crews.dat", "crews.csv"};
  return {"pool", "running_light", "hauling", "locomotives", "locos", "running light", "locomotives.dat", "pools.csv"};
}

// The names of a pool's two ends, from its first row.
std::pair<std::string, std::string> pool_ends(const CsvTable& pools, const char* key_column, const std::string& pool) {
  const std::size_t key = pools.column(key_column);
  for (std::size_t r = 0; r < pools.rows(); ++r)
    if (pools.cell(r, key) == pool)
      return {std::string(pools.cell(r, pools.column("first_end"))), std::string(pools.cell(r, pools.column("second_end")))};
  return {"first end", "second end"};
}

} // namespace

ChartFiles PoolPlacesChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  const Words w = words(units_);
  const CsvTable& table = units_ == Units::Crews ? run.crews : run.pools;
  const double end_h = run.summary.value("horizon_days", 0.0) * 24.0;
  if (units_ == Units::Crews && table.empty()) {
    files.note = "No crew figures: this run has no crew districts (rail.crews), so no crews.csv.";
    return files;
  }
  if (!table.empty() && !table.has("at_first_end")) {
    files.note = fmt::format("No {} places: this run's {} is from a version that did not record where they were.",
                             w.units, w.csv);
    return files;
  }
  const auto series = group_step_series(table, w.key, {"at_first_end", "at_second_end", w.moving, w.busy}, end_h);
  if (series.empty()) {
    files.note = fmt::format("No {} figures: this run has no {}.", w.units, w.csv);
    return files;
  }
  const double end_days = end_h / 24.0;
  std::string data;
  std::vector<std::pair<std::string, std::string>> ends;
  for (const auto& s : series) {
    ends.push_back(pool_ends(table, w.key, s.key));
    data += fmt::format("# {} {} ({} {}): day mean_at_{} mean_at_{} mean_{} fewest_at_{} fewest_at_{}\n", w.key,
                        gnuplot_data_comment(s.key), s.size, w.units, gnuplot_data_comment(ends.back().first),
                        gnuplot_data_comment(ends.back().second), w.moving, gnuplot_data_comment(ends.back().first),
                        gnuplot_data_comment(ends.back().second));
    const auto first = daily_profile(s, 0, end_days, 0.0);
    const auto second = daily_profile(s, 1, end_days, 0.0);
    const auto moving = daily_profile(s, 2, end_days, 0.0);
    for (std::size_t d = 0; d < first.size(); ++d)
      data += fmt::format("{} {:.3f} {:.3f} {:.3f} {} {}\n", first[d].day, first[d].mean, second[d].mean,
                          moving[d].mean, first[d].min, second[d].min);
    data += "\n\n";
  }
  files.data.push_back(w.data_file);
  write_text_file(dir / w.data_file, data);

  const int panel_px = 150;
  std::string gp = daily_panels_preamble(id(), panel_px, series.size(), end_days);
  gp += fmt::format("set ylabel \"{}\"\n", w.axis);
  for (std::size_t i = 0; i < series.size(); ++i) {
    gp += fmt::format("set title {} offset 0,-0.5\n",
                      gnuplot_string(fmt::format("{} ({} {})", series[i].key, series[i].size, w.units)));
    gp += fmt::format("set yrange [0:{}]\nset ytics {}\n", series[i].size + 0.5,
                      series[i].size > 30 ? 10 : series[i].size > 8 ? 4 : series[i].size > 6 ? 2 : 1);
    gp += daily_panel_xlabel(i, series.size());
    gp += fmt::format("plot \"{5}\" index {0} using 1:2 with steps lw 1.5 lc rgb \"{1}\" title {3}, \\\n"
                      "     \"{5}\" index {0} using 1:3 with steps lw 1.5 lc rgb \"{2}\" title {4}, \\\n"
                      "     \"{5}\" index {0} using ($1+0.5):4 with boxes lc rgb \"#999999\" title {6}\n",
                      i, kSeaColour, "#c0392b", gnuplot_string("at " + ends[i].first),
                      gnuplot_string("at " + ends[i].second), w.data_file, gnuplot_string(w.moving_label));
  }
  gp += "unset multiplot\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = units_ == Units::Crews
                   ? "Per day of the run, the time-weighted mean number of crews at each end of the district (resting "
                     "or ready; lines) and riding back as passengers between them (grey). A train finding too few at "
                     "its end waits for crews given back there or riding to it. crews.csv has every change, "
                     "crew_rides.csv every ride."
                   : "Per day of the run, the time-weighted mean number of locomotives at each end of the section "
                     "(standing or being serviced; lines) and running light between them (grey). A train finding "
                     "none at its end waits for one to be given back there or to run light to it. pools.csv has "
                     "every change, light_runs.csv every light run.";
  return files;
}

} // namespace rongou::report
