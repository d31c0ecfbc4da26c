// rongou: the command line. Exit codes: 0 ok, 1 simulation or runtime failure, 2 bad input
// or usage (DESIGN.md section 4).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>

#include "cli/ExperimentCommands.hpp"
#include "metrics/RailMetrics.hpp"
#include "model/Engine.hpp"
#include "model/Simulation.hpp"
#include "output/ComparisonTable.hpp"
#include "model/Validation.hpp"
#include "output/RunOutputs.hpp"
#include "output/TerminalTable.hpp"
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
};

int run_command(const RunOptions& options) {
  auto overrides = options.overrides;
  if (options.seed) // as an override, so the saved resolved scenario shows it
    overrides.push_back(fmt::format("seed={}", *options.seed));
  rongou::Scenario scenario = rongou::load_valid_scenario(options.scenario, overrides);
  const std::filesystem::path out = options.out.empty() ? std::filesystem::path("results") / scenario.name
                                                        : std::filesystem::path(options.out);
  if (options.replications.replications > 1)
    return rongou::cli::run_replicated(scenario, options.scenario, out, options.replications, options.quiet);
  const rongou::Journal journal = rongou::simulate(scenario);
  const auto metrics = rongou::compute_rail_metrics(scenario, journal);
  rongou::write_run_outputs(out, scenario, journal, metrics);
  if (!options.quiet) {
    std::cout << rongou::format_terminal_table(scenario, metrics);
    std::cout << rongou::format_comparison_table(scenario, journal);
    std::cout << fmt::format("outputs in {}\n", out.string());
  }
  return 0;
}

int validate_command(const std::string& file, const std::vector<std::string>& overrides) {
  const rongou::Scenario scenario = rongou::load_valid_scenario(file, overrides);
  std::cout << fmt::format("{}: ok ({} services, {} locomotive pools)\n", file, scenario.rail.services.size(),
                           scenario.rail.locomotives.size());
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"rongou: the Chengdu-Lodz Rong-Ou rail corridor against the sea route, simulated on SimGrid"};
  app.require_subcommand(1);

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "simulate a scenario and write its results");
  run_cmd->add_option("scenario", run.scenario, "scenario YAML file")->required();
  run_cmd->add_option("--out", run.out, "output folder (default results/<scenario name>)");
  run_cmd->add_option("--seed", run.seed, "random seed (overrides the scenario's)");
  run_cmd->add_flag("--quiet", run.quiet, "print nothing on success");
  run_cmd->add_option("--set", run.overrides, "override a scenario value: key.path=value (repeatable)")
      ->allow_extra_args(false);
  rongou::cli::add_replication_options(*run_cmd, run.replications);

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

  try {
    if (*run_cmd)
      return run_command(run);
    if (*validate_cmd)
      return validate_command(validate_file, validate_overrides);
    if (auto code = experiments.dispatch())
      return *code;
  } catch (const rongou::InputError& e) {
    std::cerr << e.what();
    if (std::string(e.what()).back() != '\n')
      std::cerr << '\n';
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "rongou: " << e.what() << '\n';
    return kExitRuntime;
  }
  return kExitBadInput;
}
