#include "experiment/LeverRank.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <set>

#include "base/InputError.hpp"
#include "base/Interruption.hpp"
#include "experiment/Replications.hpp"
#include "experiment/SummaryPath.hpp"
#include "output/FileName.hpp"
#include "output/LeverRankFiles.hpp"
#include "output/LeverRankText.hpp"
#include "output/OutputFolder.hpp"
#include "output/report/RankReport.hpp"
#include "run/MemoryEstimate.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace rongou {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

std::string key_of(const std::string& assignment) {
  const auto eq = assignment.find('=');
  return eq == std::string::npos ? assignment : assignment.substr(0, eq);
}

double parse_usd(const std::string& argument, const std::string& text) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || ptr != end || error != std::errc() || !(value >= 0.0) || !std::isfinite(value))
    throw InputError(fmt::format("--cost {}: '{}' is not a number of USD at least 0", argument, text));
  return value;
}

std::string lever_dir_name(std::size_t index) { return fmt::format("lever-{:03}", index); }

} // namespace

const std::vector<std::string>& default_rank_metrics() {
  static const std::vector<std::string> metrics = {"modes.rail.transit_days.mean", "modes.rail.transit_days.p95",
                                                   "modes.rail.cost_usd_per_feu.total"};
  return metrics;
}

