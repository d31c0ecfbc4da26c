#pragma once
// A CSV file written row by row, field by field, through one buffer.
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "output/FixedDecimal.hpp"

namespace rongou {

// Rows are built field by field into one buffer. Formatting every number through a format
// string cost over half of a baseline run (docs/performance.md). Numbers go through
// to_chars_fixed: the same characters as std::to_chars with a fixed precision (and so as
// "{:.3f}": both round the exact binary value) at a fraction of its cost.
class CsvWriter {
public:
  explicit CsvWriter(const std::filesystem::path& file) : file_(std::fopen(file.c_str(), "wb")), path_(file) {
    if (!file_)
      throw std::runtime_error(fmt::format("cannot write {}", path_.string()));
    buffer_.reserve(kFlushAt + 1024);
  }
  ~CsvWriter() {
    if (file_)
      std::fclose(file_);
  }
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  void raw(std::string_view text) { buffer_.append(text); }
  CsvWriter& text(std::string_view field) { return sep().append_raw(field); }
  CsvWriter& integer(long long value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    return sep().append_raw({digits, static_cast<std::size_t>(end - digits)});
  }
  CsvWriter& fixed(double value, int decimals) {
    char digits[400]; // the longest fixed-notation double
    const auto end = to_chars_fixed(digits, digits + sizeof digits, value, decimals).ptr;
    return sep().append_raw({digits, static_cast<std::size_t>(end - digits)});
  }
  CsvWriter& hours(double h) { return fixed(h, 3); }
  CsvWriter& hours(const std::optional<double>& h) { return h ? hours(*h) : text(""); }
  CsvWriter& empty() { return text(""); }
  void end_row() {
    buffer_.push_back('\n');
    first_ = true;
    if (buffer_.size() >= kFlushAt)
      flush();
  }
  void close() {
    flush();
    const bool failed = std::fclose(file_) != 0;
    file_ = nullptr;
    if (failed)
      throw std::runtime_error(fmt::format("cannot write {}", path_.string()));
  }

private:
  static constexpr std::size_t kFlushAt = 1 << 16;
  CsvWriter& sep() {
    if (!first_)
      buffer_.push_back(',');
    first_ = false;
    return *this;
  }
  CsvWriter& append_raw(std::string_view s) {
    buffer_.append(s);
    return *this;
  }
  void flush() {
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
      throw std::runtime_error(fmt::format("cannot write {}", path_.string()));
    buffer_.clear();
  }

  std::FILE* file_;
  std::filesystem::path path_;
  std::string buffer_;
  bool first_ = true;
};

} // namespace rongou
