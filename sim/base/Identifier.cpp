#include "base/Identifier.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "base/Utf8.hpp"

namespace rongou {

namespace {

constexpr std::string_view kPunctuation = " -_./()'";
constexpr const char* kRule = "an identifier holds letters, digits, spaces and - _ . / ( ) ' only";

bool letter_or_digit(int c) { return u_isalpha(c) || u_isdigit(c); }

bool combining_mark(int c) {
  const auto category = U_GET_GC_MASK(c);
  return (category & U_GC_M_MASK) != 0;
}

} // namespace

std::optional<std::string> identifier_problem(std::string_view text) {
  if (text.empty())
    return std::string("is empty");
  const auto too_long = [&] {
    return fmt::format("'{}' is too long; an identifier has at most {} characters", printable(text, 40),
                       kMaxIdentifierCharacters);
  };
  if (text.size() > 4 * kMaxIdentifierCharacters) // no code point takes more than 4 bytes
    return too_long();
  bool first = true;
  std::size_t characters = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const int c = next_code_point(text, pos);
    if (c < 0)
      return fmt::format("'{}' is not valid UTF-8 (byte {})", printable(text), start + 1);
    const bool allowed = letter_or_digit(c) || (!first && combining_mark(c)) ||
                         (c < 0x80 && kPunctuation.find(static_cast<char>(c)) != std::string_view::npos);
    if (!allowed)
      return fmt::format("'{}' has the character '{}' (U+{:04X}); {}", printable(text),
                         printable(text.substr(start, pos - start)), c, kRule);
    if (first && !letter_or_digit(c))
      return fmt::format("'{}' starts with '{}'; an identifier starts with a letter or a digit", printable(text),
                         printable(text.substr(start, pos - start)));
    first = false;
    ++characters;
  }
  if (characters > kMaxIdentifierCharacters)
    return too_long();
  if (text.back() == ' ')
    return fmt::format("'{}' ends with a space", printable(text));
  return std::nullopt;
}

bool is_valid_identifier(std::string_view text) { return !identifier_problem(text).has_value(); }

} // namespace rongou
