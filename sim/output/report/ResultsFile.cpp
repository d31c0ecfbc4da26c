#include "output/report/ResultsFile.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>

#include "scenario/Diagnostics.hpp"

namespace rongou::report {

namespace fs = std::filesystem;

void check_results_file(const fs::path& file) {
  std::error_code error;
  const auto link = fs::symlink_status(file, error);
  if (error || !fs::exists(link))
    throw InputError(fmt::format("{}: cannot read: no such file", file.string()));
  const fs::path folder = fs::canonical(fs::absolute(file).parent_path(), error);
  const fs::path resolved = fs::canonical(file, error);
  if (error)
    throw InputError(fmt::format("{}: a symlink to nothing ({})", file.string(), error.message()));
  if (fs::is_symlink(link)) {
    const auto [end, _] = std::mismatch(folder.begin(), folder.end(), resolved.begin(), resolved.end());
    if (end != folder.end())
      throw InputError(fmt::format("{}: a symlink out of the results folder (to {}); refused", file.string(),
                                   resolved.string()));
  }
  if (!fs::is_regular_file(resolved))
    throw InputError(fmt::format("{}: not a regular file; refused", file.string()));
}

namespace {

// A file check_results_file has passed, read whole; `size` is what its size was found to be,
// to read it into one allocation (it may have changed since).
std::string read_checked_file(const fs::path& file, std::uintmax_t size) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("{}: cannot read", file.string()));
  // Read in large blocks straight into the text: a results file can be tens of megabytes.
  constexpr std::size_t kBlock = 1 << 20;
  // Reserved for the size found, the last read finding the end; a size no results file has
  // (a sparse file, say) is not taken on trust, and the text grows as it is read instead.
  constexpr std::uintmax_t kMostReserved = std::uintmax_t{1} << 28;
  std::string text;
  text.reserve(static_cast<std::size_t>(std::min(size, kMostReserved)) + kBlock);
  for (;;) {
    const std::size_t used = text.size();
    text.resize(used + kBlock);
    in.read(text.data() + used, static_cast<std::streamsize>(kBlock));
    text.resize(used + static_cast<std::size_t>(in.gcount()));
    if (!in)
      break;
  }
  if (in.bad())
    throw InputError(fmt::format("{}: cannot read", file.string()));
  return text;
}

} // namespace

std::string read_results_file(const fs::path& file) {
  check_results_file(file);
  std::error_code error;
  const std::uintmax_t size = fs::file_size(file, error);
  return read_checked_file(file, error ? 0 : size);
}

std::string read_results_file(const fs::path& file, std::uintmax_t max_bytes) {
  check_results_file(file);
  std::error_code error;
  const std::uintmax_t size = fs::file_size(file, error);
  if (error)
    throw InputError(fmt::format("{}: cannot read: {}", file.string(), error.message()));
  if (size > max_bytes)
    throw InputError(fmt::format("{}: {} bytes, more than the {} a results folder's file of this kind holds; refused",
                                 file.string(), size, max_bytes));
  return read_checked_file(file, size);
}

void check_report_target(const fs::path& path, bool is_folder) {
  const auto status = fs::symlink_status(path);
  if (!fs::exists(status))
    return;
  if (fs::is_symlink(status))
    throw InputError(fmt::format("{}: a symlink where the report writes; refused (remove it to write the report)",
                                 path.string()));
  if (is_folder ? !fs::is_directory(status) : !fs::is_regular_file(status))
    throw InputError(fmt::format("{}: not a {} where the report writes one; refused", path.string(),
                                 is_folder ? "folder" : "regular file"));
}

} // namespace rongou::report
