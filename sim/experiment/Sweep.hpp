#pragma once
// `rongou sweep`: every point of a grid of --set values run as an experiment (replications
// in worker processes), summarised one row per point in sweep.csv and drawn in report.html
// (output/report/SweepReport). See docs/experiments.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "experiment/Precision.hpp"

namespace rongou {

struct SweepOptions {
  std::string scenario_file;
  std::vector<std::string> sets; // "key.path=v1,v2,..." as given on the command line
  std::optional<std::string> shard; // "K/N"
  std::string out;                  // default results/<scenario name>-sweep
  std::optional<std::uint64_t> seed;
  std::size_t replications = 1;
  std::optional<PrecisionRule> precision; // replications to a precision, every point alike
  unsigned jobs = 1;
  std::vector<std::string> columns; // summary paths for sweep.csv; empty: default_sweep_columns()
  bool quiet = false;
  bool force = false; // --force: --out may replace a folder rongou did not write
  bool no_report = false; // --no-report: no report.html (a shard never writes one)
};

// The summary.json paths reported by default. Paths absent from a summary (e.g. the sea
// route before it is modelled) give empty cells, so every shard writes the same header.
const std::vector<std::string>& default_sweep_columns();

// Returns the exit code (0 all done, 1 some replications failed); throws InputError for bad
// input, before anything is written.
int run_sweep(const SweepOptions& options);

// Joins the output folders of the shards of one sweep into `out`, giving exactly the files
// of the unsharded sweep (with `report`, its report.html too). Throws InputError if the shards are of different sweeps, or points
// are missing.
int merge_sweeps(const std::vector<std::string>& shard_dirs, const std::string& out, bool quiet, bool force = false,
                 bool report = false);

} // namespace rongou
