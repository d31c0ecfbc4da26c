#pragma once
// `rongou compare A B ... --report OUT`: the comparison as a page: the key results of every
// folder with their 95 % intervals and their changes against the first (as `compare`
// prints them), a bar chart per key result (a bar per folder, with its whisker), and, for
// exactly two folders, the charts that can share axes (transit distributions, costs, waits
// by cause, weekly services) with both runs drawn on each. Reads the folders' files only.
#include <filesystem>

#include "results/SideBySide.hpp"

namespace rongou::report {

// Writes OUT/report.html, OUT/report/ and OUT/provenance.json (naming the folders), all
// staged and put in place at once (OutputFolder). Throws InputError when a folder is not a
// results folder, when OUT is one (so that its own report is not replaced), or when OUT
// holds files rongou did not write and `force` is false.
std::filesystem::path write_compare_report(const SideBySide& table, const std::filesystem::path& out,
                                           bool force = false);

} // namespace rongou::report
