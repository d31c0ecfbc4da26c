#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/CsvWriter.hpp"

using namespace rongou;

namespace {
std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}
} // namespace

TEST(CsvWriter, WritesEveryFieldInOrderAcrossFlushesAndFieldsLongerThanItsBuffer) {
  const auto file = std::filesystem::temp_directory_path() / "rongou-csv-writer-test.csv";
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
  EXPECT_EQ(read_all(file), expected);
  std::filesystem::remove(file);
}
