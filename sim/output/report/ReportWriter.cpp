#include "output/report/ReportWriter.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <utility>

#include "output/RunOutputs.hpp"
#include "output/report/CrossingTable.hpp"
#include "output/report/ReportPage.hpp"

namespace rongou::report {

namespace fs = std::filesystem;

namespace {

// With doors: (summary.json modes.<mode>.stages_hours), westbound door to door stage by
// stage, rail beside sea: the same stages for both modes.
std::string door_stages_table(const RunData& run) {
  const auto& rail = json_at(run.summary, {"modes", "rail", "stages_hours"});
  if (!rail.is_object())
    return {};
  const auto& sea = json_at(run.summary, {"modes", "sea", "stages_hours"});
  static const std::pair<const char*, const char*> kStages[] = {
      {"loading", "loading at the door, haulage"},   {"export_clearance", "export clearance"},
      {"main_haul", "main haul (terminal to terminal)"}, {"terminal_closed", "destination terminal closed"},
      {"unloading", "unloading"},                     {"import_clearance", "import clearance"},
      {"last_mile_wait", "waiting for a last-mile vehicle"}, {"last_mile", "last mile"}};
  std::string rows;
  for (const auto& [key, label] : kStages)
    rows += fmt::format("<tr><th>{}</th><td>{}</td><td>{}</td></tr>\n", html_escape(label), stat_text(rail, key, 1),
                        sea.is_object() ? stat_text(sea, key, 1) : std::string("-"));
  return "<table class=\"headline\"><tr><th>door to door, westbound (hours)</th><th>rail</th><th>sea</th></tr>\n" +
         rows + "</table>\n";
}

std::string headline(const RunData& run) {
  std::string rows;
  auto row = [&](const std::string& label, const std::string& a, const std::string& b) {
    rows += fmt::format("<tr><th>{}</th><td>{}</td><td>{}</td></tr>\n", html_escape(label), html_escape(a),
                        html_escape(b));
  };
  const auto& dirs = json_at(run.summary, {"rail", "directions"});
  auto both = [&](std::initializer_list<const char*> parent, const char* key, int decimals) {
    std::vector<std::string> out;
    for (const char* d : {"westbound", "eastbound"}) {
      const nlohmann::json* node = &json_at(dirs, {d});
      for (const char* k : parent)
        node = &json_at(*node, {k});
      out.push_back(stat_text(*node, key, decimals));
    }
    return out;
  };
  auto t = both({"transit_days"}, "mean", 1);
  row("door-to-door days, mean", t[0], t[1]);
  t = both({"transit_days"}, "p95", 1);
  row("door-to-door days, p95", t[0], t[1]);
  t = both({"transit_days"}, "p99", 1);
  row("door-to-door days, p99", t[0], t[1]);
  std::vector<std::string> per_week;
  for (const char* d : {"westbound", "eastbound"})
    per_week.push_back(stat_text(json_at(run.summary, {"rail", "trains", d}), "per_week", 1));
  row("trains a week", per_week[0], per_week[1]);
  t = both({}, "mean_train_load_feu", 1);
  row("mean load (FEU per train)", t[0], t[1]);
  std::string table = "<table class=\"headline\"><tr><th></th><th>rail westbound</th><th>rail eastbound</th></tr>\n" +
                      rows + "</table>\n";
  const auto& sea = json_at(run.summary, {"modes", "sea"});
  if (sea.is_object())
    table += fmt::format("<p>Sea (Chengdu → {}): door-to-door mean {} days, p95 {} days.</p>\n",
                         html_escape(json_at(sea, {"european_port"}).is_string() ? sea["european_port"].get<std::string>()
                                                                                 : std::string("Europe")),
                         stat_text(json_at(sea, {"transit_days"}), "mean", 1),
                         stat_text(json_at(sea, {"transit_days"}), "p95", 1));
  table += door_stages_table(run);
  const auto& rail_cost = json_at(run.summary, {"modes", "rail", "cost_usd_per_feu"});
  const auto& sea_cost = json_at(run.summary, {"modes", "sea", "cost_usd_per_feu"});
  if (rail_cost.is_object() || sea_cost.is_object())
    table += fmt::format("<p>Cost per FEU westbound: rail US$ {}, sea US$ {}; breakeven cargo value US$ {} per "
                         "FEU.</p>\n",
                         stat_text(rail_cost, "total", 0), stat_text(sea_cost, "total", 0),
                         stat_text(json_at(run.summary, {"comparison"}), "breakeven_cargo_value_usd", 0));
  const auto& n = run.summary.value("replications", nlohmann::json(1));
  if (n.is_number() && n.get<double>() > 1)
    table += fmt::format("<p class=\"files\">{} replications: figures from summary.json are means with ± the 95 % "
                         "interval (error bars and shaded bands in the charts); charts drawn from CSV files "
                         "(time–distance, histograms, weekly, yards, locomotives) show replication 0.</p>\n",
                         n.dump());
  return table;
}

// A network run: each lane with a sea alternative or costs, rail against sea westbound
// (summary.json lanes.<name>.sea and lanes.<name>.costs).
std::string lane_modes_table(const RunData& run) {
  const auto& lanes = json_at(run.summary, {"lanes"});
  if (!lanes.is_object())
    return "";
  std::string rows;
  for (const auto& [name, lane] : lanes.items()) {
    const auto& sea = json_at(lane, {"sea"});
    const auto& costs = json_at(lane, {"costs"});
    if (!sea.is_object() && !costs.is_object())
      continue;
    const auto& cheaper = json_at(costs, {"comparison", "cheaper_mode"});
    rows += fmt::format(
        "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(name),
        stat_text(json_at(lane, {"directions", "westbound", "transit_days"}), "mean", 1),
        stat_text(json_at(sea, {"transit_days"}), "mean", 1),
        stat_text(json_at(costs, {"rail", "cost_usd_per_feu"}), "total", 0),
        stat_text(json_at(costs, {"sea", "cost_usd_per_feu"}), "total", 0),
        html_escape(cheaper.is_string() ? cheaper.get<std::string>() : std::string("–")),
        stat_text(json_at(costs, {"comparison"}), "breakeven_cargo_value_usd", 0));
  }
  if (rows.empty())
    return "";
  return "<h2 id=\"lane-modes\">Rail or sea, lane by lane</h2>\n<p class=\"files\">Westbound, each lane with its own "
         "sea alternative and prices (summary.json lanes.&lt;name&gt;.sea and .costs); US$ per FEU at the lane's "
         "cargo value.</p>\n<table class=\"headline\"><tr><th>lane</th><th>rail days</th><th>sea days</th>"
         "<th>rail US$/FEU</th><th>sea US$/FEU</th><th>cheaper</th><th>breakeven US$</th></tr>\n" +
         rows + "</table>\n";
}

std::string provenance_table(const RunData& run) {
  std::string rows;
  auto row = [&](const std::string& k, const std::string& v) {
    rows += fmt::format("<tr><th>{}</th><td><code>{}</code></td></tr>\n", html_escape(k), html_escape(v));
  };
  const auto text = [](const nlohmann::json& v) {
    return v.is_string() ? v.get<std::string>() : v.is_null() ? std::string("–") : v.dump();
  };
  row("scenario", run.scenario_name());
  row("seed", text(run.summary.value("seed", nlohmann::json())));
  row("replications", text(run.summary.value("replications", nlohmann::json(1))));
  row("horizon (days)", text(run.summary.value("horizon_days", nlohmann::json())));
  row("warm-up (days)", text(run.summary.value("warmup_days", nlohmann::json())));
  if (run.provenance.is_object()) {
    row("rongou version", text(run.provenance.value("version", nlohmann::json())));
    row("command", text(run.provenance.value("command", nlohmann::json())));
    row("scenario file", text(run.provenance.value("scenario_file", nlohmann::json())));
    row("platform file", text(run.provenance.value("platform_file", nlohmann::json())));
  } else {
    row("provenance", "this results folder has no provenance.json");
  }
  return "<table class=\"provenance\">\n" + rows + "</table>\n";
}

} // namespace

fs::path write_report(const fs::path& results_dir, const ReportOptions& options) {
  const fs::path dir = fs::absolute(results_dir).lexically_normal();
  const RunData run = load_run_data(dir);
  auto charts = report_charts(options);
  std::erase_if(charts, [&](const std::unique_ptr<Chart>& chart) { return !chart->applies_to(run); });
  const auto sections = draw_charts(dir, charts,
                                    [&](const Chart& chart, const fs::path& staged) { return chart.write(run, staged); });

  std::string html = page_start("rongou report: " + run.scenario_name());
  html += fmt::format("<h1>rongou: {}</h1>\n", html_escape(run.scenario_name()));
  html += fmt::format("<p class=\"subtitle\">seed {}, {} days, first {} days warm-up (not counted)</p>\n",
                      html_escape(run.summary.value("seed", nlohmann::json()).dump()),
                      html_escape(run.summary.value("horizon_days", nlohmann::json()).dump()),
                      html_escape(run.summary.value("warmup_days", nlohmann::json()).dump()));
  const std::string crossings = crossing_table(run);
  std::vector<std::pair<std::string, std::string>> more;
  if (!crossings.empty())
    more.emplace_back("crossings", "crossings and yards");
  more.emplace_back("scenario", "scenario");
  more.emplace_back("provenance", "provenance");
  html += page_nav(sections, more);
  html += headline(run);
  html += lane_modes_table(run);
  html += crossings;
  html += sections_html(sections);
  html += "<section id=\"scenario\">\n<h2>Scenario</h2>\n";
  if (run.scenario_yaml.empty())
    html += fmt::format("<p class=\"nodata\">This results folder keeps no scenario file; the run was of scenario "
                        "<b>{}</b>.</p>\n",
                        html_escape(run.scenario_name()));
  else
    html += fmt::format("<p class=\"files\">{}</p>\n<pre>{}</pre>\n", html_escape(run.scenario_yaml_name),
                        html_escape(run.scenario_yaml));
  html += "</section>\n<section id=\"provenance\">\n<h2>Provenance</h2>\n" + provenance_table(run) + "</section>\n";
  html += "</body>\n</html>\n";
  return write_page(dir, html);
}

} // namespace rongou::report
