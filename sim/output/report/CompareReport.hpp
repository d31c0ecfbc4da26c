#pragma once
// `rongou compare A B --report OUT`: a side-by-side report of two results folders: the
// headline differences with their 95 % intervals (as `compare` prints them), and the charts
// that can share axes (transit distributions, costs, waits by cause, weekly services) with
// both runs drawn on each. Reads the folders' files only.
#include <filesystem>

#include "results/Compare.hpp"

namespace rongou::report {

// Writes OUT/report.html, OUT/report/ and OUT/provenance.json (naming A and B), all staged
// and put in place at once (OutputFolder). `comparison` is compare_results of the two
// folders, computed by the caller. Throws InputError when A or B is not a results folder,
// when OUT is one (so that its own report is not replaced), or when OUT holds files rongou
// did not write and `force` is false.
std::filesystem::path write_compare_report(const std::filesystem::path& a, const std::filesystem::path& b,
                                           const Comparison& comparison, const std::filesystem::path& out,
                                           bool force = false);

} // namespace rongou::report
