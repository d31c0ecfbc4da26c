#pragma once
// sea.csv (one row per container sent by sea) and sailings.csv (one row per sailing).
// Columns and units: docs/outputs.md. Fixed precision keeps files byte-identical per seed.
#include <filesystem>
#include <string>
#include <vector>

#include "journal/Journal.hpp"

namespace rongou {

// `lanes` (a network run's lane names, by index): a trailing lane column (and, in
// sailings.csv, the sailing's number within its lane); null: the single-corridor columns.
void write_sea_csv(const std::filesystem::path& file, const Journal& journal,
                   const std::vector<std::string>* lanes = nullptr);
void write_sailings_csv(const std::filesystem::path& file, const Journal& journal,
                        const std::vector<std::string>* lanes = nullptr);

} // namespace rongou
