#pragma once
// The keys a scenario may contain, by place. The loader checks every mapping against this
// table and a test checks scenarios/schema.json against it, so the two cannot drift apart.
#include <map>
#include <string>
#include <vector>

namespace rongou {

// Place patterns are dotted key paths where `*` stands for any list item or any map key,
// e.g. "rail.services.*". A new section adds its places here and to the schema.
const std::map<std::string, std::vector<std::string>>& scenario_keys();
// The keys allowed at `pattern`; throws std::out_of_range for a place not in the table
// (a programming error, caught by the tests).
const std::vector<std::string>& keys_at(const std::string& pattern);

// Disruption kinds and the keys each takes (their union is the place "disruptions.*").
const std::map<std::string, std::vector<std::string>>& disruption_keys();

// Distribution names and the parameters each takes, besides `dist`.
const std::map<std::string, std::vector<std::string>>& distribution_parameters();

} // namespace rongou
