#include "scenario/CalendarDate.hpp"

#include <cctype>

namespace rongou {

namespace {
// Howard Hinnant's days_from_civil (public domain algorithm, 2013).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
} // namespace

std::optional<long> parse_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(text[i])))
      return std::nullopt;
  const long y = std::stol(text.substr(0, 4));
  const auto m = static_cast<unsigned>(std::stoul(text.substr(5, 2)));
  const auto d = static_cast<unsigned>(std::stoul(text.substr(8, 2)));
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1)
    return std::nullopt;
  const unsigned last = kDays[m - 1] + (m == 2 && leap(y) ? 1 : 0);
  if (d > last)
    return std::nullopt;
  return days_from_civil(y, m, d);
}

int weekday_of(long days_since_epoch) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const long w = (days_since_epoch + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

} // namespace rongou
