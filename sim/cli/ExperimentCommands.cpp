#include "cli/ExperimentCommands.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <iostream>
#include <spdlog/spdlog.h>
#include <thread>
#include <unistd.h>

#include "base/Interruption.hpp"
#include "results/SideBySide.hpp"
#include "output/SideBySideFormats.hpp"
#include "output/report/CompareReport.hpp"
#include "output/report/Gnuplot.hpp"
#include "experiment/Replications.hpp"
#include "output/ReplicatedTable.hpp"
#include "output/RunOutputs.hpp"
#include "output/WarmupWarning.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou::cli {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr int kExitRuntime = 1;

// An unsigned integer from MIN to MAX, said so when it is not (CLI11's own checks print the
// range of the C++ type).
CLI::Validator integer_range(unsigned long long min, unsigned long long max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        unsigned long long value = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, error] = std::from_chars(text.data(), end, value);
        if (ptr != end || error == std::errc::invalid_argument || text.empty())
          return fmt::format("'{}' is not a whole number from {} to {}", text, min, max);
        if (error == std::errc::result_out_of_range || value < min || value > max)
          return fmt::format("{} is out of range: from {} to {}", text, min, max);
        return {};
      },
      fmt::format("{}..{}", min, max));
}

// The charts of rank and sensitivity need gnuplot: said before anything runs (exit 2).
void require_gnuplot() {
  try {
    report::find_gnuplot();
  } catch (const std::exception& e) {
    throw InputError(e.what());
  }
}

// "10%", "±10%", "+-10", "10": the one-at-a-time step in %.
double parse_step_pct(const std::string& text) {
  std::string t = text;
  for (const std::string prefix : {"±", "+-", "+/-"})
    if (t.starts_with(prefix))
      t = t.substr(prefix.size());
  if (t.ends_with("%"))
    t.pop_back();
  double value = 0.0;
  const auto [ptr, error] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || ptr != t.data() + t.size() || error != std::errc() || !(value > 0.0 && value < 100.0))
    throw InputError(fmt::format("--steps {}: a percentage above 0 and below 100, e.g. ±10%", text));
  return value;
}

} // namespace

CLI::Validator seed_range() { return integer_range(0, 1ULL << 53); }

void add_replication_options(CLI::App& command, ReplicationOptions& options) {
  auto* replications =
      command.add_option("--replications", options.replications, "independent replications (each its own process)")
          ->check(integer_range(1, kMaxReplications));
  command
      .add_option("--precision", options.precision,
                  "key.path=half-width: replications in batches of " + std::to_string(kPrecisionBatch) +
                      " until the 95 % half-width is reached (repeatable: all must hold)")
      ->excludes(replications);
  command.add_option("--min-replications", options.min_replications, "with --precision: the least (default 10)")
      ->check(integer_range(2, kMaxReplications));
  command.add_option("--max-replications", options.max_replications, "with --precision: the most (default 100)")
      ->check(integer_range(2, kMaxReplications));
  command.add_option("--jobs", options.jobs, "worker processes at a time (default: one per processor)")
      ->check(integer_range(1, kMaxJobs));
}

void add_detail_option(CLI::App& command, DetailLevel& detail) {
  const std::map<std::string, DetailLevel> levels = {
      {"all", DetailLevel::All}, {"focus", DetailLevel::Focus}, {"none", DetailLevel::None}};
  command
      .add_option("--detail", detail,
                  "rows of containers.csv, trains.csv and events.csv: all (default), focus (the focus lane's "
                  "only) or none (not written)")
      ->transform(CLI::CheckedTransformer(levels));
}

std::optional<PrecisionRule> precision_rule(const ReplicationOptions& options) {
  if (options.precision.empty())
    return std::nullopt;
  PrecisionRule rule;
  for (const auto& p : options.precision)
    rule.targets.push_back(parse_precision_target(p));
  rule.min_replications = options.min_replications;
  rule.max_replications = options.max_replications;
  rule.batch = kPrecisionBatch;
  if (rule.min_replications > rule.max_replications)
    throw InputError(fmt::format("--min-replications {} is more than --max-replications {}", rule.min_replications,
                                 rule.max_replications));
  return rule;
}

