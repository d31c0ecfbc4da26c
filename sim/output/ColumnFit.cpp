#include "output/ColumnFit.hpp"

namespace rongou {

std::string fit_column(const std::string& name, std::size_t width) {
  if (name.size() <= width)
    return name;
  std::size_t end = width - 1;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80)
    --end;
  return name.substr(0, end) + "~";
}

} // namespace rongou
