#include "model/sea/FeederService.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "base/RandomStream.hpp"
#include "engine/Engine.hpp"
#include "model/sea/PortQueue.hpp"

namespace rongou {

FeederService::FeederService(const SeaLoop& feeder, std::string hub, double transit_h, int lane, std::uint64_t seed,
                             double horizon_h, std::size_t expected, Journal& journal,
                             std::function<void(std::size_t, double)> on_berth)
    : feeder_(feeder), hub_(std::move(hub)), transit_h_(transit_h), lane_(lane), seed_(seed), horizon_h_(horizon_h),
      expected_(expected), journal_(journal), on_berth_(std::move(on_berth)) {}

void FeederService::arrive(std::size_t record, double now_h) {
  waiting_.emplace_back(now_h, record);
  journal_.sea_hub.at(record).hub_arrival_h = now_h;
}

double FeederService::scheduled_arrival_h(double ready_h) const {
  // A box discharged exactly at a cut-off misses it (dispatch() takes boxes that arrived
  // before the cut-off), so the first sailing whose cut-off is strictly after `ready_h`.
  int k = first_sailing_with_cutoff_after(feeder_, ready_h);
  while (sailing_departure_h(feeder_, k) - feeder_.cutoff_hours_before_sailing <= ready_h)
    ++k;
  return sailing_departure_h(feeder_, k) + transit_h_;
}

void FeederService::dispatch() {
  for (int k = 0; boarded_ < expected_ || sailing_departure_h(feeder_, k) < horizon_h_; ++k) {
    SailingRecord sailing;
    sailing.index = k;
    sailing.lane = lane_;
    sailing.loop = -1;
    sailing.departure_h = sailing_departure_h(feeder_, k);
    sailing.cutoff_h = sailing.departure_h - feeder_.cutoff_hours_before_sailing;
    sailing.capacity_feu = feeder_.vessel_capacity_feu;
    sailing.scheduled_transit_h = transit_h_;
    // One draw per sailing whether or not it carries anything, as for the loops.
    auto rng = RandomStream::derive(seed_, "sea-feeder/" + hub_, static_cast<std::uint64_t>(k));
    sailing.delay_h = 24.0 * feeder_.ocean_delay_days.sample(rng);

    engine::sleep_until_h(sailing.cutoff_h);
    // Boxes discharged before the cut-off, first come first served; those discharged at the
    // same instant by the index of their record, so the order never depends on which actor
    // the engine ran first. A box discharged at the cut-off itself is not yet in the list
    // whatever the order, so it is never taken: the strict bound keeps that choice explicit.
    std::size_t end = next_;
    while (end < waiting_.size() && waiting_[end].first < sailing.cutoff_h)
      ++end;
    std::sort(waiting_.begin() + static_cast<std::ptrdiff_t>(next_), waiting_.begin() + static_cast<std::ptrdiff_t>(end));
    const std::size_t room = std::min<std::size_t>(end - next_, static_cast<std::size_t>(feeder_.vessel_capacity_feu));
    std::vector<std::size_t> records;
    for (std::size_t i = next_; i < next_ + room; ++i)
      records.push_back(waiting_[i].second);
    next_ += room;
    boarded_ += room;
    sailing.feu = static_cast<int>(room);
    sailing.rolled_feu = static_cast<int>(end - next_); // at the hub in time, left for the next feeder
    const std::size_t index = journal_.feeder_sailings.size();
    journal_.feeder_sailings.push_back(sailing);
    // Keep the list short: drop the boarded prefix once it is most of it.
    if (next_ > 4096 && next_ * 2 > waiting_.size()) {
      waiting_.erase(waiting_.begin(), waiting_.begin() + static_cast<std::ptrdiff_t>(next_));
      next_ = 0;
    }

    engine::sleep_until_h(sailing.departure_h);
    for (std::size_t i : records) {
      journal_.sea_hub[i].feeder_departure_h = engine::now_h();
      journal_.sea_hub[i].feeder_sailing = static_cast<int>(index);
    }
    if (!records.empty())
      engine::spawn(fmt::format("feeder {}-{:04d}", hub_, k), hub_,
                    [this, index, records = std::move(records)]() mutable { voyage(index, std::move(records)); });
  }
}

void FeederService::voyage(std::size_t sailing, std::vector<std::size_t> records) {
  {
    const auto& s = journal_.feeder_sailings[sailing];
    engine::sleep_h(s.scheduled_transit_h + s.delay_h);
  }
  const double berth_h = engine::now_h();
  journal_.feeder_sailings[sailing].arrival_h = berth_h;
  for (std::size_t i : records)
    on_berth_(i, berth_h);
}

} // namespace rongou
