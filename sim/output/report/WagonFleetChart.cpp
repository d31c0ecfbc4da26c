#include "output/report/WagonFleetChart.hpp"

#include <fmt/format.h>

#include "output/report/TimeSeries.hpp"

namespace rongou::report {

namespace {

// The names of a fleet's two ends, from its first row in wagons.csv.
std::pair<std::string, std::string> fleet_ends(const CsvTable& wagons, const std::string& fleet) {
  const std::size_t key = wagons.column("fleet");
  for (std::size_t r = 0; r < wagons.rows(); ++r)
    if (wagons.cell(r, key) == fleet)
      return {std::string(wagons.cell(r, wagons.column("first_end"))), std::string(wagons.cell(r, wagons.column("second_end")))};
  return {"first end", "second end"};
}

} // namespace

ChartFiles WagonFleetChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  const double end_h = run.summary.value("horizon_days", 0.0) * 24.0;
  const auto series =
      group_step_series(run.wagons, "fleet", {"at_first_end", "at_second_end", "in_empty_trains"}, end_h);
  if (series.empty()) {
    files.note = "No wagon figures: wagons.csv has no rows.";
    return files;
  }
  const double end_days = end_h / 24.0;
  std::string data;
  std::vector<std::pair<std::string, std::string>> ends;
  for (const auto& s : series) {
    ends.push_back(fleet_ends(run.wagons, s.key));
    data += fmt::format("# fleet {} ({} wagons): day mean_at_{} mean_at_{} mean_in_empty_trains fewest_at_{} "
                        "fewest_at_{}\n",
                        gnuplot_data_comment(s.key), s.size, gnuplot_data_comment(ends.back().first),
                        gnuplot_data_comment(ends.back().second), gnuplot_data_comment(ends.back().first),
                        gnuplot_data_comment(ends.back().second));
    const double first_initial = s.points.empty() ? 0.0 : s.points.front().second.at(0);
    const double second_initial = s.points.empty() ? 0.0 : s.points.front().second.at(1);
    const auto first = daily_profile(s, 0, end_days, first_initial);
    const auto second = daily_profile(s, 1, end_days, second_initial);
    const auto empty = daily_profile(s, 2, end_days, 0.0);
    for (std::size_t d = 0; d < first.size(); ++d)
      data += fmt::format("{} {:.3f} {:.3f} {:.3f} {} {}\n", first[d].day, first[d].mean, second[d].mean,
                          empty[d].mean, first[d].min, second[d].min);
    data += "\n\n";
  }
  files.data.push_back("wagons.dat");
  write_text_file(dir / "wagons.dat", data);

  const int panel_px = 150;
  std::string gp = daily_panels_preamble(id(), panel_px, series.size(), end_days);
  gp += "set ylabel \"wagons\"\nset yrange [0:*]\n";
  for (std::size_t i = 0; i < series.size(); ++i) {
    gp += fmt::format("set title {} offset 0,-0.5\n",
                      gnuplot_string(fmt::format("{} ({} wagons)", series[i].key, series[i].size)));
    gp += daily_panel_xlabel(i, series.size());
    gp += fmt::format("plot \"wagons.dat\" index {0} using 1:2 with steps lw 1.5 lc rgb \"{1}\" title {3}, \\\n"
                      "     \"wagons.dat\" index {0} using 1:3 with steps lw 1.5 lc rgb \"{2}\" title {4}, \\\n"
                      "     \"wagons.dat\" index {0} using ($1+0.5):4 with boxes lc rgb \"#999999\" title "
                      "\"in empty wagon trains\"\n",
                      i, kSeaColour, "#c0392b", gnuplot_string("at " + ends[i].first),
                      gnuplot_string("at " + ends[i].second));
  }
  gp += "unset multiplot\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "Per day of the run, the time-weighted mean number of wagons at each end of the fleet's section "
               "(standing, or promised to a train waiting there; lines) and in empty wagon trains between them "
               "(grey). The rest are on trains. A train that finds too few at its end waits and calls the wagons it "
               "lacks from the other end. wagons.csv has every change, empty_wagon_trains.csv every empty train.";
  return files;
}

} // namespace rongou::report
