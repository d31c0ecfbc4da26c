#include "base/Identifier.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace rongou {

namespace {

bool allowed(UChar32 c) {
  switch (c) {
  case ' ':
  case '-':
  case '_':
  case '.':
  case '/':
  case '(':
  case ')':
  case '\'':
    return true;
  default:
    // Letters (any script) and decimal digits; ICU's classification, not the C locale's.
    return u_isalpha(c) || u_isdigit(c);
  }
}

std::string describe(UChar32 c) {
  if (c < 0x20 || c == 0x7f)
    return fmt::format("control character U+{:04X}", static_cast<unsigned>(c));
  std::string utf8;
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, error);
  if (!error)
    utf8.assign(buffer, static_cast<std::size_t>(length));
  return fmt::format("character '{}' (U+{:04X})", utf8, static_cast<unsigned>(c));
}

} // namespace

std::string identifier_problem(std::string_view text) {
  if (text.empty())
    return "must not be empty";
  if (text.find_first_not_of('.') == std::string_view::npos)
    return fmt::format("'{}' is not a name", text);
  if (text.front() == ' ' || text.back() == ' ')
    return "must not start or end with a space";
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto size = static_cast<int32_t>(text.size());
  if (text.size() > 4 * kMaxIdentifierCharacters)
    return fmt::format("longer than {} characters", kMaxIdentifierCharacters);
  std::size_t characters = 0;
  for (int32_t i = 0; i < size;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, size, c);
    if (c < 0)
      return "is not valid UTF-8";
    if (!allowed(c))
      return fmt::format("{} is not allowed; use letters, digits, space and - _ . / ( ) '", describe(c));
    ++characters;
  }
  if (characters > kMaxIdentifierCharacters)
    return fmt::format("longer than {} characters", kMaxIdentifierCharacters);
  return "";
}

} // namespace rongou
