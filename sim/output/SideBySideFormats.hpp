#pragma once
// What `rongou compare A B C ...` prints (results/SideBySide.hpp): as text for people (the
// key results, their changes against the first folder, then what changed most), or as CSV
// or JSON for machines, with the same rows. Formatting only.
#include <string>
#include <vector>

#include "results/SideBySide.hpp"

namespace rongou {

enum class SideBySideRows {
  Headline, // the key results and the kChangedMost rows that changed most
  All,      // the key results and every statistic
  Changed,  // the key results and every statistic that differs between the folders
};
inline constexpr std::size_t kChangedMost = 12;

// A row as printed: the section it is in ("key", "changed most", "all", "changed") and its
// label (the key result's name, or the dotted path).
struct SideBySideLine {
  std::string section;
  std::string label;
  const SideBySideRow* row = nullptr;
};
std::vector<SideBySideLine> side_by_side_lines(const SideBySide& table, SideBySideRows rows);

// Text for a terminal: the folders, how each is set against the first, then the sections,
// each a table of values (with ± the 95 % half-width) and one of changes against the first
// (with ± and * when the interval excludes zero).
std::string format_side_by_side_text(const SideBySide& table, SideBySideRows rows);
// One line per row: section,key,label,unit, then per folder <name>,<name>_ci95, then per
// later folder <name>_change,<name>_change_ci95,<name>_significant. Full precision.
std::string format_side_by_side_csv(const SideBySide& table, SideBySideRows rows);
std::string format_side_by_side_json(const SideBySide& table, SideBySideRows rows);

// A value as a cell: "18.11 ± 0.20" (or "18.11" for a single run), "–" when absent.
std::string value_cell(const std::optional<ValueCi>& value, const std::string& unit);
// A change as a cell: "+0.35 ± 0.20*" (* when the interval excludes zero), "+0.35" without
// an interval, "–" when absent.
std::string change_cell(const std::optional<DifferenceCi>& change, const std::string& unit, ComparisonMethod method);

// How a column's changes against the first were judged, in words.
std::string method_text(const SideBySideColumn& column, const SideBySideColumn& first);

} // namespace rongou
