// Hostile strings through the formats the report writes and reads: gnuplot scripts run by
// the real gnuplot, and CSV written by CsvWriter and read back by CsvTable.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "output/CsvWriter.hpp"
#include "output/GnuplotString.hpp"
#include "output/report/CsvTable.hpp"
#include "output/report/Gnuplot.hpp"
#include "scenario/Diagnostics.hpp"
#include "support/Files.hpp"
#include "support/TempDir.hpp"

using namespace rongou;

namespace {

using test::write_file;

const std::vector<std::string>& hostile_strings() {
  static const std::vector<std::string> strings = {
      "`touch PWNED`", "$(touch PWNED)", "a'b''c'", "'lead", "''''", "x'''''", "Xi'an", "\"double\" \\\"quoted\\\"", "back\\slash\\",
      "new\nline", "cr\rlf\r\n", "</script><script>alert(1)</script>", "semi; system 'touch PWNED'",
      "@macro @@", "Małaszewicze", "comma, comma", std::string(5000, 'L'),
      [] {
        std::string b;
        for (int i = 1; i < 256; ++i)
          b += static_cast<char>(i);
        return b;
      }()};
  return strings;
}

// What gnuplot_string promises the string reads back as: the literal without its enclosing
// quotes and with each doubled quote read as one (control characters already spaces,
// ill-formed UTF-8 already U+FFFD, some quotes already U+2019).
std::string expected_reading(const std::string& text) {
  std::string out = gnuplot_string(text);
  out = out.substr(1, out.size() - 2);
  std::string unquoted;
  for (std::size_t i = 0; i < out.size(); ++i) {
    unquoted += out[i];
    if (out[i] == '\'')
      ++i;
  }
  return unquoted;
}

} // namespace

TEST(GnuplotString, RealGnuplotReadsItBackAndRunsNothing) {
  test::TempDir dir;
  std::string script;
  for (std::size_t i = 0; i < hostile_strings().size(); ++i)
    script += "set print '-'\nprint " + gnuplot_string(hostile_strings()[i]) + "\nprint 'END-OF-STRING'\n";
  write_file(dir.path() / "t.gp", script);
  report::GnuplotDrawing drawing(dir.path());
  drawing.draw("t.gp", 0);
  const std::string output = drawing.finish();
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "PWNED")) << "gnuplot ran a command";
  std::string expected;
  for (const auto& s : hostile_strings())
    expected += expected_reading(s) + "\nEND-OF-STRING\n";
  EXPECT_EQ(output, expected);
}

TEST(CsvTable, ReadsBackEveryHostileFieldCsvWriterWrites) {
  test::TempDir dir;
  const auto file = dir.path() / "t.csv";
  {
    CsvWriter out(file);
    out.raw("name,value\n");
    for (std::size_t i = 0; i < hostile_strings().size(); ++i)
      out.text(hostile_strings()[i]).integer(static_cast<long long>(i)).end_row();
    out.close();
  }
  const auto table = report::CsvTable::read(file);
  ASSERT_EQ(table.rows(), hostile_strings().size());
  for (std::size_t i = 0; i < table.rows(); ++i) {
    EXPECT_EQ(table.cell(i, 0), hostile_strings()[i]) << "row " << i;
    EXPECT_EQ(*table.number(i, 1), static_cast<double>(i));
  }
}

TEST(CsvTable, RefusesMalformedCsvWithFileAndLine) {
  test::TempDir dir;
  const auto file = dir.path() / "t.csv";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"a,b\n1,\"open\n", "t.csv:2: a quoted field is not closed"},
      {"a,b\n1,x\"y\"\n", "t.csv:2: a quote inside an unquoted field"},
      {"a,b\n1,\"x\"y\n", "t.csv:2: text after the closing quote"},
      {"a,b\n1,2\n3\n", "t.csv:3: 1 cells where the header has 2"},
      {std::string("a,b\n1,\0\n", 8), "t.csv:2: a NUL byte"},
      {"a,b\n1," + std::string(report::kMaxRecordBytes + 10, 'x') + "\n", "t.csv:2: a record longer than"},
      {"", "t.csv: empty file"},
  };
  for (const auto& [text, message] : cases) {
    write_file(file, text);
    try {
      report::CsvTable::read(file);
      ADD_FAILURE() << "accepted: " << message;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
    }
  }
}

TEST(CsvTable, NumbersMustBeFiniteAndInRangeNamingFileLineAndColumn) {
  test::TempDir dir;
  const auto file = dir.path() / "t.csv";
  write_file(file, "x,transit_days\n1,nan\n2,inf\n3,1e300\n4,-2\n5,abc\n6,\n7,12.5\n");
  const auto t = report::CsvTable::read(file);
  const auto col = t.column("transit_days");
  const std::vector<std::string> messages = {"t.csv:2: transit_days: 'nan' is not a finite number",
                                             "t.csv:3: transit_days: 'inf' is not a finite number",
                                             "t.csv:4: transit_days: 1e300 is outside [0, 36500]",
                                             "t.csv:5: transit_days: -2 is outside [0, 36500]",
                                             "t.csv:6: transit_days: 'abc' is not a number"};
  for (std::size_t r = 0; r < messages.size(); ++r) {
    try {
      t.number(r, col, 0, 36500);
      ADD_FAILURE() << "accepted row " << r;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(messages[r]), std::string::npos) << e.what();
    }
  }
  EXPECT_FALSE(t.number(5, col).has_value());
  EXPECT_EQ(*t.number(6, col, 0, 36500), 12.5);
}
