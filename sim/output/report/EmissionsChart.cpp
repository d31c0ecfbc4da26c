#include "output/report/EmissionsChart.hpp"

#include <fmt/format.h>
#include <map>

namespace rongou::report {

namespace {

// Stacks in chain order; hubs (terminal, port, gauge_change) together.
const std::vector<std::pair<std::string, std::string>> kStacks{
    {"inland_rail", "inland rail"}, {"barge", "barge"},   {"rail", "train"}, {"empty_running", "empty running"},
    {"sea", "ship"},                {"road", "truck"},    {"hub", "terminals, ports, gauge change"}};
const char* kStackColours[] = {"#8fb3d9", "#a6761d", "#1f5fa8", "#9e9ac8", "#2a9d8f", "#e6ab02", "#777777"};

std::string stack_of(const std::string& kind) {
  return kind == "terminal" || kind == "port" || kind == "gauge_change" ? "hub" : kind;
}

} // namespace

ChartFiles EmissionsChart::write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const {
  ChartFiles files;
  struct Bar {
    std::string title;
    std::map<std::string, double> kg; // by stack
  };
  std::vector<Bar> bars;
  for (const char* mode : {"rail", "sea"})
    for (const auto& run : runs) {
      const auto& legs = json_at(run.run->summary, {"emissions", mode, "legs"});
      if (!legs.is_array())
        continue;
      Bar bar{series_title(run, mode), {}};
      for (const auto& leg : legs)
        if (leg.is_object() && leg.contains("kind") && leg["kind"].is_string() && leg.contains("wtw_kg_co2e_per_feu") &&
            leg["wtw_kg_co2e_per_feu"].is_number())
          bar.kg[stack_of(leg["kind"].get<std::string>())] += leg["wtw_kg_co2e_per_feu"].get<double>();
      bars.push_back(bar);
    }
  if (bars.empty()) {
    files.note = "Emissions are not in this run: summary.json has no emissions (the scenario has no costs: section, "
                 "or the run was made by a version without them).";
    return files;
  }
  std::string data = "# bar; per kind of leg: kg CO2e per FEU, well-to-wheel\n# bar";
  for (const auto& [key, label] : kStacks)
    data += " " + gnuplot_data_field(label);
  data += "\n";
  for (const auto& bar : bars) {
    data += gnuplot_data_field(bar.title);
    for (const auto& [key, _] : kStacks)
      data += fmt::format(" {:.2f}", bar.kg.count(key) ? bar.kg.at(key) : 0.0);
    data += "\n";
  }
  files.data.push_back("emissions.dat");
  write_text_file(dir / "emissions.dat", data);

  std::string gp = gnuplot_preamble(id(), 900, 500);
  gp += "set ylabel \"kg CO2e per FEU (well-to-wheel)\"\nset style data histograms\nset style histogram rowstacked\n";
  gp += "set style fill solid 0.85 noborder\nset boxwidth 0.6\nset xtics scale 0\nset key outside right top\n";
  gp += "set grid noxtics ytics\nset yrange [0:*]\n";
  gp += "plot ";
  for (std::size_t i = 0; i < kStacks.size(); ++i)
    gp += fmt::format("{}'emissions.dat' using {}{} title {} lc rgb \"{}\"", i == 0 ? "" : ", ", i + 2,
                      i == 0 ? ":xtic(1)" : "", gnuplot_string(kStacks[i].second), kStackColours[i]);
  gp += "\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "ISO 14083 / GLEC well-to-wheel CO2e per FEU: trains by their energy over their runs shared over the "
               "FEU aboard, empty running, the ship by TEU-km, and the hubs between legs (docs/emissions.md). "
               "Leg by leg, with tank-to-wheel and data quality: emissions.csv.";
  return files;
}

} // namespace rongou::report
