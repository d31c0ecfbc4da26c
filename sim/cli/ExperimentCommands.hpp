#pragma once
// The experiment subcommands (compare, sweep, sweep-merge) and `run --replications`,
// kept out of main.cpp. Each returns the process exit code and throws InputError for bad
// input, as main expects.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

#include "experiment/LeverRank.hpp"
#include "experiment/Precision.hpp"
#include "experiment/Sensitivity.hpp"
#include "experiment/Sweep.hpp"
#include "output/DetailLevel.hpp"
#include "output/OutputFolder.hpp"
#include "scenario/Scenario.hpp"

namespace rongou::cli {

struct ReplicationOptions {
  std::size_t replications = 1;
  std::vector<std::string> precision; // "key.path=half-width": replications to a precision
  std::size_t min_replications = kDefaultMinReplications;
  std::size_t max_replications = kDefaultMaxReplications;
  unsigned jobs = 0; // 0: one per processor
  DetailLevel detail = DetailLevel::All; // rows of containers/trains/events.csv (run only)
};
// The bounds of --replications and --jobs.
inline constexpr std::size_t kMaxReplications = 100000;
inline constexpr unsigned kMaxJobs = 4096;
// --replications N | --precision key.path=half-width [--min-replications] [--max-replications],
// and --jobs J.
void add_replication_options(CLI::App& command, ReplicationOptions& options);
// The sequential procedure asked for, if --precision was given. Throws InputError.
std::optional<PrecisionRule> precision_rule(const ReplicationOptions& options);
unsigned effective_jobs(unsigned jobs);
// --seed: 0 to 2^53, as the scenario's `seed` key, so that every JSON reader reads it exactly.
CLI::Validator seed_range();
// --detail all|focus|none (output/DetailLevel.hpp).
void add_detail_option(CLI::App& command, DetailLevel& detail);

// `run` with more than one replication: worker processes, summary.json with ci95, into the
// staging folder of `out`. When every replication succeeded, `finish(staging)` adds what is
// left (the report) before the folder is committed.
int run_replicated(const Scenario& scenario, const std::string& scenario_file, OutputFolder& out,
                   const ReplicationOptions& options, bool quiet,
                   const std::function<void(const std::filesystem::path&)>& finish);

class ExperimentCommands {
public:
  void add_to(CLI::App& app);
  // The exit code if one of these subcommands was chosen.
  std::optional<int> dispatch();

private:
  CLI::App* compare_ = nullptr;
  CLI::App* sweep_ = nullptr;
  CLI::App* merge_ = nullptr;
  CLI::App* rank_ = nullptr;
  CLI::App* sensitivity_ = nullptr;
  CLI::App* sensitivity_merge_ = nullptr;
  SensitivityOptions sensitivity_options_;
  unsigned sensitivity_jobs_ = 0;
  std::string sensitivity_steps_ = "10%";
  std::vector<std::string> compare_folders_;
  bool compare_all_ = false;
  bool compare_changed_ = false;
  std::string compare_format_ = "text";
  std::string compare_report_; // --report OUT: also a side-by-side report.html in OUT
  bool compare_force_ = false;
  RankOptions rank_options_;
  ReplicationOptions rank_replications_;
  SweepOptions sweep_options_;
  ReplicationOptions sweep_replications_;
  std::vector<std::string> merge_dirs_;
  std::string merge_out_;
  bool merge_quiet_ = false;
  bool merge_force_ = false;
  bool merge_no_report_ = false;
};

} // namespace rongou::cli
