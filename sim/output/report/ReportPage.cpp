#include "output/report/ReportPage.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "base/Interruption.hpp"
#include "output/OutputFolder.hpp"
#include "scenario/Diagnostics.hpp"
#include "output/report/Gnuplot.hpp"
#include "output/report/ReportWriter.hpp"
#include "output/report/ResultsFile.hpp"

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

// A statistic at parent.key as text, "mean ± ci95" when summary.json has an interval.
constexpr const char* kStyle = R"(body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em auto;max-width:1240px;color:#222;background:#fff}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin:1.6em 0 .4em;border-bottom:1px solid #ddd}
.subtitle{color:#555;margin-top:0}figure{margin:0}figure svg{max-width:100%;height:auto;display:block}
figcaption,.files{color:#555;font-size:.9em}.nodata{background:#f6f6f6;padding:1em;color:#666}
table{border-collapse:collapse;font-size:.95em}th,td{padding:.25em .8em;text-align:left;border-bottom:1px solid #eee}
.headline td{text-align:right}pre{background:#f6f6f6;padding:1em;overflow:auto;font-size:.85em}
nav a{margin-right:1em})";

} // namespace

std::vector<Section> draw_charts(const fs::path& dir, const std::vector<std::unique_ptr<Chart>>& charts,
                                 const ChartWriter& write) {
  find_gnuplot(); // fail before writing anything when gnuplot is missing
  // What the report replaces must be what a report wrote: never a symlink followed out.
  check_report_target(dir / "report", true);
  check_report_target(dir / "report.html", false);
  const fs::path staged = dir / fmt::format("report.tmp-{}", ::getpid());
  fs::remove_all(staged);
  fs::create_directories(staged);
  interruption::add_temporary(staged);
  struct Unregister {
    fs::path path;
    ~Unregister() { interruption::remove_temporary(path); }
  } unregister{staged};
  std::vector<Section> sections;
  try {
    GnuplotDrawing drawing(staged);
    // What a chart draws, in bytes, to share the drawing among the gnuplot processes (0 if unknown).
    const auto bytes = [&](const std::string& file) {
      std::error_code error;
      const auto size = fs::file_size(staged / file, error);
      return error ? std::uintmax_t{0} : size;
    };
    for (const auto& chart : charts) {
      Section s{chart->id(), chart->title(), write(*chart, staged), {}};
      if (s.files.plotted && !s.files.script.empty()) { // charts rongou draws itself have no script
        std::uintmax_t drawn = bytes(s.files.script);
        for (const auto& data : s.files.data)
          drawn += bytes(data);
        drawing.draw(s.files.script, drawn);
      }
      spdlog::debug("chart {}: {}", s.id, s.files.plotted ? "plotted" : s.files.note);
      sections.push_back(std::move(s));
    }
    const std::string warnings = drawing.finish();
    if (!warnings.empty())
      spdlog::warn("gnuplot said:\n{}", warnings);
    for (auto& s : sections)
      if (s.files.plotted)
        s.svg = inline_svg(read_text(staged / (s.id + ".svg")));
    const auto no_interruption = interruption::hold();
    replace_directory(staged, dir / "report");
  } catch (...) {
    // RONGOU_KEEP_FAILED_REPORT keeps the half-written folder for debugging a chart script.
    if (!std::getenv("RONGOU_KEEP_FAILED_REPORT"))
      fs::remove_all(staged);
    throw;
  }
  return sections;
}

std::string page_start(const std::string& title) {
  return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n",
                     html_escape(title), kStyle);
}

std::string page_nav(const std::vector<Section>& sections, const std::vector<std::pair<std::string, std::string>>& more) {
  std::string html = "<nav>";
  for (const auto& s : sections)
    html += fmt::format("<a href=\"#chart-{}\">{}</a>", s.id, html_escape(s.title));
  for (const auto& [anchor, label] : more)
    html += fmt::format("<a href=\"#{}\">{}</a>", anchor, html_escape(label));
  return html + "</nav>\n";
}

std::string sections_html(const std::vector<Section>& sections) {
  std::string html;
  for (const auto& s : sections) {
    html += fmt::format("<section class=\"chart\" id=\"chart-{}\" data-plotted=\"{}\">\n<h2>{}</h2>\n", s.id,
                        s.files.plotted ? "yes" : "no", html_escape(s.title));
    if (s.files.plotted) {
      html += fmt::format("<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>\n", s.svg, html_escape(s.files.note));
      // A chart without a script is drawn by rongou from a file of the results folder.
      const std::string folder = s.files.script.empty() ? "" : "report/";
      std::string data;
      for (const auto& d : s.files.data)
        data += (data.empty() ? "" : ", ") + fmt::format("<code>{}{}</code>", folder, d);
      if (s.files.script.empty())
        html += fmt::format("<p class=\"files\">data {}; drawn by rongou as <code>report/{}.svg</code></p>\n", data,
                            s.id);
      else
        html += fmt::format("<p class=\"files\">data {}; script <code>report/{}</code></p>\n", data, s.files.script);
    } else {
      html += fmt::format("<p class=\"nodata\">{}</p>\n", html_escape(s.files.note));
    }
    html += "</section>\n";
  }
  return html;
}

fs::path write_page(const fs::path& dir, const std::string& html) {
  const fs::path target = dir / "report.html";
  const fs::path tmp = dir / fmt::format("report.html.tmp-{}", ::getpid());
  interruption::add_temporary(tmp);
  try {
    write_text_file(tmp, html);
    fs::rename(tmp, target);
  } catch (...) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    interruption::remove_temporary(tmp);
    throw;
  }
  interruption::remove_temporary(tmp);
  spdlog::info("report written to {}", target.string());
  return target;
}

} // namespace rongou::report
