#include "output/report/WeeklyServicesChart.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace rongou::report {

namespace {

struct Week {
  double trains[2] = {0, 0};
  double feu[2] = {0, 0};
  double arrived[2] = {0, 0};
};

std::map<int, Week> read_weeks(const CsvTable& w) {
  std::map<int, Week> weeks;
  if (w.empty())
    return weeks;
  const auto week = w.column("week"), direction = w.column("direction"), trains = w.column("trains_dispatched"),
             feu = w.column("feu_dispatched"), feu_arrived = w.column("feu_arrived");
  for (std::size_t r = 0; r < w.rows(); ++r) {
    const int k = w.cell(r, direction) == "westbound" ? 0 : 1;
    // Weeks are in [0, 10^5] (checked), so the conversion to int is exact.
    Week& row = weeks[static_cast<int>(w.number(r, week, 0, 1e5).value_or(0))];
    row.trains[k] += w.number(r, trains, 0).value_or(0);
    row.feu[k] += w.number(r, feu, 0).value_or(0);
    row.arrived[k] += w.number(r, feu_arrived, 0).value_or(0);
  }
  return weeks;
}

} // namespace

ChartFiles WeeklyServicesChart::write_runs(const std::vector<LabelledRun>& runs,
                                           const std::filesystem::path& dir) const {
  ChartFiles files;
  std::vector<std::map<int, Week>> per_run;
  std::map<int, bool> all_weeks;
  for (const auto& r : runs) {
    per_run.push_back(read_weeks(r.run->weekly));
    for (const auto& [k, _] : per_run.back())
      all_weeks[k] = true;
  }
  if (all_weeks.empty()) {
    files.note = "No weekly figures: this run has no weekly.csv.";
    return files;
  }
  // Per run 6 columns; a week a run does not have is a gap ("?"), not a zero.
  std::string data = "# week, then per run: trains_westbound trains_eastbound feu_dispatched_westbound "
                     "feu_dispatched_eastbound feu_arrived_westbound feu_arrived_eastbound\n";
  for (const auto& [k, _] : all_weeks) {
    data += fmt::format("{}", k);
    for (const auto& weeks : per_run) {
      const auto it = weeks.find(k);
      if (it == weeks.end()) {
        data += " ? ? ? ? ? ?";
        continue;
      }
      const Week& r = it->second;
      data += fmt::format(" {} {} {} {} {} {}", r.trains[0], r.trains[1], r.feu[0], r.feu[1], r.arrived[0],
                          r.arrived[1]);
    }
    data += "\n";
  }
  files.data.push_back("weekly.dat");
  write_text_file(dir / "weekly.dat", data);

  const double warmup_weeks = runs.front().run->warmup_h() / 168.0;
  std::string gp = gnuplot_preamble(id(), 1200, 620);
  gp += "set multiplot layout 2,1\nset key top right horizontal\nset xlabel \"week\"\nset datafile missing \"?\"\n";
  gp += fmt::format("set xrange [0.5:{}.5]\n", all_weeks.rbegin()->first);
  if (warmup_weeks > 0)
    gp += fmt::format("set object 1 rect from graph 0, graph 0 to first {:.2f}, graph 1 back fc rgb \"#eeeeee\" "
                      "fs solid noborder\n"
                      "set label 1 \"warm-up\" at first 1, graph 0.92 textcolor rgb \"#888888\"\n",
                      warmup_weeks + 0.5);
  double most_trains = 1.0, most_feu = 1.0;
  for (const auto& weeks : per_run)
    for (const auto& [k, r] : weeks) {
      most_trains = std::max({most_trains, r.trains[0], r.trains[1]});
      most_feu = std::max({most_feu, r.feu[0], r.feu[1], r.arrived[0], r.arrived[1]});
    }
  // Headroom above the busiest week so that a flat timetable does not hide in the border.
  gp += fmt::format("set ylabel \"trains dispatched\"\nset yrange [0:{:.0f}]\n", std::ceil(most_trains * 1.3));
  const char* colours[] = {kWestboundColour, kEastboundColour};
  const char* names[] = {"westbound", "eastbound"};
  std::string trains_plot, feu_plot;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const std::size_t base = 2 + 6 * i;
    for (int k = 0; k < 2; ++k) {
      trains_plot += fmt::format("{}\"weekly.dat\" using 1:{} with histeps lw 2 {} lc rgb \"{}\" title {}",
                                 trains_plot.empty() ? "plot " : ", \\\n     ", base + k, line_dash(i), colours[k],
                                 gnuplot_string(series_title(runs[i], names[k])));
      feu_plot += fmt::format("{}\"weekly.dat\" using 1:{} with histeps lw 2 {} lc rgb \"{}\" title {}",
                              feu_plot.empty() ? "plot " : ", \\\n     ", base + 2 + k, line_dash(i), colours[k],
                              gnuplot_string(series_title(runs[i], std::string(names[k]) + " dispatched")));
      // Arrivals only in a plain report: with two runs four more lines would hide the rest.
      if (runs.size() == 1)
        feu_plot += fmt::format(", \\\n     \"weekly.dat\" using 1:{} with lines dt 2 lc rgb \"{}\" title \"{} arrived\"",
                                base + 4 + k, colours[k], names[k]);
    }
  }
  gp += trains_plot + "\n";
  gp += fmt::format("set ylabel \"FEU per week\"\nset yrange [0:{:.0f}]\n", std::ceil(most_feu * 1.3));
  gp += feu_plot + "\n";
  gp += "unset multiplot\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = runs.size() == 1 ? "Weeks count from the start of the run; arrivals count train units in the week they "
                                  "reach the destination."
                                : "Weeks count from the start of each run. Run A: solid lines; run B: dashed.";
  const auto& n = runs.front().run->summary.value("replications", nlohmann::json(1));
  if (n.is_number() && n.get<double>() > 1)
    files.note += " Weekly counts are of replication 0 (weekly.csv).";
  return files;
}

} // namespace rongou::report
