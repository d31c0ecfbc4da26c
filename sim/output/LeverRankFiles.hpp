#pragma once
// rank.csv (one row per lever, in the order of the first metric's ranking) and rank.json
// (the whole ranking) of `rongou rank`: formatting only. Columns in docs/experiments.md.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "results/LeverRanking.hpp"

namespace rongou {

std::string rank_csv(const RankResults& results);
// `precision` is the sequential procedure's outcome when --precision was given.
nlohmann::ordered_json rank_json(const RankResults& results, const std::optional<nlohmann::ordered_json>& precision);
void write_rank_files(const std::filesystem::path& dir, const RankResults& results,
                      const std::optional<nlohmann::ordered_json>& precision);

} // namespace rongou
