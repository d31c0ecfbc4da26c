#pragma once
// The report of a sweep folder (`rongou sweep`, `rongou sweep-merge`, `rongou report
// SWEEP_DIR`): each column of sweep.csv against the first swept axis, with 95 % error bars
// when the points have replications. A numeric axis is drawn to scale, any other as
// categories in the order swept; with more axes, one line per combination of the others.
// Reads sweep.json and sweep.csv only.
#include <filesystem>

namespace rongou::report {

// Writes DIR/report.html and DIR/report/ (replaced only once complete). Throws InputError
// when DIR has no readable sweep.json and sweep.csv, or they do not match.
std::filesystem::path write_sweep_report(const std::filesystem::path& dir);

// Whether DIR is a sweep folder (has sweep.json).
bool is_sweep_folder(const std::filesystem::path& dir);

} // namespace rongou::report
