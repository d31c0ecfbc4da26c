#include "model/rail/DisruptionWindow.hpp"

#include "engine/Engine.hpp"
#include "model/rail/RailModel.hpp"

namespace rongou {

void run_disruption_window(RailModel& model, int index) {
  const ResolvedDisruption& r = model.disruptions().items[static_cast<std::size_t>(index)];
  engine::sleep_until_h(r.spec.from_h());
  if (r.spec.kind == DisruptionKind::Capacity) {
    GaugeChangeYard& yard = model.yard(r.spec.node);
    const auto [tracks, cranes] = yard.withdraw(r.tracks_out, r.cranes_out, r.spec.to_h());
    engine::sleep_until_h(r.spec.to_h());
    yard.restore(tracks, cranes);
  } else if (r.spec.kind == DisruptionKind::Locomotives) {
    LocomotivePool& pool = model.pool(r.pool);
    const int taken = pool.withdraw(r.locomotives_out, r.spec.to_h());
    engine::sleep_until_h(r.spec.to_h());
    pool.restore(taken);
  }
}

} // namespace rongou
