#include "output/CsvField.hpp"

namespace rongou {

std::string csv_field(std::string_view text) {
  if (!csv_needs_quotes(text))
    return std::string(text);
  std::string quoted = "\"";
  quoted.reserve(text.size() + 8);
  for (const char c : text) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

} // namespace rongou
