#pragma once
// Writes every output file of a run into a folder (the staging folder of an OutputFolder,
// which puts it in place once complete).
#include <filesystem>
#include <functional>
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
// from the results, one row per record from `journal`. provenance.detail thins or leaves out
// containers.csv, trains.csv and events.csv (DetailLevel.hpp); a network run adds
// crossings.csv, lanes.csv and network.json. The results are made by `compute` while the
// files that need only the journal are written (on the second processor where there is
// one), and returned. `compute` must only read the scenario and the journal. An exception
// from it or from a writer is rethrown once every task has ended; files already written stay
// in `dir`, and none that formats results is written after a failed `compute`.
RunResults write_run_files(const std::filesystem::path& dir, const Scenario& scenario, const Journal& journal,
                           const std::function<RunResults()>& compute, const Provenance& provenance = {});

// Every per-run file and summary.json, into the existing folder `dir`.
RunResults write_run_outputs(const std::filesystem::path& dir, const Scenario& scenario, const Journal& journal,
                             const std::function<RunResults()>& compute, const Provenance& provenance = {});
// The same from results already computed.
void write_run_outputs(const std::filesystem::path& dir, const Scenario& scenario, const Journal& journal,
                       const RunResults& results, const Provenance& provenance = {});

} // namespace rongou
