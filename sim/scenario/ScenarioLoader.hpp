#pragma once
#include <string>
#include <vector>

#include "scenario/Scenario.hpp"

namespace rongou {

// Reads and validates a scenario file. Throws InputError listing every problem found,
// each as file:line:column: key.path: message.
Scenario load_scenario(const std::string& path);
// The same after applying `key.path=value` overrides (scenario/Overrides.hpp) in order.
Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides);
Scenario load_scenario_from_string(const std::string& yaml, const std::string& file_label,
                                   const std::string& base_directory);

std::optional<int> parse_weekday(const std::string& name);
const char* weekday_name(int weekday);

} // namespace rongou
