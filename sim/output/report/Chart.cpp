#include "output/report/Chart.hpp"

#include "output/TextFile.hpp"

#include <fmt/format.h>

#include "output/report/BoxStockChart.hpp"
#include "output/report/ChoiceChart.hpp"
#include "output/report/RoutesChart.hpp"
#include "output/report/CostChart.hpp"
#include "output/report/CrossingUtilisationChart.hpp"
#include "output/report/EmissionsChart.hpp"
#include "output/report/PoolPlacesChart.hpp"
#include "output/report/WagonFleetChart.hpp"
#include "output/report/NetworkMapChart.hpp"
#include "output/report/StringLineChart.hpp"
#include "output/report/TransitDistributionChart.hpp"
#include "output/report/WaitsByCauseChart.hpp"
#include "output/report/WeeklyServicesChart.hpp"
#include "output/report/YardQueueChart.hpp"

namespace rongou::report {

std::vector<std::unique_ptr<Chart>> report_charts(const ReportOptions& options) {
  std::vector<std::unique_ptr<Chart>> charts;
  charts.push_back(std::make_unique<StringLineChart>(options.first_week, options.last_week));
  charts.push_back(std::make_unique<TransitDistributionChart>());
  charts.push_back(std::make_unique<CostChart>());
  charts.push_back(std::make_unique<EmissionsChart>());
  charts.push_back(std::make_unique<ChoiceChart>());
  charts.push_back(std::make_unique<RoutesChart>());
  charts.push_back(std::make_unique<WaitsByCauseChart>());
  charts.push_back(std::make_unique<WeeklyServicesChart>());
  charts.push_back(std::make_unique<YardQueueChart>());
  charts.push_back(std::make_unique<PoolPlacesChart>(PoolPlacesChart::Units::Locomotives));
  charts.push_back(std::make_unique<PoolPlacesChart>(PoolPlacesChart::Units::Crews));
  charts.push_back(std::make_unique<BoxStockChart>());
  charts.push_back(std::make_unique<WagonFleetChart>());
  charts.push_back(std::make_unique<NetworkMapChart>());
  charts.push_back(std::make_unique<CrossingUtilisationChart>());
  return charts;
}

std::vector<std::unique_ptr<Chart>> comparison_charts() {
  std::vector<std::unique_ptr<Chart>> charts;
  charts.push_back(std::make_unique<TransitDistributionChart>());
  charts.push_back(std::make_unique<CostChart>());
  charts.push_back(std::make_unique<RoutesChart>());
  charts.push_back(std::make_unique<WaitsByCauseChart>());
  charts.push_back(std::make_unique<WeeklyServicesChart>());
  return charts;
}

std::string series_title(const LabelledRun& run, const std::string& name) {
  return run.label.empty() ? name : run.label + " " + name;
}

std::string bar_fill(std::size_t run_index) { return run_index == 0 ? "fs solid 0.85" : "fs solid 0.35"; }

std::string line_dash(std::size_t run_index) { return run_index == 0 ? "dt 1" : "dt 2"; }

std::string daily_panels_preamble(const std::string& id, int panel_px, std::size_t panels, double end_days) {
  std::string gp = gnuplot_preamble(id, 1200, 60 + panel_px * static_cast<int>(panels));
  gp += fmt::format("set multiplot layout {},1\n", panels);
  gp += fmt::format("set xrange [0:{}]\n", end_days);
  gp += "set key outside top right horizontal samplen 2\nset style fill solid 0.45 noborder\nset boxwidth 1 absolute\n";
  return gp;
}

std::string daily_panel_xlabel(std::size_t panel, std::size_t panels) {
  return panel + 1 == panels ? "set xlabel \"day of the run\"\n" : "unset xlabel\n";
}

std::string histogram_plot(const std::string& data_file, const std::vector<HistogramSeries>& series, bool intervals) {
  std::string gp = "plot ";
  for (std::size_t i = 0; i < series.size(); ++i) {
    const std::size_t col = 2 + 2 * i;
    gp += fmt::format("{}\"{}\" using {}{}:xtic(1) {} lc rgb \"{}\" title {}", i ? ", \\\n     " : "", data_file, col,
                      intervals ? fmt::format(":{}", col + 1) : "", bar_fill(series[i].run_index), series[i].colour,
                      gnuplot_string(series[i].title));
  }
  return gp + "\n";
}

std::string gnuplot_preamble(const std::string& id, int width_px, int height_px) {
  return fmt::format("# Written by rongou; edit freely and re-run: gnuplot {0}.gp\n"
                     "reset\n"
                     "set terminal svg size {1},{2} font \"DejaVu Sans,12\" background \"#ffffff\" name \"{3}\"\n"
                     "set output \"{0}.svg\"\n"
                     "set encoding utf8\n"
                     "set datafile separator whitespace\n"
                     "set border 3 lc rgb \"#555555\"\n"
                     "set tics nomirror textcolor rgb \"#333333\"\n"
                     "set grid lc rgb \"#e3e3e3\" lt 1 dt 1\n"
                     "set key noenhanced\n",
                     id, width_px, height_px, [&] {
                       std::string name;
                       for (char c : id)
                         name += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
                       return name;
                     }());
}

void write_text_file(const std::filesystem::path& file, const std::string& text) {
  rongou::write_text_file(file, std::string_view(text));
}

} // namespace rongou::report
