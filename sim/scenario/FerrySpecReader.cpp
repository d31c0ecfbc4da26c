#include "scenario/FerrySpecReader.hpp"

#include <fmt/format.h>

#include "scenario/ScenarioKeys.hpp"

namespace rongou {

namespace {
// More than one sailing an hour is no longer a timetable a ferry line keeps.
constexpr double kMaxSailingsPerWeek = 168.0;
// A ship carrying more than the largest container ships would be a typing error.
constexpr long long kMaxFerryCapacityFeu = 12000;
constexpr double kHoursPerYear = 8760.0;
} // namespace

void read_ferry_specs(const YamlReader& r, const YAML::Node& rail, Scenario& s) {
  const YAML::Node list = rail["ferries"];
  const std::string list_path = "rail.ferries";
  if (!list || !r.expect_sequence(list, list_path))
    return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string path = YamlReader::index(list_path, i);
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("rail.ferries.*"));
    FerrySpec spec;
    spec.key_path = path;
    const std::string ports_path = YamlReader::join(path, "ports");
    const auto ports = r.text_list(item, "ports", path, true);
    if (item["ports"] && item["ports"].Mark().line >= 0)
      s.positions[ports_path] = {item["ports"].Mark().line + 1, item["ports"].Mark().column + 1};
    if (item["ports"] && ports.size() != 2)
      r.error(item["ports"], ports_path, "give the two ports the ferry joins, as [from, to]");
    else if (ports.size() == 2 && ports[0] == ports[1])
      r.error(item["ports"], ports_path, fmt::format("a ferry from '{}' to itself", ports[0]));
    if (ports.size() == 2) {
      spec.first_port = ports[0];
      spec.second_port = ports[1];
    }
    spec.name = r.text(item, "name", path, false).value_or(spec.label());
    spec.sailings_per_week = r.number(item, "sailings_per_week", path, true, 1e-3, kMaxSailingsPerWeek).value_or(1.0);
    spec.first_sailing_hour = r.number(item, "first_sailing_hour", path, false, 0.0, 168.0).value_or(0.0);
    if (auto departure = r.text(item, "departure", path, false)) {
      if (*departure == "timetable")
        spec.departure = FerryDeparture::Timetable;
      else if (*departure == "when_full")
        spec.departure = FerryDeparture::WhenFull;
      else
        r.error(item["departure"], YamlReader::join(path, "departure"),
                fmt::format("'{}' is not a departure rule; use timetable or when_full", *departure));
    }
    spec.capacity_feu =
        static_cast<int>(r.integer(item, "capacity_feu", path, true, 1, kMaxFerryCapacityFeu).value_or(1));
    spec.loading_hours = r.number(item, "loading_hours", path, false, 0.0, kMaxHorizonHours).value_or(0.0);
    spec.unloading_hours = r.number(item, "unloading_hours", path, false, 0.0, kMaxHorizonHours).value_or(0.0);
    if (const YAML::Node weather = item["weather"]) {
      const std::string weather_path = YamlReader::join(path, "weather");
      if (r.expect_map(weather, weather_path)) {
        r.check_keys(weather, weather_path, keys_at("rail.ferries.*.weather"));
        FerryWeatherSpec w;
        w.windows_per_year = r.number(weather, "windows_per_year", weather_path, true, 0.0, kHoursPerYear).value_or(0.0);
        if (auto d = r.distribution(weather, "duration_hours", weather_path, true, kMaxHorizonHours))
          w.duration_hours = *d;
        spec.weather = w;
      }
    }
    for (std::size_t k = 0; k < s.rail.ferries.size(); ++k)
      if (!spec.first_port.empty() && s.rail.ferries[k].joins(spec.first_port, spec.second_port))
        r.error(item, path, fmt::format("a second ferry line between '{}' and '{}': give one", spec.first_port,
                                        spec.second_port));
    s.rail.ferries.push_back(spec);
  }
}

} // namespace rongou
