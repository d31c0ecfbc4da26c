#pragma once
// What `rongou compare A B` prints: the method (paired, Welch or single runs), then one row
// per shared statistic with A, B, A-B, the 95 % half-width and a mark when the interval
// excludes zero.
#include <string>

#include "results/Compare.hpp"

namespace rongou {

std::string format_comparison(const ResultsFolder& a, const ResultsFolder& b, const Comparison& c);

} // namespace rongou
