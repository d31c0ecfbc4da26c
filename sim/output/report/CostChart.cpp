#include "output/report/CostChart.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace rongou::report {

namespace {

// The order of docs/costs.md; components a later version adds go after these. (summary.json
// is read unordered, so its own order is not available.)
const std::vector<std::string> kComponents{"freight", "subsidy", "haulage", "handling", "gauge_change", "inventory",
                                           "co2"};
const std::map<std::string, std::string> kLabels{{"freight", "freight"},
                                                 {"subsidy", "subsidy"},
                                                 {"haulage", "haulage"},
                                                 {"handling", "handling"},
                                                 {"gauge_change", "gauge change"},
                                                 {"inventory", "inventory"},
                                                 {"co2", "CO2 price"},
                                                 {"total", "total"}};

std::string money(const Stat& s) {
  return s.ci95 > 0.0 ? fmt::format("US$ {:.0f} ± {:.0f}", s.value, s.ci95) : fmt::format("US$ {:.0f}", s.value);
}

} // namespace

ChartFiles CostChart::write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const {
  ChartFiles files;
  struct Column {
    std::string title;
    std::string colour;
    std::size_t run_index;
    const nlohmann::json* costs;
  };
  // Rail columns of every run, then sea columns, so each mode's runs stand together.
  std::vector<Column> columns;
  for (const auto& [mode, colour] : {std::pair{"rail", kWestboundColour}, std::pair{"sea", kSeaColour}})
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const auto& costs = json_at(runs[i].run->summary, {"modes", mode, "cost_usd_per_feu"});
      if (costs.is_object())
        columns.push_back({series_title(runs[i], mode), colour, i, &costs});
    }
  if (columns.empty()) {
    files.note = "Costs are not in this run: summary.json has no modes.rail or modes.sea cost_usd_per_feu (the "
                 "scenario has no costs: section).";
    return files;
  }
  std::vector<std::string> components;
  for (const auto& key : kComponents)
    if (std::any_of(columns.begin(), columns.end(), [&](const Column& c) { return c.costs->contains(key); }))
      components.push_back(key);
  for (const auto& c : columns)
    for (const auto& [key, _] : c.costs->items())
      if (key != "total" && key != "ci95" && std::find(components.begin(), components.end(), key) == components.end())
        components.push_back(key);
  components.push_back("total");

  bool intervals = false;
  std::string data = "# component; per column: US$ per FEU and the 95 % half-width (0 without replications)\n#";
  for (const auto& c : columns)
    data += " " + gnuplot_data_field(c.title) + " ci95";
  data += "\n";
  for (const auto& component : components) {
    data += gnuplot_data_field(kLabels.count(component) ? kLabels.at(component) : component);
    for (const auto& c : columns) {
      const auto s = read_stat(*c.costs, component).value_or(Stat{});
      intervals = intervals || s.ci95 > 0.0;
      data += fmt::format(" {:.2f} {:.2f}", s.value, s.ci95);
    }
    data += "\n";
  }
  files.data.push_back("cost.dat");
  write_text_file(dir / "cost.dat", data);

  std::vector<std::string> breakevens;
  for (const auto& r : runs)
    if (const auto b = read_stat(json_at(r.run->summary, {"comparison"}), "breakeven_cargo_value_usd"))
      breakevens.push_back((r.label.empty() ? "" : r.label + " ") + money(*b));
  std::string gp = gnuplot_preamble(id(), 1200, 500);
  gp += "set ylabel \"US$ per FEU\"\nset style data histograms\n";
  gp += intervals ? "set style histogram errorbars gap 1 lw 1\n" : "set style histogram clustered gap 1\n";
  gp += "set style fill solid 0.85 noborder\nset boxwidth 0.9\nset xtics scale 0\nset key top left\n";
  gp += "set grid noxtics ytics\nset xzeroaxis lt 1 lc rgb \"#555555\"\n";
  if (!breakevens.empty()) {
    std::string joined;
    for (const auto& b : breakevens)
      joined += (joined.empty() ? "" : ", ") + b;
    gp += fmt::format("set title {} font \",13\"\n",
                      gnuplot_string(fmt::format("breakeven cargo value: {} per FEU (rail is cheaper above it)", joined)));
  }
  std::vector<HistogramSeries> bars;
  for (const auto& c : columns)
    bars.push_back({c.title, c.colour, c.run_index});
  gp += histogram_plot("cost.dat", bars, intervals);
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = breakevens.empty()
                   ? "No breakeven cargo value in this run (summary.json has no comparison: the scenario needs both "
                     "sea: and costs:)."
                   : "Subsidies count as negative cost. Inventory is the cargo's value tied up in transit, so it "
                     "grows with transit time and cargo value; the breakeven is the cargo value at which both "
                     "totals are equal.";
  if (intervals)
    files.note += " Error bars: 95 % intervals across replications.";
  return files;
}

} // namespace rongou::report
