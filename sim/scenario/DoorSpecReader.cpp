#include "scenario/DoorSpecReader.hpp"

#include <fmt/format.h>

#include "scenario/ScenarioKeys.hpp"

namespace rongou {

namespace {

// No stage at either end takes longer than four weeks (a month of customs hold is a
// disruption, not a stage); the cut-off is at most two weeks, as the sea's.
constexpr double kMaxStageHours = 24.0 * 28;
constexpr double kMaxCutoffHours = 24.0 * 14;
constexpr long long kMaxTrucks = 100000;

Distribution stage(const YamlReader& r, const YAML::Node& node, const char* key, const std::string& path) {
  return r.distribution(node, key, path, true, kMaxStageHours).value_or(Distribution{});
}

void read_origin(const YamlReader& r, const YAML::Node& node, DoorSpec& spec) {
  const std::string path = "doors.origin";
  if (!r.expect_map(node, path))
    return;
  r.check_keys(node, path, keys_at(path));
  spec.loading_hours = stage(r, node, "loading_hours", path);
  spec.export_clearance_hours = stage(r, node, "export_clearance_hours", path);
  spec.cutoff_hours = r.number(node, "cutoff_hours", path, true, 0.0, kMaxCutoffHours).value_or(0.0);
}

void read_last_mile(const YamlReader& r, const YAML::Node& node, LastMileSpec& spec) {
  const std::string path = "doors.destination.last_mile";
  if (!r.expect_map(node, path))
    return;
  r.check_keys(node, path, keys_at(path));
  if (const auto mode = r.text(node, "mode", path, false)) {
    if (*mode == "road")
      spec.mode = LastMileMode::Road;
    else if (*mode == "rail")
      spec.mode = LastMileMode::Rail;
    else
      r.error(node["mode"], path + ".mode", fmt::format("'{}' is not a last-mile mode; use road or rail", *mode));
  }
  spec.trucks = static_cast<int>(r.integer(node, "trucks", path, true, 1, kMaxTrucks).value_or(1));
  spec.drive_hours = stage(r, node, "drive_hours", path);
}

void read_destination(const YamlReader& r, const YAML::Node& node, DoorSpec& spec) {
  const std::string path = "doors.destination";
  if (!r.expect_map(node, path))
    return;
  r.check_keys(node, path, keys_at(path));
  spec.unloading_hours = stage(r, node, "unloading_hours", path);
  spec.import_clearance_hours = stage(r, node, "import_clearance_hours", path);
  if (const YAML::Node last_mile = node["last_mile"])
    read_last_mile(r, last_mile, spec.last_mile);
  else
    r.error(node, path + ".last_mile", "missing required key (mode, trucks, drive_hours)");
}

} // namespace

const char* to_string(LastMileMode mode) { return mode == LastMileMode::Rail ? "rail" : "road"; }

void read_door_spec(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node node = root["doors"];
  if (!node)
    return;
  if (!r.expect_map(node, "doors"))
    return;
  r.check_keys(node, "doors", keys_at("doors"));
  DoorSpec spec;
  for (const char* end : {"origin", "destination"})
    if (!node[end])
      r.error(node, fmt::format("doors.{}", end), "missing required key");
  if (const YAML::Node origin = node["origin"])
    read_origin(r, origin, spec);
  if (const YAML::Node destination = node["destination"])
    read_destination(r, destination, spec);
  s.doors = std::move(spec);
}

} // namespace rongou
