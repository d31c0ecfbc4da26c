#include "output/report/WaitsByCauseChart.hpp"

#include <fmt/format.h>

namespace rongou::report {

ChartFiles WaitsByCauseChart::write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const {
  ChartFiles files;
  struct Column {
    std::string name;
    std::string colour;
    std::size_t run_index;
    const nlohmann::json* direction; // holds waits_hours and running_nominal_hours
  };
  // Each direction's runs stand together.
  std::vector<Column> columns;
  const char* colours[] = {kWestboundColour, kEastboundColour};
  for (int k = 0; k < 2; ++k) {
    const char* name = k == 0 ? "westbound" : "eastbound";
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const auto& d = json_at(runs[i].run->summary, {"rail", "directions", name});
      if (json_at(d, {"waits_hours"}).is_object())
        columns.push_back({series_title(runs[i], name), colours[k], i, &d});
    }
  }
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& summary = runs[i].run->summary;
    if (!json_at(summary, {"rail", "directions"}).is_object() && json_at(summary, {"rail", "waits_hours"}).is_object())
      columns.push_back({series_title(runs[i], "rail"), kWestboundColour, i, &json_at(summary, {"rail"})});
  }
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& sea = json_at(runs[i].run->summary, {"modes", "sea"});
    if (json_at(sea, {"waits_hours"}).is_object())
      columns.push_back({series_title(runs[i], "sea"), kSeaColour, i, &sea});
  }
  if (columns.empty()) {
    files.note = "No waits in this run: summary.json has no rail.waits_hours.";
    return files;
  }

  std::vector<std::string> causes{"departure", "gauge_change", "locomotive", "border", "running_delay"};
  for (const auto& c : columns)
    for (const auto& [key, _] : (*c.direction)["waits_hours"].items())
      if (key != "ci95" && std::find(causes.begin(), causes.end(), key) == causes.end())
        causes.push_back(key);
  const std::map<std::string, std::string> labels{{"departure", "waiting for a train"},
                                                  {"gauge_change", "gauge change"},
                                                  {"locomotive", "waiting for a locomotive"},
                                                  {"border", "border dwell"},
                                                  {"running_delay", "running delay"},
                                                  {"track", "track (single track, headway)"},
                                                  {"box", "waiting for an empty box"},
                                                  {"crew", "waiting for crews"},
                                                  {"incident", "incidents on the line"},
                                                  {"inspection", "held for inspection"},
                                                  {"ferry", "ferries (sailings, loading, unloading)"},
                                                  {"running", "running (nominal)"}};
  bool intervals = false;
  std::string data = "# cause; per column: hours per delivered container and the 95 % half-width\n#";
  for (const auto& c : columns)
    data += " " + gnuplot_data_field(c.name) + " ci95";
  data += "\n";
  auto row = [&](const std::string& cause, const std::function<std::optional<Stat>(const Column&)>& get) {
    const auto label = labels.count(cause) ? labels.at(cause) : cause;
    data += gnuplot_data_field(label);
    for (const auto& c : columns) {
      const Stat s = get(c).value_or(Stat{});
      intervals = intervals || s.ci95 > 0.0;
      data += fmt::format(" {:.3f} {:.3f}", s.value, s.ci95);
    }
    data += "\n";
  };
  row("running", [](const Column& c) { return read_stat(*c.direction, "running_nominal_hours"); });
  for (const auto& cause : causes)
    row(cause, [&](const Column& c) { return read_stat((*c.direction)["waits_hours"], cause); });
  files.data.push_back("waits.dat");
  write_text_file(dir / "waits.dat", data);

  std::string gp = gnuplot_preamble(id(), 1200, 460);
  gp += "set ylabel \"hours per delivered container\"\nset style data histograms\n";
  gp += intervals ? "set style histogram errorbars gap 1 lw 1\n" : "set style histogram clustered gap 1\n";
  gp += "set style fill solid 0.85 noborder\nset boxwidth 0.9\nset xtics scale 0\nset key top right\n";
  gp += "set grid noxtics ytics\nset yrange [0:*]\n";
  std::vector<HistogramSeries> bars;
  for (const auto& c : columns)
    bars.push_back({c.name, c.colour, c.run_index});
  gp += histogram_plot("waits.dat", bars, intervals);
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = "Mean hours per delivered container (after the warm-up). Running at nominal speed is shown for scale.";
  if (intervals)
    files.note += " Error bars: 95 % intervals across replications.";
  return files;
}

} // namespace rongou::report
