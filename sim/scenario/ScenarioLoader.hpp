#pragma once
#include <optional>
#include <string>
#include <vector>

#include "scenario/Diagnostics.hpp"

#include "scenario/Scenario.hpp"

namespace rongou {

// Reads and validates a scenario file, its `extends` chain and `--set` overrides
// ("key.path=value"). Throws InputError listing every problem found, each as
// file:line:column: key.path: message (or "--set ...: key.path: message").
Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides = {});
Scenario load_scenario_from_string(const std::string& yaml, const std::string& file_label,
                                   const std::string& base_directory,
                                   const std::vector<std::string>& overrides = {});

// Like load_scenario but collects problems instead of throwing, and returns the scenario as
// far as it could be read (nullopt when the YAML itself could not be read), so that
// `validate` can also check it against the platform.
std::optional<Scenario> read_scenario(const std::string& path, const std::vector<std::string>& overrides,
                                      Diagnostics& diagnostics);

std::optional<int> parse_weekday(const std::string& name);
const char* weekday_name(int weekday);

} // namespace rongou
