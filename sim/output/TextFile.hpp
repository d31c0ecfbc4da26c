#pragma once
// A whole text file written at once, every error (a full disk, a file-size limit) thrown as
// std::runtime_error "cannot write FILE: reason", never left to a destructor.
#include <filesystem>
#include <string_view>

namespace rongou {

void write_text_file(const std::filesystem::path& file, std::string_view text);

// "cannot write FILE: reason" from errno.
[[noreturn]] void throw_write_error(const std::filesystem::path& file, int error);

} // namespace rongou
