// rongou: the command line. Exit codes: 0 ok, 1 simulation or runtime failure, 2 bad input
// or usage, 130 / 143 interrupted by SIGINT / SIGTERM (README.md).
#include <CLI/CLI.hpp>
#include <charconv>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <regex>
#include <spdlog/spdlog.h>

#include "cli/ExperimentCommands.hpp"
#include "experiment/Counterfactual.hpp"
#include "base/HeapReserve.hpp"
#include "base/Interruption.hpp"
#include "base/Log.hpp"
#include "results/RunResults.hpp"
#include "engine/Engine.hpp"
#include "run/Simulation.hpp"
#include "output/ComparisonTable.hpp"
#include "output/WarmupWarning.hpp"
#include "output/report/SweepReport.hpp"
#include "run/Validation.hpp"
#include "output/OutputFolder.hpp"
#include "output/RunOutputs.hpp"
#include "output/TerminalTable.hpp"
#include "output/FileName.hpp"
#include "output/report/Gnuplot.hpp"
#include "output/report/ReportWriter.hpp"
#include "run/MemoryEstimate.hpp"
#include "scenario/Diagnostics.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace {

constexpr int kExitRuntime = 1;
constexpr int kExitBadInput = 2;

struct RunOptions {
  std::string scenario;
  std::string out;
  std::optional<std::uint64_t> seed;
  bool quiet = false;
  std::vector<std::string> overrides; // --set key.path=value
  rongou::cli::ReplicationOptions replications;
  bool no_report = false;
  bool force = false;
  std::string report_weeks = "5-6";
  std::string command;
};

// "5-6" or "5": the weeks (counted from 1) the time-distance diagram shows.
rongou::report::ReportOptions parse_weeks(const std::string& text, const std::string& option) {
  static const std::regex pattern(R"(\s*(\d+)\s*(?:-\s*(\d+))?\s*)");
  std::smatch m;
  if (!std::regex_match(text, m, pattern))
    throw rongou::InputError(fmt::format("{}: '{}' is not a week or a range of weeks like 5-6", option, text));
  auto week = [&](const std::string& digits) {
    int value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc{} || end != digits.data() + digits.size() || value > 100000)
      throw rongou::InputError(fmt::format("{}: week {} is past any horizon (at most 100000)", option, digits));
    return value;
  };
  rongou::report::ReportOptions options;
  options.first_week = week(m[1]);
  options.last_week = m[2].matched ? week(m[2]) : options.first_week;
  if (options.first_week < 1 || options.last_week < options.first_week)
    throw rongou::InputError(fmt::format("{}: '{}' must be FIRST-LAST with 1 <= FIRST <= LAST", option, text));
  return options;
}

// The report needs gnuplot: checked before anything is simulated.
void require_gnuplot() {
  try {
    rongou::report::find_gnuplot();
  } catch (const std::exception& e) {
    throw rongou::InputError(e.what());
  }
}

