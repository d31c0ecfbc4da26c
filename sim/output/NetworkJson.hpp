#pragma once
// network.json of a network run: what the report's network map draws, so that the report
// needs only the results folder. Nodes the routes use (name, country, lat/lon or null,
// kind), lanes (trains a week each direction, the node lists they run along) and servers
// (border crossings and gauge-change yards with units, utilisation, trains a day and mean
// wait). Keys and units are listed in docs/outputs.md.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "journal/Journal.hpp"
#include "results/RunResults.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

nlohmann::ordered_json build_network_json(const Scenario& scenario, const Journal& journal, const RunResults& results);
void write_network_json(const std::filesystem::path& file, const Scenario& scenario, const Journal& journal,
                        const RunResults& results);

} // namespace rongou
