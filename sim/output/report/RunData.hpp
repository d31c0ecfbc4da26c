#pragma once
// A finished results folder, read back from its files (not from a simulation), so that
// `rongou report DIR` works on any run. Optional files give empty tables.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "output/report/CsvTable.hpp"
#include "output/report/NetworkData.hpp"

namespace rongou::report {

// A statistic as summary.json gives it: a number, or {mean, ci95} with replications, or a
// number with a sibling "ci95" object holding the half-width under the same key.
struct Stat {
  double value = 0.0;
  double ci95 = 0.0; // half-width; 0 without replications
};
std::optional<Stat> read_stat(const nlohmann::json& parent, const std::string& key);
// The statistic as text with `decimals` places, "value ± ci95" with replications, "–" when
// summary.json has none.
std::string stat_text(const nlohmann::json& parent, const std::string& key, int decimals);
// parent[a][b]...: null when any step is missing.
const nlohmann::json& json_at(const nlohmann::json& root, std::initializer_list<const char*> path);

// summary.json's groups of servers, and the kind of server each holds.
inline constexpr std::pair<const char*, const char*> kServerGroups[] = {
    {"crossings", "crossing"}, {"yards", "yard"}, {"tracks", "track"}, {"ferries", "ferry"}};

// Bounds on what summary.json may hold: the longest run a scenario can ask for
// (horizon_days at most 36,500), a generous count of replications, and a magnitude no
// statistic of a run reaches (costs in US$, times in hours and days, counts).
inline constexpr double kMaxHorizonDays = 36500;
inline constexpr double kMaxReplications = 1e6;
inline constexpr double kMaxJsonMagnitude = 1e15;

struct RunData {
  std::filesystem::path dir;
  nlohmann::json summary;    // summary.json (required)
  nlohmann::json provenance; // provenance.json, or null
  CsvTable containers, trains, events, weekly, pools, yards, routes;
  CsvTable boxes; // boxes.csv, written by runs with `boxes:`
  CsvTable crews; // crews.csv, written by runs with `rail.crews`
  CsvTable wagons; // wagons.csv, written by runs with `rail.wagons`
  std::optional<CsvTable> sea; // sea.csv: container,arrived_h,transit_days
  std::string scenario_yaml;      // the scenario file kept with the results, if any
  std::string scenario_yaml_name; // its file name
  std::optional<NetworkData> network; // network.json, written by runs of several lanes
  // provenance.json's "detail": "focus" or "none" when `run --detail` thinned or left out
  // containers.csv, trains.csv and events.csv; empty when they were written in full.
  std::string detail;

  double warmup_h() const;
  std::string scenario_name() const;
  // Why a chart drawn from containers.csv, trains.csv or events.csv is missing or partial,
  // naming the flag; empty when the run wrote them in full.
  std::string detail_note() const;
};

// Throws InputError when DIR is not a results folder (no summary.json), a file is malformed,
// a number of summary.json or provenance.json is not finite or out of range, or a file is
// not a regular file inside DIR (output/report/ResultsFile.hpp).
RunData load_run_data(const std::filesystem::path& dir);
// summary.json and provenance.json only, with the same checks: enough to name and describe a
// run without reading its CSV files.
RunData load_run_summary(const std::filesystem::path& dir);

} // namespace rongou::report
