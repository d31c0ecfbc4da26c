#include "output/report/SweepReport.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "output/MarkupText.hpp"
#include "output/report/Chart.hpp"
#include "output/report/CsvTable.hpp"
#include "output/report/ReportPage.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou::report {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

struct Axis {
  std::string key;
  std::vector<std::string> values;
};

std::optional<double> as_number(const std::string& text) {
  double v = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, v);
  if (error != std::errc() || ptr != end || !std::isfinite(v))
    return std::nullopt;
  return v;
}

struct Point {
  double x = 0.0;
  std::optional<double> y, half_width;
};

// One column of sweep.csv against the first axis; its series are the combinations of the
// other axes' values. Drawn from the figure it is given.
class SweepColumnChart : public Chart {
public:
  SweepColumnChart(std::string id, std::string column, const Axis& axis, bool numeric, bool intervals,
                   std::string key_title, std::vector<std::pair<std::string, std::vector<Point>>> series)
      : id_(std::move(id)), column_(std::move(column)), key_title_(std::move(key_title)), axis_(axis),
        numeric_(numeric), intervals_(intervals), series_(std::move(series)) {}
  std::string id() const override { return id_; }
  std::string title() const override { return column_; }
  ChartFiles write(const RunData&, const fs::path& dir) const override { return draw(dir); }

  ChartFiles draw(const fs::path& dir) const {
    ChartFiles files;
    std::string data;
    bool any = false;
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (std::size_t s = 0; s < series_.size(); ++s) {
      data += fmt::format("{}# {}\n", s ? "\n\n" : "", series_[s].first.empty() ? column_ : series_[s].first);
      for (const auto& p : series_[s].second) {
        any = any || p.y.has_value();
        if (p.y) {
          const double h = p.half_width.value_or(0.0);
          low = std::min(low, *p.y - h);
          high = std::max(high, *p.y + h);
        }
        data += fmt::format("{} {} {}\n", p.x, p.y ? fmt::format("{}", *p.y) : "?",
                            p.half_width ? fmt::format("{}", *p.half_width) : "0");
      }
    }
    if (!any) {
      files.note = "No point of the sweep has this column.";
      return files;
    }
    write_text_file(dir / (id_ + ".dat"), data);
    std::string gp = gnuplot_preamble(id_, 900, 420);
    gp += fmt::format("set xlabel {} noenhanced\nset ylabel {} noenhanced\n", gnuplot_string(axis_.key),
                      gnuplot_string(column_));
    if (low == high) // one value everywhere: gnuplot would warn of an empty range
      gp += fmt::format("set yrange [{}:{}]\n", low - std::max(1.0, std::abs(low) * 0.05),
                        high + std::max(1.0, std::abs(high) * 0.05));
    if (!numeric_) {
      std::string tics;
      for (std::size_t i = 0; i < axis_.values.size(); ++i)
        tics += fmt::format("{}{} {}", i ? ", " : "", gnuplot_string(axis_.values[i]), i);
      gp += fmt::format("set xtics ({}) noenhanced\nset xrange [-0.5:{}]\n", tics,
                        static_cast<double>(axis_.values.size()) - 0.5);
    } else {
      gp += "set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05\n";
    }
    gp += series_.size() > 1 ? fmt::format("set key outside below center title {} noenhanced\n", gnuplot_string(key_title_))
                             : "set key off\n";
    gp += "plot ";
    for (std::size_t s = 0; s < series_.size(); ++s) {
      const char* colour = kPalette[s % std::size(kPalette)];
      gp += fmt::format("{}\"{}.dat\" index {} using 1:2{} with {} lc rgb \"{}\" lw 2 pt 7 ps 0.7 title {}",
                        s ? ", \\\n     " : "", id_, s, intervals_ ? ":3" : "",
                        intervals_ ? "yerrorlines" : "linespoints", colour, gnuplot_string(series_[s].first));
    }
    gp += "\n";
    write_text_file(dir / (id_ + ".gp"), gp);
    files.plotted = true;
    files.data = {id_ + ".dat"};
    files.script = id_ + ".gp";
    if (intervals_)
      files.note = "Error bars: 95 % interval of the mean over the point's replications.";
    return files;
  }

private:
  std::string id_, column_, key_title_; // key_title_: the other axes' keys, naming the series
  Axis axis_;
  bool numeric_, intervals_;
  std::vector<std::pair<std::string, std::vector<Point>>> series_;
};

