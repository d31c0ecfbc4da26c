#pragma once
// A name (a scenario's) made into one path component, for the folders rongou names after it
// (results/<scenario>/, results/<scenario>-sweep/): the component cannot climb out (no "/",
// never "." or ".."), cannot be read as an option (no leading "-"), holds no control
// characters and fits a file system's 255-byte limit with room for a suffix. An identifier
// (base/Identifier.hpp) without "/" comes out unchanged.
#include <cstddef>
#include <string>
#include <string_view>

namespace rongou {

inline constexpr std::size_t kMaxFileNameBytes = 200;

std::string file_name_component(std::string_view name);

} // namespace rongou
