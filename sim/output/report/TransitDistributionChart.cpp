#include "output/report/TransitDistributionChart.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace rongou::report {

namespace {

constexpr double kBinDays = 0.25;

struct Series {
  std::string title;
  std::string colour;
  std::vector<double> days;
};

double mean(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v)
    s += x;
  return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

} // namespace

ChartFiles TransitDistributionChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  if (run.containers.empty()) {
    files.note = "No transit-time distribution: this run has no containers.csv.";
    return files;
  }
  const auto& c = run.containers;
  const auto c_id = c.column("container"), c_dir = c.column("direction"), c_gate = c.column("gate_in_h"),
             c_transit = c.column("transit_days");
  const double warmup_h = run.warmup_h();
  std::vector<Series> series{{"rail westbound", kWestboundColour, {}}, {"rail eastbound", kEastboundColour, {}}};
  std::map<std::string, double> gate_in;
  for (std::size_t r = 0; r < c.rows(); ++r) {
    const auto gate = c.number(r, c_gate);
    if (gate)
      gate_in[c.cell(r, c_id)] = *gate;
    const auto transit = c.number(r, c_transit);
    if (!gate || *gate < warmup_h || !transit)
      continue;
    (c.cell(r, c_dir) == "westbound" ? series[0] : series[1]).days.push_back(*transit);
  }
  if (run.sea && !run.sea->empty()) {
    Series sea{"sea", kSeaColour, {}};
    const auto s_id = run.sea->column("container"), s_transit = run.sea->column("transit_days");
    for (std::size_t r = 0; r < run.sea->rows(); ++r) {
      const auto it = gate_in.find(run.sea->cell(r, s_id));
      const auto transit = run.sea->number(r, s_transit);
      if (transit && (it == gate_in.end() || it->second >= warmup_h))
        sea.days.push_back(*transit);
    }
    series.push_back(std::move(sea));
  }
  std::erase_if(series, [](const Series& s) { return s.days.empty(); });
  if (series.empty()) {
    files.note = "No container was delivered after the warm-up.";
    return files;
  }

  double lo = 1e300, hi = -1e300;
  for (const auto& s : series)
    for (double d : s.days) {
      lo = std::min(lo, d);
      hi = std::max(hi, d);
    }
  const long first_bin = static_cast<long>(std::floor(lo / kBinDays));
  const long last_bin = static_cast<long>(std::floor(hi / kBinDays));
  std::vector<std::vector<int>> counts(series.size(), std::vector<int>(static_cast<std::size_t>(last_bin - first_bin + 1)));
  for (std::size_t i = 0; i < series.size(); ++i)
    for (double d : series[i].days)
      ++counts[i][static_cast<std::size_t>(static_cast<long>(std::floor(d / kBinDays)) - first_bin)];

  std::string data = "# bin_start_days";
  for (const auto& s : series)
    data += " pct_" + std::string(s.title == "sea" ? "sea" : s.title.substr(5));
  data += fmt::format("\n# share of delivered containers (%) per {}-day bin\n", kBinDays);
  for (long b = first_bin; b <= last_bin; ++b) {
    data += fmt::format("{:.2f}", static_cast<double>(b) * kBinDays);
    for (std::size_t i = 0; i < series.size(); ++i)
      data += fmt::format(" {:.3f}", 100.0 * counts[i][static_cast<std::size_t>(b - first_bin)] /
                                         static_cast<double>(series[i].days.size()));
    data += "\n";
  }
  files.data.push_back("transit.dat");
  write_text_file(dir / "transit.dat", data);

  std::string gp = gnuplot_preamble(id(), 1200, 480);
  gp += "set xlabel \"days from gate-in at origin to arrival at destination\"\n";
  gp += "set ylabel \"share of containers (%)\"\nset yrange [0:*]\n";
  gp += fmt::format("set boxwidth {} absolute\nset style fill transparent solid 0.45 noborder\n", kBinDays);
  gp += "set key top right\n";
  gp += fmt::format("set xrange [{:.2f}:{:.2f}]\n", std::floor(lo) - 0.5, std::ceil(hi) + 0.5);
  for (std::size_t i = 0; i < series.size(); ++i) {
    const double m = mean(series[i].days);
    gp += fmt::format("set arrow {} from {:.3f}, graph 0 to {:.3f}, graph 1 nohead lw 1.5 dt 2 lc rgb \"{}\"\n", i + 1,
                      m, m, series[i].colour);
  }
  gp += "plot ";
  for (std::size_t i = 0; i < series.size(); ++i)
    gp += fmt::format("{}\"transit.dat\" using ($1+{}):{} with boxes lc rgb \"{}\" title {}", i ? ", \\\n     " : "",
                      kBinDays / 2, i + 2, series[i].colour,
                      gnuplot_quote(fmt::format("{} (n = {}, mean {:.1f} d)", series[i].title, series[i].days.size(),
                                                mean(series[i].days))));
  gp += "\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = run.sea ? "Dashed lines mark the means. Warm-up containers are left out."
                       : "Rail only: this run has no sea.csv. Dashed lines mark the means; warm-up containers are "
                         "left out.";
  return files;
}

} // namespace rongou::report
