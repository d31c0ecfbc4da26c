#include "output/GnuplotString.hpp"

#include "base/Utf8.hpp"

namespace rongou {

std::string gnuplot_string(std::string_view text) {
  const std::string valid = valid_utf8(text);
  std::string literal = "'";
  literal.reserve(valid.size() + 2);
  bool after_quote = true; // the opening quote
  for (const char c : valid) {
    const bool quote = c == '\'';
    // gnuplot 5.4 reads '' as a quote only after another character: right after the opening
    // quote, or after a quote already written as '', it ends the string. There the quote is
    // written as U+2019 (the typographic apostrophe) instead.
    if (quote && after_quote)
      literal += "\u2019";
    else if (quote)
      literal += "''";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      literal += ' ';
    else
      literal += c;
    after_quote = quote;
  }
  return literal + "'";
}

} // namespace rongou