int run_command(const RunOptions& options) {
  const auto report_options = parse_weeks(options.report_weeks, "--report-weeks");
  auto overrides = options.overrides;
  if (options.seed) // as an override, so the saved resolved scenario shows it
    overrides.push_back(fmt::format("seed={}", *options.seed));
  rongou::interruption::doing("reading the scenario " + options.scenario);
  rongou::Scenario scenario = rongou::load_valid_scenario(options.scenario, overrides);
  // The loader admits only identifiers without a slash as scenario names, so the default
  // folder stays inside results/.
  const std::filesystem::path out = options.out.empty() ? std::filesystem::path("results") / rongou::file_name_component(scenario.name)
                                                        : std::filesystem::path(options.out);
  if (!options.no_report)
    require_gnuplot();
  const auto precision = rongou::cli::precision_rule(options.replications);
  rongou::require_memory(scenario, precision ? precision->max_replications : options.replications.replications,
                         rongou::cli::effective_jobs(options.replications.jobs));
  rongou::OutputFolder folder = rongou::OutputFolder::claim(out, {"--out", options.force});
  auto write_report = [&](const std::filesystem::path& dir) {
    if (options.no_report)
      return;
    rongou::interruption::doing("writing the report");
    rongou::report::write_report(dir, report_options);
  };
  auto say_report = [&] {
    if (!options.no_report && !options.quiet)
      std::cout << fmt::format("report in {}\n", (out / "report.html").string());
  };
  if (options.replications.replications > 1 || precision) {
    const int code = rongou::cli::run_replicated(scenario, options.scenario, folder, options.replications,
                                                 options.quiet, write_report);
    if (code == 0)
      say_report();
    return code;
  }
  std::string tables;
  {
    // Scoped: the journal of a long run is hundreds of MB, freed before the report reads the
    // files back.
    rongou::interruption::doing(fmt::format("simulating {}", scenario.name));
    // The paired run without subsidy, if asked for, in a worker: before this process's engine.
    const rongou::NoSubsidyCounterfactual counterfactual(scenario, folder.staging());
    const rongou::Journal journal = rongou::simulate(scenario);
    rongou::Provenance provenance;
    provenance.command = options.command;
    provenance.detail = options.replications.detail;
    rongou::interruption::doing("writing the results");
    const rongou::RunResults results =
        rongou::write_run_outputs(folder.staging(), scenario, journal, [&] {
          rongou::RunResults computed = rongou::compute_run_results(scenario, journal);
          counterfactual.apply(computed);
          return computed;
        }, provenance);
    if (!results.warmup.sufficient)
      spdlog::warn(rongou::warmup_warning(*results.warmup.mser5_days, scenario.warmup_days));
    if (!options.quiet)
      tables = rongou::format_terminal_table(scenario, results) + rongou::format_comparison_table(scenario, results);
  }
  write_report(folder.staging());
  folder.commit();
  spdlog::info("outputs written to {}", out.string());
  if (!options.quiet)
    std::cout << tables << fmt::format("outputs in {}\n", out.string());
  say_report();
  return 0;
}

// Bytes of the regular files directly in `dir` (symbolic links not followed; 0 for what
// cannot be read: the report says what is wrong with the folder).
std::uintmax_t results_files_bytes(const std::filesystem::path& dir) {
  std::uintmax_t bytes = 0;
  std::error_code error;
  for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    std::error_code size_error;
    if (it->is_regular_file(size_error) && !it->is_symlink(size_error)) {
      const auto size = it->file_size(size_error);
      if (!size_error)
        bytes += size;
    }
  }
  return bytes;
}
constexpr std::uintmax_t kMaxReportReserveBytes = std::uintmax_t{256} << 20;

int report_command(const std::string& dir, const std::string& weeks, bool quiet) {
  require_gnuplot();
  // The report holds the folder's CSV files and their cells (about twice their bytes): taken
  // at once, as a run takes its memory.
  rongou::reserve_heap(std::min<std::uintmax_t>(2 * results_files_bytes(dir), kMaxReportReserveBytes));
  const auto html = rongou::report::is_sweep_folder(dir) ? rongou::report::write_sweep_report(dir)
                                                         : rongou::report::write_report(dir, parse_weeks(weeks, "--weeks"));
  if (!quiet)
    std::cout << fmt::format("report in {}\n", (std::filesystem::path(dir) / html.filename()).string());
  return 0;
}

