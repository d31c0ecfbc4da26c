#pragma once
// Text in a gnuplot data file (the .dat files beside the chart scripts). gnuplot reads a
// field in double quotes up to the next double quote, with no escapes, and a line per
// record; data files are never run as commands. So a label field is put in double quotes
// with its own double quotes turned into single ones, and line breaks and other control
// characters into spaces; a comment line gets the same treatment without the quotes.
#include <string>
#include <string_view>

namespace rongou {

// A quoted field ("rail westbound"), for a label column such as xtic(1).
std::string gnuplot_data_field(std::string_view text);

// Text that stays on its comment line.
std::string gnuplot_data_comment(std::string_view text);

} // namespace rongou
