#include "output/report/CsvTable.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <fmt/format.h>

#include "base/Utf8.hpp"
#include "output/report/ResultsFile.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou::report {

namespace {

struct Record {
  int line = 0;
  std::vector<CsvTable::Cell> cells;
};

// RFC 4180: fields separated by commas, records by CRLF or LF; a field in double quotes may
// hold anything, a quote inside it written twice. Cells are unquoted in place: what is
// written of a cell never passes what is read of it.
class CsvParser {
public:
  CsvParser(std::string& text, const std::string& file) : text_(text), file_(file) {}

  bool next(Record& record) {
    record.cells.clear();
    if (pos_ >= text_.size())
      return false;
    record.line = line_;
    const std::size_t start = pos_;
    std::size_t cell = pos_; // where the cell's characters start in text_
    std::size_t written = pos_; // and end
    const auto push_cell = [&] {
      record.cells.push_back({static_cast<std::uint32_t>(cell), static_cast<std::uint32_t>(written - cell)});
    };
    bool quoted = false, was_quoted = false;
    for (;;) {
      // Plain characters go to the cell a run at a time; the record's length is checked at
      // the first character after the run, as if it had been checked at every one.
      const std::size_t run = plain_run(quoted);
      const auto check_length = [&](std::size_t at) {
        if (at - start > kMaxRecordBytes)
          fail(record.line, fmt::format("a record longer than {} bytes", kMaxRecordBytes));
      };
      if (run > pos_) {
        if (!quoted && was_quoted) {
          check_length(pos_);
          fail(line_, "text after the closing quote of a field");
        }
        if (written != pos_)
          std::memmove(text_.data() + written, text_.data() + pos_, run - pos_);
        written += run - pos_;
        pos_ = run;
      }
      check_length(pos_);
      if (pos_ >= text_.size()) {
        if (quoted)
          fail(record.line, "a quoted field is not closed before the end of the file");
        push_cell();
        return true;
      }
      const char c = text_[pos_++];
      if (c == '\0')
        fail(line_, "a NUL byte: not a text file");
      if (quoted) {
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            text_[written++] = '"';
            ++pos_;
          } else
            quoted = false;
        } else { // a line break inside quotes
          ++line_;
          text_[written++] = c;
        }
        continue;
      }
      if (c == '"') {
        if (written != cell || was_quoted)
          fail(line_, "a quote inside an unquoted field (a field with quotes is quoted as a whole)");
        quoted = was_quoted = true;
        cell = written = pos_;
      } else if (c == ',') {
        push_cell();
        cell = written = pos_;
        was_quoted = false;
      } else { // '\n' or '\r'
        if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n')
          ++pos_;
        ++line_;
        push_cell();
        return true;
      }
    }
  }

private:
  [[noreturn]] void fail(int line, const std::string& message) const {
    throw InputError(fmt::format("{}:{}: {}", file_, line, message));
  }
  // Where the characters from pos_ on that need no decision end: inside quotes at a quote,
  // a line feed or a NUL; outside at those, a comma or a carriage return.
  std::size_t plain_run(bool quoted) const {
    static constexpr auto kStops = [] {
      std::array<std::array<bool, 256>, 2> stops{}; // [quoted][character]
      for (unsigned char c : {'"', '\n', '\0'})
        stops[0][c] = stops[1][c] = true;
      for (unsigned char c : {',', '\r'})
        stops[0][c] = true;
      return stops;
    }();
    const auto& stop = kStops[quoted ? 1 : 0];
    const char* p = text_.data() + pos_;
    const char* const end = text_.data() + text_.size();
    while (p < end && !stop[static_cast<unsigned char>(*p)])
      ++p;
    return static_cast<std::size_t>(p - text_.data());
  }
  std::string& text_;
  const std::string& file_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

bool blank(const Record& r) { return r.cells.size() == 1 && r.cells.front().size == 0; }

} // namespace

CsvTable CsvTable::read(const std::filesystem::path& file) {
  const std::string name = file.string();
  CsvTable table;
  table.file_ = file;
  table.text_ = read_results_file(file, kMaxCsvFileBytes);
  CsvParser parser(table.text_, name);
  Record record;
  if (!parser.next(record) || blank(record))
    throw InputError(fmt::format("{}: empty file, expected a header row", name));
  for (const Cell& c : record.cells)
    table.header_.emplace_back(table.text_.data() + c.at, c.size);
  for (const auto& h : table.header_)
    if (!is_valid_utf8(h))
      throw InputError(fmt::format("{}:1: column '{}' is not valid UTF-8", name, printable(h)));
  // At most a row a line: reserved once, the cells are not copied as the table grows.
  table.cells_.reserve(static_cast<std::size_t>(std::count(table.text_.begin(), table.text_.end(), '\n') + 1) *
                       table.header_.size());
  while (parser.next(record)) {
    if (blank(record))
      continue;
    if (record.cells.size() != table.header_.size())
      throw InputError(fmt::format("{}:{}: {} cells where the header has {}", name, record.line, record.cells.size(),
                                   table.header_.size()));
    table.cells_.insert(table.cells_.end(), record.cells.begin(), record.cells.end());
    table.lines_.push_back(record.line);
  }
  return table;
}

CsvTable CsvTable::read_if_exists(const std::filesystem::path& file) {
  return std::filesystem::exists(std::filesystem::symlink_status(file)) ? read(file) : CsvTable{};
}

std::optional<std::size_t> CsvTable::index_of(const std::string& column) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == column)
      return i;
  return std::nullopt;
}

std::size_t CsvTable::column(const std::string& name) const {
  if (auto i = index_of(name))
    return *i;
  throw InputError(fmt::format("{}: no column '{}'", file_.string(), name));
}

std::string CsvTable::place(std::size_t row) const { return fmt::format("{}:{}", file_.string(), lines_.at(row)); }

std::optional<double> CsvTable::number(std::size_t row, std::size_t column, double min, double max) const {
  if (row >= rows() || column >= header_.size())
    throw std::out_of_range(fmt::format("{}: no cell at row {}, column {}", file_.string(), row, column));
  const std::string_view text = cell(row, column);
  if (text.empty())
    return std::nullopt;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    throw InputError(fmt::format("{}: {}: '{}' is not a number", place(row), header_[column], printable(text)));
  if (!std::isfinite(value))
    throw InputError(fmt::format("{}: {}: '{}' is not a finite number", place(row), header_[column], printable(text)));
  if (value < min || value > max)
    throw InputError(fmt::format("{}: {}: {} is outside [{}, {}]", place(row), header_[column], printable(text), min,
                                 max));
  return value;
}

} // namespace rongou::report
