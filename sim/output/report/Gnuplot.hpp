#pragma once
// Runs gnuplot (Debian: gnuplot-nox) on the chart scripts. The scripts and their data stay
// beside the report so that users can restyle a chart and re-run `gnuplot NAME.gp`.
#include <cstdint>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace rongou::report {

// The gnuplot executable: $RONGOU_GNUPLOT if set, else `gnuplot` on PATH. Throws
// std::runtime_error saying what to install when there is none.
std::filesystem::path find_gnuplot();

// gnuplot processes that draw chart scripts as they are handed over, started before the
// first chart's data is written so that their start (about 35 ms each) and their drawing
// overlap the writing of the others. Two processes where there are two processors, one
// otherwise; each script sets up its own chart, as when a user runs `gnuplot NAME.gp`, so the
// charts do not depend on which process draws them.
class GnuplotDrawing {
public:
  // Starts gnuplot with `dir` as working directory. Throws std::runtime_error when it cannot.
  explicit GnuplotDrawing(const std::filesystem::path& dir);
  // Without finish(): stops the processes and waits for them (a report that failed).
  ~GnuplotDrawing();
  GnuplotDrawing(const GnuplotDrawing&) = delete;
  GnuplotDrawing& operator=(const GnuplotDrawing&) = delete;

  // Draws `script` (relative to the directory), of `bytes` script and data: to the process
  // with the fewest bytes handed to it so far.
  void draw(const std::string& script, std::uintmax_t bytes);
  // Waits for every script drawn. Throws std::runtime_error with gnuplot's messages when a
  // process failed; returns the messages (warnings), those of the first process first.
  std::string finish();

private:
  struct Process {
    pid_t pid = -1;
    int commands = -1; // where the scripts to draw are written (gnuplot's standard input)
    int messages = -1; // an unnamed file holding gnuplot's standard output and error
    std::uintmax_t bytes = 0;
  };
  std::filesystem::path dir_;
  std::vector<Process> processes_;
  void stop();
};

} // namespace rongou::report
