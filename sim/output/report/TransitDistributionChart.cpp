#include "output/report/TransitDistributionChart.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace rongou::report {

namespace {

constexpr double kBinDays = 0.25;
// A transit longer than the longest run is not a transit of this run.
constexpr double kMaxTransitDays = 36500;
// Transits spread wider than kMaxBins bins (500 days) get wider bins, so that a results
// folder cannot make the histogram as large as it likes.
constexpr long kMaxBins = 2000;

struct Series {
  std::string title;
  std::string colour;
  std::size_t run_index = 0;
  std::vector<double> days;
  Stat summary_mean; // from summary.json: over all replications, with its interval
};

double mean(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v)
    s += x;
  return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

bool counted(double gate_in_h, double warmup_h, double horizon_h) { return gate_in_h >= warmup_h && gate_in_h < horizon_h; }

// Rail by direction and sea, of one run, as summary.json counts them.
std::vector<Series> run_series(const LabelledRun& labelled, std::size_t run_index) {
  const RunData& run = *labelled.run;
  std::vector<Series> series;
  if (run.containers.empty())
    return series;
  const double warmup_h = run.warmup_h();
  const auto& horizon = run.summary.value("horizon_days", nlohmann::json());
  const double horizon_h = horizon.is_number() ? horizon.get<double>() * 24.0 : 1e300;
  const auto& c = run.containers;
  // With doors: the door-to-door time, as summary.json's transit_days.
  const auto c_id = c.column("container"), c_dir = c.column("direction"), c_gate = c.column("gate_in_h"),
             c_transit = c.index_of("door_to_door_days").value_or(c.column("transit_days"));
  series.push_back({series_title(labelled, "rail westbound"), kWestboundColour, run_index, {}, {}});
  series.push_back({series_title(labelled, "rail eastbound"), kEastboundColour, run_index, {}, {}});
  std::map<std::string, double, std::less<>> gate_in;
  // A network run's containers.csv holds every tracked lane: the rail series are the focus
  // lane's, as rail.directions is.
  const auto c_lane = c.index_of("lane");
  const auto& focus = json_at(run.summary, {"focus_lane"});
  for (std::size_t r = 0; r < c.rows(); ++r) {
    const auto gate = c.number(r, c_gate);
    if (gate)
      gate_in[std::string(c.cell(r, c_id))] = *gate;
    const auto transit = c.number(r, c_transit, 0, kMaxTransitDays);
    if (!gate || !transit || !counted(*gate, warmup_h, horizon_h))
      continue;
    if (c_lane && focus.is_string() && c.cell(r, *c_lane) != focus.get<std::string>())
      continue;
    (c.cell(r, c_dir) == "westbound" ? series[0] : series[1]).days.push_back(*transit);
  }
  for (int d = 0; d < 2; ++d)
    series[d].summary_mean = read_stat(json_at(run.summary, {"rail", "directions", d == 0 ? "westbound" : "eastbound",
                                                             "transit_days"}),
                                       "mean")
                                 .value_or(Stat{mean(series[d].days), 0.0});
  if (run.sea && !run.sea->empty()) {
    const CsvTable& sea = *run.sea;
    Series s{series_title(labelled, "sea"), kSeaColour, run_index, {}, {}};
    const auto s_transit = sea.index_of("door_to_door_days").value_or(sea.column("transit_days"));
    const auto s_gate = sea.index_of("gate_in_h");
    // Timed pre-carriage moves the sea twin's gate-in; the window counts the rail twin's, as
    // modes.sea does.
    const auto s_shift = sea.index_of("precarriage_shift_h");
    const auto s_id = sea.column("container");
    // A network run's sea.csv holds every lane's sea alternative: the series is the focus
    // lane's, as modes.sea is.
    const auto s_lane = sea.index_of("lane");
    const auto& focus = json_at(run.summary, {"focus_lane"});
    for (std::size_t r = 0; r < sea.rows(); ++r) {
      if (s_lane && focus.is_string() && sea.cell(r, *s_lane) != focus.get<std::string>())
        continue;
      std::optional<double> gate;
      if (s_gate) {
        gate = sea.number(r, *s_gate);
        const auto shift = s_shift ? sea.number(r, *s_shift) : std::nullopt;
        if (gate && shift)
          *gate -= *shift;
      } else if (const auto it = gate_in.find(sea.cell(r, s_id)); it != gate_in.end())
        gate = it->second; // older sea.csv without gate_in_h: its rail twin's gate-in
      const auto transit = sea.number(r, s_transit, 0, kMaxTransitDays);
      if (transit && gate && counted(*gate, warmup_h, horizon_h))
        s.days.push_back(*transit);
    }
    s.summary_mean = read_stat(json_at(run.summary, {"modes", "sea", "transit_days"}), "mean")
                         .value_or(Stat{mean(s.days), 0.0});
    series.push_back(std::move(s));
  }
  return series;
}

} // namespace

