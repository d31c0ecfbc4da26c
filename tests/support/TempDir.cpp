#include "support/TempDir.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <stdlib.h>
#include <string>

namespace rongou::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "rongou-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot create a temporary folder from " + pattern + ": " + std::strerror(errno));
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored; // a destructor must not throw; a leftover folder is harmless
  std::filesystem::remove_all(path_, ignored);
}

} // namespace rongou::test
