#pragma once
// The terminal table of `rongou rank`: levers in the order of the first metric's ranking,
// each metric's paired effect with its 95 % half-width, "*" where the interval excludes 0.
#include <string>

#include "results/LeverRanking.hpp"

namespace rongou {

std::string format_rank_table(const RankResults& results);

} // namespace rongou
