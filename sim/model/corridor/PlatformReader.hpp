#pragma once
#include <string>

#include "model/corridor/Corridor.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou {

// Builds the Corridor from the platform the SimGrid engine has loaded. Problems with
// properties are added to `diagnostics`, naming the platform file, host or link and property.
Corridor read_corridor_from_engine(const std::string& platform_file, Diagnostics& diagnostics);

} // namespace rongou
