#pragma once
// A time in hours that may not have happened yet (a container not yet arrived). Journal
// records hold several, and a long run holds millions of records: std::optional<double> takes
// 16 bytes, this 8, with NaN meaning "empty". A time is never NaN, so storing one is a logic
// error and throws rather than silently reading back as "empty".
//
// Empty is one exact bit pattern, tested bit by bit: that keeps it right even if the code is
// built with -ffast-math, which lets the compiler assume no NaN exists.
#include <bit>
#include <cstdint>
#include <optional>
#include <stdexcept>

namespace rongou {

class OptionalHours {
public:
  constexpr OptionalHours() noexcept = default;
  constexpr OptionalHours(std::nullopt_t) noexcept {}
  constexpr OptionalHours(double h) : bits_(checked(h)) {}
  constexpr OptionalHours(const std::optional<double>& h) : bits_(h ? checked(*h) : kEmpty) {}

  constexpr OptionalHours& operator=(std::nullopt_t) noexcept {
    bits_ = kEmpty;
    return *this;
  }
  constexpr OptionalHours& operator=(double h) {
    bits_ = checked(h);
    return *this;
  }
  constexpr OptionalHours& operator=(const std::optional<double>& h) {
    bits_ = h ? checked(*h) : kEmpty;
    return *this;
  }

  constexpr bool has_value() const noexcept { return bits_ != kEmpty; }
  constexpr explicit operator bool() const noexcept { return has_value(); }
  // Like std::optional, unchecked: callers test first.
  constexpr double operator*() const noexcept { return std::bit_cast<double>(bits_); }
  constexpr double value() const {
    if (!has_value())
      throw std::bad_optional_access();
    return **this;
  }
  constexpr double value_or(double fallback) const noexcept { return has_value() ? **this : fallback; }
  constexpr void reset() noexcept { bits_ = kEmpty; }

  // For code written against std::optional<double> (CSV writers take one).
  constexpr operator std::optional<double>() const noexcept {
    return has_value() ? std::optional<double>(**this) : std::nullopt;
  }

  friend constexpr bool operator==(const OptionalHours& a, std::nullopt_t) noexcept { return !a.has_value(); }
  // Same meaning as for std::optional: both empty, or both set to equal values.
  friend constexpr bool operator==(const OptionalHours& a, const OptionalHours& b) noexcept {
    return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
  }
  friend constexpr bool operator==(const OptionalHours& a, double b) noexcept { return a.has_value() && *a == b; }

private:
  // The default quiet NaN's pattern; any other NaN stored would be a bug caught by checked().
  static constexpr std::uint64_t kEmpty = 0x7ff8000000000000ULL;
  static constexpr std::uint64_t kExponent = 0x7ff0000000000000ULL;
  static constexpr std::uint64_t kMantissa = 0x000fffffffffffffULL;

  static constexpr std::uint64_t checked(double h) {
    const auto bits = std::bit_cast<std::uint64_t>(h);
    if ((bits & kExponent) == kExponent && (bits & kMantissa) != 0)
      throw std::logic_error("a time in hours is NaN");
    return bits;
  }

  std::uint64_t bits_ = kEmpty;
};

static_assert(sizeof(OptionalHours) == sizeof(double));

} // namespace rongou
