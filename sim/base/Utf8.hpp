#pragma once
// UTF-8 text from files someone else wrote: decoding code points (ICU's U8_NEXT), and
// showing any text safely in a message on a terminal.
#include <cstddef>
#include <string>
#include <string_view>

namespace rongou {

// The code point starting at text[pos], advancing pos past it; -1 for a byte that does not
// start a well-formed sequence (pos then moves past the ill-formed bytes).
int next_code_point(std::string_view text, std::size_t& pos);

bool is_valid_utf8(std::string_view text);

// `text` with every ill-formed sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

// `text` for an error message: control characters (newline, escape...) and backslashes as
// \n, \xNN, \u{XXXX} or \\, ill-formed bytes as \xNN, cut after `max_bytes` with
// "...". A terminal showing it prints what it says and nothing else.
std::string printable(std::string_view text, std::size_t max_bytes = 80);

} // namespace rongou
