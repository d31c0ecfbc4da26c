#pragma once
// Problems found after loading (checks against the platform) still point at the line of the
// scenario key they are about.
#include <string>

#include "scenario/Diagnostics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// Adds `message` about `key_path`, placed at that key in the file that wrote it (a parent's,
// with extends), or at the nearest enclosing key that has a place; a key from --set names
// the --set argument instead of a line.
void report_at_key(const Scenario& scenario, Diagnostics& diagnostics, const std::string& key_path,
                   const std::string& message);

} // namespace rongou
