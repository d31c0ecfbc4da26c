#pragma once
// Text in markup, as one rule with two strengths. Both write & < > " as character
// references, so text can stand between tags and inside double-quoted attribute values, and
// turn ill-formed UTF-8 into U+FFFD.
//
// html_escape: the report's HTML page (UTF-8, as it declares). NUL becomes U+FFFD; single
// quotes are kept, as no attribute of the report is single-quoted.
//
// xml_escape: an XML document (the report's SVG network map). Also ' as &apos;, so single-
// quoted attributes are safe too, and every control character XML 1.0 forbids (all below
// U+0020 but tab, line feed and carriage return) becomes U+FFFD.
#include <string>
#include <string_view>

namespace rongou {

std::string html_escape(std::string_view text);
std::string xml_escape(std::string_view text);

} // namespace rongou
