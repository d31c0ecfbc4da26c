#pragma once
// A finished results folder, read back from its files (not from a simulation), so that
// `rongou report DIR` works on any run. Optional files give empty tables.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "output/report/CsvTable.hpp"

namespace rongou::report {

// A statistic as summary.json gives it: a number, or {mean, ci95} with replications, or a
// number with a sibling "ci95" object holding the half-width under the same key.
struct Stat {
  double value = 0.0;
  double ci95 = 0.0; // half-width; 0 without replications
};
std::optional<Stat> read_stat(const nlohmann::json& parent, const std::string& key);
// parent[a][b]...: null when any step is missing.
const nlohmann::json& json_at(const nlohmann::json& root, std::initializer_list<const char*> path);

struct RunData {
  std::filesystem::path dir;
  nlohmann::json summary;    // summary.json (required)
  nlohmann::json provenance; // provenance.json, or null
  CsvTable containers, trains, events, weekly, pools, yards, routes;
  std::optional<CsvTable> sea; // sea.csv: container,arrived_h,transit_days
  std::string scenario_yaml;      // the scenario file kept with the results, if any
  std::string scenario_yaml_name; // its file name

  double warmup_h() const;
  std::string scenario_name() const;
};

// Throws InputError when DIR is not a results folder (no summary.json) or a file is malformed.
RunData load_run_data(const std::filesystem::path& dir);

} // namespace rongou::report
