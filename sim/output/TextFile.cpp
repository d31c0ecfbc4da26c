#include "output/TextFile.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <stdexcept>

namespace rongou {

void throw_write_error(const std::filesystem::path& file, int error) {
  throw std::runtime_error(fmt::format("cannot write {}: {}", file.string(), std::strerror(error)));
}

void write_text_file(const std::filesystem::path& file, std::string_view text) {
  std::FILE* out = std::fopen(file.c_str(), "wb");
  if (!out)
    throw_write_error(file, errno);
  const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  const int write_error = errno;
  const bool closed = std::fclose(out) == 0;
  if (!written)
    throw_write_error(file, write_error);
  if (!closed)
    throw_write_error(file, errno);
}

} // namespace rongou
