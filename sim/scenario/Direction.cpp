#include "scenario/Scenario.hpp"

namespace rongou {

const char* to_string(Direction d) { return d == Direction::Westbound ? "westbound" : "eastbound"; }

} // namespace rongou
