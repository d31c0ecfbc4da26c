#include "model/rail/BorderCrossingServer.hpp"

#include <cmath>

#include "engine/Engine.hpp"

namespace rongou {

BorderCrossingServer::BorderCrossingServer(std::string_view, const BorderCrossing& spec)
    : spec_(spec), positions_(spec.positions), admission_{FifoResource(1), FifoResource(1)} {}

int BorderCrossingServer::quota_on_day(double trains_per_day, long day) {
  return static_cast<int>(std::floor(trains_per_day * static_cast<double>(day + 1) + 1e-9) -
                          std::floor(trains_per_day * static_cast<double>(day) + 1e-9));
}

bool BorderCrossingServer::open_at(const BorderCrossing& spec, double t_h) {
  if (!spec.opens_hour)
    return true;
  const double hour = t_h - 24.0 * std::floor(t_h / 24.0);
  const double opens = std::fmod(*spec.opens_hour, 24.0), closes = std::fmod(*spec.closes_hour, 24.0);
  return opens < closes ? hour >= opens && hour < closes : hour >= opens || hour < closes;
}

double BorderCrossingServer::next_opening_h(const BorderCrossing& spec, double t_h) {
  if (open_at(spec, t_h))
    return t_h;
  const double day_start = 24.0 * std::floor(t_h / 24.0);
  const double today = day_start + std::fmod(*spec.opens_hour, 24.0);
  return today > t_h ? today : today + 24.0;
}

bool BorderCrossingServer::take_quota(int direction) {
  const long day = static_cast<long>(std::floor(engine::now_h() / 24.0));
  if (day != quota_day_[direction]) {
    quota_day_[direction] = day;
    started_today_[direction] = 0;
  }
  if (started_today_[direction] < quota_on_day(spec_.trains_per_day, day)) {
    ++started_today_[direction];
    return true;
  }
  engine::sleep_until_h(24.0 * static_cast<double>(day + 1));
  return false;
}

Hold BorderCrossingServer::admit(Direction direction) {
  const int d = direction == Direction::Westbound ? 0 : 1;
  const Hold admitted = admission_[static_cast<std::size_t>(d)].acquire(1);
  for (;;) {
    if (!open_at(spec_, engine::now_h()))
      engine::sleep_until_h(next_opening_h(spec_, engine::now_h()));
    if (spec_.trains_per_day > 0.0 && !take_quota(d))
      continue; // the next day may open later than midnight
    Hold position = positions_.acquire(1);
    if (open_at(spec_, engine::now_h()))
      return position;
    // The position came free after closing: the train waits for the opening without it, and
    // tomorrow's quota is tomorrow's.
    position.release();
    if (spec_.trains_per_day > 0.0)
      --started_today_[d];
  }
}

} // namespace rongou
