#include "base/Utf8.hpp"

#include <cstdint>
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace rongou {

int next_code_point(std::string_view text, std::size_t& pos) {
  // U8_NEXT takes int32_t offsets: a view longer than that is decoded in windows.
  const std::size_t window = std::min<std::size_t>(text.size() - pos, 8);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data() + pos);
  std::int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(bytes, i, static_cast<std::int32_t>(window), c);
  pos += static_cast<std::size_t>(i);
  return c < 0 ? -1 : static_cast<int>(c);
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();)
    if (next_code_point(text, pos) < 0)
      return false;
  return true;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    if (next_code_point(text, pos) < 0)
      out += "\xEF\xBF\xBD";
    else
      out.append(text.substr(start, pos - start));
  }
  return out;
}

std::string printable(std::string_view text, std::size_t max_bytes) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    if (pos >= max_bytes) {
      out += "...";
      break;
    }
    const std::size_t start = pos;
    const int c = next_code_point(text, pos);
    if (c < 0) {
      for (std::size_t i = start; i < pos; ++i)
        out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i]));
    } else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\\')
      out += "\\\\";
    else if (c < 0x20 || c == 0x7F)
      out += fmt::format("\\x{:02X}", c);
    else if (u_iscntrl(c) || u_charType(c) == U_FORMAT_CHAR || u_charType(c) == U_LINE_SEPARATOR ||
             u_charType(c) == U_PARAGRAPH_SEPARATOR)
      out += fmt::format("\\u{{{:04X}}}", c); // C1 controls, bidi overrides, zero-width characters
    else
      out.append(text.substr(start, pos - start));
  }
  return out;
}

} // namespace rongou
