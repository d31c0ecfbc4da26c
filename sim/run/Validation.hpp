#pragma once
// Everything `rongou validate` checks, before any simulation: the scenario file with its
// extends chain and --set overrides, then the scenario against its platform.
#include <optional>
#include <string>
#include <vector>

#include "scenario/Diagnostics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// Adds every problem found to `diagnostics` and returns the scenario (nullopt when it could
// not be read at all). Platform checks run even when the file has problems, as long as the
// platform can be named, so that one pass shows both; a platform finding about a key the
// file check already faulted is left out, as it would only repeat it.
std::optional<Scenario> validate_scenario(const std::string& path, const std::vector<std::string>& overrides,
                                          Diagnostics& diagnostics);

// validate_scenario, throwing InputError with every problem if there is any.
Scenario load_valid_scenario(const std::string& path, const std::vector<std::string>& overrides);

} // namespace rongou
