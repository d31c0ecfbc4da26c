#pragma once
// sea.csv (one row per container sent by sea) and sailings.csv (one row per sailing).
// Columns and units: docs/outputs.md. Fixed precision keeps files byte-identical per seed.
#include <filesystem>

#include "journal/Journal.hpp"

namespace rongou {

void write_sea_csv(const std::filesystem::path& file, const Journal& journal);
void write_sailings_csv(const std::filesystem::path& file, const Journal& journal);

} // namespace rongou
