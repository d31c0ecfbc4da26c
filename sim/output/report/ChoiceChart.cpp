#include "output/report/ChoiceChart.hpp"

#include <fmt/format.h>

namespace rongou::report {

ChartFiles ChoiceChart::write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const {
  ChartFiles files;
  // The classes in the first run that has them (summary.json's order); every run's columns after.
  std::vector<std::string> classes;
  std::vector<HistogramSeries> bars;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& by_class = json_at(runs[i].run->summary, {"choice", "by_class"});
    if (!by_class.is_object())
      continue;
    if (classes.empty())
      for (const auto& [name, _] : by_class.items())
        classes.push_back(name);
    bars.push_back({series_title(runs[i], "rail"), kWestboundColour, i});
    bars.push_back({series_title(runs[i], "sea"), kSeaColour, i});
  }
  if (classes.empty()) {
    files.note = "Shippers do not choose in this run: summary.json has no choice.by_class (the scenario has no "
                 "choice: section).";
    return files;
  }
  std::string data = "# class (rail share %); per run: rail FEU, 0, sea FEU, 0 (no intervals)\n";
  for (const auto& name : classes) {
    std::string label = name;
    std::string row;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const auto& by_class = json_at(runs[i].run->summary, {"choice", "by_class"});
      if (!by_class.is_object())
        continue;
      static const nlohmann::json kNone;
      const auto& k = by_class.contains(name) ? by_class.at(name) : kNone;
      const auto rail = read_stat(json_at(k, {"rail"}), "feu").value_or(Stat{});
      const auto sea = read_stat(json_at(k, {"sea"}), "feu").value_or(Stat{});
      if (const auto share = read_stat(k, "rail_share"); share && row.empty())
        label += fmt::format(" ({:.0f} %)", 100.0 * share->value);
      row += fmt::format(" {:.0f} 0 {:.0f} 0", rail.value, sea.value);
    }
    data += gnuplot_data_field(label) + row + "\n";
  }
  files.data.push_back("choice.dat");
  write_text_file(dir / "choice.dat", data);

  std::string gp = gnuplot_preamble(id(), 1200, 500);
  gp += "set ylabel \"FEU (measured containers)\"\nset style data histograms\n";
  gp += "set style histogram clustered gap 1\n";
  gp += "set style fill solid 0.85 noborder\nset boxwidth 0.9\nset xtics scale 0\nset key top right\n";
  gp += "set grid noxtics ytics\n";
  gp += histogram_plot("choice.dat", bars, false);
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "Containers of the choosing lane's westbound market by the mode they went by in the end (a rail "
               "box that re-chose sea counts as sea); each class's rail share of its FEU in brackets.";
  return files;
}

} // namespace rongou::report
