#pragma once
// A tracked service's departure rule at one slot (see DepartureRule in Scenario.hpp): how
// many containers let its train leave, when it must leave at the latest, and how many it
// needs then to run at all.
#include <cmath>

#include "scenario/Scenario.hpp"

namespace rongou {

struct HoldTerms {
  int wanted = 0;        // containers at the origin that let the train leave
  double latest_h = 0.0; // when it leaves (or is cancelled) with whatever is there
  int needed_to_run = 0; // fewer at latest_h: cancelled
};

// Shares of max_feu round up: 0.9 of 41 wagons is 37 containers, never 36.
inline int share_of(double share, int max_feu) {
  return static_cast<int>(std::ceil(share * max_feu - 1e-9));
}

inline HoldTerms hold_terms(const DepartureRule& rule, int max_feu, double slot_h) {
  HoldTerms t;
  t.needed_to_run = share_of(rule.min_load_to_run, max_feu);
  const bool fill = rule.kind == DepartureRule::Kind::Fill;
  // A train that may not run below a load waits for at least that load while it may wait.
  t.wanted = std::max(fill ? share_of(rule.min_fill, max_feu) : 0, t.needed_to_run);
  t.latest_h = slot_h + (fill ? rule.latest_hours : 0.0);
  return t;
}

} // namespace rongou
