#include "results/DoorMetrics.hpp"

#include <utility>
#include <vector>

namespace rongou {

namespace {

struct StageSums {
  std::vector<double> terminal_days;
  DoorStageHours sum;
  int missed = 0;

  void add(const DoorRecord& d, double terminal_h) {
    terminal_days.push_back(terminal_h / 24.0);
    sum.loading += d.loading_h;
    sum.export_clearance += d.export_clearance_h;
    sum.main_haul += terminal_h;
    sum.terminal_closed += d.terminal_closed_h;
    sum.unloading += d.unloading_h;
    sum.import_clearance += d.import_clearance_h;
    sum.last_mile_wait += d.last_mile_wait_h;
    sum.last_mile += d.last_mile_h;
    missed += d.trains_missed_at_cutoff > 0 ? 1 : 0;
  }

  ModeDoorMetrics metrics() {
    ModeDoorMetrics m;
    const std::size_t n = terminal_days.size();
    m.containers_delivered = static_cast<int>(n);
    m.terminal_to_terminal_days = describe(std::move(terminal_days));
    if (n > 0) {
      const double k = static_cast<double>(n);
      m.stages_hours = {sum.loading / k,          sum.export_clearance / k, sum.main_haul / k,
                        sum.terminal_closed / k,  sum.unloading / k,        sum.import_clearance / k,
                        sum.last_mile_wait / k,   sum.last_mile / k};
      m.missed_cutoff_share = missed / k;
    }
    return m;
  }
};

} // namespace

std::optional<DoorMetrics> compute_door_metrics(const Scenario& scenario, const Journal& journal) {
  if (!scenario.doors || journal.rail_doors.size() != journal.containers.size())
    return std::nullopt;
  const double from_h = scenario.warmup_days * 24.0;
  const double to_h = scenario.horizon_days * 24.0;
  auto measured = [&](double gate_in_h) { return gate_in_h >= from_h && gate_in_h < to_h; };
  StageSums west, east, sea;
  for (const auto& c : journal.containers) {
    const DoorRecord& d = journal.rail_doors[static_cast<std::size_t>(c.id)];
    if (!d.modelled || !c.arrived_h || !measured(c.created_h))
      continue;
    (c.direction == Direction::Westbound ? west : east).add(d, c.transit_h());
  }
  for (std::size_t i = 0; i < journal.sea.size() && i < journal.sea_doors.size(); ++i) {
    const auto& r = journal.sea[i];
    // Measured by the rail twin's gate-in, as SeaMetrics: timed pre-carriage moves the sea
    // twin's gate-in, not which containers are measured.
    const double offered_h = journal.containers.at(static_cast<std::size_t>(r.container)).created_h;
    if (journal.sea_doors[i].modelled && r.arrived_h && measured(offered_h))
      sea.add(journal.sea_doors[i], r.transit_h());
  }
  DoorMetrics m;
  m.rail_westbound = west.metrics();
  m.rail_eastbound = east.metrics();
  if (scenario.sea)
    m.sea = sea.metrics();
  return m;
}

} // namespace rongou
