#include "output/report/CsvTable.hpp"

#include <charconv>
#include <fmt/format.h>
#include <fstream>

#include "scenario/Diagnostics.hpp"

namespace rongou::report {

namespace {
std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    cells.push_back(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos)
      return cells;
    start = comma + 1;
  }
}
} // namespace

CsvTable CsvTable::read(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in)
    throw InputError(fmt::format("{}: cannot read", file.string()));
  CsvTable table;
  table.file_ = file;
  std::string line;
  if (!std::getline(in, line))
    throw InputError(fmt::format("{}: empty file, expected a header row", file.string()));
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  table.header_ = split(line);
  int line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (line.empty())
      continue;
    auto cells = split(line);
    if (cells.size() != table.header_.size())
      throw InputError(fmt::format("{}:{}: {} cells where the header has {}", file.string(), line_number,
                                   cells.size(), table.header_.size()));
    table.rows_.push_back(std::move(cells));
  }
  return table;
}

CsvTable CsvTable::read_if_exists(const std::filesystem::path& file) {
  return std::filesystem::exists(file) ? read(file) : CsvTable{};
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

std::optional<double> CsvTable::number(std::size_t row, std::size_t column) const {
  const std::string& text = rows_[row][column];
  if (text.empty())
    return std::nullopt;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

} // namespace rongou::report
