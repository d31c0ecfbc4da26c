#include "output/report/MetricBarsChart.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rongou::report {

ChartFiles MetricBarsChart::draw(const std::filesystem::path& dir) const {
  ChartFiles files;
  const bool any = std::any_of(bars_.begin(), bars_.end(), [](const Bar& b) { return b.value.has_value(); });
  if (!any) {
    files.note = "No folder has this statistic.";
    return files;
  }
  // index, value, half-width; "?" is gnuplot's missing value.
  std::string data = "# index value ci95_half_width\n";
  bool negative = false, positive = false;
  for (std::size_t i = 0; i < bars_.size(); ++i) {
    const auto& b = bars_[i];
    data += fmt::format("{} {} {}\n", i, b.value ? fmt::format("{}", *b.value) : "?",
                        b.value && b.half_width ? fmt::format("{}", *b.half_width) : "?");
    negative = negative || (b.value && *b.value < 0.0);
    positive = positive || (b.value && *b.value > 0.0);
  }
  write_text_file(dir / (id_ + ".dat"), data);
  const int width = std::clamp(200 + 70 * static_cast<int>(bars_.size()), 640, 1240);
  const bool slanted = bars_.size() > 4; // labels slanted below the bars need room of their own
  std::string gp = gnuplot_preamble(id_, width, slanted ? 540 : 380);
  std::string tics;
  for (std::size_t i = 0; i < bars_.size(); ++i)
    tics += fmt::format("{}{} {}", i ? ", " : "", gnuplot_string(bars_[i].label), i);
  gp += fmt::format("set xtics ({}) noenhanced{}\n", tics, slanted ? " rotate by -35 left" : "");
  gp += fmt::format("set xrange [-0.6:{}]\n", static_cast<double>(bars_.size()) - 0.4);
  if (!negative)
    gp += positive ? "set yrange [0:*]\n" : "set yrange [0:1]\n"; // all zero: no empty range
  gp += fmt::format("set ylabel {} noenhanced\n", gnuplot_string(y_label_));
  gp += "set key off\nset boxwidth 0.6\nset style fill solid 0.85 noborder\n";
  gp += fmt::format("plot \"{}.dat\" using 1:2 with boxes lc rgb \"{}\"", id_, kWestboundColour);
  // Whiskers only where there are intervals (gnuplot warns of a plot with no point).
  if (std::any_of(bars_.begin(), bars_.end(), [](const Bar& b) { return b.value && b.half_width; }))
    gp += fmt::format(", \\\n     \"{}.dat\" using 1:2:3 with yerrorbars lc rgb \"#333333\" pt 0 lw 1.5", id_);
  gp += "\n";
  write_text_file(dir / (id_ + ".gp"), gp);
  files.plotted = true;
  files.data = {id_ + ".dat"};
  files.script = id_ + ".gp";
  return files;
}

} // namespace rongou::report
