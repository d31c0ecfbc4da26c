// to_chars_fixed must write exactly what std::to_chars(..., chars_format::fixed, p) writes:
// output files are compared byte for byte across builds, so "close" is a failure.
#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "output/FixedDecimal.hpp"

using namespace rongou;

namespace {

// The precisions the output code uses (1, 3, 4) and the rest of the fast range.
constexpr int kPrecisions[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

// A fixed-seed generator local to the test: the values only need to be spread, and the
// same on every run so a failure reproduces.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

std::string reference(double v, int p) {
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, p);
  return {buf, r.ptr};
}

std::string fast(double v, int p) {
  char buf[400];
  const auto r = to_chars_fixed(buf, buf + sizeof buf, v, p);
  return {buf, r.ptr};
}

// Counts mismatches and reports the first few, so one bug does not print a million lines.
class Checker {
public:
  void check(double v, int p) {
    ++checked_;
    char a[400];
    char b[400];
    const auto ra = std::to_chars(a, a + sizeof a, v, std::chars_format::fixed, p);
    const auto rb = to_chars_fixed(b, b + sizeof b, v, p);
    const std::string_view sa(a, static_cast<std::size_t>(ra.ptr - a));
    const std::string_view sb(b, static_cast<std::size_t>(rb.ptr - b));
    if (sa != sb || ra.ec != rb.ec) {
      if (++failures_ <= 10)
        ADD_FAILURE() << "value " << std::hexfloat << v << " (bits 0x" << std::hex << std::bit_cast<std::uint64_t>(v)
                      << std::dec << "), precision " << p << ": to_chars \"" << sa << "\", to_chars_fixed \"" << sb
                      << "\"";
    }
  }
  ~Checker() { EXPECT_EQ(failures_, 0) << "mismatches out of " << checked_ << " values"; }
  long checked() const { return checked_; }

private:
  long checked_ = 0;
  long failures_ = 0;
};

} // namespace

TEST(FixedDecimal, KnownRoundingCases) {
  EXPECT_EQ(fast(0.0625, 3), "0.062"); // exact tie, half to even: down
  EXPECT_EQ(fast(0.1875, 3), "0.188"); // exact tie, half to even: up
  EXPECT_EQ(fast(2.5, 0), "2");
  EXPECT_EQ(fast(3.5, 0), "4");
  // 0.0005 is slightly above its decimal value in binary, 0.0015 slightly below: rounding
  // follows the binary value, not the decimal literal.
  EXPECT_EQ(fast(0.0005, 3), reference(0.0005, 3));
  EXPECT_EQ(fast(0.0015, 3), reference(0.0015, 3));
  EXPECT_EQ(fast(1.0, 0), "1"); // no decimal point at precision 0
  EXPECT_EQ(fast(12345.678, 3), "12345.678");
  EXPECT_EQ(fast(-12345.678, 1), "-12345.7");
}

TEST(FixedDecimal, SignedZeroAndNegativesThatRoundToZero) {
  for (const int p : kPrecisions) {
    EXPECT_EQ(fast(0.0, p), reference(0.0, p));
    EXPECT_EQ(fast(-0.0, p), reference(-0.0, p));
    EXPECT_EQ(fast(-1e-12, p), reference(-1e-12, p));
    EXPECT_EQ(fast(-0.4 * std::pow(10.0, -p), p), reference(-0.4 * std::pow(10.0, -p), p));
  }
  EXPECT_EQ(fast(-0.0, 3), "-0.000"); // what libstdc++'s to_chars writes: the sign bit counts
}

TEST(FixedDecimal, SpecialAndExtremeValues) {
  Checker c;
  const double specials[] = {std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN(),
                             -std::numeric_limits<double>::quiet_NaN(),
                             std::numeric_limits<double>::denorm_min(),
                             -std::numeric_limits<double>::denorm_min(),
                             std::numeric_limits<double>::min(),
                             std::nextafter(std::numeric_limits<double>::min(), 0.0),
                             std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::lowest(),
                             std::numeric_limits<double>::epsilon(),
                             0x1.0p63,
                             0x1.0p64,
                             std::nextafter(0x1.0p64, 0.0),
                             18446744073709551615.0,
                             9.2233720368547758e18,
                             1.8446744073709552e19 / 1e9,
                             1e15,
                             1e20,
                             1e300};
  for (const int p : kPrecisions)
    for (const double v : specials) {
      c.check(v, p);
      c.check(-v, p);
    }
  // Every power of two: the boundary of each shift the fast path takes and of its fallback.
  for (int e = -1074; e <= 1023; ++e)
    for (const int p : kPrecisions) {
      const double v = std::ldexp(1.0, e);
      c.check(v, p);
      c.check(std::nextafter(v, 0.0), p);
      c.check(std::nextafter(v, INFINITY), p);
    }
  // Around the largest scaled value that still fits 64 bits, for each precision.
  for (const int p : kPrecisions) {
    const double limit = 18446744073709551615.0 / std::pow(10.0, p);
    double v = limit;
    for (int i = 0; i < 2000; ++i, v = std::nextafter(v, 0.0))
      c.check(v, p);
    v = limit;
    for (int i = 0; i < 2000; ++i, v = std::nextafter(v, INFINITY))
      c.check(v, p);
  }
}

