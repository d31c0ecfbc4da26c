#include "model/rail/FerryLine.hpp"

#include <algorithm>

#include "engine/Engine.hpp"
#include "engine/Grant.hpp"

namespace rongou {

namespace {
constexpr double kHoursPerWeek = 168.0;
constexpr double kHoursPerYear = 8760.0;
} // namespace

FerryLine::FerryLine(const FerrySpec& spec, const Segment& crossing, RandomStream weather)
    : spec_(spec), crossing_(crossing), weather_(weather) {
  if (spec_.weather && spec_.weather->windows_per_year > 0.0)
    next_window_h_ = weather_.exponential(kHoursPerYear / spec_.weather->windows_per_year);
}

double FerryLine::timetabled_h(std::size_t k) const {
  return spec_.first_sailing_hour + static_cast<double>(k) * kHoursPerWeek / spec_.sailings_per_week;
}

void FerryLine::draw_weather_until(double t_h) {
  if (!spec_.weather || spec_.weather->windows_per_year <= 0.0)
    return;
  const double mean_gap_h = kHoursPerYear / spec_.weather->windows_per_year;
  while (next_window_h_ <= t_h) {
    const double start = next_window_h_;
    const double end = start + spec_.weather->duration_hours.sample(weather_);
    windows_.emplace_back(start, end);
    // The next window starts after this one has ended: windows never overlap.
    next_window_h_ = end + weather_.exponential(mean_gap_h);
  }
}

double FerryLine::after_weather(double t_h) {
  draw_weather_until(t_h);
  // Windows are in time order and do not overlap: only the last one starting at or before t_h
  // can hold it.
  auto it = std::upper_bound(windows_.begin(), windows_.end(), t_h,
                             [](double t, const std::pair<double, double>& w) { return t < w.first; });
  if (it == windows_.begin())
    return t_h;
  --it;
  return t_h < it->second ? it->second : t_h;
}

bool FerryLine::cancelled(int end, std::size_t k) { return sailing(end, k).cancelled; }

FerryLine::Sailing& FerryLine::sailing(int end, std::size_t k) {
  auto& sailings = sailings_[static_cast<std::size_t>(end)];
  while (sailings.size() <= k) {
    Sailing s;
    s.timetabled_h = timetabled_h(sailings.size());
    s.cancelled = after_weather(s.timetabled_h) != s.timetabled_h;
    sailings.push_back(std::move(s));
  }
  return sailings[k]; // a deque: references stay valid as it grows
}

std::vector<FerryLine::Part> FerryLine::board(int end, double at_h, int feu) {
  const double ready_h = at_h + spec_.loading_hours;
  std::vector<Part> parts;
  // Boxes reach the port in time order, so a sailing closed to these boxes is closed to all
  // that come after them.
  auto closed = [&](Sailing& s) { return s.cancelled || s.load_feu >= spec_.capacity_feu || leaves_h(s) < ready_h; };
  std::size_t& first_open = first_open_[static_cast<std::size_t>(end)];
  while (closed(sailing(end, first_open)))
    ++first_open;
  for (std::size_t k = first_open; feu > 0; ++k) {
    Sailing& s = sailing(end, k);
    if (closed(s))
      continue;
    const int taken = std::min(feu, spec_.capacity_feu - s.load_feu);
    s.load_feu += taken;
    ++s.trains;
    feu -= taken;
    parts.push_back({k, taken});
    if (spec_.departure == FerryDeparture::WhenFull && s.load_feu >= spec_.capacity_feu) {
      // Full: it leaves once these boxes are loaded, or when the weather lets it.
      s.full_left = true;
      s.left_h = after_weather(ready_h);
      for (Grant* g : s.waiting)
        g->grant();
      s.waiting.clear();
    }
  }
  return parts;
}

double FerryLine::wait_for(int end, std::size_t k) {
  Sailing& s = sailing(end, k);
  if (spec_.departure == FerryDeparture::WhenFull && !s.full_left) {
    Grant filled;
    s.waiting.push_back(&filled);
    if (!filled.wait(s.timetabled_h)) {
      // Not full by its time: it leaves as timetabled, and no one will grant this any more.
      auto& waiting = s.waiting;
      waiting.erase(std::remove(waiting.begin(), waiting.end(), &filled), waiting.end());
    }
  }
  const double left_h = leaves_h(s);
  engine::sleep_until_h(left_h);
  return left_h;
}

std::vector<FerrySailingRecord> FerryLine::sailings_until(double end_h, int line) const {
  std::vector<FerrySailingRecord> out;
  for (int end = 0; end < 2; ++end) {
    for (std::size_t k = 0; k < sailings_[static_cast<std::size_t>(end)].size(); ++k) {
      const Sailing& s = sailings_[static_cast<std::size_t>(end)][k];
      if (leaves_h(s) > end_h)
        continue;
      FerrySailingRecord r;
      r.line = line;
      r.from_port = end == 0 ? spec_.first_port : spec_.second_port;
      r.sailing = static_cast<int>(k);
      r.timetabled_h = s.timetabled_h;
      r.left_h = leaves_h(s);
      r.cancelled = s.cancelled;
      r.full = s.load_feu >= spec_.capacity_feu;
      r.load_feu = s.load_feu;
      r.trains = s.trains;
      out.push_back(r);
    }
  }
  return out;
}

} // namespace rongou
