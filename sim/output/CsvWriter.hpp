#pragma once
// A CSV file written row by row, field by field, through one buffer.
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "output/CsvField.hpp"
#include "output/FixedDecimal.hpp"
#include "output/TextFile.hpp"

namespace rongou {

// Rows are built field by field into one buffer. Formatting every number through a format
// string cost over half of a baseline run (docs/performance.md). Numbers go through
// to_chars_fixed: the same characters as std::to_chars with a fixed precision (and so as
// "{:.3f}": both round the exact binary value) at a fraction of its cost.
class CsvWriter {
public:
  explicit CsvWriter(const std::filesystem::path& file)
      : file_(std::fopen(file.c_str(), "wb")), path_(file), buffer_(new char[kCapacity]) {
    if (!file_)
      throw_write_error(path_, errno);
  }
  ~CsvWriter() {
    if (file_)
      std::fclose(file_);
  }
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  void raw(std::string_view text) { append(text); }
  // A text field, quoted as RFC 4180 asks when it holds a comma, quote or line break.
  CsvWriter& text(std::string_view field) {
    sep();
    if (csv_needs_quotes(field))
      append(csv_field(field));
    else
      append(field);
    return *this;
  }
  CsvWriter& integer(long long value) {
    sep();
    char* const field = at();
    used_ = static_cast<std::size_t>(std::to_chars(field, field + kRoomForNumber, value).ptr - buffer_.get());
    return *this;
  }
  // Numbers are formatted in place: copying each through a temporary would cost a third of
  // the writing (docs/performance.md).
  CsvWriter& fixed(double value, int decimals) {
    sep();
    char* const field = at();
    const auto written = to_chars_fixed(field, field + kRoomForNumber, value, decimals);
    if (written.ec == std::errc{}) {
      used_ = static_cast<std::size_t>(written.ptr - buffer_.get());
      return *this;
    }
    char digits[400]; // the longest fixed-notation double
    append({digits, static_cast<std::size_t>(
                        to_chars_fixed(digits, digits + sizeof digits, value, decimals).ptr - digits)});
    return *this;
  }
  CsvWriter& hours(double h) { return fixed(h, 3); }
  CsvWriter& hours(const std::optional<double>& h) { return h ? hours(*h) : text(""); }
  CsvWriter& empty() { return text(""); }
  void end_row() {
    buffer_[used_++] = '\n';
    first_ = true;
    if (used_ >= kFlushAt)
      flush();
  }
  void close() {
    flush();
    const bool failed = std::fclose(file_) != 0;
    file_ = nullptr;
    if (failed)
      throw_write_error(path_, errno);
  }

private:
  // Rows are flushed once the buffer holds kFlushAt bytes; the slack above it takes the row
  // under way, so a separator, a number or a newline always fits without a check.
  static constexpr std::size_t kFlushAt = 1 << 16;
  static constexpr std::size_t kRoomForNumber = 64;
  static constexpr std::size_t kCapacity = kFlushAt + (1 << 14);
  char* at() {
    if (used_ + kRoomForNumber + 1 > kCapacity)
      flush();
    return buffer_.get() + used_;
  }
  void sep() {
    if (!first_)
      *at() = ',', ++used_;
    first_ = false;
  }
  void append(std::string_view s) {
    if (used_ + s.size() + kRoomForNumber + 1 > kCapacity)
      flush();
    if (s.size() + kRoomForNumber + 1 > kCapacity) { // longer than the whole buffer
      write(s.data(), s.size());
      return;
    }
    std::memcpy(buffer_.get() + used_, s.data(), s.size());
    used_ += s.size();
  }
  void write(const char* data, std::size_t size) {
    if (size > 0 && std::fwrite(data, 1, size, file_) != size)
      throw_write_error(path_, errno);
  }
  void flush() {
    write(buffer_.get(), used_);
    used_ = 0;
  }

  std::FILE* file_;
  std::filesystem::path path_;
  std::unique_ptr<char[]> buffer_;
  std::size_t used_ = 0;
  bool first_ = true;
};

} // namespace rongou
