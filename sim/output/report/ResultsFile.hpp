#pragma once
// A results folder handed to `report` may come from anyone. Its files are read only when
// they are regular files that lie inside the folder: a symlink pointing out of it
// (containers.csv -> /etc/passwd, -> ~/.ssh/id_rsa) or a FIFO, a device or a folder in a
// file's place is refused with an InputError naming the file, before anything is read.
#include <filesystem>
#include <string>

namespace rongou::report {

// Throws InputError unless `file` resolves to a regular file inside `file`'s folder.
void check_results_file(const std::filesystem::path& file);

// check_results_file, then the whole file.
std::string read_results_file(const std::filesystem::path& file);
// The same, refusing a file larger than `max_bytes` before reading any of it.
std::string read_results_file(const std::filesystem::path& file, std::uintmax_t max_bytes);

// Throws InputError when `path` (report/, report.html: what the report replaces) is a symlink,
// or exists and is not of the kind (folder or regular file) the report writes there.
void check_report_target(const std::filesystem::path& path, bool is_folder);

} // namespace rongou::report
