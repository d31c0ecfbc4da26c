#pragma once
// `rongou report DIR`: charts and a self-contained report.html (SVG inline, no network) for a
// finished results folder. Data files and gnuplot scripts go to DIR/report/, so that users
// can restyle a chart and re-run gnuplot; report.html goes to DIR/.
#include <filesystem>

#include "output/MarkupText.hpp"
#include "output/report/Chart.hpp"

namespace rongou::report {

// Returns the path of report.html. Throws InputError for a folder that is not a results
// folder, std::runtime_error when gnuplot is missing or fails; earlier reports are replaced
// only when the new one is complete.
std::filesystem::path write_report(const std::filesystem::path& results_dir, const ReportOptions& options = {});

} // namespace rongou::report
