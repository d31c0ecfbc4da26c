#pragma once
// Text as a gnuplot string literal in a chart script. gnuplot runs the command between
// backquotes inside double-quoted strings and expands escapes there; inside single quotes it
// does neither, and a quote is written twice ('Xi''an'). gnuplot 5.4 misreads a doubled quote
// right after the opening quote or after another doubled quote, so a quote there is written
// as U+2019 (’) instead. A single-quoted string cannot span lines, so line breaks and other
// control characters become spaces; ill-formed UTF-8 becomes U+FFFD.
#include <string>
#include <string_view>

namespace rongou {

std::string gnuplot_string(std::string_view text);

} // namespace rongou
