#pragma once
// `key.path=value` assignments applied to the scenario's YAML tree before it is read, so that
// every override goes through the same typed checks as the file itself. List items are
// addressed by index (`rail.services.0.max_feu=50`); the value is YAML (`[Mon, Wed]`,
// `{dist: fixed, value: 3}` and plain numbers all work).
#include <string>
#include <yaml-cpp/yaml.h>

namespace rongou {

// Throws InputError naming the assignment when it is malformed or its path leads through
// something that is not a mapping or a list, or past the end of a list.
void apply_override(YAML::Node& root, const std::string& assignment);

} // namespace rongou
