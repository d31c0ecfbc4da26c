#pragma once
// A name in a fixed-width column of a terminal table: cut (by bytes, at a UTF-8 character
// boundary) and marked with "~" when longer than the column.
#include <cstddef>
#include <string>

namespace rongou {

std::string fit_column(const std::string& name, std::size_t width);

} // namespace rongou
