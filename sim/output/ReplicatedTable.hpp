#pragma once
// The terminal table of `run --replications N`: the statistics a user reads first, each with
// the half-width of its 95 % interval across replications, and for a network run every
// lane and every crossing and yard. Formats the aggregated summary.json; computes nothing.
#include <nlohmann/json.hpp>
#include <string>

namespace rongou {

std::string format_replicated_table(const nlohmann::ordered_json& summary);

} // namespace rongou
