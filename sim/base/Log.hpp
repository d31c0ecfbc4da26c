#pragma once
// Logging through spdlog, to stderr so that stdout keeps only what a command prints on
// purpose (the table). Model code logs with the simulated clock in each line: the %* flag of
// the pattern prints "[day D hh:mm]" while a simulation runs.
#include <functional>
#include <optional>
#include <spdlog/spdlog.h>

namespace rongou::log {

enum class Verbosity { Quiet, Normal, Verbose };

// Quiet: errors only. Normal: warnings and errors. Verbose: progress (info) and model
// events (debug).
void setup(Verbosity verbosity);

// Where the %* flag reads the simulated time, in hours; unset outside a simulation.
void set_sim_clock(std::function<double()> now_h);
void clear_sim_clock();

// The text %* prints for a simulated time: "[day 12 06:30] ".
std::string format_sim_time(double hours);

} // namespace rongou::log
