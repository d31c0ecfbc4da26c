#include "experiment/Sweep.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

#include "base/Interruption.hpp"
#include "experiment/Replications.hpp"
#include "experiment/ShardRows.hpp"
#include "experiment/SweepGrid.hpp"
#include "output/CsvField.hpp"
#include "output/FileName.hpp"
#include "output/OutputFolder.hpp"
#include "output/RunOutputs.hpp"
#include "output/TextFile.hpp"
#include "output/report/Gnuplot.hpp"
#include "output/report/SweepReport.hpp"
#include "run/MemoryEstimate.hpp"
#include "scenario/Diagnostics.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace rongou {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

// The value at a dotted path and its ci95 sibling, as CSV cells (empty when absent).
std::pair<std::string, std::string> column_cells(const Json& summary, const std::string& path) {
  const Json* node = &summary;
  const Json* parent = nullptr;
  std::string leaf;
  std::stringstream parts(path);
  for (std::string part; std::getline(parts, part, '.');) {
    if (!node->is_object() || !node->contains(part))
      return {"", ""};
    parent = node;
    node = &(*node)[part];
    leaf = part;
  }
  const auto cell = [](const Json& v) { return v.is_number() ? v.dump() : std::string(); };
  std::string ci;
  if (parent && parent->contains("ci95") && (*parent)["ci95"].contains(leaf))
    ci = cell((*parent)["ci95"][leaf]);
  return {cell(*node), ci};
}

std::string point_dir_name(std::size_t index) { return fmt::format("point-{:04}", index); }

std::string csv_header(const std::vector<SweepAxis>& axes, const std::vector<std::string>& columns) {
  std::string line = "point";
  for (const auto& a : axes)
    line += fmt::format(",{}", csv_field(a.key));
  line += ",replications";
  for (const auto& c : columns)
    line += fmt::format(",{},{}", csv_field(c), csv_field(c + "_ci95"));
  return line + "\n";
}

std::string csv_row(std::size_t index, const std::vector<SweepAxis>& axes, const std::vector<std::string>& columns,
                    const VariantOutcome& outcome) {
  std::string line = std::to_string(index);
  for (const auto& v : point_values(axes, index))
    line += fmt::format(",{}", csv_field(v));
  line += fmt::format(",{}", outcome.done.size());
  for (const auto& c : columns) {
    const auto [value, ci] = outcome.done.empty() ? std::pair<std::string, std::string>() : column_cells(outcome.summary, c);
    line += fmt::format(",{},{}", value, ci);
  }
  return line + "\n";
}

void write_file(const fs::path& file, const std::string& text) { write_text_file(file, text); }

// The report needs gnuplot: checked before anything runs, as `rongou run` does.
void require_gnuplot() {
  try {
    report::find_gnuplot();
  } catch (const std::exception& e) {
    throw InputError(e.what());
  }
}

std::string shell_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    const bool plain = w.find_first_of(" \t'\"[]{}*?$\\;&|<>()") == std::string::npos;
    if (!out.empty())
      out += ' ';
    out += plain ? w : fmt::format("'{}'", w);
  }
  return out;
}

} // namespace

const std::vector<std::string>& default_sweep_columns() {
  static const std::vector<std::string> columns = {
      "modes.rail.containers_delivered",
      "modes.rail.transit_days.mean",
      "modes.rail.transit_days.p50",
      "modes.rail.transit_days.p95",
      "modes.rail.cost_usd_per_feu.total",
      "modes.sea.transit_days.mean",
      "modes.sea.transit_days.p95",
      "modes.sea.cost_usd_per_feu.total",
      "comparison.rail_to_sea_transit_ratio",
      "comparison.rail_minus_sea_cost_usd_per_feu",
      "rail.trains.westbound.per_week",
      "rail.trains.eastbound.per_week",
      "rail.waits_hours.departure",
      "rail.waits_hours.gauge_change",
      "rail.waits_hours.locomotive",
      "rail.waits_hours.border",
      "rail.waits_hours.running_delay",
  };
  return columns;
}

