#pragma once
// Names a user gives things (nodes and links of a platform, services, lanes, scenarios)
// become file names, CSV cells, chart labels and HTML. They are limited to what a place or
// service is called, so that every format can carry them and none can be abused:
//   - Unicode letters (with their combining marks) and digits, space and - _ . / ( ) '
//     ("Małaszewicze", "Baku/Alat", "Xi'an" are identifiers);
//   - starting with a letter or a digit (so never "", ".", ".." or "-rf"), not ending with a
//     space;
//   - at most kMaxIdentifierCharacters characters of well-formed UTF-8 (a scenario name of
//     that many 4-byte characters plus a staging suffix still fits a 255-byte file name).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rongou {

inline constexpr std::size_t kMaxIdentifierCharacters = 60;

bool is_valid_identifier(std::string_view text);

// Why `text` is not an identifier ("has the character '`' (U+0060); ..."), showing it
// safely; nullopt when it is one.
std::optional<std::string> identifier_problem(std::string_view text);

} // namespace rongou
