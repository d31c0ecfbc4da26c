// The identifier rule for scenario and service names (sim/base/Identifier) and the bounds on
// random draws (Distribution::ceiling).
#include <gtest/gtest.h>
#include <algorithm>
#include <limits>
#include <string>

#include "base/Distribution.hpp"
#include "base/Identifier.hpp"
#include "base/RandomStream.hpp"

using namespace rongou;

TEST(Identifier, AcceptsNamesOfTheCorridorInAnyScript) {
  for (const char* name : {"baseline-2018", "Małaszewicze", "Baku/Alat", "Brest (BY)", "O'Hare_2", "Łódź", "成都",
                           "Достык", "w", "a.b", "frequency 2x daily"})
    EXPECT_TRUE(is_valid_identifier(name)) << name << ": " << identifier_problem(name);
}

TEST(Identifier, RefusesWhatWouldReachAShellACsvOrAFolderName) {
  for (const char* name : {"a`b`", "$(touch x)", "a,b", "a\"b", "a;b", "a\nb", "a\tb", "a\\b", "a|b", "a<b>",
                           "a&b", "a*b", "a#b", "a%b", "a{b}", "a~b", "a=b", "a:b", "a?b", "a@b", "a+b", "a!b"})
    EXPECT_FALSE(is_valid_identifier(name)) << name;
  EXPECT_EQ(identifier_problem("a`b"),
            "character '`' (U+0060) is not allowed; use letters, digits, space and - _ . / ( ) '");
  EXPECT_EQ(identifier_problem("a\nb"),
            "control character U+000A is not allowed; use letters, digits, space and - _ . / ( ) '");
  // Non-ASCII characters that are neither letters nor digits.
  EXPECT_FALSE(is_valid_identifier("a\u201Cb")); // a typographic quote
  EXPECT_FALSE(is_valid_identifier("a\u00A0b")); // a no-break space
  EXPECT_FALSE(is_valid_identifier("a\U0001F600")); // an emoji
}

TEST(Identifier, RefusesEmptyDotsEdgeSpacesBadUtf8AndLongNames) {
  EXPECT_EQ(identifier_problem(""), "must not be empty");
  EXPECT_EQ(identifier_problem("."), "'.' is not a name");
  EXPECT_EQ(identifier_problem(".."), "'..' is not a name");
  EXPECT_FALSE(is_valid_identifier("..."));
  EXPECT_FALSE(is_valid_identifier(" a"));
  EXPECT_FALSE(is_valid_identifier("a "));
  EXPECT_EQ(identifier_problem("a\xC3"), "is not valid UTF-8");
  EXPECT_FALSE(is_valid_identifier("\xC0\xAF")); // an overlong '/'
  EXPECT_TRUE(is_valid_identifier(std::string(kMaxIdentifierCharacters, 'x')));
  EXPECT_EQ(identifier_problem(std::string(kMaxIdentifierCharacters + 1, 'x')), "longer than 60 characters");
  // Counted in characters, not bytes: 60 two-byte letters pass.
  std::string polish;
  for (std::size_t i = 0; i < kMaxIdentifierCharacters; ++i)
    polish += "ł";
  EXPECT_TRUE(is_valid_identifier(polish));
  EXPECT_FALSE(is_valid_identifier(polish + "ł"));
}

TEST(Distribution, DrawsStopAtTheCeiling) {
  Distribution d;
  d.kind = Distribution::Kind::Exponential;
  d.mean = 100.0;
  d.ceiling = 50.0;
  RandomStream rng(7);
  double highest = 0.0;
  for (int i = 0; i < 2000; ++i)
    highest = std::max(highest, d.sample(rng));
  EXPECT_EQ(highest, 50.0); // P(all 2000 draws below 50) = (1 - e^-0.5)^2000, nil
  Distribution unbounded = d;
  unbounded.ceiling = std::numeric_limits<double>::infinity();
  RandomStream same(7);
  RandomStream again(7);
  for (int i = 0; i < 100; ++i) {
    const double free = unbounded.sample(same);
    EXPECT_EQ(d.sample(again), std::min(free, 50.0));
  }
}
