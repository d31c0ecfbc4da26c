#include "rail/GaugeChangeYard.hpp"

#include <algorithm>
#include <mutex>

#include "model/Engine.hpp"

namespace rongou {

GaugeChangeYard::GaugeChangeYard(std::string node, const TransshipmentYard& spec, Journal& journal)
    : node_(std::move(node)), node_index_(intern_node_name(node_)), spec_(spec), journal_(journal),
      tracks_(simgrid::s4u::Semaphore::create(static_cast<unsigned>(spec.tracks))),
      cranes_(simgrid::s4u::Semaphore::create(static_cast<unsigned>(spec.cranes))),
      crane_claim_(simgrid::s4u::Mutex::create()) {}

double GaugeChangeYard::handling_hours(const TransshipmentYard& spec, int cranes_working, int feu) {
  return spec.handling_fixed_hours + feu / (cranes_working * spec.crane_rate_feu_per_hour);
}

void GaugeChangeYard::sample() {
  YardSample s;
  s.yard = node_index_;
  s.time_h = engine::now_h();
  s.trains_queued = queued_;
  s.trains_on_tracks = on_tracks_;
  journal_.yard_samples.push_back(s);
}

YardVisit GaugeChangeYard::transship(int feu) {
  const double arrived_h = engine::now_h();
  ++queued_;
  sample();
  const int crews = std::max(1, std::min(spec_.cranes_per_train, spec_.cranes));
  tracks_->acquire();
  {
    std::unique_lock claim(*crane_claim_);
    for (int k = 0; k < crews; ++k)
      cranes_->acquire();
  }
  --queued_;
  ++on_tracks_;
  sample();
  YardVisit visit;
  visit.queue_h = engine::now_h() - arrived_h;
  visit.handling_h = handling_hours(spec_, crews, feu);
  engine::sleep_h(visit.handling_h);
  for (int k = 0; k < crews; ++k)
    cranes_->release();
  tracks_->release();
  --on_tracks_;
  sample();
  return visit;
}

std::pair<int, int> GaugeChangeYard::withdraw(int tracks, int cranes, double until_h) {
  // Tracks first, as trains take them, so the two never hold part of each other's needs for good;
  // acquire_timeout returns true when it timed out.
  std::pair<int, int> taken{0, 0};
  for (; taken.first < tracks; ++taken.first)
    if (tracks_->acquire_timeout((until_h - engine::now_h()) * engine::kSecondsPerHour))
      return taken;
  for (; taken.second < cranes; ++taken.second)
    if (cranes_->acquire_timeout((until_h - engine::now_h()) * engine::kSecondsPerHour))
      return taken;
  return taken;
}

void GaugeChangeYard::restore(int tracks, int cranes) {
  for (int k = 0; k < cranes; ++k)
    cranes_->release();
  for (int k = 0; k < tracks; ++k)
    tracks_->release();
}

} // namespace rongou
