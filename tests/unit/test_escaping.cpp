// One escaping function per output format (sim/output), fed hostile strings.
#include <gtest/gtest.h>

#include "output/CsvField.hpp"
#include "output/FileName.hpp"
#include "output/GnuplotDataField.hpp"
#include "output/GnuplotString.hpp"
#include "output/MarkupText.hpp"

using namespace rongou;

namespace {
const std::string kLong(100000, 'x');
const std::string kBinary = [] {
  std::string b;
  for (int i = 1; i < 256; ++i)
    b += static_cast<char>(i);
  return b;
}();
} // namespace

TEST(CsvField, LeavesPlainTextAndQuotesCommasQuotesAndLineBreaks) {
  EXPECT_EQ(csv_field("Małaszewicze"), "Małaszewicze");
  EXPECT_EQ(csv_field("a`touch x`$(y)'\\"), "a`touch x`$(y)'\\");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("a\nb"), "\"a\nb\"");
  EXPECT_EQ(csv_field("a\rb"), "\"a\rb\"");
  EXPECT_EQ(csv_field("\""), "\"\"\"\"");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field(kLong), kLong);
  const std::string binary = csv_field(kBinary);
  EXPECT_EQ(binary.front(), '"');
  EXPECT_EQ(binary.back(), '"');
  EXPECT_EQ(binary.size(), kBinary.size() + 3) << "two enclosing quotes and the one quote doubled";
}

TEST(HtmlEscape, EscapesMarkupAndAttributeQuotes) {
  EXPECT_EQ(html_escape("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
  EXPECT_EQ(html_escape("</script><script>alert(1)</script>"),
            "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(html_escape("\" onload=\"x"), "&quot; onload=&quot;x");
  EXPECT_EQ(html_escape("Xi'an `x` $(y) \\"), "Xi'an `x` $(y) \\");
  EXPECT_EQ(html_escape("Łódź"), "Łódź");
  EXPECT_EQ(html_escape(std::string("a\0b", 3)), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(html_escape("a\xFF"), "a\xEF\xBF\xBD");
  EXPECT_EQ(html_escape(kLong), kLong);
  const std::string binary = html_escape(kBinary);
  EXPECT_EQ(binary.find_first_of("<>\""), std::string::npos);
}

TEST(GnuplotString, IsSingleQuotedWithQuotesDoubledAndNoLineBreak) {
  EXPECT_EQ(gnuplot_string("rail westbound"), "'rail westbound'");
  EXPECT_EQ(gnuplot_string("Xi'an"), "'Xi''an'");
  EXPECT_EQ(gnuplot_string("a`touch x`"), "'a`touch x`'");
  EXPECT_EQ(gnuplot_string("'lead"), "'\u2019lead'") << "gnuplot misreads '' right after the opening quote";
  EXPECT_EQ(gnuplot_string("a''b"), "'a''\u2019b'") << "gnuplot misreads two doubled quotes in a row";
  EXPECT_EQ(gnuplot_string("end'"), "'end'''");
  EXPECT_EQ(gnuplot_string("$(touch x) \"q\" \\"), "'$(touch x) \"q\" \\'");
  EXPECT_EQ(gnuplot_string("a\nplot '/etc/passwd'\r"), "'a plot ''/etc/passwd'' '");
  EXPECT_EQ(gnuplot_string("ab\xFF"), "'ab\xEF\xBF\xBD'");
  EXPECT_EQ(gnuplot_string(""), "''");
  EXPECT_EQ(gnuplot_string(kLong), "'" + kLong + "'");
  const std::string binary = gnuplot_string(kBinary);
  EXPECT_EQ(binary.find_first_of("\n\r"), std::string::npos);
}

TEST(GnuplotDataField, StaysOneQuotedFieldOnOneLine) {
  EXPECT_EQ(gnuplot_data_field("rail westbound"), "\"rail westbound\"");
  EXPECT_EQ(gnuplot_data_field("say \"hi\"\nnext"), "\"say 'hi' next\"");
  EXPECT_EQ(gnuplot_data_field("`touch x` $(y) \\"), "\"`touch x` $(y) \\\"");
  EXPECT_EQ(gnuplot_data_comment("a\nb\rc"), "a b c");
  const std::string binary = gnuplot_data_field(kBinary);
  EXPECT_EQ(binary.find_first_of("\n\r"), std::string::npos);
  EXPECT_EQ(std::count(binary.begin(), binary.end(), '"'), 2);
}

TEST(FileName, KeepsIdentifiersAndMakesAnythingElseOneHarmlessComponent) {
  EXPECT_EQ(file_name_component("baseline-2018"), "baseline-2018");
  EXPECT_EQ(file_name_component("Małaszewicze congestion"), "Małaszewicze congestion");
  EXPECT_EQ(file_name_component("../../etc"), ".._.._etc") << "one component: no slash left to climb with";
  EXPECT_EQ(file_name_component(".."), "_..");
  EXPECT_EQ(file_name_component("."), "_.");
  EXPECT_EQ(file_name_component(""), "_");
  EXPECT_EQ(file_name_component("-rf"), "_rf");
  EXPECT_EQ(file_name_component("a/b\\c\nd"), "a_b_c_d");
  EXPECT_EQ(file_name_component("a\xFF"), "a_");
  EXPECT_EQ(file_name_component(kLong).size(), kMaxFileNameBytes);
  const std::string polish = file_name_component(std::string(300, 'a') + "ł");
  EXPECT_EQ(polish.size(), kMaxFileNameBytes);
  std::string many;
  for (int i = 0; i < 150; ++i)
    many += "ł"; // two bytes each: 300 bytes
  const std::string cut = file_name_component(many);
  EXPECT_EQ(cut.size(), kMaxFileNameBytes) << "whole code points only";
  EXPECT_EQ(cut, many.substr(0, kMaxFileNameBytes));
  EXPECT_EQ(file_name_component(kBinary).find('/'), std::string::npos);
}
