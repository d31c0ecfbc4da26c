#include "scenario/IncidentSpecReader.hpp"

#include "scenario/ScenarioKeys.hpp"

namespace rongou {

namespace {
// A train meeting more than one incident every 10 km would not be running at all.
constexpr double kMaxIncidentsPer1000TrainKm = 100.0;
} // namespace

void read_incident_spec(const YamlReader& r, const YAML::Node& rail, Scenario& s) {
  const YAML::Node node = rail["incidents"];
  const std::string path = "rail.incidents";
  if (!node || !r.expect_map(node, path))
    return;
  r.check_keys(node, path, keys_at(path));
  IncidentSpec spec;
  spec.per_1000_train_km =
      r.number(node, "per_1000_train_km", path, false, 0.0, kMaxIncidentsPer1000TrainKm).value_or(0.0);
  const std::string by_country_path = YamlReader::join(path, "per_1000_train_km_by_country");
  if (const YAML::Node by_country = node["per_1000_train_km_by_country"];
      by_country && r.expect_map(by_country, by_country_path)) {
    for (const auto& entry : by_country) {
      if (!entry.first.IsScalar()) {
        r.error(entry.first, by_country_path, "a key must be a country code, as nodes carry it in the platform");
        continue;
      }
      const std::string country = entry.first.Scalar();
      const std::string key_path = YamlReader::join(by_country_path, country);
      if (entry.first.Mark().line >= 0)
        s.positions[key_path] = {entry.first.Mark().line + 1, entry.first.Mark().column + 1};
      if (auto rate = r.number(by_country, country, by_country_path, true, 0.0, kMaxIncidentsPer1000TrainKm))
        spec.per_1000_train_km_by_country[country] = *rate;
    }
  }
  if (auto d = r.distribution(node, "duration_hours", path, true, kMaxHorizonHours))
    spec.duration_hours = *d;
  s.rail.incidents = spec;
}

} // namespace rongou
