#pragma once
// Numbers of summary.json as people read them: the unit a key's name gives it, thousands
// separators, a sensible number of decimals, shares as percentages; never 1.105e+04.
#include <string>

namespace rongou {

// "d", "h", "US$", "%", "/week", "FEU", "kg", "x" or "" from the dotted path's names, the
// leaf's first and then its parents' ("modes.rail.cost_usd_per_feu.total": "US$").
std::string unit_of(const std::string& path);

// `value` in `unit` for a table: shares (unit "%") times 100; grouped thousands and no
// decimals from 1,000 on; 1 decimal from 10, 2 from 1, 3 below; whole numbers without
// decimals. "–" for NaN.
std::string human_number(double value, const std::string& unit);
// The same with a leading sign ("+1.2", "-0.35", "0").
std::string human_change(double change, const std::string& unit);

} // namespace rongou
