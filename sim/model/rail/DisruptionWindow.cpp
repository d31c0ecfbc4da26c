#include "model/rail/DisruptionWindow.hpp"

#include "engine/Engine.hpp"
#include "model/rail/RailModel.hpp"

namespace rongou {

void run_disruption_window(RailModel& model, int index) {
  const ResolvedDisruption& r = model.disruptions().items[static_cast<std::size_t>(index)];
  engine::sleep_until_h(r.spec.from_h());
  // What the window takes is back in service at its end, when it goes out of scope.
  if (r.spec.kind == DisruptionKind::Capacity) {
    const auto out = model.yard(r.spec.node).withdraw(r.tracks_out, r.cranes_out, r.spec.to_h());
    engine::sleep_until_h(r.spec.to_h());
  } else if (r.spec.kind == DisruptionKind::Locomotives) {
    const auto withdrawn = model.pool(r.pool).withdraw(r.locomotives_out, r.spec.to_h());
    engine::sleep_until_h(r.spec.to_h());
  }
}

} // namespace rongou
