#include "model/rail/DepartureRule.hpp"

#include <algorithm>
#include <limits>

#include "engine/Engine.hpp"
#include "model/rail/RailModel.hpp"

namespace rongou {

// Event-driven, not polled: the train wakes when the containers it waits for are at the
// terminal, known in advance from their gate-in times, or at its latest time. Another service
// of the same lane and direction may take containers meanwhile; the train then recounts and
// waits again. With `boxes:`, a container is ready only once it has a box, which may come
// between gate-ins (an arriving empty, a lease): the train also wakes at each gate-in of the
// containers it waits for, so a box freed between them is seen at the next gate-in or at the
// latest time.
RailModel::Release RailModel::hold_at_origin(std::size_t service_index, OriginQueue* queue, double slot_h) {
  const RailService& service = scenario_.rail.services[service_index];
  const HoldTerms terms = hold_terms(service.departure_rule, service.max_feu, slot_h);
  const bool boxed = boxes_ && box_terminals_[service_index].first >= 0;
  constexpr double never = std::numeric_limits<double>::infinity();
  const double cutoff_h = scenario_.rail_cutoff_hours(service.lane); // ready this long before leaving
  double now = slot_h;
  for (;;) {
    if (boxed)
      boxes_->advance(now);
    const int there = queue ? static_cast<int>(std::min<std::size_t>(queue->waiting(now - cutoff_h),
                                                                      static_cast<std::size_t>(service.max_feu)))
                            : 0;
    if (there >= terms.wanted)
      return {now, false};
    if (now >= terms.latest_h)
      return {now, there < terms.needed_to_run};
    double next = terms.latest_h;
    if (queue) {
      const auto ids = queue->queued(static_cast<std::size_t>(terms.wanted));
      if (ids.size() == static_cast<std::size_t>(terms.wanted)) {
        double ready = 0.0;
        double gate_in = never;
        for (int id : ids) {
          ready = std::max(ready, all_gate_in_h_[static_cast<std::size_t>(id)]);
          const double created = journal_.containers[static_cast<std::size_t>(id)].created_h;
          if (created > now)
            gate_in = std::min(gate_in, created);
        }
        next = std::min(next, ready < never ? ready + cutoff_h : gate_in);
      }
    }
    if (next <= now) // cannot happen (those containers would be there); never spin
      next = terms.latest_h;
    engine::sleep_until_h(next);
    now = next;
  }
}

} // namespace rongou
