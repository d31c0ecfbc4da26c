#pragma once
// Runs gnuplot (Debian: gnuplot-nox) on the chart scripts. The scripts and their data stay
// beside the report so that users can restyle a chart and re-run `gnuplot NAME.gp`.
#include <filesystem>
#include <string>
#include <vector>

namespace rongou::report {

// The gnuplot executable: $RONGOU_GNUPLOT if set, else `gnuplot` on PATH. Throws
// std::runtime_error saying what to install when there is none.
std::filesystem::path find_gnuplot();

// Runs `gnuplot script...` with `dir` as working directory. Throws std::runtime_error with
// gnuplot's messages when it fails. Warnings gnuplot prints are returned.
std::string run_gnuplot(const std::filesystem::path& dir, const std::vector<std::string>& scripts);

} // namespace rongou::report
