#pragma once
// `rongou compare A B --report OUT`: a side-by-side report of two results folders: the
// headline differences with their 95 % intervals (as `compare` prints them), and the charts
// that can share axes (transit distributions, costs, waits by cause, weekly services) with
// both runs drawn on each. Reads the folders' files only.
#include <filesystem>

#include "results/Compare.hpp"

namespace rongou::report {

// Writes OUT/report.html and OUT/report/ (OUT is created). `comparison` is
// compare_results of the two folders, computed by the caller. Throws InputError when A or B
// is not a results folder, or OUT is one (so that its own report is not replaced).
std::filesystem::path write_compare_report(const std::filesystem::path& a, const std::filesystem::path& b,
                                           const Comparison& comparison, const std::filesystem::path& out);

} // namespace rongou::report
