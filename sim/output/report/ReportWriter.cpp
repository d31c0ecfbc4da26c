#include "output/report/ReportWriter.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "output/RunOutputs.hpp"
#include "output/report/Gnuplot.hpp"

namespace rongou::report {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// gnuplot writes a standalone SVG document; inline SVG in HTML starts at <svg.
std::string inline_svg(const std::string& document) {
  const auto start = document.find("<svg");
  return start == std::string::npos ? std::string() : document.substr(start);
}

std::string number(const nlohmann::json& v, int decimals) {
  if (v.is_number())
    return fmt::format("{:.{}f}", v.get<double>(), decimals);
  if (v.is_object() && v.contains("mean") && v["mean"].is_number())
    return fmt::format("{:.{}f}", v["mean"].get<double>(), decimals) +
           (v.contains("ci95") && v["ci95"].is_number() ? fmt::format(" ± {:.{}f}", v["ci95"].get<double>(), decimals)
                                                        : "");
  return "–";
}

std::string headline(const RunData& run) {
  std::string rows;
  auto row = [&](const std::string& label, const std::string& a, const std::string& b) {
    rows += fmt::format("<tr><th>{}</th><td>{}</td><td>{}</td></tr>\n", html_escape(label), html_escape(a),
                        html_escape(b));
  };
  const auto& dirs = json_at(run.summary, {"rail", "directions"});
  auto both = [&](std::initializer_list<const char*> path, int decimals) {
    std::vector<std::string> out;
    for (const char* d : {"westbound", "eastbound"}) {
      const nlohmann::json* node = &json_at(dirs, {d});
      for (const char* key : path)
        node = &json_at(*node, {key});
      out.push_back(number(*node, decimals));
    }
    return out;
  };
  auto t = both({"transit_days", "mean"}, 1);
  row("door-to-door days, mean", t[0], t[1]);
  t = both({"transit_days", "p95"}, 1);
  row("door-to-door days, p95", t[0], t[1]);
  std::vector<std::string> per_week;
  for (const char* d : {"westbound", "eastbound"})
    per_week.push_back(number(json_at(run.summary, {"rail", "trains", d, "per_week"}), 1));
  row("trains a week", per_week[0], per_week[1]);
  t = both({"mean_train_load_feu"}, 1);
  row("mean load (FEU per train)", t[0], t[1]);
  std::string table = "<table class=\"headline\"><tr><th></th><th>rail westbound</th><th>rail eastbound</th></tr>\n" +
                      rows + "</table>\n";
  const auto& sea = json_at(run.summary, {"modes", "sea"});
  if (sea.is_object())
    table += fmt::format("<p>Sea: door-to-door mean {} days, p95 {} days.</p>\n",
                         number(json_at(sea, {"transit_days", "mean"}), 1),
                         number(json_at(sea, {"transit_days", "p95"}), 1));
  return table;
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

constexpr const char* kStyle = R"(body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em auto;max-width:1240px;color:#222;background:#fff}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin:1.6em 0 .4em;border-bottom:1px solid #ddd}
.subtitle{color:#555;margin-top:0}figure{margin:0}figure svg{max-width:100%;height:auto;display:block}
figcaption,.files{color:#555;font-size:.9em}.nodata{background:#f6f6f6;padding:1em;color:#666}
table{border-collapse:collapse;font-size:.95em}th,td{padding:.25em .8em;text-align:left;border-bottom:1px solid #eee}
.headline td{text-align:right}pre{background:#f6f6f6;padding:1em;overflow:auto;font-size:.85em}
nav a{margin-right:1em})";

} // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    default: out += c;
    }
  }
  return out;
}

fs::path write_report(const fs::path& results_dir, const ReportOptions& options) {
  const fs::path dir = fs::absolute(results_dir).lexically_normal();
  const RunData run = load_run_data(dir);
  find_gnuplot(); // fail before writing anything when gnuplot is missing

  const fs::path staged = dir / fmt::format("report.tmp-{}", ::getpid());
  fs::remove_all(staged);
  fs::create_directories(staged);
  struct Section {
    std::string id, title;
    ChartFiles files;
    std::string svg;
  };
  std::vector<Section> sections;
  try {
    std::vector<std::string> scripts;
    for (const auto& chart : report_charts(options)) {
      Section s{chart->id(), chart->title(), chart->write(run, staged), {}};
      if (s.files.plotted)
        scripts.push_back(s.files.script);
      spdlog::debug("chart {}: {}", s.id, s.files.plotted ? "plotted" : s.files.note);
      sections.push_back(std::move(s));
    }
    const std::string warnings = run_gnuplot(staged, scripts);
    if (!warnings.empty())
      spdlog::warn("gnuplot said:\n{}", warnings);
    for (auto& s : sections)
      if (s.files.plotted)
        s.svg = inline_svg(read_text(staged / (s.id + ".svg")));
    replace_directory(staged, dir / "report");
  } catch (...) {
    // RONGOU_KEEP_FAILED_REPORT keeps the half-written folder for debugging a chart script.
    if (!std::getenv("RONGOU_KEEP_FAILED_REPORT"))
      fs::remove_all(staged);
    throw;
  }

  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += fmt::format("<title>rongou report: {}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n",
                      html_escape(run.scenario_name()), kStyle);
  html += fmt::format("<h1>rongou: {}</h1>\n", html_escape(run.scenario_name()));
  html += fmt::format("<p class=\"subtitle\">seed {}, {} days, first {} days warm-up (not counted)</p>\n",
                      html_escape(run.summary.value("seed", nlohmann::json()).dump()),
                      html_escape(run.summary.value("horizon_days", nlohmann::json()).dump()),
                      html_escape(run.summary.value("warmup_days", nlohmann::json()).dump()));
  html += "<nav>";
  for (const auto& s : sections)
    html += fmt::format("<a href=\"#chart-{}\">{}</a>", s.id, html_escape(s.title));
  html += "<a href=\"#scenario\">scenario</a><a href=\"#provenance\">provenance</a></nav>\n";
  html += headline(run);
  for (const auto& s : sections) {
    html += fmt::format("<section class=\"chart\" id=\"chart-{}\" data-plotted=\"{}\">\n<h2>{}</h2>\n", s.id,
                        s.files.plotted ? "yes" : "no", html_escape(s.title));
    if (s.files.plotted) {
      html += fmt::format("<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>\n", s.svg, html_escape(s.files.note));
      std::string data;
      for (const auto& d : s.files.data)
        data += (data.empty() ? "" : ", ") + fmt::format("<code>report/{}</code>", d);
      html += fmt::format("<p class=\"files\">data {}; script <code>report/{}</code></p>\n", data, s.files.script);
    } else {
      html += fmt::format("<p class=\"nodata\">{}</p>\n", html_escape(s.files.note));
    }
    html += "</section>\n";
  }
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

  const fs::path target = dir / "report.html";
  const fs::path tmp = dir / fmt::format("report.html.tmp-{}", ::getpid());
  write_text_file(tmp, html);
  fs::rename(tmp, target);
  spdlog::info("report written to {}", target.string());
  return target;
}

} // namespace rongou::report
