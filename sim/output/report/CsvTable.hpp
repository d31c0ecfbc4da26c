#pragma once
// A CSV file of a results folder, read back for the report. The folder may come from anyone,
// so the file is parsed as RFC 4180 (quoted fields may hold commas, quotes and line breaks),
// and every problem is an InputError naming the file, the line and the column: a row of the
// wrong width, an unterminated quote, a NUL byte, a record longer than kMaxRecordBytes, a
// number that is not a finite number in range. Cells are looked up by column name so that
// added columns do not break readers.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rongou::report {

// Longest record accepted: rongou's own rows are under 300 bytes.
inline constexpr std::size_t kMaxRecordBytes = 64 * 1024;
// Largest magnitude of a number read: hours of the longest run (36,500 days) and every
// count, distance or cost of it stay far below; 1e300 or inf does not.
inline constexpr double kMaxCsvMagnitude = 1e9;
// Largest file read: cells are kept as 32-bit places in the file's text. A 100-year run's
// containers.csv is about 0.4 GB.
inline constexpr std::uintmax_t kMaxCsvFileBytes = 0xFFFF'FFFFu;

class CsvTable {
public:
  // Throws InputError naming the file when it cannot be read or is malformed.
  static CsvTable read(const std::filesystem::path& file);
  // An empty table when the file does not exist (outputs of older runs).
  static CsvTable read_if_exists(const std::filesystem::path& file);

  std::size_t rows() const { return lines_.size(); }
  bool empty() const { return lines_.empty(); }
  bool has(const std::string& column) const { return index_of(column).has_value(); }
  std::optional<std::size_t> index_of(const std::string& column) const;
  // Throws InputError when the column is missing.
  std::size_t column(const std::string& name) const;
  // Valid while the table lives.
  std::string_view cell(std::size_t row, std::size_t column) const {
    const Cell& c = cells_[row * header_.size() + column];
    return {text_.data() + c.at, c.size};
  }
  // nullopt for an empty cell. Throws InputError (file:line: column: ...) for text that is
  // not a number, for nan and inf, and for a number outside [min, max].
  std::optional<double> number(std::size_t row, std::size_t column, double min = -kMaxCsvMagnitude,
                               double max = kMaxCsvMagnitude) const;
  // Where a row starts in the file, for messages: "containers.csv:12".
  std::string place(std::size_t row) const;

  // A cell's characters in text_. Most cells are the file's own characters; a quoted cell is
  // unquoted in place (it only gets shorter), so no cell needs storage of its own.
  struct Cell {
    std::uint32_t at = 0;
    std::uint32_t size = 0;
  };

private:
  std::filesystem::path file_;
  std::string text_; // the file, with quoted cells unquoted in place
  std::vector<std::string> header_;
  std::vector<Cell> cells_; // row after row, header_.size() a row
  std::vector<int> lines_;  // line of the file where each row starts
};

} // namespace rongou::report