ChartFiles TransitDistributionChart::write_runs(const std::vector<LabelledRun>& runs,
                                                const std::filesystem::path& dir) const {
  ChartFiles files;
  std::vector<Series> series;
  bool any_sea = false, replicated = false;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    for (auto& s : run_series(runs[i], i))
      series.push_back(std::move(s));
    any_sea = any_sea || (runs[i].run->sea && !runs[i].run->sea->empty());
    const auto& n = runs[i].run->summary.value("replications", nlohmann::json(1));
    replicated = replicated || (n.is_number() && n.get<double>() > 1);
  }
  std::erase_if(series, [](const Series& s) { return s.days.empty(); });
  // Why containers.csv is absent or holds the focus lane only, when `run --detail` said so.
  std::string detail_notes;
  for (const auto& r : runs)
    if (!r.run->detail_note().empty())
      detail_notes += " " + (runs.size() > 1 ? r.label + ": " : std::string()) + r.run->detail_note();
  if (series.empty()) {
    files.note = "No transit-time distribution: no container was delivered after the warm-up (or no containers.csv).";
    files.note += detail_notes;
    return files;
  }

  double lo = 1e300, hi = -1e300;
  for (const auto& s : series)
    for (double d : s.days) {
      lo = std::min(lo, d);
      hi = std::max(hi, d);
    }
  // Transits are in [0, kMaxTransitDays] (CsvTable::number checked them), so every bin
  // number below fits a long and every index lies in [0, bins).
  const double bin_days = kBinDays * std::max(1.0, std::ceil((hi - lo) / kBinDays / static_cast<double>(kMaxBins)));
  const long first_bin = static_cast<long>(std::floor(lo / bin_days));
  const long last_bin = static_cast<long>(std::floor(hi / bin_days));
  std::vector<std::vector<int>> counts(series.size(), std::vector<int>(static_cast<std::size_t>(last_bin - first_bin + 1)));
  for (std::size_t i = 0; i < series.size(); ++i)
    for (double d : series[i].days) {
      const long bin = std::clamp(static_cast<long>(std::floor(d / bin_days)), first_bin, last_bin);
      ++counts[i][static_cast<std::size_t>(bin - first_bin)];
    }

  std::string data = "# bin_start_days, then per series the share of its delivered containers (%) in the bin\n#";
  for (const auto& s : series)
    data += " " + gnuplot_data_field(s.title);
  data += fmt::format("\n# bins of {} days\n", bin_days);
  for (long b = first_bin; b <= last_bin; ++b) {
    data += fmt::format("{:.2f}", static_cast<double>(b) * bin_days);
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
  gp += fmt::format("set boxwidth {} absolute\nset style fill transparent solid 0.45 noborder\n", bin_days);
  gp += "set key top center\n";
  gp += fmt::format("set xrange [{:.2f}:{:.2f}]\n", std::floor(lo) - 0.5, std::ceil(hi) + 0.5);
  for (std::size_t i = 0; i < series.size(); ++i) {
    const Stat& m = series[i].summary_mean;
    // The mean of summary.json: over every replication, with its 95 % interval as a band.
    if (m.ci95 > 0.0)
      gp += fmt::format("set object {} rect from {:.3f}, graph 0 to {:.3f}, graph 1 behind fc rgb \"{}\" "
                        "fs transparent solid 0.2 noborder\n",
                        i + 1, m.value - m.ci95, m.value + m.ci95, series[i].colour);
    gp += fmt::format("set arrow {} from {:.3f}, graph 0 to {:.3f}, graph 1 nohead lw 1.5 {} lc rgb \"{}\"\n", i + 1,
                      m.value, m.value, series[i].run_index == 0 ? "dt 2" : "dt 3", series[i].colour);
  }
  gp += "plot ";
  for (std::size_t i = 0; i < series.size(); ++i) {
    const Stat& m = series[i].summary_mean;
    const std::string title =
        m.ci95 > 0.0 ? fmt::format("{} (n = {}, mean {:.2f} ± {:.2f} d)", series[i].title, series[i].days.size(),
                                   m.value, m.ci95)
                     : fmt::format("{} (n = {}, mean {:.1f} d)", series[i].title, series[i].days.size(), m.value);
    // The first run as filled bars, later runs as outlines on top, so both stay visible.
    const std::string style = series[i].run_index == 0 ? "with boxes" : "with histeps lw 1.5";
    const std::string x = fmt::format("($1+{})", bin_days / 2); // bin centres, for boxes and histeps alike
    gp += fmt::format("{}\"transit.dat\" using {}:{} {} lc rgb \"{}\" title {}", i ? ", \\\n     " : "", x, i + 2,
                      style, series[i].colour, gnuplot_string(title));
  }
  gp += "\n";
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = any_sea ? "Dashed lines mark the means. Containers gated in during the warm-up are left out."
                       : "Rail only: this run has no sea.csv. Dashed lines mark the means; containers gated in "
                         "during the warm-up are left out.";
  if (runs.size() > 1)
    files.note += " Run A: filled bars; run B: outlines, dotted means.";
  if (replicated)
    files.note += " Histograms are of replication 0; the means and their shaded 95 % intervals are over all "
                  "replications (summary.json).";
  files.note += detail_notes;
  return files;
}

} // namespace rongou::report
