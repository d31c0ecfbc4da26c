#include "output/report/CompareReport.hpp"

#include <cmath>
#include <fmt/format.h>

#include "output/OutputFolder.hpp"
#include "output/Provenance.hpp"
#include "output/TextFile.hpp"
#include "output/report/ReportPage.hpp"
#include "output/report/ReportWriter.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou::report {

namespace fs = std::filesystem;

namespace {

// The statistics worth a first look, in this order; the full list is `rongou compare A B`.
const std::vector<std::pair<std::string, std::string>> kHeadline{
    {"rail.directions.westbound.transit_days.mean", "rail westbound, door-to-door days (mean)"},
    {"rail.directions.westbound.transit_days.p95", "rail westbound, door-to-door days (p95)"},
    {"rail.directions.eastbound.transit_days.mean", "rail eastbound, door-to-door days (mean)"},
    {"rail.directions.eastbound.transit_days.p95", "rail eastbound, door-to-door days (p95)"},
    {"modes.sea.transit_days.mean", "sea, door-to-door days (mean)"},
    {"rail.trains.westbound.per_week", "trains a week westbound"},
    {"rail.trains.eastbound.per_week", "trains a week eastbound"},
    {"rail.directions.westbound.mean_train_load_feu", "westbound load (FEU per train)"},
    {"rail.directions.westbound.waits_hours.departure", "westbound wait for a train (h)"},
    {"rail.directions.westbound.waits_hours.gauge_change", "westbound gauge change (h)"},
    {"rail.directions.westbound.waits_hours.locomotive", "westbound wait for a locomotive (h)"},
    {"rail.directions.westbound.waits_hours.border", "westbound border dwell (h)"},
    {"rail.directions.westbound.waits_hours.track", "westbound wait for the track (h)"},
    {"modes.rail.cost_usd_per_feu.total", "rail cost, US$ per FEU"},
    {"modes.sea.cost_usd_per_feu.total", "sea cost, US$ per FEU"},
    {"comparison.breakeven_cargo_value_usd", "breakeven cargo value, US$ per FEU"},
};

std::string number(double v) { return std::isnan(v) ? "–" : fmt::format("{:.4g}", v); }

std::string differences_table(const Comparison& c) {
  std::string method;
  switch (c.method) {
  case ComparisonMethod::Paired:
    method = fmt::format("A − B with a paired 95 % interval over {} replications run from the same seeds (common "
                         "random numbers).",
                         c.n_a);
    break;
  case ComparisonMethod::Welch:
    method = fmt::format("A − B with Welch's 95 % interval ({} and {} independent replications).", c.n_a, c.n_b);
    break;
  case ComparisonMethod::Single:
    method = "A − B of single runs: no interval (run both with --replications 2 or more), so a difference may be "
             "noise.";
    break;
  }
  std::string rows;
  for (const auto& [path, label] : kHeadline) {
    const auto it = std::find_if(c.rows.begin(), c.rows.end(), [&](const ComparisonRow& r) { return r.path == path; });
    if (it == c.rows.end())
      continue;
    const bool interval = !std::isnan(it->difference.half_width) && c.method != ComparisonMethod::Single;
    rows += fmt::format("<tr><th title=\"{}\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        html_escape(path), html_escape(label), number(it->a), number(it->b),
                        number(it->difference.difference), interval ? "± " + number(it->difference.half_width) : "–",
                        interval && it->difference.significant ? "yes" : "");
  }
  return fmt::format("<p class=\"files\">{} Every shared statistic: <code>rongou compare A B</code>.</p>\n"
                     "<table class=\"headline\"><tr><th></th><th>A</th><th>B</th><th>A − B</th><th>95 %</th>"
                     "<th>interval excludes 0</th></tr>\n{}</table>\n",
                     html_escape(method), rows);
}

std::string runs_table(const RunData& a, const RunData& b) {
  std::string rows;
  auto text = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.is_null() ? "–" : v.dump(); };
  auto row = [&](const std::string& k, const std::string& va, const std::string& vb) {
    rows += fmt::format("<tr><th>{}</th><td><code>{}</code></td><td><code>{}</code></td></tr>\n", html_escape(k),
                        html_escape(va), html_escape(vb));
  };
  row("results folder", a.dir.string(), b.dir.string());
  row("scenario", a.scenario_name(), b.scenario_name());
  for (const char* key : {"seed", "replications", "horizon_days", "warmup_days"})
    row(key, text(a.summary.value(key, nlohmann::json())), text(b.summary.value(key, nlohmann::json())));
  auto command = [&](const RunData& r) {
    const std::string c = r.provenance.is_object() ? text(r.provenance.value("command", nlohmann::json())) : "";
    return c.empty() ? std::string("(not recorded)") : c;
  };
  row("command", command(a), command(b));
  return "<table class=\"provenance\"><tr><th></th><th>A</th><th>B</th></tr>\n" + rows + "</table>\n";
}

} // namespace

fs::path write_compare_report(const fs::path& a_dir, const fs::path& b_dir, const Comparison& comparison,
                              const fs::path& out_dir, bool force) {
  const fs::path out = fs::absolute(out_dir).lexically_normal();
  if (fs::exists(out / "summary.json"))
    throw InputError(fmt::format("{}: is a results folder; write the comparison report to another folder",
                                 out.string()));
  const RunData a = load_run_data(fs::absolute(a_dir).lexically_normal());
  const RunData b = load_run_data(fs::absolute(b_dir).lexically_normal());
  OutputFolder folder = OutputFolder::claim(out, {"--report", force});
  const fs::path staged = folder.staging();
  const std::vector<LabelledRun> runs{{"A", &a}, {"B", &b}};
  const auto sections = draw_charts(staged, comparison_charts(), [&](const Chart& chart, const fs::path& staged) {
    return chart.write_runs(runs, staged);
  });

  std::string html = page_start(fmt::format("rongou comparison: {} against {}", a.scenario_name(), b.scenario_name()));
  html += fmt::format("<h1>rongou: A {} against B {}</h1>\n", html_escape(a.scenario_name()),
                      html_escape(b.scenario_name()));
  html += "<p class=\"subtitle\">Both runs on shared axes: A filled or solid, B pale, outlined or dashed. "
          "Each run's own report.html has its time–distance diagram, yards and locomotives.</p>\n";
  html += page_nav(sections, {{"runs", "the two runs"}});
  html += differences_table(comparison);
  html += sections_html(sections);
  html += "<section id=\"runs\">\n<h2>The two runs</h2>\n" + runs_table(a, b) + "</section>\n";
  html += "</body>\n</html>\n";
  const fs::path page = write_page(staged, html);
  nlohmann::ordered_json provenance;
  provenance["program"] = "rongou";
  provenance["version"] = Provenance::rongou_version();
  provenance["compared"] = {a.dir.string(), b.dir.string()};
  write_text_file(staged / "provenance.json", provenance.dump(2) + "\n");
  folder.commit();
  return out / page.filename();
}

} // namespace rongou::report
