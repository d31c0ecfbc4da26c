#include "output/report/CompareReport.hpp"

#include <cctype>
#include <cmath>
#include <fmt/format.h>

#include "output/MarkupText.hpp"
#include "output/OutputFolder.hpp"
#include "output/Provenance.hpp"
#include "output/Quantity.hpp"
#include "output/SideBySideFormats.hpp"
#include "output/TextFile.hpp"
#include "output/report/MetricBarsChart.hpp"
#include "output/report/ReportPage.hpp"
#include "output/report/ReportWriter.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou::report {

namespace fs = std::filesystem;

namespace {

std::string key_results_table(const SideBySide& t) {
  const auto& first = t.columns.front();
  std::string methods;
  for (std::size_t i = 1; i < t.columns.size(); ++i)
    methods += fmt::format("<li>{} against {}: {}</li>\n", html_escape(t.columns[i].name), html_escape(first.name),
                           html_escape(method_text(t.columns[i], first)));
  std::string head = "<tr><th></th><th>unit</th>";
  for (const auto& c : t.columns)
    head += fmt::format("<th>{}</th>", html_escape(c.name));
  for (std::size_t i = 1; i < t.columns.size(); ++i)
    head += fmt::format("<th>{} − {}</th>", html_escape(t.columns[i].name), html_escape(first.name));
  head += "</tr>\n";
  std::string rows;
  for (const auto& line : side_by_side_lines(t, SideBySideRows::Headline)) {
    const std::string unit = unit_of(line.row->path);
    std::string cells;
    for (const auto& v : line.row->values)
      cells += fmt::format("<td>{}</td>", html_escape(value_cell(v, unit)));
    for (std::size_t i = 1; i < t.columns.size(); ++i)
      cells += fmt::format("<td>{}</td>", html_escape(change_cell(line.row->changes[i], unit, t.columns[i].method)));
    rows += fmt::format("<tr><th title=\"{}\">{}</th><td>{}</td>{}</tr>\n", html_escape(line.row->path),
                        html_escape(line.section == "key" ? line.label : line.row->path), html_escape(unit), cells);
  }
  return fmt::format("<ul class=\"files\">\n{}</ul>\n<table class=\"headline\">\n{}{}</table>\n"
                     "<p class=\"files\">Key results, then the statistics that changed most. ± : 95 % interval; * : "
                     "the interval of the change excludes zero; – : the folder has no such statistic. Every "
                     "statistic: <code>rongou compare --all</code>.</p>\n",
                     methods, head, rows);
}

std::string runs_table(const std::vector<RunData>& runs, const SideBySide& t) {
  auto text = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.is_null() ? "–" : v.dump(); };
  std::string head = "<tr><th></th>";
  for (const auto& c : t.columns)
    head += fmt::format("<th>{}</th>", html_escape(c.name));
  std::string rows;
  auto row = [&](const std::string& k, auto value_of) {
    rows += fmt::format("<tr><th>{}</th>", html_escape(k));
    for (const auto& r : runs)
      rows += fmt::format("<td><code>{}</code></td>", html_escape(value_of(r)));
    rows += "</tr>\n";
  };
  row("results folder", [](const RunData& r) { return r.dir.string(); });
  row("scenario", [](const RunData& r) { return r.scenario_name(); });
  for (const char* key : {"seed", "replications", "horizon_days", "warmup_days"})
    row(key, [&](const RunData& r) { return text(r.summary.value(key, nlohmann::json())); });
  row("command", [&](const RunData& r) {
    const std::string c = r.provenance.is_object() ? text(r.provenance.value("command", nlohmann::json())) : "";
    return c.empty() ? std::string("(not recorded)") : c;
  });
  return "<table class=\"provenance\">" + head + "</tr>\n" + rows + "</table>\n";
}

std::string chart_id(const std::string& path) {
  std::string id = "key-";
  for (char c : path)
    id += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return id;
}

} // namespace

fs::path write_compare_report(const SideBySide& table, const fs::path& out_dir, bool force) {
  const fs::path out = fs::absolute(out_dir).lexically_normal();
  if (fs::exists(out / "summary.json"))
    throw InputError(fmt::format("{}: is a results folder; write the comparison report to another folder",
                                 out.string()));
  // Only two runs share the run report's charts, which read the CSV files; otherwise the page
  // needs each run's summary and provenance.
  const bool shared_charts = table.columns.size() == 2;
  std::vector<RunData> runs;
  for (const auto& c : table.columns) {
    const fs::path dir = fs::absolute(c.dir).lexically_normal();
    runs.push_back(shared_charts ? load_run_data(dir) : load_run_summary(dir));
  }
  OutputFolder folder = OutputFolder::claim(out, {"--report", force});
  const fs::path staged = folder.staging();

  std::vector<std::unique_ptr<Chart>> charts;
  for (const auto& key : key_results(table)) {
    const SideBySideRow& row = *table.find(key.path);
    const std::string unit = unit_of(key.path);
    std::vector<Bar> bars;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      Bar b{table.columns[i].name, std::nullopt, std::nullopt};
      if (const auto& v = row.values[i]) {
        const double scale = unit == "%" ? 100.0 : 1.0;
        b.value = scale * v->mean;
        if (!std::isnan(v->half_width))
          b.half_width = scale * v->half_width;
      }
      bars.push_back(std::move(b));
    }
    charts.push_back(std::make_unique<MetricBarsChart>(chart_id(key.path), key.label,
                                                       unit.empty() ? key.label : key.label + ", " + unit,
                                                       std::move(bars)));
  }
  // Two runs can share the axes of the run report's charts: the first filled or solid, the
  // second pale or dashed. More would not be told apart.
  std::vector<LabelledRun> labelled;
  if (shared_charts) {
    labelled = {{"A", &runs[0]}, {"B", &runs[1]}};
    for (auto& c : comparison_charts())
      charts.push_back(std::move(c));
  }
  const auto sections = draw_charts(staged, charts, [&](const Chart& chart, const fs::path& dir) {
    if (const auto* bars = dynamic_cast<const MetricBarsChart*>(&chart))
      return bars->draw(dir);
    return chart.write_runs(labelled, dir);
  });

  std::string names;
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    names += (i == 0 ? "" : i + 1 == table.columns.size() ? " and " : ", ") + table.columns[i].name;
  std::string html = page_start("rongou comparison: " + names);
  html += fmt::format("<h1>rongou: {}</h1>\n", html_escape(names));
  html += fmt::format("<p class=\"subtitle\">{} results folders; changes are against the first, {}.{}</p>\n",
                      table.columns.size(), html_escape(table.columns.front().name),
                      shared_charts ? fmt::format(" On the shared charts A is {} (filled or solid) and B is {} "
                                                     "(pale, outlined or dashed).",
                                                     html_escape(table.columns[0].name),
                                                     html_escape(table.columns[1].name))
                                       : std::string());
  html += page_nav(sections, {{"runs", "the runs"}});
  html += key_results_table(table);
  html += sections_html(sections);
  html += "<section id=\"runs\">\n<h2>The runs</h2>\n" + runs_table(runs, table) + "</section>\n";
  html += "</body>\n</html>\n";
  const fs::path page = write_page(staged, html);
  nlohmann::ordered_json provenance;
  provenance["program"] = "rongou";
  provenance["version"] = Provenance::rongou_version();
  provenance["compared"] = nlohmann::ordered_json::array();
  for (const auto& r : runs)
    provenance["compared"].push_back(r.dir.string());
  write_text_file(staged / "provenance.json", provenance.dump(2) + "\n");
  folder.commit();
  return out / page.filename();
}

} // namespace rongou::report
