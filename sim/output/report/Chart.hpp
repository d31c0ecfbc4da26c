#pragma once
// One chart of the report: it writes its data file(s) and a gnuplot script into the report
// folder; gnuplot turns the script into <id>.svg, which the report embeds.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "output/GnuplotDataField.hpp"
#include "output/GnuplotString.hpp"
#include "output/report/RunData.hpp"

namespace rongou::report {

struct ReportOptions {
  int first_week = 5; // window of the time-distance diagram, weeks counted from 1
  int last_week = 6;
};

struct ChartFiles {
  bool plotted = false;            // false when the run has no data for this chart
  std::string note;                // shown with the chart (or instead of it)
  std::vector<std::string> data;   // data files written, relative to the report folder
  std::string script;              // <id>.gp when plotted
};

// One run of a side-by-side report, with the label its series carry ("A", "B"); a plain
// report has one run with an empty label.
struct LabelledRun {
  std::string label;
  const RunData* run = nullptr;
};

class Chart {
public:
  virtual ~Chart() = default;
  virtual std::string id() const = 0; // file stem and HTML anchor
  virtual std::string title() const = 0;
  virtual ChartFiles write(const RunData& run, const std::filesystem::path& dir) const = 0;
  // Whether the report of this run has the chart's section at all (the network charts only
  // in a network run's report); a chart that applies but has no data shows a note instead.
  virtual bool applies_to(const RunData&) const { return true; }
  // Charts that can draw two runs on shared axes (`compare --report`) are SeveralRunsCharts.
  virtual bool draws_several_runs() const { return false; }
  virtual ChartFiles write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const {
    return write(*runs.front().run, dir);
  }
};

// A chart that draws any number of runs on shared axes: one run is the one-label case.
class SeveralRunsChart : public Chart {
public:
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const final {
    return write_runs({{"", &run}}, dir);
  }
  bool draws_several_runs() const final { return true; }
  ChartFiles write_runs(const std::vector<LabelledRun>& runs, const std::filesystem::path& dir) const override = 0;
};

// A series title: "westbound" for a plain report, "A westbound" in a comparison.
std::string series_title(const LabelledRun& run, const std::string& name);
// Later runs of a comparison are drawn paler (bars) or dashed (lines) in the same colours.
std::string bar_fill(std::size_t run_index);
std::string line_dash(std::size_t run_index);

// Every chart of the report, in page order.
std::vector<std::unique_ptr<Chart>> report_charts(const ReportOptions& options);
// The charts of a side-by-side report of two runs, in page order.
std::vector<std::unique_ptr<Chart>> comparison_charts();

// The common opening of every script: SVG terminal, output file, fonts and a light grid.
std::string gnuplot_preamble(const std::string& id, int width_px, int height_px);
// The opening of a chart with one panel per series stacked over the days of the run (pools,
// yards): daily bars filled, the key above each panel.
std::string daily_panels_preamble(const std::string& id, int panel_px, std::size_t panels, double end_days);
// Only the bottom panel names the shared day axis.
std::string daily_panel_xlabel(std::size_t panel, std::size_t panels);
// One bar series of a clustered histogram.
struct HistogramSeries {
  std::string title;
  std::string colour;
  std::size_t run_index; // later runs of a comparison are paler
};
// The plot command of a clustered histogram read from `data_file`: column 2 + 2i holds
// series i and, with `intervals`, column 3 + 2i its error bar; column 1 labels the clusters.
std::string histogram_plot(const std::string& data_file, const std::vector<HistogramSeries>& series, bool intervals);

// Writes `text` to dir/name (throws on failure).
void write_text_file(const std::filesystem::path& file, const std::string& text);

// Series colours shared by all charts, so rail and sea look the same everywhere.
inline constexpr const char* kWestboundColour = "#1f5fa8";
inline constexpr const char* kEastboundColour = "#d2691e";
inline constexpr const char* kSeaColour = "#2a9d8f";
inline constexpr const char* kPalette[] = {"#1f5fa8", "#d2691e", "#2a9d8f", "#8e44ad", "#c0392b", "#7f8c8d",
                                           "#b8860b", "#2c3e50"};

} // namespace rongou::report
