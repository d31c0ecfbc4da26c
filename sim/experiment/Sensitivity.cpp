#include "experiment/Sensitivity.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/InputError.hpp"
#include "base/Interruption.hpp"
#include "experiment/LeverRank.hpp"
#include "experiment/Replications.hpp"
#include "experiment/ShardRows.hpp"
#include "experiment/SummaryPath.hpp"
#include "experiment/SweepGrid.hpp"
#include "output/CsvField.hpp"
#include "output/FileName.hpp"
#include "output/OutputFolder.hpp"
#include "output/SensitivityFiles.hpp"
#include "output/TextFile.hpp"
#include "output/report/SensitivityReport.hpp"
#include "run/MemoryEstimate.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioTree.hpp"

namespace rongou {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

double parse_bound(const std::string& argument, const std::string& text, bool& whole) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || ptr != end || error != std::errc() || !std::isfinite(value))
    throw InputError(fmt::format("--param {}: '{}' is not a number", argument, text));
  whole = whole && text.find_first_of(".eE") == std::string::npos;
  return value;
}

// The number the scenario file (after `extends`) sets at `key`, if any.
std::optional<double> scenario_value(const std::string& file, const std::string& key) {
  Diagnostics diagnostics;
  const ScenarioTree tree = read_scenario_tree(file, diagnostics);
  if (!tree.root)
    return std::nullopt;
  YAML::Node node = YAML::Clone(tree.root);
  std::stringstream parts(key);
  for (std::string part; std::getline(parts, part, '.');) {
    if (node.IsMap() && node[part])
      node = node[part];
    else if (node.IsSequence() && !part.empty() && part.find_first_not_of("0123456789") == std::string::npos &&
             std::stoul(part) < node.size())
      node = node[std::stoul(part)];
    else
      return std::nullopt;
  }
  if (!node.IsScalar())
    return std::nullopt;
  double value = 0.0;
  const std::string text = node.Scalar();
  const auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ptr != text.data() + text.size() || error != std::errc())
    return std::nullopt;
  return value;
}

std::string value_text(const SensitivityParameter& p, double v) {
  return p.integer ? fmt::format("{}", static_cast<long long>(std::llround(v))) : fmt::format("{}", v);
}

std::string point_kind(std::size_t index, std::size_t parameters) {
  if (index == 0)
    return "base";
  if (index <= 2 * parameters)
    return index % 2 == 1 ? "low" : "high";
  return "morris";
}

struct Plan {
  std::vector<SensitivityParameter> parameters;
  std::vector<std::string> metrics;
  MorrisDesign design;
  std::vector<std::vector<double>> values;        // per point, per parameter
  std::vector<std::vector<std::string>> settings; // per point: the --set assignments
  Json manifest;
};

Plan plan_of(const Json& manifest) {
  Plan plan;
  plan.manifest = manifest;
  for (const auto& p : manifest.at("parameters"))
    plan.parameters.push_back({p.at("key").get<std::string>(), p.at("lo").get<double>(), p.at("hi").get<double>(),
                               p.at("base").get<double>(), p.at("integer").get<bool>()});
  plan.metrics = manifest.at("metrics").get<std::vector<std::string>>();
  const Json& morris = manifest.at("morris");
  plan.design = morris_design(plan.parameters.size(), morris.at("trajectories").get<std::size_t>(),
                              morris.at("levels").get<std::size_t>(), manifest.at("seed").get<std::uint64_t>());
  const double step = manifest.at("step_pct").get<double>() / 100.0;
  const std::size_t k = plan.parameters.size();
  std::vector<double> base;
  for (const auto& p : plan.parameters)
    base.push_back(p.base);
  plan.values.push_back(base);
  plan.settings.push_back({});
  for (std::size_t j = 0; j < k; ++j) {
    const auto [lo, hi] = one_at_a_time_values(plan.parameters[j], step);
    for (double v : {lo, hi}) {
      auto values = base;
      values[j] = v;
      plan.values.push_back(values);
      plan.settings.push_back({plan.parameters[j].key + "=" + value_text(plan.parameters[j], v)});
    }
  }
  for (const auto& x : plan.design.points) {
    std::vector<double> values;
    std::vector<std::string> settings;
    for (std::size_t j = 0; j < k; ++j) {
      values.push_back(parameter_value(plan.parameters[j], x[j]));
      settings.push_back(plan.parameters[j].key + "=" + value_text(plan.parameters[j], values.back()));
    }
    plan.values.push_back(values);
    plan.settings.push_back(settings);
  }
  return plan;
}

std::string points_header(const Plan& plan) {
  std::string line = "point,kind";
  for (const auto& p : plan.parameters)
    line += "," + csv_field(p.key);
  line += ",replications";
  for (const auto& m : plan.metrics)
    line += "," + csv_field(m);
  return line;
}

