#pragma once
// `rongou compare A B C ...`: every statistic of any number of results folders side by side,
// each with its 95 % interval where the folder has replications, and its change against the
// first folder (the reference) with the interval of that change (compare_results: paired t
// on common random numbers, else Welch's t). Also which statistics lead (the key results)
// and which changed most. Pure (reads JSON files), no SimGrid. Printed by
// output/SideBySideText, drawn by output/report/CompareReport.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "results/Compare.hpp"

namespace rongou {

struct SideBySideColumn {
  std::string name;             // the scenario's name, or the folder's when two share one
  std::filesystem::path dir;
  std::size_t replications = 1; // of the summary's values
  ComparisonMethod method = ComparisonMethod::Single; // of its changes against the first
};

struct ValueCi {
  double mean = 0.0;
  double half_width = 0.0; // of the 95 % interval (summary.json ci95); NaN for a single run
};

struct SideBySideRow {
  std::string path;                               // dotted summary.json path
  std::vector<std::optional<ValueCi>> values;     // one per column; nullopt: the folder has no such key
  std::vector<std::optional<DifferenceCi>> changes; // column minus the first; nullopt for the
                                                  // first and where either lacks the key
  // Largest |change| / max(|first|, |column|) over the columns (0 to 1 when signs agree): the
  // order of "what changed most". NaN when no column can be set against the first.
  double largest_relative_change = 0.0;
  std::size_t largest_change_column = 0;
  bool changed() const; // some column's value differs from the first's, or has it where the first has not
};

struct SideBySide {
  std::vector<SideBySideColumn> columns;
  std::vector<SideBySideRow> rows; // every numeric statistic of any folder, in first-seen order
  const SideBySideRow* find(const std::string& path) const;
};

// Reads nothing itself: `folders` from read_results_folder, the first the reference.
SideBySide side_by_side(const std::vector<ResultsFolder>& folders);

// The statistics a comparison leads with, in this order, those present in any folder: door to
// door by rail and sea (mean, p95), cost per FEU of each mode, the breakeven cargo value,
// then the focus lane's mean wait by cause.
struct KeyResult {
  std::string path;
  std::string label;
};
std::vector<KeyResult> key_results(const SideBySide& table);

// The `count` rows with the largest relative change against the first folder, largest first;
// rows that did not change are left out.
std::vector<const SideBySideRow*> changed_most(const SideBySide& table, std::size_t count);

} // namespace rongou
