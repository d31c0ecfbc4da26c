#include "output/report/RoutesChart.hpp"

#include <fmt/format.h>

namespace rongou::report {

ChartFiles RoutesChart::write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const {
  ChartFiles files;
  // The routes of the first run that has them (summary.json's order: rail routes, then sea).
  std::vector<std::string> routes;
  std::vector<HistogramSeries> bars;
  std::string note;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& by_route = json_at(runs[i].run->summary, {"routes"});
    if (!by_route.is_object())
      continue;
    if (routes.empty())
      for (const auto& [name, _] : by_route.items())
        routes.push_back(name);
    bars.push_back({series_title(runs[i], "mean"), kWestboundColour, i});
    bars.push_back({series_title(runs[i], "p95"), kEastboundColour, i});
    for (const auto& [name, r] : by_route.items()) {
      const auto value = [&](const char* key) { return read_stat(r, key).value_or(Stat{}).value; };
      note += fmt::format("{}{}: {:.1f} % of FEU, {:.0f} USD and {:.0f} kg CO2e per FEU. ",
                          runs[i].label.empty() ? "" : runs[i].label + " ", name, 100.0 * value("share_feu"),
                          value("cost_usd_per_feu"), value("co2e_kg_per_feu"));
    }
  }
  if (routes.empty()) {
    files.note = "The market is not split among routes: summary.json has no routes (the scenario has no "
                 "choice.routes).";
    return files;
  }
  std::string data = "# route; per run: mean days, 0, p95 days, 0 (no intervals)\n";
  for (const auto& name : routes) {
    std::string row;
    for (const auto& run : runs) {
      const auto& by_route = json_at(run.run->summary, {"routes"});
      if (!by_route.is_object())
        continue;
      static const nlohmann::json kNone;
      const auto& days = json_at(by_route.contains(name) ? by_route.at(name) : kNone, {"door_to_door_days"});
      row += fmt::format(" {:.2f} 0 {:.2f} 0", read_stat(days, "mean").value_or(Stat{}).value,
                         read_stat(days, "p95").value_or(Stat{}).value);
    }
    data += gnuplot_data_field(name) + row + "\n";
  }
  files.data.push_back("routes.dat");
  write_text_file(dir / "routes.dat", data);

  std::string gp = gnuplot_preamble(id(), 1200, 450);
  gp += "set ylabel \"days, gate-in to delivery\"\nset style data histograms\n";
  gp += "set style histogram clustered gap 1\n";
  gp += "set style fill solid 0.85 noborder\nset boxwidth 0.9\nset xtics scale 0\nset key top left\n";
  gp += "set grid noxtics ytics\nset yrange [0:*]\n";
  gp += histogram_plot("routes.dat", bars, false);
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "What each route of the westbound market carried, by where each box went in the end (a rail box "
               "that re-chose sea counts as sea): door-to-door days, mean and p95. " + note;
  return files;
}

} // namespace rongou::report
