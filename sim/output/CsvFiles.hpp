#pragma once
// The per-container, per-train, per-event and weekly CSV files. Columns and units are listed
// in docs/outputs.md. Numbers are printed with fixed precision so that files are
// byte-identical for the same scenario and seed.
#include <filesystem>

#include "journal/Journal.hpp"
#include "results/RunResults.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

void write_containers_csv(const std::filesystem::path& file, const Journal& journal);
void write_trains_csv(const std::filesystem::path& file, const Journal& journal);
void write_events_csv(const std::filesystem::path& file, const Journal& journal);
void write_weekly_csv(const std::filesystem::path& file, const RunResults& results);
// One row per disruption and train hit, in the order trains met them.
void write_disruptions_csv(const std::filesystem::path& file, const Scenario& scenario, const Journal& journal);
// Time series of locomotive pools and gauge-change yards: one row at every change.
void write_pools_csv(const std::filesystem::path& file, const Journal& journal);
void write_yards_csv(const std::filesystem::path& file, const Journal& journal);
// Each service's stops with their distance from its origin (for time-distance diagrams).
void write_routes_csv(const std::filesystem::path& file, const Journal& journal);

} // namespace rongou
