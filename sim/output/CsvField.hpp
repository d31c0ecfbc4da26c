#pragma once
// A CSV field as RFC 4180 writes it: in double quotes, with each quote doubled, when it holds
// a comma, a quote, a carriage return or a line feed; as it is otherwise. Every CSV file
// rongou writes goes through it (CsvWriter::text, sweep.csv), and report/CsvTable reads it.
#include <string>
#include <string_view>

namespace rongou {

inline bool csv_needs_quotes(std::string_view text) {
  return text.find_first_of(",\"\r\n") != std::string_view::npos;
}

std::string csv_field(std::string_view text);

} // namespace rongou
