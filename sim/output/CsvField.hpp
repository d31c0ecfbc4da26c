#pragma once
// A CSV field as RFC 4180 writes it: in double quotes, with each quote doubled, when it holds
// a comma, a quote, a carriage return or a line feed; as it is otherwise. Every CSV file
// rongou writes goes through it (CsvWriter::text, sweep.csv), and report/CsvTable reads it.
#include <string>
#include <string_view>

namespace rongou {

// One pass over the field (string_view::find_first_of would search the four characters once
// for every character of the field: it cost a sixth of a baseline run).
inline bool csv_needs_quotes(std::string_view text) {
  for (const char c : text)
    if (c == ',' || c == '"' || c == '\r' || c == '\n')
      return true;
  return false;
}

std::string csv_field(std::string_view text);

} // namespace rongou
