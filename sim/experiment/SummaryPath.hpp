#pragma once
// A statistic of a summary.json named by its dotted path ("modes.rail.transit_days.mean").
// Keys holding a '.' (some lane or node names) cannot be named this way.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace rongou {

// The number at `path`, or nothing when the path is absent or not a number.
std::optional<double> number_at(const nlohmann::ordered_json& summary, const std::string& path);

} // namespace rongou
