#include "run/Validation.hpp"

#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace rongou {

namespace {
bool related(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty())
    return false;
  auto within = [](const std::string& p, const std::string& prefix) {
    return p.size() > prefix.size() && p.compare(0, prefix.size(), prefix) == 0 && p[prefix.size()] == '.';
  };
  return a == b || within(a, b) || within(b, a);
}
} // namespace

std::optional<Scenario> validate_scenario(const std::string& path, const std::vector<std::string>& overrides,
                                          Diagnostics& diagnostics) {
  auto scenario = read_scenario(path, overrides, diagnostics);
  if (!scenario || scenario->platform_file.empty())
    return scenario;
  for (const auto& d : diagnostics.items())
    if (d.key_path == "platform")
      return scenario;
  Diagnostics platform;
  check_against_platform(*scenario, platform);
  const std::vector<Diagnostic> from_file = diagnostics.items();
  bool routes_faulted = false;
  for (const auto& f : from_file)
    routes_faulted = routes_faulted || f.key_path.rfind("rail.services", 0) == 0;
  for (const auto& p : platform.items()) {
    // Which sections trains use depends on routes the file check already faulted.
    bool repeats = routes_faulted && p.key_path.rfind("rail.locomotives.", 0) == 0;
    for (const auto& f : from_file)
      repeats = repeats || related(p.key_path, f.key_path);
    if (!repeats)
      diagnostics.add(p);
  }
  return scenario;
}

Scenario load_valid_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  Diagnostics diagnostics;
  auto scenario = validate_scenario(path, overrides, diagnostics);
  diagnostics.throw_if_any();
  return std::move(*scenario);
}

} // namespace rongou
