#include "output/report/StringLineChart.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace rongou::report {

namespace {

struct AxisNode {
  std::string name;
  double km = 0.0;
  bool border = false;
  bool gauge_change = false;
  std::string country;
};

// The axis is the first westbound service's route (km from its origin, Chengdu in the
// baseline); other services' nodes are placed by name on it.
std::vector<AxisNode> corridor_axis(const CsvTable& routes) {
  std::vector<AxisNode> axis;
  if (routes.empty())
    return axis;
  const auto service = routes.column("service"), direction = routes.column("direction"),
             node = routes.column("node"), km = routes.column("km"), border = routes.column("border"),
             gauge = routes.column("gauge_change"), country = routes.column("country");
  std::string chosen;
  for (std::size_t r = 0; r < routes.rows() && chosen.empty(); ++r)
    if (routes.cell(r, direction) == "westbound")
      chosen = std::string(routes.cell(r, service));
  if (chosen.empty())
    chosen = std::string(routes.cell(0, service));
  std::map<std::string, bool, std::less<>> gauge_anywhere;
  for (std::size_t r = 0; r < routes.rows(); ++r)
    if (routes.cell(r, gauge) == "1")
      gauge_anywhere[std::string(routes.cell(r, node))] = true;
  for (std::size_t r = 0; r < routes.rows(); ++r)
    if (routes.cell(r, service) == chosen)
      axis.push_back({std::string(routes.cell(r, node)), routes.number(r, km).value_or(0.0), routes.cell(r, border) == "1",
                      gauge_anywhere.count(routes.cell(r, node)) > 0, std::string(routes.cell(r, country))});
  return axis;
}

} // namespace

std::string StringLineChart::title() const {
  return first_week_ == last_week_ ? fmt::format("Train movements, week {}", first_week_)
                                   : fmt::format("Train movements, weeks {} to {}", first_week_, last_week_);
}

