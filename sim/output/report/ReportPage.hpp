#pragma once
// What a plain report and a side-by-side report share: drawing a list of charts with one
// gnuplot call into DIR/report/ (replaced only once complete) and the HTML around them.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "output/report/Chart.hpp"

namespace rongou::report {

struct Section {
  std::string id, title;
  ChartFiles files;
  std::string svg; // inline <svg> when plotted
};

using ChartWriter = std::function<ChartFiles(const Chart&, const std::filesystem::path& staged)>;

// Writes every chart's files into a staging folder inside `dir`, runs gnuplot on them, reads
// the SVGs and moves the folder to dir/report. Throws when gnuplot fails (nothing replaced).
std::vector<Section> draw_charts(const std::filesystem::path& dir, const std::vector<std::unique_ptr<Chart>>& charts,
                                 const ChartWriter& write);

std::string page_start(const std::string& title);
std::string page_nav(const std::vector<Section>& sections, const std::vector<std::pair<std::string, std::string>>& more);
std::string sections_html(const std::vector<Section>& sections);
// Writes dir/report.html through a temporary file; returns its path.
std::filesystem::path write_page(const std::filesystem::path& dir, const std::string& html);

} // namespace rongou::report
