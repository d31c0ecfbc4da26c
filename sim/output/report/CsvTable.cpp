#include "output/report/CsvTable.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "base/Utf8.hpp"
#include "output/report/ResultsFile.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou::report {

namespace {

struct Record {
  int line = 0;
  std::vector<std::string> cells;
};

// RFC 4180: fields separated by commas, records by CRLF or LF; a field in double quotes may
// hold anything, a quote inside it written twice.
class CsvParser {
public:
  CsvParser(const std::string& text, const std::string& file) : text_(text), file_(file) {}

  bool next(Record& record) {
    record.cells.clear();
    record.cells.reserve(width_); // rows of a table have the header's width
    if (pos_ >= text_.size())
      return false;
    record.line = line_;
    const std::size_t start = pos_;
    std::string cell;
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
        cell.append(text_, pos_, run - pos_);
        pos_ = run;
      }
      check_length(pos_);
      if (pos_ >= text_.size()) {
        if (quoted)
          fail(record.line, "a quoted field is not closed before the end of the file");
        record.cells.push_back(std::move(cell));
        return finish(record);
      }
      const char c = text_[pos_++];
      if (c == '\0')
        fail(line_, "a NUL byte: not a text file");
      if (quoted) {
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            cell += '"';
            ++pos_;
          } else
            quoted = false;
        } else { // a line break inside quotes
          ++line_;
          cell += c;
        }
        continue;
      }
      if (c == '"') {
        if (!cell.empty() || was_quoted)
          fail(line_, "a quote inside an unquoted field (a field with quotes is quoted as a whole)");
        quoted = was_quoted = true;
      } else if (c == ',') {
        record.cells.push_back(std::move(cell));
        cell = std::string();
        was_quoted = false;
      } else { // '\n' or '\r'
        if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n')
          ++pos_;
        ++line_;
        record.cells.push_back(std::move(cell));
        return finish(record);
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
  bool finish(const Record& record) {
    width_ = std::max(width_, record.cells.size());
    return true;
  }
  const std::string& text_;
  const std::string& file_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t width_ = 0;
};

bool blank(const Record& r) { return r.cells.size() == 1 && r.cells.front().empty(); }

} // namespace

CsvTable CsvTable::read(const std::filesystem::path& file) {
  const std::string text = read_results_file(file);
  const std::string name = file.string();
  CsvTable table;
  table.file_ = file;
  CsvParser parser(text, name);
  Record record;
  if (!parser.next(record) || blank(record))
    throw InputError(fmt::format("{}: empty file, expected a header row", name));
  table.header_ = std::move(record.cells);
  for (const auto& h : table.header_)
    if (!is_valid_utf8(h))
      throw InputError(fmt::format("{}:1: column '{}' is not valid UTF-8", name, printable(h)));
  while (parser.next(record)) {
    if (blank(record))
      continue;
    if (record.cells.size() != table.header_.size())
      throw InputError(fmt::format("{}:{}: {} cells where the header has {}", name, record.line, record.cells.size(),
                                   table.header_.size()));
    table.rows_.push_back(std::move(record.cells));
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
  const std::string& text = rows_.at(row).at(column);
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
