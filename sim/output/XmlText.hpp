#pragma once
// Text for an XML document (the report's SVG network map): well-formed UTF-8 with & < > " '
// written as entities, and the control characters XML 1.0 forbids (all below U+0020 but tab,
// line feed and carriage return) replaced by U+FFFD. Safe in element content and in quoted
// attribute values, whichever quote they use.
#include <string>
#include <string_view>

namespace rongou {

std::string xml_escape(std::string_view text);

} // namespace rongou
