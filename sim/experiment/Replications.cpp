#include "experiment/Replications.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <sstream>

#include "experiment/Counterfactual.hpp"
#include "experiment/ProcessPool.hpp"
#include "experiment/Progress.hpp"
#include "results/RunResults.hpp"
#include "run/Simulation.hpp"
#include "output/RunOutputs.hpp"
#include "output/TextFile.hpp"
#include "base/RandomStream.hpp"
#include "scenario/CalendarWindows.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr int kWorkerBadInput = 2;

void write_text_atomically(const fs::path& file, const std::string& text) {
  const fs::path partial = file.string() + ".partial";
  write_text_file(partial, text);
  fs::rename(partial, file);
}

fs::path run_files_partial(const fs::path& dir) { return dir / ".replication-0-files"; }

// Runs in the worker process.
int replication_worker(const Variant& variant, std::size_t index) {
  if (const char* hook = std::getenv(kTestAbortReplicationEnv); hook && std::to_string(index) == hook)
    std::abort();
  Scenario scenario = variant.scenario;
  scenario.seed = replication_seed(variant.scenario.seed, index);
  expand_calendar(scenario); // each replication draws its own weather windows
  try {
    const NoSubsidyCounterfactual counterfactual(scenario, variant.dir); // first: before this process's engine
    const Journal journal = simulate(scenario);
    const auto compute = [&] {
      RunResults results = compute_run_results(scenario, journal);
      counterfactual.apply(results);
      return results;
    };
    const fs::path reps = variant.dir / "replications";
    // The first replication's files are written aside and moved up once all are complete: a
    // worker killed mid-write leaves no truncated file among the results (the parent removes
    // the folder).
    const bool with_files = index == 0 && variant.write_csvs;
    const fs::path files = run_files_partial(variant.dir);
    Provenance provenance;
    provenance.detail = variant.detail;
    if (with_files)
      fs::create_directories(files);
    const RunResults results = with_files ? write_run_files(files, scenario, journal, compute, provenance) : compute();
    write_text_atomically(reps / (replication_file_stem(index) + ".json"),
                          run_summary(scenario, results).dump(2) + "\n");
    if (with_files) {
      for (const auto& entry : fs::directory_iterator(files))
        fs::rename(entry.path(), variant.dir / entry.path().filename());
      fs::remove(files);
    }
  } catch (const InputError& e) {
    std::cerr << e.what();
    return kWorkerBadInput;
  }
  return 0;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

std::uint64_t replication_seed(std::uint64_t scenario_seed, std::size_t index) {
  // 53 bits: exact as a JSON number in any reader, and accepted as a scenario `seed`.
  return index == 0 ? scenario_seed : mix_seed(scenario_seed, index) >> 11;
}

std::string replication_file_stem(std::size_t index) { return fmt::format("rep-{:03}", index); }

bool ExperimentOutcome::complete() const {
  if (input_error)
    return false;
  for (const auto& v : variants)
    if (!v.missing.empty())
      return false;
  return true;
}

ExperimentOutcome run_experiment(const std::vector<Variant>& variants, const ExperimentOptions& options) {
  const std::optional<PrecisionRule>& precision = options.precision;
  const std::size_t most = precision ? precision->max_replications : options.replications;
  for (const auto& variant : variants)
    fs::create_directories(variant.dir / "replications");

  ExperimentOutcome result;
  // outcomes[v][i]: replication i of variant v; summaries read back as batches complete.
  std::vector<std::vector<WorkerOutcome>> outcomes(variants.size());
  std::vector<std::vector<std::optional<Json>>> summaries(variants.size());
  Progress progress(precision ? options.progress_label + " (at most)" : options.progress_label,
                    variants.size() * most, options.progress);
  std::size_t ran = 0;
  std::size_t run_to = precision ? std::min(precision->min_replications, most) : most;
  while (true) {
    const std::size_t batch = run_to - ran;
    std::vector<PoolTask> tasks;
    for (const auto& variant : variants)
      for (std::size_t i = ran; i < run_to; ++i)
        tasks.push_back({[&variant, i] { return replication_worker(variant, i); },
                         variant.dir / "replications" / (replication_file_stem(i) + ".log")});
    const auto batch_outcomes = run_in_workers(tasks, options.jobs, [&](std::size_t t, const WorkerOutcome& outcome) {
      progress.done_one(outcome.ok());
      if (outcome.ok())
        return true;
      const Variant& variant = variants[t / batch];
      if (outcome.signal == 0 && outcome.exit_code == kWorkerBadInput) {
        if (!result.input_error)
          result.input_error = (variant.label.empty() ? "" : variant.label + ":\n") + read_text(tasks[t].log_file);
        return false;
      }
      const std::size_t index = ran + t % batch;
      const std::uint64_t seed = replication_seed(variant.scenario.seed, index);
      const fs::path log = variant.final_dir / "replications" / tasks[t].log_file.filename();
      progress.note(fmt::format("{}replication {} (seed {}) failed: {}; log {}; re-run it alone: {} --seed {}",
                                variant.label.empty() ? "" : variant.label + ": ", index, seed, outcome.describe(),
                                log.string(), variant.rerun_command, seed));
      return true;
    });
    if (result.input_error)
      break;
    for (std::size_t v = 0; v < variants.size(); ++v)
      for (std::size_t i = ran; i < run_to; ++i) {
        const WorkerOutcome& outcome = batch_outcomes[v * batch + (i - ran)];
        outcomes[v].push_back(outcome);
        summaries[v].push_back(outcome.ok() ? std::optional<Json>(Json::parse(read_text(
                                                  variants[v].dir / "replications" / (replication_file_stem(i) + ".json"))))
                                            : std::nullopt);
        if (outcome.ok())
          fs::remove(tasks[v * batch + (i - ran)].log_file);
      }
    ran = run_to;
    if (!precision)
      break;
    std::vector<std::vector<const Json*>> done(variants.size());
    for (std::size_t v = 0; v < variants.size(); ++v)
      for (const auto& s : summaries[v])
        done[v].push_back(s ? &*s : nullptr);
    result.precision = precision_status(*precision, done);
    if (result.precision->reached || ran >= most)
      break;
    run_to = std::min(ran + precision->batch, most);
  }
  progress.finish();
  for (const auto& variant : variants) {
    std::error_code ignored;
    fs::remove_all(run_files_partial(variant.dir), ignored);
  }
  if (result.input_error)
    return result;

  result.replications = ran;
  for (std::size_t v = 0; v < variants.size(); ++v) {
    const Variant& variant = variants[v];
    VariantOutcome out;
    for (std::size_t i = 0; i < ran; ++i) {
      const std::uint64_t seed = replication_seed(variant.scenario.seed, i);
      if (summaries[v][i]) {
        out.done.push_back(std::move(*summaries[v][i]));
        out.done_seeds.push_back(seed);
      } else {
        out.missing.push_back({i, seed, outcomes[v][i].describe()});
      }
    }
    out.summary = experiment_summary(variant.scenario.seed, ran, out.done, out.done_seeds, out.missing);
    if (precision)
      out.summary["precision"] = precision_json(*precision, *result.precision);
    if (!out.done.empty())
      write_text_atomically(variant.dir / "summary.json", out.summary.dump(2) + "\n");
    result.variants.push_back(std::move(out));
  }
  return result;
}

} // namespace rongou