Json read_manifest(const fs::path& file) {
  std::ifstream in(file);
  if (!in)
    throw InputError(fmt::format("{}: cannot read (is this a sweep folder?)", file.string()));
  try {
    return Json::parse(in);
  } catch (const Json::parse_error& e) {
    throw InputError(fmt::format("{}: not valid JSON: {}", file.string(), e.what()));
  }
}

} // namespace

bool is_sweep_folder(const fs::path& dir) { return fs::is_regular_file(dir / "sweep.json"); }

fs::path write_sweep_report(const fs::path& dir_in) {
  const fs::path dir = fs::absolute(dir_in).lexically_normal();
  const fs::path manifest_file = dir / "sweep.json";
  const Json manifest = read_manifest(manifest_file);
  std::vector<Axis> axes;
  std::vector<std::string> columns;
  std::size_t replications = 1;
  try {
    for (const auto& a : manifest.at("axes"))
      axes.push_back({a.at("key").get<std::string>(), a.at("values").get<std::vector<std::string>>()});
    columns = manifest.at("columns").get<std::vector<std::string>>();
    replications = manifest.at("replications").get<std::size_t>();
  } catch (const Json::exception& e) {
    throw InputError(fmt::format("{}: not a sweep manifest: {}", manifest_file.string(), e.what()));
  }
  if (axes.empty() || axes.front().values.empty())
    throw InputError(fmt::format("{}: no swept axis", manifest_file.string()));
  const CsvTable csv = CsvTable::read(dir / "sweep.csv");

  const Axis& x_axis = axes.front();
  bool numeric = true;
  for (const auto& v : x_axis.values)
    numeric = numeric && as_number(v).has_value();
  const bool intervals = replications > 1;
  std::vector<std::size_t> axis_columns;
  for (const auto& a : axes)
    axis_columns.push_back(csv.column(a.key));

  std::string key_title;
  for (std::size_t a = 1; a < axes.size(); ++a)
    key_title += fmt::format("{}{}", a > 1 ? ", " : "", axes[a].key);
  std::vector<std::unique_ptr<Chart>> charts;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::size_t value_col = csv.column(columns[c]);
    const auto ci_col = csv.index_of(columns[c] + "_ci95");
    // Series in the order their first point appears (row-major: the other axes' order).
    std::vector<std::pair<std::string, std::vector<Point>>> series;
    std::map<std::string, std::size_t> series_index;
    for (std::size_t row = 0; row < csv.rows(); ++row) {
      std::string name;
      for (std::size_t a = 1; a < axes.size(); ++a)
        name += fmt::format("{}{}", a > 1 ? ", " : "", csv.cell(row, axis_columns[a]));
      const auto [it, fresh] = series_index.emplace(name, series.size());
      if (fresh)
        series.push_back({name, {}});
      Point p;
      const std::string_view x = csv.cell(row, axis_columns[0]);
      if (numeric) {
        p.x = as_number(std::string(x)).value_or(0.0);
      } else {
        const auto at = std::find(x_axis.values.begin(), x_axis.values.end(), x);
        p.x = static_cast<double>(at - x_axis.values.begin());
      }
      p.y = csv.number(row, value_col, -1e300, 1e300);
      if (ci_col)
        p.half_width = csv.number(row, *ci_col, 0.0, 1e300);
      series[it->second].second.push_back(p);
    }
    for (auto& s : series)
      std::stable_sort(s.second.begin(), s.second.end(), [](const Point& a, const Point& b) { return a.x < b.x; });
    charts.push_back(std::make_unique<SweepColumnChart>(fmt::format("column-{:02}", c + 1), columns[c], x_axis,
                                                        numeric, intervals, key_title, std::move(series)));
  }
  const auto sections = draw_charts(dir, charts, [](const Chart& chart, const fs::path& staged) {
    return static_cast<const SweepColumnChart&>(chart).draw(staged);
  });
  const std::string scenario = manifest.value("scenario", std::string("sweep"));
  std::string axes_text;
  for (const auto& a : axes)
    axes_text += fmt::format("{}<code>{}</code> over {} values", axes_text.empty() ? "" : "; ", html_escape(a.key),
                             a.values.size());
  std::string html = page_start("rongou sweep: " + scenario);
  html += fmt::format("<h1>rongou sweep: {}</h1>\n", html_escape(scenario));
  html += fmt::format("<p class=\"subtitle\">{} points ({}), {} replication{} each. Every number: "
                      "<code>sweep.csv</code>; each point's results: <code>points/</code>.</p>\n",
                      csv.rows(), axes_text, replications, replications == 1 ? "" : "s");
  html += page_nav(sections, {});
  html += sections_html(sections);
  html += "</body>\n</html>\n";
  return write_page(dir, html);
}

} // namespace rongou::report