std::pair<std::string, LeverCost> parse_lever_cost(const std::string& argument) {
  const auto eq = argument.rfind('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError(fmt::format("--cost {}: expected key.path=ONE_OFF_USD[,USD_PER_YEAR]", argument));
  const std::string numbers = argument.substr(eq + 1);
  const auto comma = numbers.find(',');
  LeverCost cost;
  cost.one_off_usd = parse_usd(argument, numbers.substr(0, comma));
  if (comma != std::string::npos)
    cost.usd_per_year = parse_usd(argument, numbers.substr(comma + 1));
  return {argument.substr(0, eq), cost};
}

int run_rank(const RankOptions& options) {
  if (options.levers.empty())
    throw InputError("rank: give at least one --lever key.path=value");
  for (const auto& l : options.levers)
    if (l.find('=') == std::string::npos || l.front() == '=')
      throw InputError(fmt::format("--lever {}: expected key.path=value", l));
  if (!(options.discount_rate_pct >= 0.0 && options.discount_rate_pct < 100.0))
    throw InputError("--discount-rate: a percentage from 0 to below 100");
  if (!(options.horizon_years >= 1.0 && options.horizon_years <= 200.0))
    throw InputError("--horizon-years: from 1 to 200");
  const std::vector<std::string>& metrics = options.metrics.empty() ? default_rank_metrics() : options.metrics;

  std::map<std::string, LeverCost> costs;
  for (const auto& c : options.costs) {
    auto [key, cost] = parse_lever_cost(c);
    bool used = false;
    for (const auto& l : options.levers)
      used = used || key_of(l) == key;
    if (!used)
      throw InputError(fmt::format("--cost {}: no --lever sets {}", c, key));
    if (!costs.emplace(key, cost).second)
      throw InputError(fmt::format("--cost {}: {} has a cost already", c, key));
  }

  RankResults results;
  std::vector<std::vector<std::string>> lever_sets;
  for (const auto& l : options.levers)
    lever_sets.push_back({l});
  if (options.pairs)
    for (std::size_t a = 0; a < options.levers.size(); ++a)
      for (std::size_t b = a + 1; b < options.levers.size(); ++b)
        if (key_of(options.levers[a]) != key_of(options.levers[b])) // one key cannot take two values
          lever_sets.push_back({options.levers[a], options.levers[b]});
  for (const auto& set : lever_sets) {
    LeverDescription d;
    d.assignments = set;
    for (const auto& a : set)
      d.label += (d.label.empty() ? "" : " + ") + a;
    if (!costs.empty()) {
      LeverCost total;
      for (const auto& a : set) {
        const auto it = costs.find(key_of(a));
        if (it == costs.end())
          throw InputError(fmt::format("--cost: the lever {} has no cost; give every lever's key a --cost (0 if "
                                       "free) to rank per dollar",
                                       a));
        total.one_off_usd += it->second.one_off_usd;
        total.usd_per_year += it->second.usd_per_year;
      }
      d.cost = total;
      d.cost_usd_per_year = annualised_cost_usd_per_year(total, options.discount_rate_pct / 100.0, options.horizon_years);
    }
    results.levers.push_back(std::move(d));
  }

  Scenario base = load_scenario(options.scenario_file);
  if (options.seed)
    base.seed = *options.seed;
  std::vector<Scenario> scenarios = {base};
  for (const auto& d : results.levers) {
    try {
      scenarios.push_back(load_scenario(options.scenario_file, d.assignments));
    } catch (const InputError& e) {
      throw InputError(fmt::format("lever {}:\n{}", d.label, e.what()));
    }
    scenarios.back().seed = base.seed;
  }
  const std::size_t replications = options.precision ? options.precision->max_replications : options.replications;
  for (const auto& s : scenarios)
    require_memory(s, replications * scenarios.size(), options.jobs);

  const fs::path target = fs::absolute(options.out.empty() ? fs::path("results") / (file_name_component(base.name) + "-rank")
                                                            : fs::path(options.out))
                              .lexically_normal();
  OutputFolder folder = OutputFolder::claim(target, {"--out", options.force});
  const fs::path staged = folder.staging();

  std::vector<Variant> variants;
  for (std::size_t v = 0; v < scenarios.size(); ++v) {
    Variant variant;
    variant.scenario = scenarios[v];
    const fs::path sub = v == 0 ? fs::path("base") : fs::path("levers") / lever_dir_name(v - 1);
    variant.dir = staged / sub;
    variant.final_dir = target / sub;
    std::string rerun = "rongou run " + options.scenario_file;
    if (v > 0) {
      variant.label = "lever " + results.levers[v - 1].label;
      for (const auto& a : results.levers[v - 1].assignments)
        rerun += fmt::format(" --set '{}'", a);
    } else {
      variant.label = "base";
    }
    variant.rerun_command = rerun;
    variants.push_back(std::move(variant));
  }
  ExperimentOptions run;
  run.replications = options.replications;
  run.precision = options.precision;
  if (run.precision)
    run.precision->on_differences_from_first = true;
  run.jobs = options.jobs;
  run.progress = !options.quiet;
  run.progress_label = "rank";
  interruption::doing(fmt::format("ranking {} levers on {}", results.levers.size(), base.name));
  const ExperimentOutcome outcome = run_experiment(variants, run);
  if (outcome.input_error)
    throw InputError(*outcome.input_error);

  // Pairs need the same replication in the base and in every lever: the indices all did.
  std::set<std::size_t> common;
  for (std::size_t i = 0; i < outcome.replications; ++i)
    common.insert(i);
  for (const auto& v : outcome.variants)
    for (const auto& m : v.missing)
      common.erase(m.index);
  const auto sample = [&](std::size_t v, const std::string& metric) {
    std::vector<double> values;
    const VariantOutcome& vo = outcome.variants[v];
    std::size_t d = 0;
    for (std::size_t i = 0; i < outcome.replications; ++i) {
      const bool missing = std::any_of(vo.missing.begin(), vo.missing.end(), [i](const auto& m) { return m.index == i; });
      if (missing)
        continue;
      if (common.contains(i)) {
        const auto x = number_at(vo.done[d], metric);
        values.push_back(x ? *x : std::nan(""));
      }
      ++d;
    }
    return values;
  };
  results.scenario = base.name;
  results.seed = base.seed;
  results.replications = common.size();
  results.per_dollar = !costs.empty();
  results.better = options.better;
  results.discount_rate_pct = options.discount_rate_pct;
  results.horizon_years = options.horizon_years;
  for (const auto& metric : metrics) {
    MetricRanking m;
    m.metric = metric;
    const std::vector<double> base_values = sample(0, metric);
    if (!base_values.empty() && std::all_of(base_values.begin(), base_values.end(), [](double x) { return std::isnan(x); })) {
      if (options.metrics.empty()) // a default metric the scenario does not compute (no costs)
        continue;
      throw InputError(fmt::format("--metric {}: no such statistic in summary.json", metric));
    }
    m.base = mean_ci95(base_values);
    std::vector<LeverSample> samples;
    for (std::size_t l = 0; l < results.levers.size(); ++l)
      samples.push_back({results.levers[l].label, sample(l + 1, metric), results.levers[l].cost_usd_per_year});
    m.levers = rank_levers(base_values, samples, results.per_dollar, options.better);
    results.metrics.push_back(std::move(m));
  }

  write_rank_files(staged, results, outcome.precision ? std::optional<Json>(precision_json(*run.precision, *outcome.precision))
                                                      : std::nullopt);
  if (options.report)
    report::write_rank_report(staged, results);
  folder.commit();
  if (!options.quiet) {
    std::cout << format_rank_table(results);
    std::cout << fmt::format("outputs in {}\n", target.string());
  }
  return outcome.complete() ? 0 : 1;
}

} // namespace rongou
