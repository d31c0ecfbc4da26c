#include "output/report/CostChart.hpp"

#include <fmt/format.h>

namespace rongou::report {

ChartFiles CostChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  struct Mode {
    std::string name;
    std::string colour;
    const nlohmann::json* costs;
  };
  std::vector<Mode> modes;
  for (const auto& [name, colour] : {std::pair{"rail", kWestboundColour}, std::pair{"sea", kSeaColour}}) {
    const auto& costs = json_at(run.summary, {"modes", name, "cost_usd_per_feu"});
    if (costs.is_object())
      modes.push_back({name, colour, &costs});
  }
  if (modes.empty()) {
    files.note = "Costs are not in this run: summary.json has no modes.rail or modes.sea cost_usd_per_feu.";
    return files;
  }
  // Components in the order the summary lists them, total last.
  std::vector<std::string> components;
  for (const auto& m : modes)
    for (const auto& [key, _] : m.costs->items())
      if (key != "total" && key != "ci95" && std::find(components.begin(), components.end(), key) == components.end())
        components.push_back(key);
  components.push_back("total");

  bool intervals = false;
  std::string data = "# component";
  for (const auto& m : modes)
    data += fmt::format(" {0}_usd_per_feu {0}_ci95", m.name);
  data += "\n";
  for (const auto& component : components) {
    std::string label = component;
    std::replace(label.begin(), label.end(), '_', ' ');
    data += gnuplot_quote(label);
    for (const auto& m : modes) {
      const auto s = read_stat(*m.costs, component).value_or(Stat{});
      intervals = intervals || s.ci95 > 0.0;
      data += fmt::format(" {:.2f} {:.2f}", s.value, s.ci95);
    }
    data += "\n";
  }
  files.data.push_back("cost.dat");
  write_text_file(dir / "cost.dat", data);

  const auto breakeven = read_stat(json_at(run.summary, {"comparison"}), "breakeven_cargo_value_usd");
  std::string gp = gnuplot_preamble(id(), 1200, 480);
  gp += "set ylabel \"US$ per FEU\"\nset style data histograms\n";
  gp += intervals ? "set style histogram errorbars gap 1 lw 1\n" : "set style histogram clustered gap 1\n";
  gp += "set style fill solid 0.85 noborder\nset boxwidth 0.9\nset xtics scale 0\nset key top left\n";
  gp += "set grid noxtics ytics\nset xzeroaxis lt 1 lc rgb \"#555555\"\n";
  if (breakeven)
    gp += fmt::format("set title {} font \",13\"\n",
                      gnuplot_quote(fmt::format("breakeven cargo value: US$ {:.0f} per FEU (rail is cheaper above it)",
                                                breakeven->value)));
  gp += "plot ";
  for (std::size_t i = 0; i < modes.size(); ++i) {
    const std::size_t col = 2 + 2 * i;
    gp += fmt::format("{}\"cost.dat\" using {}{}:xtic(1) lc rgb \"{}\" title \"{}\"", i ? ", \\\n     " : "", col,
                      intervals ? fmt::format(":{}", col + 1) : "", modes[i].colour, modes[i].name);
  }
  gp += "\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = breakeven ? "Subsidies count as negative cost. Inventory cost is the value of the cargo's time in "
                           "transit."
                         : "No breakeven cargo value in this run (summary.json has no comparison).";
  return files;
}

} // namespace rongou::report
