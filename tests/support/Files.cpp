#include "support/Files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace rongou::test {

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf(); // a folder or a missing file reads as empty instead of throwing
  return bytes.str();
}

void write_file(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
  out.close();
  if (!out)
    throw std::runtime_error("cannot write " + file.string());
}

std::string source_path(const std::string& relative) {
  return relative.empty() ? RONGOU_SOURCE_DIR : (std::filesystem::path(RONGOU_SOURCE_DIR) / relative).string();
}

} // namespace rongou::test
