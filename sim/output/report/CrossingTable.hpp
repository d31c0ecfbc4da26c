#pragma once
// The report's table of every border crossing and gauge-change yard of a network run: what
// each passed, how busy it was, how long trains waited and where its longest queue stood
// (summary.json crossings.<node> and yards.<node>). Empty for a run without them.
#include <string>

#include "output/report/RunData.hpp"

namespace rongou::report {

std::string crossing_table(const RunData& run);

} // namespace rongou::report
