#include "output/MarkupText.hpp"

#include "base/Utf8.hpp"

namespace rongou {

namespace {

enum class Markup { Html, Xml };

std::string escape(std::string_view text, Markup markup) {
  const std::string valid = valid_utf8(text);
  std::string out;
  out.reserve(valid.size());
  for (const char c : valid) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += markup == Markup::Xml ? "&apos;" : "'"; break;
    case '\t':
    case '\n':
    case '\r': out += c; break;
    default: {
      const bool forbidden = markup == Markup::Xml ? static_cast<unsigned char>(c) < 0x20 : c == '\0';
      if (forbidden)
        out += "\xEF\xBF\xBD";
      else
        out += c;
    }
    }
  }
  return out;
}

} // namespace

std::string html_escape(std::string_view text) { return escape(text, Markup::Html); }
std::string xml_escape(std::string_view text) { return escape(text, Markup::Xml); }

} // namespace rongou
