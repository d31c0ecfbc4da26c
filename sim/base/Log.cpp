#include "base/Log.hpp"

#include <cmath>
#include <fmt/format.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace rongou::log {

namespace {

std::function<double()>& sim_clock() {
  static std::function<double()> clock;
  return clock;
}

class SimClockFlag : public spdlog::custom_flag_formatter {
public:
  void format(const spdlog::details::log_msg&, const std::tm&, spdlog::memory_buf_t& dest) override {
    if (!sim_clock())
      return;
    const std::string text = format_sim_time(sim_clock()());
    dest.append(text.data(), text.data() + text.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<SimClockFlag>(); }
};

} // namespace

std::string format_sim_time(double hours) {
  const double minutes_total = std::floor(hours * 60.0 + 0.5);
  const auto minutes = static_cast<long long>(minutes_total);
  const long long day = minutes / (24 * 60);
  const long long hh = (minutes / 60) % 24;
  const long long mm = minutes % 60;
  return fmt::format("[day {} {:02}:{:02}] ", day, hh, mm);
}

void set_sim_clock(std::function<double()> now_h) { sim_clock() = std::move(now_h); }
void clear_sim_clock() { sim_clock() = nullptr; }

void setup(Verbosity verbosity) {
  auto logger = spdlog::stderr_color_mt("rongou");
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  formatter->add_flag<SimClockFlag>('*').set_pattern("rongou %^%l%$: %*%v");
  logger->set_formatter(std::move(formatter));
  switch (verbosity) {
  case Verbosity::Quiet:
    logger->set_level(spdlog::level::err);
    break;
  case Verbosity::Normal:
    logger->set_level(spdlog::level::warn);
    break;
  case Verbosity::Verbose:
    logger->set_level(spdlog::level::debug);
    break;
  }
  spdlog::set_default_logger(std::move(logger));
}

} // namespace rongou::log
