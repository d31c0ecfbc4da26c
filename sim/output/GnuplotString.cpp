#include "output/GnuplotString.hpp"

#include "base/Utf8.hpp"

namespace rongou {

std::string gnuplot_string(std::string_view text) {
  const std::string valid = valid_utf8(text);
  std::string literal = "'";
  literal.reserve(valid.size() + 2);
  for (const char c : valid) {
    if (c == '\'')
      literal += "''";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      literal += ' ';
    else
      literal += c;
  }
  return literal + "'";
}

} // namespace rongou
