#pragma once
// A CSV file as rongou writes it (header row, comma-separated, no quoting), read back for
// the report. Cells are looked up by column name so that added columns do not break readers.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rongou::report {

class CsvTable {
public:
  // Throws InputError naming the file when it cannot be read or a row has the wrong width.
  static CsvTable read(const std::filesystem::path& file);
  // An empty table when the file does not exist (outputs of older runs).
  static CsvTable read_if_exists(const std::filesystem::path& file);

  std::size_t rows() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  bool has(const std::string& column) const { return index_of(column).has_value(); }
  std::optional<std::size_t> index_of(const std::string& column) const;
  // Throws InputError when the column is missing.
  std::size_t column(const std::string& name) const;
  const std::string& cell(std::size_t row, std::size_t column) const { return rows_[row][column]; }
  // Empty cells and unparsable numbers give nullopt.
  std::optional<double> number(std::size_t row, std::size_t column) const;

private:
  std::filesystem::path file_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

} // namespace rongou::report
