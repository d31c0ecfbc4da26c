// Identifiers (base/Identifier.hpp) and the UTF-8 helpers under them (base/Utf8.hpp).
#include <gtest/gtest.h>

#include "base/Identifier.hpp"
#include "base/Utf8.hpp"

using namespace rongou;

TEST(Identifier, AcceptsPlaceNamesInAnyScript) {
  for (const char* name : {"Chengdu", "Małaszewicze", "Baku/Alat", "Xi'an", "Brest (BY)", "Łódź Olechów",
                           "Алматы-1", "阿拉山口", "Zürich_HB", "K2.5", "Dostyk-Moyinty", "Θεσσαλονίκη",
                           "e\xCC\x81toile" /* e + combining acute: a decomposed letter */})
    EXPECT_TRUE(is_valid_identifier(name)) << name << ": " << identifier_problem(name).value_or("");
}

TEST(Identifier, RefusesWhatCouldCarryCommandsMarkupOrPaths) {
  for (const char* name : {"a`touch x`", "$(touch x)", "a\"b", "a,b", "a\nb", "a\rb", "a\tb", "a;b", "a<b",
                           "a>b", "a&b", "a|b", "a\\b", "a@b", "a#b", "a%b", "a*b", "a{b}", "a[b]", "a=b",
                           "a~b", "a!b", "a?b", "a:b", "a+b", "a\x7F", "a\x1B[31m", "a\xC2\xA0" "b" /* NBSP */,
                           "a\xE2\x80\xAE" "b" /* right-to-left override */, "a\xE2\x80\x8B" "b" /* zero width */})
    EXPECT_FALSE(is_valid_identifier(name)) << name;
}

TEST(Identifier, RefusesEmptyDotsLeadingPunctuationTrailingSpaceAndLength) {
  EXPECT_EQ(identifier_problem("").value_or(""), "is empty");
  for (const char* name : {".", "..", "-rf", " a", "(a)", "/etc", "'a'", "a "})
    EXPECT_FALSE(is_valid_identifier(name)) << name;
  EXPECT_TRUE(is_valid_identifier(std::string(kMaxIdentifierCharacters, 'a')));
  EXPECT_FALSE(is_valid_identifier(std::string(kMaxIdentifierCharacters + 1, 'a')));
  std::string polish; // the limit counts characters, not bytes: "ł" is two bytes
  for (std::size_t i = 0; i < kMaxIdentifierCharacters; ++i)
    polish += "\xC5\x82";
  EXPECT_TRUE(is_valid_identifier(polish));
  EXPECT_FALSE(is_valid_identifier(polish + "\xC5\x82"));
  EXPECT_FALSE(is_valid_identifier(std::string(100000, 'a')));
  EXPECT_FALSE(is_valid_identifier("\xCC\x81" "a")) << "a combining mark cannot start an identifier";
}

TEST(Identifier, RefusesIllFormedUtf8) {
  for (const char* name : {"a\xFF", "a\xC3", "a\xC3(", "\xE2\x82", "a\xED\xA0\x80" /* surrogate */,
                           "a\xC0\xAF" /* overlong '/' */, "a\xF4\x90\x80\x80" /* above U+10FFFF */})
    EXPECT_FALSE(is_valid_identifier(name)) << printable(name);
}

TEST(Identifier, ProblemNamesTheCharacterAndShowsTheNameSafely) {
  const auto problem = identifier_problem("Ch`touch x`\x1B[2J");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("'`' (U+0060)"), std::string::npos) << *problem;
  EXPECT_EQ(problem->find('\x1B'), std::string::npos) << "the escape character reached the message";
  EXPECT_NE(problem->find("\\x1B[2J"), std::string::npos) << *problem;
  const auto bad = identifier_problem("ab\xFF");
  ASSERT_TRUE(bad);
  EXPECT_NE(bad->find("not valid UTF-8 (byte 3)"), std::string::npos) << *bad;
}

TEST(Utf8, DecodesMultiByteSequencesAndFlagsIllFormedOnes) {
  const std::string text = "Ł\xF0\x9F\x9A\x82" "a\xFF";
  std::size_t pos = 0;
  EXPECT_EQ(next_code_point(text, pos), 0x141);
  EXPECT_EQ(pos, 2u);
  EXPECT_EQ(next_code_point(text, pos), 0x1F682);
  EXPECT_EQ(pos, 6u);
  EXPECT_EQ(next_code_point(text, pos), 'a');
  EXPECT_EQ(next_code_point(text, pos), -1);
  EXPECT_EQ(pos, text.size());
  EXPECT_TRUE(is_valid_utf8("Małaszewicze"));
  EXPECT_FALSE(is_valid_utf8(text));
  EXPECT_EQ(valid_utf8("a\xFF" "b\xE2\x82"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

TEST(Utf8, PrintableShowsControlsAndBadBytesAsEscapesAndCutsLongText) {
  EXPECT_EQ(printable("Małaszewicze"), "Małaszewicze");
  EXPECT_EQ(printable("a\nb\tc\\d\x1B\x7F\xFF"), "a\\nb\\tc\\\\d\\x1B\\x7F\\xFF");
  EXPECT_EQ(printable("a\xE2\x80\xAE" "b"), "a\\u{202E}b");
  EXPECT_EQ(printable(std::string(1000, 'x'), 10), std::string(10, 'x') + "...");
}
