#pragma once
// The report of `rongou rank`: a tornado chart per metric (each lever's paired effect as a
// bar from zero, largest on top, with its 95 % interval as whiskers), and per dollar when
// the levers have costs. Scripts and data go to DIR/report/, the page to DIR/report.html.
#include <filesystem>

#include "results/LeverRanking.hpp"

namespace rongou::report {

// Throws std::runtime_error when gnuplot is missing or fails.
std::filesystem::path write_rank_report(const std::filesystem::path& dir, const RankResults& results);

} // namespace rongou::report
