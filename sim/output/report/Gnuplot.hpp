#pragma once
// Runs gnuplot (Debian: gnuplot-nox) on the chart scripts. The scripts and their data stay
// beside the report so that users can restyle a chart and re-run `gnuplot NAME.gp`.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rongou::report {

// The gnuplot executable: $RONGOU_GNUPLOT if set, else `gnuplot` on PATH. Throws
// std::runtime_error saying what to install when there is none.
std::filesystem::path find_gnuplot();

// A chart script, and how much drawing it is: the bytes of the script and its data.
struct GnuplotScript {
  std::string file; // relative to the folder gnuplot runs in
  std::uintmax_t bytes = 0;
};

// Runs gnuplot on the scripts with `dir` as working directory: `gnuplot script...`, in
// two processes at once where there are two processors (each script sets up its own chart,
// as when a user runs `gnuplot NAME.gp`), the scripts shared so that each process has about
// as many bytes to draw. Throws std::runtime_error with gnuplot's messages when one fails.
// Warnings gnuplot prints are returned, those of the first process first.
std::string run_gnuplot(const std::filesystem::path& dir, const std::vector<GnuplotScript>& scripts);

} // namespace rongou::report
