#pragma once
// Two results folders: every statistic both have, A - B with a 95 %
// interval. With replications on both sides run from the same replication seeds (common
// random numbers) the interval is the paired t on per-replication differences; otherwise
// Welch's. Pure (reads JSON files), no SimGrid. Used by results/SideBySide for each folder
// against the first.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "results/Confidence.hpp"

namespace rongou {

struct ResultsFolder {
  std::filesystem::path dir;
  nlohmann::ordered_json summary;
  std::vector<std::size_t> indices;         // of the replications found
  std::vector<std::uint64_t> seeds;          // their seeds
  std::vector<nlohmann::ordered_json> reps;  // their summaries
};
// Reads summary.json and replications/rep-*.json. Throws InputError (naming a sweep folder as
// such) if summary.json is missing or unreadable.
ResultsFolder read_results_folder(const std::filesystem::path& dir);

struct ComparisonRow {
  std::string path; // dotted summary path
  double a = 0.0;   // mean over A's replications (or A's value)
  double b = 0.0;
  DifferenceCi difference;
};

enum class ComparisonMethod { Paired, Welch, Single };

struct Comparison {
  ComparisonMethod method = ComparisonMethod::Single;
  std::size_t n_a = 1;
  std::size_t n_b = 1;
  std::vector<ComparisonRow> rows;
};

Comparison compare_results(const ResultsFolder& a, const ResultsFolder& b);

// A statistic's place in summary.json as its keys (array indices as digits), not a dotted
// string: lane, node and service names may hold a '.'.
using KeyPath = std::vector<std::string>;
std::string dotted(const KeyPath& keys);
// Every numeric leaf of a summary, in file order, without run metadata and ci95 objects.
std::vector<KeyPath> statistic_paths(const nlohmann::ordered_json& summary);
std::optional<double> number_at(const nlohmann::ordered_json& root, const KeyPath& path);

} // namespace rongou
