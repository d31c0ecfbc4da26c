#pragma once
// The one rule for names a user gives that end up in files, folder names, CSV, HTML and
// chart scripts (scenario names, service names, node and lane names): Unicode letters and
// digits, space and - _ . / ( ) ' only, so "Małaszewicze" and "Baku/Alat" stay possible
// while quotes, backticks, $, commas, semicolons and line breaks cannot reach any of them.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rongou {

// Longest identifier, in characters (Unicode code points). A scenario name of this many
// 4-byte characters plus a staging suffix still fits a 255-byte file name.
inline constexpr std::size_t kMaxIdentifierCharacters = 60;

// Why `text` is not a valid identifier ("" when it is): empty, only dots (".", ".."),
// longer than kMaxIdentifierCharacters, malformed UTF-8, leading or trailing space, or a
// character outside the rule (named, e.g. "character '`' (U+0060) is not allowed").
std::string identifier_problem(std::string_view text);

inline bool is_valid_identifier(std::string_view text) { return identifier_problem(text).empty(); }

} // namespace rongou
