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
// `loops` (each lane's loop labels, by lane then loop index, for a run where a sea
// alternative uses loops or timed pre-carriage): trailing loop columns; null: none.
using LoopLabels = std::vector<std::vector<std::string>>;
void write_sea_csv(const std::filesystem::path& file, const Journal& journal,
                   const std::vector<std::string>* lanes = nullptr, const LoopLabels* loops = nullptr);
void write_sailings_csv(const std::filesystem::path& file, const Journal& journal,
                        const std::vector<std::string>* lanes = nullptr, const LoopLabels* loops = nullptr);

// feeder_sailings.csv: one row per feeder sailing from a hub (written when a loop uses a hub).
void write_feeder_sailings_csv(const std::filesystem::path& file, const Journal& journal,
                               const std::vector<std::string>* lanes = nullptr);

} // namespace rongou
