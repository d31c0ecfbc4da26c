#pragma once
// Text in an HTML page (the report): & < > " become character references, so that text can
// stand between tags and inside double-quoted attribute values (the only kind the report
// writes); ill-formed UTF-8 and NUL become U+FFFD, as the page declares UTF-8. Single quotes
// are kept: no attribute of the report is single-quoted.
#include <string>
#include <string_view>

namespace rongou {

std::string html_escape(std::string_view text);

} // namespace rongou