unsigned effective_jobs(unsigned jobs) {
  if (jobs > 0)
    return jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

int run_replicated(const Scenario& scenario, const std::string& scenario_file, OutputFolder& out,
                   const ReplicationOptions& options, bool quiet,
                   const std::function<void(const fs::path&)>& finish) {
  Variant variant;
  variant.scenario = scenario;
  variant.dir = out.staging();
  variant.final_dir = out.target();
  variant.rerun_command = "rongou run " + scenario_file;
  variant.write_csvs = true;
  variant.detail = options.detail;
  ExperimentOptions run;
  run.replications = options.replications;
  run.precision = precision_rule(options);
  run.jobs = effective_jobs(options.jobs);
  run.progress = !quiet;
  interruption::doing(run.precision ? fmt::format("running up to {} replications of {}",
                                                  run.precision->max_replications, scenario.name)
                                    : fmt::format("running {} replications of {}", options.replications, scenario.name));
  const ExperimentOutcome outcome = run_experiment({variant}, run);
  if (outcome.input_error)
    throw InputError(*outcome.input_error);
  const VariantOutcome& result = outcome.variants.front();
  if (result.done.empty()) {
    std::cerr << fmt::format("rongou: all {} replications failed; nothing written\n", outcome.replications);
    return kExitRuntime;
  }
  if (result.missing.empty())
    finish(out.staging());
  out.commit();
  // Replications are judged together: `sufficient` is false when any one's transient outlasts
  // the warm-up; the days said are the mean truncation point.
  if (const auto& w = result.summary.value("warmup", Json()); w.is_object() && w.value("sufficient", true) == false &&
                                                            w.contains("mser5_days") && w["mser5_days"].is_number())
    spdlog::warn(warmup_warning(w["mser5_days"].get<double>(), scenario.warmup_days));
  if (!quiet) {
    std::cout << format_replicated_table(result.summary);
    std::cout << fmt::format("outputs in {}\n", out.target().string());
  }
  if (!result.missing.empty()) {
    std::cerr << fmt::format("rongou: {} of {} replications failed (listed in summary.json missing_replications)\n",
                             result.missing.size(), outcome.replications);
    return kExitRuntime;
  }
  return 0;
}

void ExperimentCommands::add_to(CLI::App& app) {
  compare_ = app.add_subcommand("compare", "results folders side by side, with 95 % intervals and the changes "
                                             "against the first");
  compare_->add_option("folders", compare_folders_, "results folders (of runs, replicated runs or sweep points); "
                                                    "the first is the reference")
      ->required();
  auto* all = compare_->add_flag("--all", compare_all_, "every statistic, not only the key results and what changed most");
  compare_->add_flag("--changed", compare_changed_, "every statistic that differs between the folders")->excludes(all);
  compare_->add_option("--format", compare_format_, "text (default), csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}));
  compare_->add_option("--report", compare_report_,
                       "also write report.html into this folder: the table and a chart per key result");
  compare_->add_flag("--force", compare_force_, "replace a --report folder that holds files rongou did not write");

  sweep_ = app.add_subcommand("sweep", "run a scenario over a grid of --set values; writes sweep.csv");
  sweep_->add_option("scenario", sweep_options_.scenario_file, "scenario YAML file")->required();
  sweep_->add_option("--set", sweep_options_.sets, "key.path=v1,v2,... (repeat for a grid)")->required();
  sweep_->add_option("--shard", sweep_options_.shard, "K/N: run only the points i with i % N == K-1");
  sweep_->add_option("--out", sweep_options_.out, "output folder (default results/<scenario name>-sweep)");
  sweep_->add_option("--seed", sweep_options_.seed, "random seed (overrides the scenario's), 0 to 2^53")
      ->check(seed_range());
  sweep_->add_flag("--force", sweep_options_.force, "replace an --out folder that holds files rongou did not write");
  sweep_->add_option("--column", sweep_options_.columns, "summary.json path to report (repeatable)");
  add_replication_options(*sweep_, sweep_replications_);
  sweep_->add_flag("--quiet", sweep_options_.quiet, "no progress display or final line");
  sweep_->add_flag("--no-report", sweep_options_.no_report, "do not write report.html and its charts");

  rank_ = app.add_subcommand("rank", "rank levers (--set changes, alone or in pairs) by their paired effect on metrics");
  rank_->add_option("scenario", rank_options_.scenario_file, "scenario YAML file")->required();
  rank_->add_option("--lever", rank_options_.levers, "key.path=value: one lever (repeatable)")->required();
  rank_->add_option("--metric", rank_options_.metrics, "summary.json path; the first ranks (repeatable)");
  rank_->add_flag("--pairs", rank_options_.pairs, "also every pair of levers on different keys");
  rank_->add_option("--better", rank_options_.better, "lower (default: days, costs) or higher (a share): the first "
                                                       "metric's improvement")
      ->transform(CLI::CheckedTransformer(std::map<std::string, Better>{{"lower", Better::Lower}, {"higher", Better::Higher}}));
  rank_->add_option("--cost", rank_options_.costs, "key.path=ONE_OFF_USD[,USD_PER_YEAR]: a lever's cost (repeatable)");
  rank_->add_option("--discount-rate", rank_options_.discount_rate_pct, "% a year, to annualise one-off costs")
      ->capture_default_str();
  rank_->add_option("--horizon-years", rank_options_.horizon_years, "years one-off costs are annualised over")
      ->capture_default_str();
  rank_->add_option("--out", rank_options_.out, "output folder (default results/<scenario name>-rank)");
  rank_->add_option("--seed", rank_options_.seed, "random seed (overrides the scenario's), 0 to 2^53")
      ->check(seed_range());
  rank_->add_flag_function("--no-report", [this](std::int64_t) { rank_options_.report = false; },
                  "do not write report.html and its tornado charts");
  rank_->add_flag("--force", rank_options_.force, "replace an --out folder that holds files rongou did not write");
  rank_->add_flag("--quiet", rank_options_.quiet, "no progress display or table");
  rank_replications_.replications = 10;
  add_replication_options(*rank_, rank_replications_);

  sensitivity_ = app.add_subcommand("sensitivity", "one-at-a-time elasticities and a Morris screening of parameters");
  sensitivity_->add_option("scenario", sensitivity_options_.scenario_file, "scenario YAML file")->required();
  sensitivity_->add_option("--param", sensitivity_options_.params, "key.path=lo..hi (repeatable)")->required();
  sensitivity_->add_option("--metric", sensitivity_options_.metrics, "summary.json path (repeatable)");
  sensitivity_->add_option("--steps", sensitivity_steps_, "one-at-a-time step around the scenario's value, e.g. ±10%")
      ->capture_default_str();
  sensitivity_->add_option("--morris-trajectories", sensitivity_options_.morris_trajectories, "Morris trajectories")
      ->check(integer_range(1, 1000))
      ->capture_default_str();
  sensitivity_->add_option("--morris-levels", sensitivity_options_.morris_levels, "Morris grid levels (even)")
      ->check(integer_range(2, 20))
      ->capture_default_str();
  sensitivity_->add_option("--shard", sensitivity_options_.shard, "K/N: run only the points i with i % N == K-1");
  sensitivity_->add_option("--out", sensitivity_options_.out, "output folder (default results/<scenario name>-sensitivity)");
  sensitivity_->add_option("--seed", sensitivity_options_.seed, "random seed (overrides the scenario's), 0 to 2^53")
      ->check(seed_range());
  sensitivity_->add_option("--replications", sensitivity_options_.replications, "replications per point")
      ->check(integer_range(1, kMaxReplications));
  sensitivity_->add_option("--jobs", sensitivity_jobs_, "worker processes at a time (default: one per processor)")
      ->check(integer_range(1, kMaxJobs));
  sensitivity_->add_flag("--force", sensitivity_options_.force, "replace an --out folder that holds files rongou did not write");
  sensitivity_->add_flag("--quiet", sensitivity_options_.quiet, "no progress display or final line");

  sensitivity_merge_ = app.add_subcommand("sensitivity-merge", "join the output folders of sensitivity shards");
  sensitivity_merge_->add_option("shards", merge_dirs_, "output folders of the shards")->required();
  sensitivity_merge_->add_option("--out", merge_out_, "output folder (default results/<scenario name>-sensitivity)");
  sensitivity_merge_->add_flag("--quiet", merge_quiet_, "print nothing on success");
  sensitivity_merge_->add_flag("--force", merge_force_, "replace an --out folder that holds files rongou did not write");

  merge_ = app.add_subcommand("sweep-merge", "join the output folders of sweep shards into one sweep");
  merge_->add_option("shards", merge_dirs_, "output folders of the shards")->required();
  merge_->add_option("--out", merge_out_, "output folder (default results/<scenario name>-sweep)");
  merge_->add_flag("--quiet", merge_quiet_, "print nothing on success");
  merge_->add_flag("--force", merge_force_, "replace an --out folder that holds files rongou did not write");
  merge_->add_flag("--no-report", merge_no_report_, "do not write report.html and its charts");
}

std::optional<int> ExperimentCommands::dispatch() {
  if (compare_ && *compare_) {
    // A folder named twice (the reference first, then again in results/*/) is compared once.
    std::vector<ResultsFolder> folders;
    std::vector<fs::path> seen;
    for (const auto& dir : compare_folders_) {
      const fs::path canonical = fs::weakly_canonical(fs::absolute(dir));
      if (std::find(seen.begin(), seen.end(), canonical) != seen.end())
        continue;
      seen.push_back(canonical);
      folders.push_back(read_results_folder(dir));
    }
    const SideBySide table = side_by_side(folders);
    const SideBySideRows rows = compare_all_       ? SideBySideRows::All
                                : compare_changed_ ? SideBySideRows::Changed
                                                   : SideBySideRows::Headline;
    if (compare_format_ == "csv")
      std::cout << format_side_by_side_csv(table, rows);
    else if (compare_format_ == "json")
      std::cout << format_side_by_side_json(table, rows);
    else
      std::cout << format_side_by_side_text(table, rows);
    if (!compare_report_.empty()) {
      const auto html = report::write_compare_report(table, compare_report_, compare_force_);
      if (compare_format_ == "text")
        std::cout << fmt::format("report in {}\n", (fs::path(compare_report_) / html.filename()).string());
    }
    return 0;
  }
  if (sweep_ && *sweep_) {
    sweep_options_.replications = sweep_replications_.replications;
    sweep_options_.precision = precision_rule(sweep_replications_);
    sweep_options_.jobs = effective_jobs(sweep_replications_.jobs);
    return run_sweep(sweep_options_);
  }
  if (rank_ && *rank_) {
    if (rank_options_.report)
      require_gnuplot();
    rank_options_.replications = rank_replications_.replications;
    rank_options_.precision = precision_rule(rank_replications_);
    rank_options_.jobs = effective_jobs(rank_replications_.jobs);
    return run_rank(rank_options_);
  }
  if (sensitivity_ && *sensitivity_) {
    if (!sensitivity_options_.shard) // a shard draws nothing: compute nodes need no gnuplot
      require_gnuplot();
    sensitivity_options_.step_pct = parse_step_pct(sensitivity_steps_);
    sensitivity_options_.jobs = effective_jobs(sensitivity_jobs_);
    return run_sensitivity(sensitivity_options_);
  }
  if (sensitivity_merge_ && *sensitivity_merge_) {
    require_gnuplot();
    return merge_sensitivity(merge_dirs_, merge_out_, merge_quiet_, merge_force_);
  }
  if (merge_ && *merge_)
    return merge_sweeps(merge_dirs_, merge_out_, merge_quiet_, merge_force_, !merge_no_report_);
  return std::nullopt;
}

} // namespace rongou::cli
