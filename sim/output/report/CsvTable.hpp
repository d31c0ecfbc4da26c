#pragma once
// A CSV file of a results folder, read back for the report. The folder may come from anyone,
// so the file is parsed as RFC 4180 (quoted fields may hold commas, quotes and line breaks),
// and every problem is an InputError naming the file, the line and the column: a row of the
// wrong width, an unterminated quote, a NUL byte, a record longer than kMaxRecordBytes, a
// number that is not a finite number in range. Cells are looked up by column name so that
// added columns do not break readers.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rongou::report {

// Longest record accepted: rongou's own rows are under 300 bytes.
inline constexpr std::size_t kMaxRecordBytes = 64 * 1024;
// Largest magnitude of a number read: hours of the longest run (36,500 days) and every
// count, distance or cost of it stay far below; 1e300 or inf does not.
inline constexpr double kMaxCsvMagnitude = 1e9;

class CsvTable {
public:
  // Throws InputError naming the file when it cannot be read or is malformed.
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
  // nullopt for an empty cell. Throws InputError (file:line: column: ...) for text that is
  // not a number, for nan and inf, and for a number outside [min, max].
  std::optional<double> number(std::size_t row, std::size_t column, double min = -kMaxCsvMagnitude,
                               double max = kMaxCsvMagnitude) const;
  // Where a row starts in the file, for messages: "containers.csv:12".
  std::string place(std::size_t row) const;

private:
  std::filesystem::path file_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<int> lines_; // line of the file where each row starts
};

} // namespace rongou::report
