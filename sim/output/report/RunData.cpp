#include "output/report/RunData.hpp"

#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "scenario/Diagnostics.hpp"

namespace rongou::report {

namespace fs = std::filesystem;

namespace {
nlohmann::json read_json(const fs::path& file) {
  std::ifstream in(file);
  if (!in)
    throw InputError(fmt::format("{}: cannot read", file.string()));
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(fmt::format("{}: malformed JSON: {}", file.string(), e.what()));
  }
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
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

RunData load_run_data(const fs::path& dir) {
  if (!fs::is_directory(dir))
    throw InputError(fmt::format("{}: no such results folder", dir.string()));
  if (!fs::exists(dir / "summary.json"))
    throw InputError(fmt::format("{}: not a rongou results folder (no summary.json)", dir.string()));
  RunData run;
  run.dir = dir;
  run.summary = read_json(dir / "summary.json");
  if (fs::exists(dir / "provenance.json"))
    run.provenance = read_json(dir / "provenance.json");
  run.containers = CsvTable::read_if_exists(dir / "containers.csv");
  run.trains = CsvTable::read_if_exists(dir / "trains.csv");
  run.events = CsvTable::read_if_exists(dir / "events.csv");
  run.weekly = CsvTable::read_if_exists(dir / "weekly.csv");
  run.pools = CsvTable::read_if_exists(dir / "pools.csv");
  run.yards = CsvTable::read_if_exists(dir / "yards.csv");
  run.routes = CsvTable::read_if_exists(dir / "routes.csv");
  if (fs::exists(dir / "sea.csv"))
    run.sea = CsvTable::read(dir / "sea.csv");
  // The scenario as resolved (after extends and --set), saved by every run.
  for (const char* name : {"scenario.resolved.yaml"}) {
    if (fs::exists(dir / name)) {
      run.scenario_yaml = read_text(dir / name);
      run.scenario_yaml_name = name;
      break;
    }
  }
  return run;
}

} // namespace rongou::report
