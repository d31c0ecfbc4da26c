#include "output/GnuplotDataField.hpp"

#include "base/Utf8.hpp"

namespace rongou {

std::string gnuplot_data_comment(std::string_view text) {
  std::string line = valid_utf8(text);
  for (char& c : line)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      c = ' ';
  return line;
}

std::string gnuplot_data_field(std::string_view text) {
  std::string field = gnuplot_data_comment(text);
  for (char& c : field)
    if (c == '"')
      c = '\'';
  return "\"" + field + "\"";
}

} // namespace rongou
