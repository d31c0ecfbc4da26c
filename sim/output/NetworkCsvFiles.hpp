#pragma once
// The CSV files of a network run (several lanes): crossings.csv, one row per server (border
// crossing or gauge-change yard) and day, and lanes.csv, one row per lane and direction.
// Columns and units are listed in docs/outputs.md; both format RunResults and compute nothing.
#include <filesystem>

#include "results/RunResults.hpp"

namespace rongou {

void write_crossings_csv(const std::filesystem::path& file, const RunResults& results);
void write_lanes_csv(const std::filesystem::path& file, const RunResults& results);

} // namespace rongou
