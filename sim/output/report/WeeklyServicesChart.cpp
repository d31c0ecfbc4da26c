#include "output/report/WeeklyServicesChart.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <map>

namespace rongou::report {

ChartFiles WeeklyServicesChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  if (run.weekly.empty()) {
    files.note = "No weekly figures: this run has no weekly.csv.";
    return files;
  }
  const auto& w = run.weekly;
  const auto week = w.column("week"), direction = w.column("direction"), trains = w.column("trains_dispatched"),
             feu = w.column("feu_dispatched"), feu_arrived = w.column("feu_arrived");
  struct Row {
    double trains[2] = {0, 0};
    double feu[2] = {0, 0};
    double arrived[2] = {0, 0};
  };
  std::map<int, Row> rows;
  for (std::size_t r = 0; r < w.rows(); ++r) {
    const int k = w.cell(r, direction) == "westbound" ? 0 : 1;
    Row& row = rows[static_cast<int>(w.number(r, week).value_or(0))];
    row.trains[k] += w.number(r, trains).value_or(0);
    row.feu[k] += w.number(r, feu).value_or(0);
    row.arrived[k] += w.number(r, feu_arrived).value_or(0);
  }
  std::string data = "# week trains_westbound trains_eastbound feu_dispatched_westbound feu_dispatched_eastbound "
                     "feu_arrived_westbound feu_arrived_eastbound\n";
  for (const auto& [k, r] : rows)
    data += fmt::format("{} {} {} {} {} {} {}\n", k, r.trains[0], r.trains[1], r.feu[0], r.feu[1], r.arrived[0],
                        r.arrived[1]);
  files.data.push_back("weekly.dat");
  write_text_file(dir / "weekly.dat", data);

  const double warmup_weeks = run.warmup_h() / 168.0;
  std::string gp = gnuplot_preamble(id(), 1200, 620);
  gp += "set multiplot layout 2,1\nset key top right horizontal\nset xlabel \"week\"\n";
  gp += fmt::format("set xrange [0.5:{}.5]\n", rows.rbegin()->first);
  if (warmup_weeks > 0)
    gp += fmt::format("set object 1 rect from graph 0, graph 0 to first {:.2f}, graph 1 back fc rgb \"#eeeeee\" "
                      "fs solid noborder\n"
                      "set label 1 \"warm-up\" at first 1, graph 0.92 textcolor rgb \"#888888\"\n",
                      warmup_weeks + 0.5);
  double most_trains = 1.0;
  for (const auto& [k, r] : rows)
    most_trains = std::max({most_trains, r.trains[0], r.trains[1]});
  // Headroom above the busiest week so that a flat timetable does not hide in the border.
  gp += fmt::format("set ylabel \"trains dispatched\"\nset yrange [0:{:.0f}]\n", std::ceil(most_trains * 1.3));
  gp += fmt::format("plot \"weekly.dat\" using 1:2 with histeps lw 2 lc rgb \"{0}\" title \"westbound\", \\\n"
                    "     \"weekly.dat\" using 1:3 with histeps lw 2 lc rgb \"{1}\" title \"eastbound\"\n",
                    kWestboundColour, kEastboundColour);
  gp += "set ylabel \"FEU per week\"\nset yrange [0:*]\n";
  gp += fmt::format("plot \"weekly.dat\" using 1:4 with histeps lw 2 lc rgb \"{0}\" title \"westbound dispatched\", \\\n"
                    "     \"weekly.dat\" using 1:6 with lines dt 2 lc rgb \"{0}\" title \"westbound arrived\", \\\n"
                    "     \"weekly.dat\" using 1:5 with histeps lw 2 lc rgb \"{1}\" title \"eastbound dispatched\", \\\n"
                    "     \"weekly.dat\" using 1:7 with lines dt 2 lc rgb \"{1}\" title \"eastbound arrived\"\n",
                    kWestboundColour, kEastboundColour);
  gp += "unset multiplot\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "Weeks count from the start of the run; arrivals count train units in the week they reach the "
               "destination.";
  return files;
}

} // namespace rongou::report
