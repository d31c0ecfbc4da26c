#pragma once
// A fresh folder for one test, removed with everything in it when the test ends.
#include <filesystem>

namespace rongou::test {

class TempDir {
public:
  // Creates rongou-test-XXXXXX under the system temporary directory; throws if it cannot.
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

} // namespace rongou::test