// Reads the metric cells back from points.csv rows, so that a merged run and an unsharded
// one compute their tables from the very same text.
std::vector<std::vector<double>> outputs_of(const Plan& plan, const std::map<std::size_t, std::string>& rows) {
  std::vector<std::vector<double>> outputs;
  const std::size_t first_metric = 2 + plan.parameters.size() + 1;
  for (const auto& [point, row] : rows) {
    std::vector<std::string> cells;
    std::stringstream in(row);
    for (std::string cell; std::getline(in, cell, ',');) // numbers and kinds only: no quoted commas
      cells.push_back(cell);
    cells.resize(first_metric + plan.metrics.size());
    std::vector<double> y;
    for (std::size_t m = 0; m < plan.metrics.size(); ++m) {
      const std::string& c = cells[first_metric + m];
      y.push_back(c.empty() ? std::nan("") : std::stod(c));
    }
    outputs.push_back(y);
  }
  return outputs;
}

void write_tables(const fs::path& staged, const Plan& plan, const std::map<std::size_t, std::string>& rows) {
  const auto outputs = outputs_of(plan, rows);
  auto table = sensitivity_table(plan.parameters, plan.metrics, plan.design, plan.values, outputs);
  // A metric no point has (costs of a scenario without prices) gets no rows and no chart.
  std::vector<std::string> measured;
  for (std::size_t m = 0; m < plan.metrics.size(); ++m) {
    const bool any = std::any_of(outputs.begin(), outputs.end(), [m](const auto& y) { return !std::isnan(y[m]); });
    if (any)
      measured.push_back(plan.metrics[m]);
    else
      std::erase_if(table, [&](const SensitivityRow& r) { return r.metric == plan.metrics[m]; });
  }
  write_sensitivity_csv(staged, table);
  report::write_sensitivity_report(staged, plan.manifest.at("scenario").get<std::string>(), plan.parameters, measured,
                                   table);
}

} // namespace

SensitivityParameter parse_sensitivity_parameter(const std::string& argument) {
  const auto eq = argument.rfind('=');
  const auto dots = argument.find("..", eq == std::string::npos ? 0 : eq);
  if (eq == std::string::npos || eq == 0 || dots == std::string::npos)
    throw InputError(fmt::format("--param {}: expected key.path=lo..hi", argument));
  SensitivityParameter p;
  p.key = argument.substr(0, eq);
  bool whole = true;
  p.lo = parse_bound(argument, argument.substr(eq + 1, dots - eq - 1), whole);
  p.hi = parse_bound(argument, argument.substr(dots + 2), whole);
  p.integer = whole;
  if (!(p.lo < p.hi))
    throw InputError(fmt::format("--param {}: lo must be below hi", argument));
  p.base = p.integer ? std::round((p.lo + p.hi) / 2.0) : (p.lo + p.hi) / 2.0;
  return p;
}

