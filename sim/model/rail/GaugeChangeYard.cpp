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

YardVisit GaugeChangeYard::transship(int feu, Hold* waiting_place) {
  const double arrived_h = engine::now_h();
  ++queued_;
  sample();
  const int crews = std::max(1, std::min(spec_.cranes_per_train, spec_.cranes));
  YardVisit visit;
  {
    const Hold track = tracks_.acquire(1);
    const Hold cranes = cranes_.acquire(crews);
    if (waiting_place != nullptr)
      waiting_place->release();
    --queued_;
    ++on_tracks_;
    sample();
    visit.queue_h = engine::now_h() - arrived_h;
    visit.handling_h = handling_hours(spec_, crews, feu);
    engine::sleep_h(visit.handling_h);
  } // the cranes go back, then the track, before the yard records the train gone
  --on_tracks_;
  sample();
  return visit;
}

GaugeChangeYard::OutOfService GaugeChangeYard::withdraw(int tracks, int cranes, double until_h) {
  // Tracks first, as trains take them, so the two never hold part of each other's needs for good.
  OutOfService out;
  for (int k = 0; k < tracks; ++k) {
    Hold track = tracks_.acquire_until(1, until_h);
    if (!track)
      return out;
    out.tracks.add(std::move(track));
  }
  for (int k = 0; k < cranes; ++k) {
    Hold crane = cranes_.acquire_until(1, until_h);
    if (!crane)
      return out;
    out.cranes.add(std::move(crane));
  }
  return out;
}

} // namespace rongou
