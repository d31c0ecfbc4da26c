#include "model/rail/GaugeChangeYard.hpp"

#include <algorithm>

#include "engine/Engine.hpp"

namespace rongou {

GaugeChangeYard::GaugeChangeYard(std::string_view node, const TransshipmentYard& spec, Journal& journal)
    : node_index_(intern_node_name(node)), spec_(spec), journal_(journal),
      tracks_(spec.tracks), cranes_(spec.cranes) {}

double GaugeChangeYard::handling_hours(const TransshipmentYard& spec, int cranes_working, int feu) {
  return spec.handling_fixed_hours + feu / (cranes_working * spec.crane_rate_feu_per_hour);
}

void GaugeChangeYard::sample() {
  journal_.yard_samples.emplace_back(node_index_, engine::now_h(), queued_, on_tracks_);
}

YardVisit GaugeChangeYard::transship(int feu) {
  const double arrived_h = engine::now_h();
  ++queued_;
  sample();
  const int crews = std::max(1, std::min(spec_.cranes_per_train, spec_.cranes));
  tracks_.acquire(1);
  cranes_.acquire(crews);
  --queued_;
  ++on_tracks_;
  sample();
  YardVisit visit;
  visit.queue_h = engine::now_h() - arrived_h;
  visit.handling_h = handling_hours(spec_, crews, feu);
  engine::sleep_h(visit.handling_h);
  cranes_.release(crews);
  tracks_.release(1);
  --on_tracks_;
  sample();
  return visit;
}

std::pair<int, int> GaugeChangeYard::withdraw(int tracks, int cranes, double until_h) {
  // Tracks first, as trains take them, so the two never hold part of each other's needs for good.
  std::pair<int, int> taken{0, 0};
  for (; taken.first < tracks; ++taken.first)
    if (!tracks_.acquire_until(1, until_h))
      return taken;
  for (; taken.second < cranes; ++taken.second)
    if (!cranes_.acquire_until(1, until_h))
      return taken;
  return taken;
}

void GaugeChangeYard::restore(int tracks, int cranes) {
  cranes_.release(cranes);
  tracks_.release(tracks);
}

} // namespace rongou
