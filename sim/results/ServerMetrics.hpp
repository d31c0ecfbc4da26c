#pragma once
// What each node's server did over the measured window: a border crossing's processing
// positions, or a gauge-change yard's tracks. Throughput (trains and TEU a day), utilisation,
// the wait before service and the longest queue, overall and day by day. A pure function of
// the journal's server visits and what was built (Journal::servers).
#include <string>
#include <vector>

#include "journal/Journal.hpp"
#include "results/Statistics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct ServerDay {
  int day = 0;                 // from 0, over the whole run (warm-up included)
  int trains_started = 0;      // trains whose service started that day
  double teu = 0.0;            // their containers, in TEU (an FEU is 2 TEU)
  double utilisation = 0.0;    // busy unit-hours that day / (units x 24 h)
  double mean_wait_hours = 0.0; // of the trains that started that day
  int max_queue_trains = 0;    // most trains waiting at once that day
};

struct ServerMetrics {
  std::string node;
  ServerKind kind = ServerKind::Crossing;
  int units = 0;               // positions or tracks, as built for the run
  double quota_trains_per_day = 0.0;
  int trains = 0;              // trains whose service started in the window
  int trains_westbound = 0;
  int trains_eastbound = 0;
  double trains_per_day = 0.0;
  double teu_per_day = 0.0;
  double utilisation = 0.0;    // busy unit-hours in the window / (units x window hours)
  SampleSummary wait_hours;    // before service, of the trains arriving in the window
  double mean_service_hours = 0.0;
  int max_queue_trains = 0;    // most trains waiting at once in the window
  std::string queue_at;        // where its trains waited longest in all (the approach side, or the node)
  std::vector<ServerDay> daily;
};

// One per entry of journal.servers, in that order.
std::vector<ServerMetrics> compute_server_metrics(const Scenario& scenario, const Journal& journal);

} // namespace rongou
