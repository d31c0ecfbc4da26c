#include "output/report/RunData.hpp"

#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "base/ParallelTasks.hpp"
#include "output/report/ResultsFile.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou::report {

namespace fs = std::filesystem;

namespace {

nlohmann::json read_json(const fs::path& file) {
  const std::string text = read_results_file(file);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) { // parse errors, and numbers beyond a double
    throw InputError(fmt::format("{}: malformed JSON: {}", file.string(), e.what()));
  }
}

// JSON has no nan or inf, but 1e400 parses as inf: every number of the file must be finite
// and of a magnitude a run can produce.
void check_numbers(const nlohmann::json& node, const fs::path& file, const std::string& path) {
  if (node.is_number_float()) {
    const double v = node.get<double>();
    if (!std::isfinite(v) || std::fabs(v) > kMaxJsonMagnitude)
      throw InputError(fmt::format("{}: {}: {} is not a finite number of at most {:g} in magnitude", file.string(),
                                   path.empty() ? "-" : path, node.dump(), kMaxJsonMagnitude));
  } else if (node.is_object()) {
    for (const auto& [key, value] : node.items())
      check_numbers(value, file, path.empty() ? key : path + "." + key);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      check_numbers(node[i], file, fmt::format("{}.{}", path, i));
  }
}

// A key of summary.json the report computes with: absent, or a number in [min, max].
void check_range(const nlohmann::json& summary, const fs::path& file, const char* key, double min, double max) {
  if (!summary.contains(key))
    return;
  const auto& v = summary[key];
  if (!v.is_number() || v.get<double>() < min || v.get<double>() > max)
    throw InputError(fmt::format("{}: {}: {} is not a number in [{:g}, {:g}]", file.string(), key, v.dump(), min, max));
}

} // namespace

const nlohmann::json& json_at(const nlohmann::json& root, std::initializer_list<const char*> path) {
  static const nlohmann::json null;
  const nlohmann::json* node = &root;
  for (const char* key : path) {
    if (!node->is_object() || !node->contains(key))
      return null;
    node = &(*node)[key];
  }
  return *node;
}

std::string stat_text(const nlohmann::json& parent, const std::string& key, int decimals) {
  const auto s = read_stat(parent, key);
  if (!s)
    return "–";
  return s->ci95 > 0.0 ? fmt::format("{:.{}f} ± {:.{}f}", s->value, decimals, s->ci95, decimals)
                       : fmt::format("{:.{}f}", s->value, decimals);
}

std::optional<Stat> read_stat(const nlohmann::json& parent, const std::string& key) {
  if (!parent.is_object() || !parent.contains(key))
    return std::nullopt;
  const auto& v = parent[key];
  Stat s;
  if (v.is_number()) {
    s.value = v.get<double>();
    if (parent.contains("ci95") && parent["ci95"].is_object() && parent["ci95"].contains(key) &&
        parent["ci95"][key].is_number())
      s.ci95 = parent["ci95"][key].get<double>();
    return s;
  }
  if (v.is_object() && v.contains("mean") && v["mean"].is_number()) {
    s.value = v["mean"].get<double>();
    if (v.contains("ci95") && v["ci95"].is_number())
      s.ci95 = v["ci95"].get<double>();
    return s;
  }
  return std::nullopt;
}

double RunData::warmup_h() const {
  const auto& w = summary.value("warmup_days", nlohmann::json());
  return w.is_number() ? w.get<double>() * 24.0 : 0.0;
}

std::string RunData::scenario_name() const {
  const auto& s = summary.value("scenario", nlohmann::json());
  return s.is_string() ? s.get<std::string>() : dir.filename().string();
}

std::string RunData::detail_note() const {
  if (detail == "none")
    return "This run was written with --detail none: no containers.csv, trains.csv or events.csv (run again with "
           "--detail all for this chart).";
  if (detail == "focus")
    return "This run was written with --detail focus: containers.csv, trains.csv and events.csv hold the focus "
           "lane only (run again with --detail all for every lane).";
  return {};
}

RunData load_run_summary(const fs::path& dir) {
  if (!fs::is_directory(dir))
    throw InputError(fmt::format("{}: no such results folder", dir.string()));
  if (!fs::exists(fs::symlink_status(dir / "summary.json")))
    throw InputError(fmt::format("{}: not a rongou results folder (no summary.json)", dir.string()));
  RunData run;
  run.dir = dir;
  run.summary = read_json(dir / "summary.json");
  if (!run.summary.is_object())
    throw InputError(fmt::format("{}: not a JSON object", (dir / "summary.json").string()));
  check_numbers(run.summary, dir / "summary.json", "");
  check_range(run.summary, dir / "summary.json", "horizon_days", 0, kMaxHorizonDays);
  check_range(run.summary, dir / "summary.json", "warmup_days", 0, kMaxHorizonDays);
  check_range(run.summary, dir / "summary.json", "replications", 1, kMaxReplications);
  if (fs::exists(fs::symlink_status(dir / "provenance.json"))) {
    run.provenance = read_json(dir / "provenance.json");
    check_numbers(run.provenance, dir / "provenance.json", "");
    if (run.provenance.is_object() && run.provenance.contains("detail")) {
      const auto& detail = run.provenance["detail"];
      if (!detail.is_string() || (detail != "focus" && detail != "none" && detail != "all"))
        throw InputError(fmt::format("{}: detail: {} is not one of all, focus, none",
                                     (dir / "provenance.json").string(), detail.dump().substr(0, 80)));
      if (detail != "all")
        run.detail = detail.get<std::string>();
    }
  }
  return run;
}

namespace {

// Every file of the folder but summary.json, provenance.json and containers.csv.
void read_other_files(const fs::path& dir, RunData& run) {
  run.trains = CsvTable::read_if_exists(dir / "trains.csv");
  run.events = CsvTable::read_if_exists(dir / "events.csv");
  run.weekly = CsvTable::read_if_exists(dir / "weekly.csv");
  run.pools = CsvTable::read_if_exists(dir / "pools.csv");
  run.yards = CsvTable::read_if_exists(dir / "yards.csv");
  run.routes = CsvTable::read_if_exists(dir / "routes.csv");
  run.boxes = CsvTable::read_if_exists(dir / "boxes.csv");
  run.crews = CsvTable::read_if_exists(dir / "crews.csv");
  run.wagons = CsvTable::read_if_exists(dir / "wagons.csv");
  if (fs::exists(fs::symlink_status(dir / "network.json")))
    run.network = read_network_data(dir / "network.json");
  if (fs::exists(fs::symlink_status(dir / "sea.csv")))
    run.sea = CsvTable::read(dir / "sea.csv");
  // The scenario as resolved (after extends and --set), saved by every run.
  for (const char* name : {"scenario.resolved.yaml"}) {
    if (fs::exists(fs::symlink_status(dir / name))) {
      run.scenario_yaml = read_results_file(dir / name);
      run.scenario_yaml_name = name;
      break;
    }
  }
}

} // namespace

RunData load_run_data(const fs::path& dir) {
  RunData run = load_run_summary(dir);
  // containers.csv, the largest file, is read beside the others; an error is the first the
  // files give in this order, whichever thread finds it first.
  run_in_parallel({[&] { run.containers = CsvTable::read_if_exists(dir / "containers.csv"); },
                   [&] { read_other_files(dir, run); }});
  return run;
}

} // namespace rongou::report
