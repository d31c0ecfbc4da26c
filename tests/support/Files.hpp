#pragma once
// Whole-file reading and writing, byte for byte, and paths into the source tree.
#include <filesystem>
#include <string>

namespace rongou::test {

// The file's bytes; empty when it cannot be read (a folder, a missing file): a test then
// fails on the content.
std::string read_file(const std::filesystem::path& file);

// Replaces the file's content with `text`; throws if it cannot be written.
void write_file(const std::filesystem::path& file, const std::string& text);

// A file of the source tree, e.g. source_path("scenarios/baseline-2018.yaml"); the tree's root
// for "".
std::string source_path(const std::string& relative);

} // namespace rongou::test
