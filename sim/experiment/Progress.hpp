#pragma once
// Progress of an experiment on stderr: a bar with an ETA redrawn in place on a terminal,
// and at most about twenty plain lines otherwise (logs, CI), so neither floods.
#include <chrono>
#include <cstddef>
#include <string>

namespace rongou {

class Progress {
public:
  Progress(std::string label, std::size_t total, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void done_one(bool ok);
  // A message that must not be overwritten by the bar (e.g. a failure).
  void note(const std::string& line);
  void finish();

  static std::string format_duration(double seconds); // "1:05", "1:02:03"

private:
  void draw();
  std::string label_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
  std::size_t last_step_ = 0;
  bool enabled_;
  bool tty_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_;
};

} // namespace rongou
