#include "output/HtmlText.hpp"

#include "base/Utf8.hpp"

namespace rongou {

std::string html_escape(std::string_view text) {
  const std::string valid = valid_utf8(text);
  std::string out;
  out.reserve(valid.size());
  for (const char c : valid) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\0': out += "\xEF\xBF\xBD"; break;
    default: out += c;
    }
  }
  return out;
}

} // namespace rongou
