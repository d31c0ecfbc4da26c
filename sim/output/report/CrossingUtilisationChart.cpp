#include "output/report/CrossingUtilisationChart.hpp"

#include <fmt/format.h>
#include <string_view>

namespace rongou::report {

ChartFiles CrossingUtilisationChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  struct Bar {
    std::string label;
    Stat utilisation;
  };
  std::vector<Bar> bars;
  bool intervals = false;
  for (const auto& [group, kind] : kServerGroups) {
    if (std::string_view(kind) == "ferry")
      continue; // a ferry's room is per sailing: it has no units to be busy
    const auto& servers = json_at(run.summary, {group});
    if (!servers.is_object())
      continue;
    for (const auto& [node, server] : servers.items()) {
      if (node == "ci95")
        continue;
      const auto u = read_stat(server, "utilisation");
      if (!u)
        continue;
      bars.push_back({fmt::format("{} ({})", node, kind), *u});
      intervals = intervals || u->ci95 > 0.0;
    }
  }
  if (bars.empty()) {
    files.note = "No crossing or yard utilisation: summary.json has no crossings or yards (only a run of several "
                 "lanes writes them).";
    return files;
  }
  std::string data = "# server; utilisation in % and the 95 % half-width\n";
  for (const auto& b : bars)
    data += fmt::format("{} {:.2f} {:.2f}\n", gnuplot_data_field(b.label), 100.0 * b.utilisation.value,
                        100.0 * b.utilisation.ci95);
  files.data.push_back("crossings.dat");
  write_text_file(dir / "crossings.dat", data);

  std::string gp = gnuplot_preamble(id(), 1200, 460);
  gp += "set ylabel \"utilisation (%)\"\nset style data histograms\n";
  gp += intervals ? "set style histogram errorbars gap 1 lw 1\n" : "set style histogram clustered gap 1\n";
  gp += "set style fill solid 0.85 noborder\nset boxwidth 0.8\nset xtics scale 0 rotate by -30\nset key off\n";
  gp += "set grid noxtics ytics\nset yrange [0:100]\n";
  // The map's bands: amber from 60 %, red from 85 %.
  gp += "set arrow from graph 0, first 60 to graph 1, first 60 nohead dt 2 lc rgb \"#e6a100\"\n";
  gp += "set arrow from graph 0, first 85 to graph 1, first 85 nohead dt 2 lc rgb \"#d62828\"\n";
  gp += histogram_plot("crossings.dat", {{"utilisation", kWestboundColour, 0}}, intervals);
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "Busy unit-hours (processing positions of a crossing, tracks of a yard, blocks of a single track) "
               "over available ones, after "
               "the warm-up. Dashed lines: 60 % and 85 %, the map's amber and red bands. crossings.csv has each day.";
  if (intervals)
    files.note += " Error bars: 95 % intervals across replications.";
  return files;
}

} // namespace rongou::report
