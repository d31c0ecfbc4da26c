#pragma once
// Fixed-point decimal text of a double with a few decimals, character for character what
// std::to_chars(first, last, value, std::chars_format::fixed, precision) writes.
//
// Why not std::to_chars itself: libstdc++ formats fixed precision through a general
// arbitrary-precision path (Ryu printf), about 400 instructions a number, and the CSV files
// hold hundreds of thousands of numbers a run (docs/performance.md). Output files must stay
// byte-identical across builds and versions, so this is not an approximation: it computes
// the exact value m * 2^e * 10^p in 128-bit integer arithmetic and rounds it the way
// to_chars does (the exact binary value, half to even on exact ties). Anything outside the
// range where that arithmetic is exact (NaN, infinities, magnitudes whose scaled value does
// not fit 64 bits, precisions above kMaxFastPrecision) goes to std::to_chars.
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace rongou {

// GCC and clang provide 128-bit integers on 64-bit targets; `__extension__` says it is meant.
__extension__ using Uint128 = unsigned __int128;

namespace fixed_decimal_detail {

// 10^9 < 2^30, so m * 10^p < 2^53 * 2^30 = 2^83 always fits 128 bits.
inline constexpr int kMaxFastPrecision = 9;
inline constexpr std::uint64_t kPow10[kMaxFastPrecision + 1] = {
    1, 10, 100, 1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000, 1'000'000'000};

// Two digits per division halve the number of (multiply-based) divisions.
inline constexpr char kDigitPairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                      "8081828384858687888990919293949596979899";

// Writes the decimal digits of n, at least min_digits of them (zero-padded on the left),
// so that they end just before `end`; returns where they start.
inline char* digits_backwards(char* end, std::uint64_t n, int min_digits) {
  char* p = end;
  while (n >= 100) {
    const auto pair = static_cast<unsigned>(n % 100) * 2;
    n /= 100;
    p -= 2;
    std::memcpy(p, kDigitPairs + pair, 2);
  }
  if (n >= 10) {
    p -= 2;
    std::memcpy(p, kDigitPairs + static_cast<unsigned>(n) * 2, 2);
  } else {
    *--p = static_cast<char>('0' + n);
  }
  while (end - p < min_digits)
    *--p = '0';
  return p;
}

// The value times 10^precision rounded to an integer as to_chars rounds, if that is exact
// in this arithmetic and fits 64 bits; false sends the caller to std::to_chars.
inline bool scaled_magnitude(std::uint64_t bits, int precision, std::uint64_t& scaled) {
  const auto biased = static_cast<int>((bits >> 52) & 0x7ff);
  std::uint64_t mantissa = bits & ((std::uint64_t{1} << 52) - 1);
  if (biased == 0x7ff)
    return false; // inf, nan
  int exponent; // value = mantissa * 2^exponent
  if (biased == 0) {
    exponent = -1074; // zero and subnormals
  } else {
    mantissa |= std::uint64_t{1} << 52;
    exponent = biased - 1075;
  }
  const Uint128 product = static_cast<Uint128>(mantissa) * kPow10[precision];
  if (exponent >= 0) {
    // An integer: exact if the shifted product still fits 64 bits (the shift is bounded
    // first so it cannot overflow 128 bits: product < 2^83).
    if (exponent > 40 || (product << exponent) >> 64 != 0)
      return false;
    scaled = static_cast<std::uint64_t>(product << exponent);
    return true;
  }
  const int shift = -exponent;
  if (shift >= 84) {
    // product < 2^83 <= half of 2^shift: below one half, rounds to zero.
    scaled = 0;
    return true;
  }
  const Uint128 quotient = product >> shift;
  if (quotient >> 64 != 0)
    return false;
  const Uint128 remainder = product - (quotient << shift);
  const Uint128 half = static_cast<Uint128>(1) << (shift - 1);
  auto q = static_cast<std::uint64_t>(quotient);
  if (remainder > half || (remainder == half && (q & 1) != 0)) {
    if (q == UINT64_MAX)
      return false;
    ++q;
  }
  scaled = q;
  return true;
}

} // namespace fixed_decimal_detail

// Same contract as std::to_chars(first, last, value, std::chars_format::fixed, precision):
// a '-' for every value with the sign bit set (so -0.0 and negatives that round to zero give
// "-0.000"), no decimal point when precision is 0.
inline std::to_chars_result to_chars_fixed(char* first, char* last, double value, int precision) {
  using namespace fixed_decimal_detail;
  // sign + 20 digits + point: the most the fast path writes.
  constexpr std::ptrdiff_t kFastMaxChars = 22;
  std::uint64_t scaled;
  const auto bits = std::bit_cast<std::uint64_t>(value);
  if (precision < 0 || precision > kMaxFastPrecision || last - first < kFastMaxChars ||
      !scaled_magnitude(bits, precision, scaled))
    return std::to_chars(first, last, value, std::chars_format::fixed, precision);

  char digits[kFastMaxChars];
  char* const end = digits + sizeof digits;
  char* start;
  if (precision == 0) {
    start = digits_backwards(end, scaled, 1);
  } else {
    const std::uint64_t unit = kPow10[precision];
    char* point = digits_backwards(end, scaled % unit, precision) - 1;
    *point = '.';
    start = digits_backwards(point, scaled / unit, 1);
  }
  if (bits >> 63)
    *--start = '-';
  const auto length = end - start;
  std::memcpy(first, start, static_cast<std::size_t>(length));
  return {first + length, std::errc{}};
}

} // namespace rongou
