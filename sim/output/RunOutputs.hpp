#pragma once
// Writes every output file of a run. Files go to a temporary folder beside the target that
// is renamed into place only once complete, so a failed run never leaves earlier results
// half-overwritten.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "journal/Journal.hpp"
#include "results/RunResults.hpp"
#include "output/Provenance.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// The whole summary.json of one run: rail statistics, and the sea and cost comparison.
nlohmann::ordered_json run_summary(const Scenario& scenario, const RunResults& results);

// Every per-run file except summary.json, into the existing folder `dir`: derived figures
// from `results`, one row per record from `journal`.
void write_run_files(const std::filesystem::path& dir, const Scenario& scenario, const Journal& journal,
                     const RunResults& results, const Provenance& provenance = {});

void write_run_outputs(const std::filesystem::path& out_dir, const Scenario& scenario, const Journal& journal,
                       const RunResults& results, const Provenance& provenance = {});

// Replaces `target` by the folder `staged` (on the same file system) as one step for readers:
// the old folder is moved aside first and removed once the new one is in place.
void replace_directory(const std::filesystem::path& staged, const std::filesystem::path& target);

} // namespace rongou
