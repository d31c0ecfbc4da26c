#pragma once
// The per-container, per-train, per-event and weekly CSV files. Columns and units are listed
// in docs/outputs.md. Numbers are printed with fixed precision so that files are
// byte-identical for the same scenario and seed.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "journal/Journal.hpp"
#include "results/RunResults.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// With `only_lane`, the rows of that lane's containers, trains and their events only
// (`run --detail focus`). With `lanes` (the scenario's lane names, for a network run), a last
// column `lane` names each row's lane.
void write_containers_csv(const std::filesystem::path& file, const Journal& journal,
                          std::optional<int> only_lane = std::nullopt,
                          const std::vector<std::string>* lanes = nullptr);
void write_trains_csv(const std::filesystem::path& file, const Journal& journal,
                      std::optional<int> only_lane = std::nullopt, const std::vector<std::string>* lanes = nullptr);
void write_events_csv(const std::filesystem::path& file, const Journal& journal,
                      std::optional<int> only_lane = std::nullopt);
void write_weekly_csv(const std::filesystem::path& file, const RunResults& results);
// One row per disruption and train hit, in the order trains met them.
void write_disruptions_csv(const std::filesystem::path& file, const Scenario& scenario, const Journal& journal);
// pools.csv and light_runs.csv, or crews.csv and crew_rides.csv: their columns name what the
// units are.
enum class PoolFile { Locomotives, Crews };
// Time series of locomotive pools (or crew districts): one row at every change.
void write_pools_csv(const std::filesystem::path& file, const PoolJournal& records, PoolFile kind);
// Every light run of a locomotive (or ride back of a crew), in the order they set off.
void write_light_runs_csv(const std::filesystem::path& file, const PoolJournal& records, PoolFile kind);
// Wagon fleets (rail.wagons): where each fleet's wagons are after every change, and the
// empty wagon trains in the order they set off.
void write_wagons_csv(const std::filesystem::path& file, const Journal& journal);
void write_empty_wagon_trains_csv(const std::filesystem::path& file, const Journal& journal);
// Time series of gauge-change yards: one row at every change.
void write_yards_csv(const std::filesystem::path& file, const Journal& journal);
// With `boxes:`: each box terminal's state after each change (docs/outputs.md).
void write_boxes_csv(const std::filesystem::path& file, const Journal& journal);
// Each service's stops with their distance from its origin (for time-distance diagrams).
void write_routes_csv(const std::filesystem::path& file, const Journal& journal);

} // namespace rongou
