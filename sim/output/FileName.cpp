#include "output/FileName.hpp"

#include "base/Utf8.hpp"

namespace rongou {

std::string file_name_component(std::string_view name) {
  std::string out;
  for (std::size_t pos = 0; pos < name.size();) {
    const std::size_t start = pos;
    const int c = next_code_point(name, pos);
    std::string_view piece = name.substr(start, pos - start);
    if (c < 0 || c < 0x20 || c == 0x7F || c == '/' || c == '\\')
      piece = "_";
    if (out.size() + piece.size() > kMaxFileNameBytes)
      break; // whole code points only
    out += piece;
  }
  if (out.empty() || out.find_first_not_of('.') == std::string::npos)
    out = "_" + out;
  if (out.front() == '-')
    out.front() = '_';
  return out;
}

} // namespace rongou
