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

void BorderCrossingServer::wait_for_quota(int direction) {
  for (;;) {
    const long day = static_cast<long>(std::floor(engine::now_h() / 24.0));
    if (day != quota_day_[direction]) {
      quota_day_[direction] = day;
      started_today_[direction] = 0;
    }
    if (started_today_[direction] < quota_on_day(spec_.trains_per_day, day)) {
      ++started_today_[direction];
      return;
    }
    engine::sleep_until_h(24.0 * static_cast<double>(day + 1));
  }
}

Hold BorderCrossingServer::admit(Direction direction) {
  const int d = direction == Direction::Westbound ? 0 : 1;
  const Hold admitted = admission_[static_cast<std::size_t>(d)].acquire(1);
  if (spec_.trains_per_day > 0.0)
    wait_for_quota(d);
  return positions_.acquire(1);
}

} // namespace rongou