int run_sweep(const SweepOptions& options) {
  std::vector<SweepAxis> axes;
  for (const auto& s : options.sets)
    axes.push_back(parse_sweep_axis(s));
  if (axes.empty())
    throw InputError("sweep: give at least one --set key.path=v1,v2,...");
  const Shard shard = options.shard ? parse_shard(*options.shard) : Shard{};
  if (options.shard && options.precision)
    throw InputError("sweep: --precision and --shard exclude each other (each shard would stop at its own count)");
  if (options.replications < 1)
    throw InputError("--replications: at least 1");
  const std::vector<std::string>& columns = options.columns.empty() ? default_sweep_columns() : options.columns;
  // A shard holds part of the grid: its report would be of part of the sweep.
  const bool report = !options.no_report && !options.shard;
  if (report)
    require_gnuplot();

  Scenario base = load_scenario(options.scenario_file);
  if (options.seed)
    base.seed = *options.seed;
  const fs::path target = fs::absolute(options.out.empty() ? fs::path("results") / (file_name_component(base.name) + "-sweep")
                                                            : fs::path(options.out))
                              .lexically_normal();

  // Every point is read and checked before any worker starts, so a bad value fails fast.
  const std::size_t points = grid_size(axes);
  std::vector<std::size_t> mine;
  for (std::size_t i = 0; i < points; ++i)
    if (shard.holds(i))
      mine.push_back(i);
  std::vector<Scenario> scenarios;
  for (std::size_t i : mine) {
    const auto assignments = point_assignments(axes, i);
    try {
      scenarios.push_back(load_scenario(options.scenario_file, assignments));
    } catch (const InputError& e) {
      throw InputError(fmt::format("sweep point {} ({}):\n{}", i, shell_words(assignments), e.what()));
    }
    if (options.seed)
      scenarios.back().seed = *options.seed;
  }

  const std::size_t most = options.precision ? options.precision->max_replications : options.replications;
  for (const auto& s : scenarios) // a swept key may be the horizon or the demand
    require_memory(s, most * mine.size(), options.jobs);
  OutputFolder folder = OutputFolder::claim(target, {"--out", options.force});
  const fs::path staged = folder.staging();
  {
    std::vector<Variant> variants;
    for (std::size_t m = 0; m < mine.size(); ++m) {
      const auto assignments = point_assignments(axes, mine[m]);
      std::vector<std::string> rerun = {"rongou", "run", options.scenario_file};
      for (const auto& a : assignments) {
        rerun.push_back("--set");
        rerun.push_back(a);
      }
      Variant v;
      v.scenario = scenarios[m];
      v.dir = staged / "points" / point_dir_name(mine[m]);
      v.final_dir = target / "points" / point_dir_name(mine[m]);
      v.label = fmt::format("point {} ({})", mine[m], shell_words(assignments));
      v.rerun_command = shell_words(rerun);
      variants.push_back(std::move(v));
    }
    ExperimentOptions run;
    run.replications = options.replications;
    run.precision = options.precision;
    run.jobs = options.jobs;
    run.progress = !options.quiet;
    run.progress_label = "sweep";
    interruption::doing(fmt::format("running the sweep of {} ({} points)", base.name, mine.size()));
    const ExperimentOutcome outcome = run_experiment(variants, run);
    if (outcome.input_error)
      throw InputError(*outcome.input_error);

    Json manifest;
    manifest["program"] = "rongou";
    manifest["scenario"] = base.name;
    manifest["seed"] = base.seed;
    manifest["replications"] = options.precision ? outcome.replications : options.replications;
    if (options.precision) // a shard's own count: merge refuses shards that stopped elsewhere
      manifest["precision"] = precision_json(*options.precision, *outcome.precision);
    manifest["points"] = points;
    Json axes_json = Json::array();
    for (const auto& a : axes)
      axes_json.push_back({{"key", a.key}, {"values", a.values}});
    manifest["axes"] = std::move(axes_json);
    manifest["columns"] = columns;
    write_file(staged / "sweep.json", manifest.dump(2) + "\n");

    std::string csv = csv_header(axes, columns);
    for (std::size_t m = 0; m < mine.size(); ++m)
      csv += csv_row(mine[m], axes, columns, outcome.variants[m]);
    write_file(staged / "sweep.csv", csv);
    if (report) {
      interruption::doing("writing the sweep's report");
      report::write_sweep_report(staged);
    }
    folder.commit();
    if (!options.quiet) {
      std::cout << fmt::format("{} of {} points{} in {}\n", mine.size(), points,
                               options.shard ? " (shard " + *options.shard + ")" : "", (target / "sweep.csv").string());
      if (report)
        std::cout << fmt::format("report in {}\n", (target / "report.html").string());
    }
    return outcome.complete() ? 0 : 1;
  }
}

int merge_sweeps(const std::vector<std::string>& shard_dirs, const std::string& out, bool quiet, bool force,
                 bool report) {
  if (report)
    require_gnuplot();
  const ShardRows shards = read_shard_rows(shard_dirs, "sweep.json", "sweep.csv", "sweep-merge");
  const std::string& manifest_text = shards.manifest_text;
  const std::string& header = shards.header;
  const auto& rows = shards.rows;
  const Json manifest = Json::parse(manifest_text);
  const std::size_t points = manifest.at("points").get<std::size_t>();

  const fs::path target = fs::absolute(out.empty() ? fs::path("results") / (file_name_component(manifest.at("scenario").get<std::string>()) + "-sweep")
                                                   : fs::path(out))
                              .lexically_normal();
  refuse_shard_inside(shard_dirs, target, "sweep-merge");
  OutputFolder folder = OutputFolder::claim(target, {"--out", force});
  const fs::path staged = folder.staging();
  {
    std::string csv = header + "\n";
    fs::create_directories(staged / "points");
    for (const auto& [point, row] : rows) {
      csv += row.first + "\n";
      const fs::path from = row.second / "points" / point_dir_name(point);
      if (fs::exists(from))
        fs::copy(from, staged / "points" / point_dir_name(point), fs::copy_options::recursive);
    }
    write_file(staged / "sweep.json", manifest_text);
    write_file(staged / "sweep.csv", csv);
    if (report)
      report::write_sweep_report(staged);
    folder.commit();
  }
  if (!quiet) {
    std::cout << fmt::format("{} points from {} shards in {}\n", points, shard_dirs.size(),
                             (target / "sweep.csv").string());
    if (report)
      std::cout << fmt::format("report in {}\n", (target / "report.html").string());
  }
  return 0;
}

} // namespace rongou