int validate_command(const std::string& file, const std::vector<std::string>& overrides) {
  const rongou::Scenario scenario = rongou::load_valid_scenario(file, overrides);
  const std::string lanes =
      scenario.is_network() ? fmt::format("{} lanes, focus {}; ", scenario.lanes.size(), scenario.focus().name) : "";
  std::cout << fmt::format("{}: ok ({}{} services, {} locomotive pools; a run needs about {:.0f} MB)\n", file, lanes,
                           scenario.rail.services.size(), scenario.rail.locomotives.size(),
                           rongou::estimate_memory(scenario).bytes / 1e6);
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  rongou::interruption::install();
  CLI::App app{"rongou: the Chengdu-Lodz Rong-Ou rail corridor against the sea route, simulated on SimGrid"};
  app.require_subcommand(1);
  // Options of the whole program, also accepted after the subcommand.
  app.fallthrough();
  bool verbose = false;
  bool quiet = false;
  app.add_flag("-v,--verbose", verbose, "log progress and model events (with the simulated time) to stderr");
  app.add_flag("-q,--quiet", quiet, "print nothing on success; log errors only");

  RunOptions run;
  {
    std::vector<std::string> args(argv, argv + argc);
    args[0] = "rongou";
    run.command = rongou::Provenance::join_command(args);
  }
  auto* run_cmd = app.add_subcommand("run", "simulate a scenario and write its results");
  run_cmd->add_option("scenario", run.scenario, "scenario YAML file")->required();
  run_cmd->add_option("--out", run.out, "output folder (default results/<scenario name>)");
  run_cmd->add_option("--seed", run.seed, "random seed (overrides the scenario's), 0 to 2^53")
      ->check(rongou::cli::seed_range());
  run_cmd->add_flag("--force", run.force, "replace an --out folder that holds files rongou did not write");
  run_cmd->add_option("--set", run.overrides, "override a scenario value: key.path=value (repeatable)")
      ->allow_extra_args(false);
  rongou::cli::add_replication_options(*run_cmd, run.replications);
  rongou::cli::add_detail_option(*run_cmd, run.replications.detail);
  run_cmd->add_flag("--no-report", run.no_report, "do not write report.html and its charts");
  run_cmd->add_option("--report-weeks", run.report_weeks, "weeks the time-distance diagram shows, e.g. 5-6")
      ->capture_default_str();

  std::string report_dir;
  std::string report_weeks = "5-6";
  auto* report_cmd = app.add_subcommand("report", "write report.html and its charts for a results folder or a sweep folder");
  report_cmd->add_option("results", report_dir, "results folder of a finished run, or a sweep's folder")->required();
  report_cmd->add_option("--weeks", report_weeks, "weeks the time-distance diagram shows, e.g. 5-6")
      ->capture_default_str();

  std::string validate_file;
  auto* validate_cmd = app.add_subcommand("validate", "check a scenario and its platform without simulating");
  validate_cmd->add_option("scenario", validate_file, "scenario YAML file")->required();
  std::vector<std::string> validate_overrides;
  validate_cmd->add_option("--set", validate_overrides, "override a scenario value: key.path=value (repeatable)")
      ->allow_extra_args(false);

  rongou::cli::ExperimentCommands experiments;
  experiments.add_to(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  }

  if (verbose && quiet) {
    std::cerr << "rongou: --verbose and --quiet exclude each other\n";
    return kExitBadInput;
  }
  rongou::log::setup(quiet     ? rongou::log::Verbosity::Quiet
                     : verbose ? rongou::log::Verbosity::Verbose
                               : rongou::log::Verbosity::Normal);
  run.quiet = quiet;

  try {
    if (*run_cmd)
      return run_command(run);
    if (*report_cmd)
      return report_command(report_dir, report_weeks, quiet);
    if (*validate_cmd)
      return validate_command(validate_file, validate_overrides);
    if (auto code = experiments.dispatch())
      return *code;
  } catch (const rongou::InputError& e) {
    rongou::interruption::hold(); // an interruption under way ends the process with its own code
    std::cerr << e.what();
    if (std::string(e.what()).back() != '\n')
      std::cerr << '\n';
    return kExitBadInput;
  } catch (const std::exception& e) {
    rongou::interruption::hold();
    std::cerr << "rongou: " << e.what() << '\n';
    return kExitRuntime;
  }
  return kExitBadInput;
}
