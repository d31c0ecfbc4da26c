#pragma once
// Boxes (`boxes:`) of one run, terminal by terminal: a pure function of the scenario and
// the journal's box samples and containers.
#include <map>
#include <string>
#include <vector>

#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct BoxTerminalMetrics {
  std::string node;
  int keep = 0;  // empties kept for its own departures before any are sent away
  // Empty stock: on day 0, at the end of the run, its least and most over the run.
  int start = 0;
  int end = 0;
  int min = 0;
  int max = 0;
  // Over the whole run.
  int leased = 0;
  int off_hired = 0;
  int sent_by_rail = 0;     // empties sent away from here in free slots
  int received_by_rail = 0; // empties that arrived here by rail
  // Delivered containers that gated in here in the measured window.
  int containers = 0;
  int containers_waited = 0;  // of those, how many waited for a box
  double mean_box_wait_h = 0.0;
  double max_box_wait_h = 0.0;
  // In the measured window (what costs charge).
  int leased_in_window = 0;
  int off_hired_in_window = 0;
};

struct BoxMetrics {
  std::vector<BoxTerminalMetrics> terminals; // in Journal::box_terminals order
};

// Empty when the journal has no box terminals.
BoxMetrics compute_box_metrics(const Scenario& scenario, const Journal& journal);

// The state of terminal `terminal` after every change at or before `t_h` (its day-0 state
// before the first change).
BoxSample box_state_at(const Journal& journal, int terminal, double t_h);

// Lane `lane`'s empties carried on its trains (planned to leave in the measured window) per
// week, by direction: the simulated counterpart of the post-processed balance.
std::map<Direction, double> simulated_empty_feu_per_week(const Scenario& scenario, const Journal& journal, int lane);

// Leasing and off-hire charges in the measured window that fall to lane `lane`: at each of
// its terminals, the terminal's charges shared among the lanes using it by their containers
// (both directions: a lane's boxes start at one terminal and end at the other).
double box_leasing_usd(const Scenario& scenario, const Journal& journal, int lane);

} // namespace rongou