TEST(FixedDecimal, PrecisionsOutsideTheFastRangeAndShortBuffers) {
  for (const int p : {10, 12, 17, 30})
    EXPECT_EQ(fast(1.0 / 3.0, p), reference(1.0 / 3.0, p));
  // With too little room both must fail the same way; with exactly enough both succeed.
  for (const double v : {0.0, -1.5, 12345.678, 1e12}) {
    const std::string want = reference(v, 3);
    for (std::size_t room = 0; room <= want.size() + 1; ++room) {
      char a[64];
      char b[64];
      const auto ra = std::to_chars(a, a + room, v, std::chars_format::fixed, 3);
      const auto rb = to_chars_fixed(b, b + room, v, 3);
      EXPECT_EQ(ra.ec, rb.ec) << v << " room " << room;
      if (ra.ec == std::errc{}) {
        EXPECT_EQ(std::string_view(a, ra.ptr), std::string_view(b, rb.ptr));
      }
    }
  }
}

TEST(FixedDecimal, EveryExactTie) {
  // Exact ties at precision p are the odd multiples of 2^-(p+1) (x * 10^p ends in exactly
  // .5 only when 5^p cancels); 2^-(p+1) ... 2^-(p+3) also cover the neighbours which must
  // not be taken for ties. Small numerators exhaustively, then large ones.
  Checker c;
  SplitMix64 rng{0x71e5};
  for (const int p : kPrecisions)
    for (int n = 0; n <= p + 3; ++n) {
      const double unit = std::ldexp(1.0, -n);
      for (std::int64_t k = 0; k < 20000; ++k) {
        c.check(static_cast<double>(k) * unit, p);
        c.check(-static_cast<double>(k) * unit, p);
      }
      for (int i = 0; i < 20000; ++i) {
        const auto k = static_cast<double>(rng.next() >> (11 + rng.next() % 40)); // < 2^53: exact
        c.check(k * unit, p);
        c.check(-k * unit, p);
      }
    }
}

TEST(FixedDecimal, NeighboursOfDecimalHalfwayPoints) {
  // x.xxx5 at the precision is where rounding decides; the nearest double to it and the few
  // doubles either side fall on both sides of the true halfway value.
  Checker c;
  SplitMix64 rng{0xb0da};
  for (const int p : kPrecisions)
    for (int i = 0; i < 20000; ++i) {
      const double scale = std::pow(10.0, p);
      const auto whole = static_cast<double>(rng.next() % (1ULL << (1 + rng.next() % 40)));
      const double half = (whole + 0.5) / scale;
      double lo = half;
      double hi = half;
      for (int step = 0; step < 4; ++step) {
        c.check(lo, p);
        c.check(hi, p);
        c.check(-lo, p);
        c.check(-hi, p);
        lo = std::nextafter(lo, 0.0);
        hi = std::nextafter(hi, INFINITY);
      }
    }
}

TEST(FixedDecimal, PseudoRandomValuesAcrossMagnitudes) {
  Checker c;
  SplitMix64 rng{0x5eed};
  // Uniform within each decade 1e-9 .. 1e15, both signs: the values output files hold.
  for (int i = 0; i < 1'500'000; ++i) {
    const double decade = std::pow(10.0, -9 + static_cast<int>(rng.next() % 25));
    double v = rng.uniform01() * decade;
    if (rng.next() & 1)
      v = -v;
    c.check(v, 3);
    c.check(v, kPrecisions[rng.next() % std::size(kPrecisions)]);
  }
  // Raw bit patterns with exponents that cover the fast path and both of its edges.
  for (int i = 0; i < 1'000'000; ++i) {
    const std::uint64_t bits = rng.next();
    const std::uint64_t exponent = 1023 - 40 + rng.next() % 110; // about 1e-12 .. 1e21
    const double v = std::bit_cast<double>((bits & 0x800f'ffff'ffff'ffffULL) | (exponent << 52));
    c.check(v, 3);
    c.check(v, kPrecisions[rng.next() % std::size(kPrecisions)]);
  }
  // Any bit pattern at all (nan, inf, subnormals, the whole exponent range).
  for (int i = 0; i < 200'000; ++i)
    c.check(std::bit_cast<double>(rng.next()), kPrecisions[rng.next() % std::size(kPrecisions)]);
  EXPECT_GT(c.checked(), 5'000'000);
}
