#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "output/CsvWriter.hpp"
#include "support/Files.hpp"
#include "support/TempDir.hpp"

using namespace rongou;

TEST(CsvWriter, WritesEveryFieldInOrderAcrossFlushesAndFieldsLongerThanItsBuffer) {
  const test::TempDir dir;
  const auto file = dir.path() / "written.csv";
  std::string expected;
  {
    CsvWriter csv(file);
    csv.raw("a,b,c\n");
    expected += "a,b,c\n";
    const std::string huge(300000, 'x'); // several times the writer's buffer
    for (int row = 0; row < 20000; ++row) {
      csv.integer(row).hours(row * 0.0625).text(row == 777 ? huge : "t");
      csv.fixed(-1e300, 3); // beyond the fast path: written through the fallback
      csv.end_row();
      char number[32];
      std::snprintf(number, sizeof number, "%.3f", row * 0.0625);
      expected += std::to_string(row) + "," + number + "," + (row == 777 ? huge : "t") + ",";
      std::string big(400, '\0');
      big.resize(static_cast<std::size_t>(std::snprintf(big.data(), big.size(), "%.3f", -1e300)));
      expected += big + "\n";
    }
    csv.close();
  }
  EXPECT_EQ(test::read_file(file), expected);
}