int run_sensitivity(const SensitivityOptions& options) {
  if (options.params.empty())
    throw InputError("sensitivity: give at least one --param key.path=lo..hi");
  if (!(options.step_pct > 0.0 && options.step_pct < 100.0))
    throw InputError("--steps: a percentage above 0 and below 100");
  if (options.morris_trajectories < 1 || options.morris_trajectories > 1000)
    throw InputError("--morris-trajectories: from 1 to 1000");
  if (options.morris_levels < 2 || options.morris_levels % 2 != 0)
    throw InputError("--morris-levels: an even number, at least 2");
  if (options.replications < 1)
    throw InputError("--replications: at least 1");
  const Shard shard = options.shard ? parse_shard(*options.shard) : Shard{};
  Scenario base = load_scenario(options.scenario_file);
  if (options.seed)
    base.seed = *options.seed;

  Json manifest;
  manifest["program"] = "rongou";
  manifest["command"] = "sensitivity";
  manifest["scenario"] = base.name;
  manifest["seed"] = base.seed;
  manifest["replications"] = options.replications;
  Json parameters = Json::array();
  std::set<std::string> keys;
  for (const auto& text : options.params) {
    SensitivityParameter p = parse_sensitivity_parameter(text);
    if (!keys.insert(p.key).second)
      throw InputError(fmt::format("--param {}: {} is given twice", text, p.key));
    if (const auto v = scenario_value(options.scenario_file, p.key))
      p.base = *v;
    parameters.push_back({{"key", p.key}, {"lo", p.lo}, {"hi", p.hi}, {"base", p.base}, {"integer", p.integer}});
  }
  manifest["parameters"] = std::move(parameters);
  manifest["metrics"] = options.metrics.empty() ? default_rank_metrics() : options.metrics;
  manifest["step_pct"] = options.step_pct;
  manifest["morris"] = {{"trajectories", options.morris_trajectories}, {"levels", options.morris_levels}};
  Plan plan = plan_of(manifest);
  manifest["morris"]["delta"] = plan.design.delta;
  manifest["points"] = plan.settings.size();
  plan.manifest = manifest;

  std::vector<std::size_t> mine;
  for (std::size_t i = 0; i < plan.settings.size(); ++i)
    if (shard.holds(i))
      mine.push_back(i);
  std::vector<Scenario> scenarios;
  for (std::size_t i : mine) {
    try {
      scenarios.push_back(load_scenario(options.scenario_file, plan.settings[i]));
    } catch (const InputError& e) {
      throw InputError(fmt::format("sensitivity point {} ({}):\n{}", i, fmt::join(plan.settings[i], " "), e.what()));
    }
    scenarios.back().seed = base.seed;
  }
  for (const auto& s : scenarios)
    require_memory(s, options.replications * mine.size(), options.jobs);

  const fs::path target =
      fs::absolute(options.out.empty() ? fs::path("results") / (file_name_component(base.name) + "-sensitivity")
                                       : fs::path(options.out))
          .lexically_normal();
  OutputFolder folder = OutputFolder::claim(target, {"--out", options.force});
  const fs::path staged = folder.staging();
  std::vector<Variant> variants;
  for (std::size_t m = 0; m < mine.size(); ++m) {
    Variant v;
    v.scenario = scenarios[m];
    const std::string name = fmt::format("point-{:04}", mine[m]);
    v.dir = staged / "points" / name;
    v.final_dir = target / "points" / name;
    v.label = fmt::format("point {}", mine[m]);
    std::string rerun = "rongou run " + options.scenario_file;
    for (const auto& s : plan.settings[mine[m]])
      rerun += " --set " + s;
    v.rerun_command = rerun;
    variants.push_back(std::move(v));
  }
  ExperimentOptions run;
  run.replications = options.replications;
  run.jobs = options.jobs;
  run.progress = !options.quiet;
  run.progress_label = "sensitivity";
  interruption::doing(fmt::format("screening {} parameters of {} ({} points)", plan.parameters.size(), base.name,
                                  mine.size()));
  const ExperimentOutcome outcome = run_experiment(variants, run);
  if (outcome.input_error)
    throw InputError(*outcome.input_error);

  std::map<std::size_t, std::string> rows;
  for (std::size_t m = 0; m < mine.size(); ++m) {
    const std::size_t i = mine[m];
    std::string row = fmt::format("{},{}", i, point_kind(i, plan.parameters.size()));
    for (std::size_t j = 0; j < plan.parameters.size(); ++j)
      row += fmt::format(",{}", value_text(plan.parameters[j], plan.values[i][j]));
    const VariantOutcome& vo = outcome.variants[m];
    row += fmt::format(",{}", vo.done.size());
    for (const auto& metric : plan.metrics) {
      const auto x = vo.done.empty() ? std::nullopt : number_at(vo.summary, metric);
      row += fmt::format(",{}", x ? Json(*x).dump() : std::string());
    }
    rows.emplace(i, row);
  }
  write_text_file(staged / "sensitivity.json", manifest.dump(2) + "\n");
  std::string csv = points_header(plan) + "\n";
  for (const auto& [i, row] : rows)
    csv += row + "\n";
  write_text_file(staged / "points.csv", csv);
  if (!options.shard) // a shard's table would miss the others' points
    write_tables(staged, plan, rows);
  folder.commit();
  if (!options.quiet)
    std::cout << fmt::format("{} of {} points{} in {}\n", mine.size(), plan.settings.size(),
                             options.shard ? " (shard " + *options.shard + ")" : "",
                             (target / (options.shard ? "points.csv" : "sensitivity.csv")).string());
  return outcome.complete() ? 0 : 1;
}

int merge_sensitivity(const std::vector<std::string>& shard_dirs, const std::string& out, bool quiet, bool force) {
  const ShardRows shards = read_shard_rows(shard_dirs, "sensitivity.json", "points.csv", "sensitivity-merge");
  const Json manifest = Json::parse(shards.manifest_text);
  const Plan plan = plan_of(manifest);
  const fs::path target =
      fs::absolute(out.empty() ? fs::path("results") /
                                     (file_name_component(manifest.at("scenario").get<std::string>()) + "-sensitivity")
                               : fs::path(out))
          .lexically_normal();
  refuse_shard_inside(shard_dirs, target, "sensitivity-merge");
  OutputFolder folder = OutputFolder::claim(target, {"--out", force});
  const fs::path staged = folder.staging();
  std::map<std::size_t, std::string> rows;
  std::string csv = shards.header + "\n";
  fs::create_directories(staged / "points");
  for (const auto& [point, row] : shards.rows) {
    rows.emplace(point, row.first);
    csv += row.first + "\n";
    const std::string name = fmt::format("point-{:04}", point);
    if (fs::exists(row.second / "points" / name))
      fs::copy(row.second / "points" / name, staged / "points" / name, fs::copy_options::recursive);
  }
  write_text_file(staged / "sensitivity.json", shards.manifest_text);
  write_text_file(staged / "points.csv", csv);
  write_tables(staged, plan, rows);
  folder.commit();
  if (!quiet)
    std::cout << fmt::format("{} points from {} shards in {}\n", rows.size(), shard_dirs.size(),
                             (target / "sensitivity.csv").string());
  return 0;
}

} // namespace rongou
