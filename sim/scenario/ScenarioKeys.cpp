#include "scenario/ScenarioKeys.hpp"

namespace rongou {

const std::map<std::string, std::vector<std::string>>& scenario_keys() {
  static const std::map<std::string, std::vector<std::string>> keys = {
      {"", {"extends", "name", "description", "platform", "horizon_days", "warmup_days", "seed", "demand", "rail"}},
      {"demand", {"westbound", "eastbound"}},
      {"demand.westbound", {"feu_per_week", "cargo_value_usd"}},
      {"demand.eastbound", {"feu_per_week", "cargo_value_usd"}},
      {"rail",
       {"services", "locomotives", "running_delay_fraction", "border_dwell_hours", "border_dwell_hours_at"}},
      {"rail.services.*", {"name", "direction", "route", "departures", "departure_hour", "max_feu"}},
      {"rail.locomotives.*", {"section", "count", "turnaround_hours"}},
  };
  return keys;
}

const std::vector<std::string>& keys_at(const std::string& pattern) { return scenario_keys().at(pattern); }

const std::map<std::string, std::vector<std::string>>& distribution_parameters() {
  static const std::map<std::string, std::vector<std::string>> params = {
      {"fixed", {"value"}},         {"uniform", {"min", "max"}},   {"triangular", {"min", "mode", "max"}},
      {"normal", {"mean", "sd"}},   {"lognormal", {"mean", "cv"}}, {"exponential", {"mean"}},
  };
  return params;
}

} // namespace rongou
