#pragma once
// ISO dates (YYYY-MM-DD) of the proleptic Gregorian calendar as day numbers, so that a
// calendar can name holidays by date once it knows the date of day 0.
#include <optional>
#include <string>

namespace rongou {

// Days since 1970-01-01 of an ISO date, or nullopt if `text` is not a valid YYYY-MM-DD date.
std::optional<long> parse_iso_date(const std::string& text);
// 0 = Monday ... 6 = Sunday.
int weekday_of(long days_since_epoch);

} // namespace rongou
