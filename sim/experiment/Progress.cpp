#include "experiment/Progress.hpp"

#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

namespace rongou {

namespace {
constexpr std::size_t kBarWidth = 30;
constexpr std::size_t kPlainLines = 20;
} // namespace

Progress::Progress(std::string label, std::size_t total, bool enabled)
    : label_(std::move(label)), total_(total), enabled_(enabled && total > 0), tty_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {
  if (enabled_ && tty_)
    draw();
}

Progress::~Progress() { finish(); }

std::string Progress::format_duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600)
    return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

void Progress::done_one(bool ok) {
  ++done_;
  if (!ok)
    ++failed_;
  if (!enabled_)
    return;
  if (tty_) {
    draw();
    return;
  }
  const std::size_t step = done_ * kPlainLines / total_;
  if (step > last_step_ || done_ == total_) {
    last_step_ = step;
    draw();
  }
}

void Progress::draw() {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string eta = "--:--";
  if (done_ > 0)
    eta = format_duration(elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_));
  const std::string failures = failed_ > 0 ? fmt::format(", {} failed", failed_) : "";
  if (tty_) {
    const std::size_t filled = total_ == 0 ? kBarWidth : done_ * kBarWidth / total_;
    std::cerr << fmt::format("\r{} [{}{}] {}/{}{}  elapsed {}  ETA {} \x1b[K", label_, std::string(filled, '#'),
                             std::string(kBarWidth - filled, '.'), done_, total_, failures,
                             format_duration(elapsed), eta);
  } else {
    std::cerr << fmt::format("{}: {}/{} done{}, elapsed {}, ETA {}\n", label_, done_, total_, failures,
                             format_duration(elapsed), eta);
  }
  std::cerr.flush();
}

void Progress::note(const std::string& line) {
  if (enabled_ && tty_)
    std::cerr << "\r\x1b[K";
  std::cerr << line << '\n';
  if (enabled_ && tty_ && !finished_)
    draw();
}

void Progress::finish() {
  if (finished_)
    return;
  finished_ = true;
  if (enabled_ && tty_)
    std::cerr << '\n';
}

} // namespace rongou