ChartFiles StringLineChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  const auto axis = corridor_axis(run.routes);
  if (axis.empty() || run.events.empty() || run.trains.empty()) {
    files.note = "No time-distance diagram: this run has no routes.csv or no events.csv.";
    if (!run.detail_note().empty())
      files.note += " " + run.detail_note();
    return files;
  }
  std::map<std::string, double, std::less<>> km_of;
  for (const auto& n : axis)
    km_of[n.name] = n.km;

  std::map<std::string, std::string> direction_of;
  const auto t_train = run.trains.column("train"), t_direction = run.trains.column("direction");
  for (std::size_t r = 0; r < run.trains.rows(); ++r)
    direction_of[std::string(run.trains.cell(r, t_train))] = run.trains.cell(r, t_direction);

  // Events are in time order; keep each train's points in that order.
  const double t0_h = (first_week_ - 1) * 168.0;
  const double t1_h = last_week_ * 168.0;
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::pair<double, double>>> points;
  std::map<std::string, bool> in_window;
  const auto e_train = run.events.column("train"), e_time = run.events.column("time_h"),
             e_node = run.events.column("node");
  for (std::size_t r = 0; r < run.events.rows(); ++r) {
    const auto km = km_of.find(run.events.cell(r, e_node));
    const auto t = run.events.number(r, e_time);
    if (km == km_of.end() || !t)
      continue;
    const std::string train(run.events.cell(r, e_train));
    auto& p = points[train];
    if (p.empty())
      order.push_back(train);
    p.emplace_back(*t / 24.0, km->second);
    if (*t >= t0_h && *t <= t1_h)
      in_window[train] = true;
  }

  int trains_drawn = 0;
  for (const char* direction : {"westbound", "eastbound"}) {
    std::string data = fmt::format("# {} train units: time_days km_from_{} (one block per train unit)\n", direction,
                                   gnuplot_data_comment(axis.front().name));
    for (const auto& train : order) {
      if (!in_window.count(train) || direction_of[train] != direction)
        continue;
      data += fmt::format("# {}\n", gnuplot_data_comment(train));
      for (const auto& [day, km] : points[train])
        data += fmt::format("{:.4f} {:.1f}\n", day, km);
      data += "\n";
      ++trains_drawn;
    }
    const std::string name = fmt::format("string_line_{}.dat", direction);
    write_text_file(dir / name, data);
    files.data.push_back(name);
  }
  if (trains_drawn == 0) {
    files.note = fmt::format("No train moved in weeks {} to {} of this run.", first_week_, last_week_);
    return files;
  }

  const double max_km = axis.back().km;
  std::string gp = gnuplot_preamble(id(), 1200, 820);
  gp += fmt::format("set xrange [{}:{}]\nset yrange [0:{:.0f}]\n", t0_h / 24.0, t1_h / 24.0, max_km * 1.01);
  gp += "set xlabel \"day of the run (day 0 is a Monday)\"\nset xtics 1\nset mxtics 4\n";
  // Stations closer than about 1.5 % of the corridor share one tick label, and markers one
  // label, so that neighbours (Alashankou and Dostyk, Brest and Malaszewicze) stay readable.
  const double close_km = max_km * 0.015;
  struct Tick {
    double km;
    std::string label;
  };
  std::vector<Tick> ticks;
  for (const auto& n : axis) {
    if (!ticks.empty() && n.km - ticks.back().km < close_km)
      ticks.back().label += "/" + n.name;
    else
      ticks.push_back({n.km, n.name});
  }
  gp += "set ylabel \"\"\nset ytics (";
  for (std::size_t i = 0; i < ticks.size(); ++i)
    gp += fmt::format("{}{} {:.1f}", i ? ", " : "", gnuplot_string(ticks[i].label), ticks[i].km);
  gp += ") font \",10\"\n";
  gp += fmt::format("set y2tics 1000 textcolor rgb \"#777777\"\nset y2range [0:{:.0f}]\n", max_km * 1.01);
  gp += fmt::format("set format y2 \"%.0f km\"\nset title {} font \",10\" textcolor rgb \"#777777\"\n",
                    gnuplot_string(fmt::format("km from {} on the right", axis.front().name)));
  gp += "set rmargin 34\nset grid noxtics noytics mxtics\n";
  struct Marker {
    double km;
    std::vector<std::string> what;
    bool gauge;
  };
  std::vector<Marker> markers;
  int arrow = 1;
  for (std::size_t i = 0; i < axis.size(); ++i) {
    const auto& n = axis[i];
    if (!n.gauge_change && !n.border)
      continue;
    std::string what = "break of gauge";
    if (!n.gauge_change) {
      const std::string next_country = i + 1 < axis.size() ? axis[i + 1].country : n.country;
      const std::string previous_country = i > 0 ? axis[i - 1].country : n.country;
      what = "border " + (previous_country != n.country ? previous_country + "/" + n.country
                          : next_country != n.country ? n.country + "/" + next_country
                                                      : n.country);
    }
    gp += fmt::format("set arrow {} from graph 0, first {:.1f} to graph 1, first {:.1f} nohead back lw {} lc rgb "
                      "\"{}\" dt {}\n",
                      arrow++, n.km, n.km, n.gauge_change ? 2 : 1, n.gauge_change ? "#c0392b" : "#888888",
                      n.gauge_change ? 1 : 2);
    if (!markers.empty() && n.km - markers.back().km < close_km) {
      auto& m = markers.back();
      if (std::find(m.what.begin(), m.what.end(), what) == m.what.end())
        m.what.push_back(what);
      m.gauge = m.gauge || n.gauge_change;
    } else {
      markers.push_back({n.km, {what}, n.gauge_change});
    }
  }
  for (const auto& m : markers) {
    std::string text;
    for (const auto& w : m.what)
      text += (text.empty() ? "" : ", ") + w;
    gp += fmt::format("set label {} at graph 1.09, first {:.1f} left font \",10\" textcolor rgb \"{}\"\n",
                      gnuplot_string(text), m.km, m.gauge ? "#c0392b" : "#666666");
  }
  gp += "set key outside top left horizontal\n";
  gp += fmt::format("plot \"string_line_westbound.dat\" using 1:2 with lines lw 1.2 lc rgb \"{}\" title {}, \\\n",
                    kWestboundColour, gnuplot_string(fmt::format("westbound (to {})", axis.back().name)));
  gp += fmt::format("     \"string_line_eastbound.dat\" using 1:2 with lines lw 1.2 lc rgb \"{}\" title {}\n",
                    kEastboundColour, gnuplot_string(fmt::format("eastbound (to {})", axis.front().name)));
  files.script = id() + ".gp";
  write_text_file(dir / files.script, gp);
  files.plotted = true;
  files.note = fmt::format("{} train units moving in the window. Flat stretches are trains standing: at origin, "
                           "borders, gauge-change yards, waiting for a locomotive. Red lines: breaks of gauge; "
                           "dashed: borders.",
                           trains_drawn);
  if (!run.detail_note().empty())
    files.note += " " + run.detail_note();
  return files;
}

} // namespace rongou::report
