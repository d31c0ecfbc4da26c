#include "output/report/RankReport.hpp"

#include <cmath>
#include <fmt/format.h>

#include "output/ColumnFit.hpp"
#include "output/GnuplotDataField.hpp"
#include "output/GnuplotString.hpp"
#include "output/LeverRankText.hpp"
#include "output/MarkupText.hpp"
#include "output/report/Chart.hpp"
#include "output/report/ReportPage.hpp"
#include "output/report/ReportWriter.hpp"

namespace rongou::report {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kLabelBytes = 64; // what the chart's left margin holds

// One tornado: the levers of one metric's ranking, by effect or by effect per dollar.
class TornadoChart : public Chart {
public:
  TornadoChart(const RankResults& results, std::size_t metric, bool per_dollar)
      : results_(results), metric_(metric), per_dollar_(per_dollar) {}
  std::string id() const override {
    return fmt::format("tornado-{}{}", metric_ + 1, per_dollar_ ? "-per-dollar" : "");
  }
  std::string title() const override {
    const MetricRanking& m = results_.metrics[metric_];
    return per_dollar_ ? fmt::format("{}: effect per million USD a year", m.metric)
                       : fmt::format("{}: effect of each lever", m.metric);
  }
  ChartFiles write(const RunData&, const fs::path& dir) const override { return write_ranking(dir); }

  ChartFiles write_ranking(const fs::path& dir) const {
    const MetricRanking& m = results_.metrics[metric_];
    ChartFiles files;
    std::string data = fmt::format("# {}\n# lever effect ci95 (rank 1 last: gnuplot draws it on top)\n",
                                   gnuplot_data_comment(title()));
    std::size_t rows = 0;
    for (auto it = m.levers.rbegin(); it != m.levers.rend(); ++it) {
      const double effect = per_dollar_ ? it->effect_per_musd_year.value_or(std::nan("")) : it->effect.difference;
      const double ci = per_dollar_ ? it->effect_per_musd_year_ci95.value_or(std::nan("")) : it->effect.half_width;
      if (std::isnan(effect))
        continue;
      data += fmt::format("{} {} {}\n", gnuplot_data_field(fit_column(it->label, kLabelBytes)), effect,
                          std::isnan(ci) ? 0.0 : ci);
      ++rows;
    }
    if (rows == 0) {
      files.note = "no lever has a measured effect";
      return files;
    }
    const std::string name = id() + ".dat";
    write_text_file(dir / name, data);
    std::string gp = gnuplot_preamble(id(), 1100, 120 + 34 * static_cast<int>(rows));
    gp += "set datafile separator whitespace\nunset key\nset style fill solid 0.6 noborder\n";
    gp += fmt::format("set xlabel {}\n", gnuplot_string(per_dollar_ ? "effect per million USD a year (lever − base)"
                                                                    : "effect (lever − base), " + m.metric));
    gp += fmt::format("set yrange [-0.6:{}]\nset ytics scale 0\nset grid xtics noytics\n", rows - 0.4);
    gp += "set termoption noenhanced\nset yzeroaxis lt 1 lc rgb \"#555555\"\nset lmargin 60\n";
    gp += fmt::format("plot \"{0}\" using (0):0:(0):2:($0-0.35):($0+0.35):ytic(1) with boxxyerror lc rgb \"{1}\", \\\n"
                      "     \"{0}\" using 2:0:($2-$3):($2+$3) with xerrorbars pt 7 ps 0.5 lc rgb \"#222222\"\n",
                      name, kWestboundColour);
    write_text_file(dir / (id() + ".gp"), gp);
    files.plotted = true;
    files.data = {name};
    files.script = id() + ".gp";
    files.note = fmt::format("{} paired replications; whiskers: 95 % interval of the mean difference; base {:.4g}.",
                             results_.replications, m.base.mean);
    return files;
  }

private:
  const RankResults& results_;
  std::size_t metric_;
  bool per_dollar_;
};

} // namespace

fs::path write_rank_report(const fs::path& dir, const RankResults& results) {
  std::vector<std::unique_ptr<Chart>> charts;
  for (std::size_t m = 0; m < results.metrics.size(); ++m) {
    charts.push_back(std::make_unique<TornadoChart>(results, m, false));
    if (results.per_dollar)
      charts.push_back(std::make_unique<TornadoChart>(results, m, true));
  }
  const auto sections = draw_charts(dir, charts, [](const Chart& chart, const fs::path& staged) {
    return static_cast<const TornadoChart&>(chart).write_ranking(staged);
  });
  std::string html = page_start("rongou rank: " + results.scenario);
  html += fmt::format("<h1>Levers ranked: {}</h1>\n<p class=\"subtitle\">{} paired replications, seed {}</p>\n",
                      html_escape(results.scenario), results.replications, results.seed);
  html += page_nav(sections, {{"table", "table"}});
  html += sections_html(sections);
  html += fmt::format("<section id=\"table\"><h2>Table</h2>\n<pre>{}</pre>\n<p class=\"files\">data <code>rank.csv"
                      "</code>, <code>rank.json</code></p></section>\n</body>\n</html>\n",
                      html_escape(format_rank_table(results)));
  return write_page(dir, html);
}

} // namespace rongou::report
