#include "output/report/SensitivityReport.hpp"

#include <cmath>
#include <fmt/format.h>

#include "output/GnuplotDataField.hpp"
#include "output/GnuplotString.hpp"
#include "output/MarkupText.hpp"
#include "output/SensitivityFiles.hpp"
#include "output/report/Chart.hpp"
#include "output/report/ReportPage.hpp"

namespace rongou::report {

namespace fs = std::filesystem;

namespace {

// The end of a Morris axis: a fifth beyond the largest μ* (or σ), 1 when all are 0.
double axis_end(const std::vector<SensitivityRow>& rows, bool mu_star) {
  double most = 0.0;
  for (const auto& r : rows) {
    const double v = mu_star ? r.morris.mu_star : r.morris.sigma;
    if (!std::isnan(v))
      most = std::max(most, v);
  }
  return most > 0.0 ? 1.2 * most : 1.0;
}

class SensitivityChart : public Chart {
public:
  SensitivityChart(std::string metric, std::size_t index, bool morris, std::vector<SensitivityRow> rows)
      : metric_(std::move(metric)), index_(index), morris_(morris), rows_(std::move(rows)) {}
  std::string id() const override { return fmt::format("{}-{}", morris_ ? "morris" : "elasticity", index_ + 1); }
  std::string title() const override {
    return morris_ ? fmt::format("{}: Morris screening (μ* against σ)", metric_)
                   : fmt::format("{}: one-at-a-time elasticity", metric_);
  }
  ChartFiles write(const RunData&, const fs::path& dir) const override { return write_rows(dir); }

  ChartFiles write_rows(const fs::path& dir) const {
    ChartFiles files;
    std::string data = fmt::format("# {}\n# parameter {}\n", gnuplot_data_comment(title()),
                                   morris_ ? "mu_star sigma" : "elasticity");
    std::size_t n = 0;
    for (const auto& r : rows_) {
      const double a = morris_ ? r.morris.mu_star : r.elasticity;
      if (std::isnan(a))
        continue;
      const double b = std::isnan(r.morris.sigma) ? 0.0 : r.morris.sigma;
      data += morris_ ? fmt::format("{} {} {}\n", gnuplot_data_field(r.parameter), a, b)
                      : fmt::format("{} {}\n", gnuplot_data_field(r.parameter), a);
      ++n;
    }
    if (n == 0) {
      files.note = morris_ ? "no elementary effect measured" : "no elasticity measured (a base value of 0?)";
      return files;
    }
    const std::string name = id() + ".dat";
    write_text_file(dir / name, data);
    std::string gp;
    if (morris_) {
      gp = gnuplot_preamble(id(), 900, 560);
      gp += "set rmargin 28\n"; // room for the label of the rightmost parameter
      gp += "set termoption noenhanced\nunset key\nset xlabel \"μ* (mean |elementary effect|, metric units over the range)\"\n"
            "set ylabel \"σ of the elementary effects\"\n";
      // Explicit ranges: gnuplot warns about an empty range when every σ is 0.
      gp += fmt::format("set xrange [0:{}]\nset yrange [0:{}]\n", axis_end(rows_, true), axis_end(rows_, false));
      gp += fmt::format("plot \"{0}\" using 2:3 with points pt 7 ps 1.2 lc rgb \"{1}\", \\\n"
                        "     \"{0}\" using 2:3:1 with labels offset 1,0.6 left noenhanced font \",10\"\n",
                        name, kWestboundColour);
    } else {
      gp = gnuplot_preamble(id(), 1100, 120 + 34 * static_cast<int>(n));
      gp += "unset key\nset style fill solid 0.6 noborder\nset termoption noenhanced\nset yzeroaxis lt 1 lc rgb \"#555555\"\nset lmargin 48\n"
            "set grid xtics noytics\nset ytics scale 0\n";
      gp += fmt::format("set yrange [-0.6:{}]\nset xlabel \"elasticity (relative change of the metric per relative change of the parameter)\"\n", n - 0.4);
      gp += fmt::format("plot \"{}\" using (0):0:(0):2:($0-0.35):($0+0.35):ytic(1) with boxxyerror lc rgb \"{}\"\n",
                        name, kEastboundColour);
    }
    write_text_file(dir / (id() + ".gp"), gp);
    files.plotted = true;
    files.data = {name};
    files.script = id() + ".gp";
    files.note = morris_ ? "Right: influential; up: non-linear or interacting (Morris 1991, μ* after Campolongo et "
                           "al. 2007)."
                         : "Central arc elasticity from one step below and above the scenario's value.";
    return files;
  }

private:
  std::string metric_;
  std::size_t index_;
  bool morris_;
  std::vector<SensitivityRow> rows_;
};

} // namespace

fs::path write_sensitivity_report(const fs::path& dir, const std::string& scenario,
                                  const std::vector<SensitivityParameter>& parameters,
                                  const std::vector<std::string>& metrics, const std::vector<SensitivityRow>& rows) {
  std::vector<std::unique_ptr<Chart>> charts;
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    std::vector<SensitivityRow> of_metric;
    for (const auto& r : rows)
      if (r.metric == metrics[m])
        of_metric.push_back(r);
    charts.push_back(std::make_unique<SensitivityChart>(metrics[m], m, false, of_metric));
    charts.push_back(std::make_unique<SensitivityChart>(metrics[m], m, true, of_metric));
  }
  const auto sections = draw_charts(dir, charts, [](const Chart& chart, const fs::path& staged) {
    return static_cast<const SensitivityChart&>(chart).write_rows(staged);
  });
  std::string html = page_start("rongou sensitivity: " + scenario);
  html += fmt::format("<h1>Sensitivity: {}</h1>\n<p class=\"subtitle\">{} parameters, {} metrics</p>\n",
                      html_escape(scenario), parameters.size(), metrics.size());
  html += page_nav(sections, {{"table", "table"}});
  html += sections_html(sections);
  html += fmt::format("<section id=\"table\"><h2>Table</h2>\n<pre>{}</pre>\n<p class=\"files\">data <code>"
                      "sensitivity.csv</code>, <code>points.csv</code></p></section>\n</body>\n</html>\n",
                      html_escape(sensitivity_csv(rows)));
  return write_page(dir, html);
}

} // namespace rongou::report
