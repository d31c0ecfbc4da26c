#include "output/NetworkCsvFiles.hpp"

#include "output/CsvWriter.hpp"

namespace rongou {

void write_crossings_csv(const std::filesystem::path& file, const RunResults& results) {
  CsvWriter out(file);
  out.raw("day,node,kind,units,trains_started,teu,utilisation,mean_wait_hours,max_queue_trains\n");
  for (const auto& m : results.servers) {
    for (const auto& d : m.daily) {
      out.integer(d.day).text(m.node).text(to_string(m.kind)).integer(m.units).integer(d.trains_started);
      out.fixed(d.teu, 1).fixed(d.utilisation, 4).hours(d.mean_wait_hours).integer(d.max_queue_trains);
      out.end_row();
    }
  }
  out.close();
}

void write_lanes_csv(const std::filesystem::path& file, const RunResults& results) {
  CsvWriter out(file);
  out.raw("lane,background,focus,direction,trains_dispatched,trains_arrived,trains_per_week,containers_offered,"
          "containers_delivered,transit_mean_days,transit_p95_days,wait_departure_h,wait_gauge_change_h,"
          "wait_locomotive_h,wait_border_h,running_delay_h,wait_disruption_h,wait_track_h,sea_transit_mean_days,"
          "rail_total_usd_per_feu,sea_total_usd_per_feu,cheaper_mode,breakeven_cargo_value_usd\n");
  for (std::size_t i = 0; i < results.rail.lanes.size(); ++i) {
    const LaneMetrics& lane = results.rail.lanes[i];
    const LaneModes none;
    const LaneModes& modes = i < results.lanes.size() ? results.lanes[i] : none;
    for (Direction direction : kDirections) {
      const auto it = lane.by_direction.find(direction);
      if (it == lane.by_direction.end())
        continue;
      const DirectionMetrics& d = it->second;
      out.text(lane.name).integer(lane.background ? 1 : 0).integer(lane.focus ? 1 : 0).text(to_string(direction));
      out.integer(d.trains.dispatched).integer(d.trains.arrived).fixed(d.trains.per_week, 2);
      if (lane.background) { // no tracked containers: no container figures
        for (int i = 0; i < 11; ++i)
          out.empty();
      } else {
        out.integer(d.containers_offered).integer(d.containers_delivered);
        out.fixed(d.transit_days.mean, 3).fixed(d.transit_days.p95, 3);
        out.hours(d.mean_waits.departure).hours(d.mean_waits.gauge_change).hours(d.mean_waits.locomotive);
        out.hours(d.mean_waits.border).hours(d.mean_waits.running_delay).hours(d.mean_waits.disruption);
        out.hours(d.mean_waits.track);
      }
      // The sea alternative and costs are of westbound containers: eastbound rows leave them empty.
      const bool west = direction == Direction::Westbound;
      const auto& c = modes.costs;
      const bool sea_cost = west && c && c->sea;
      if (west && modes.sea)
        out.fixed(modes.sea->transit_days.mean, 3);
      else
        out.empty();
      if (west && c)
        out.fixed(c->rail.total(), 2);
      else
        out.empty();
      if (sea_cost)
        out.fixed(c->sea->total(), 2).text(c->cheaper_mode());
      else
        out.empty().empty();
      if (sea_cost && c->breakeven_cargo_value_usd)
        out.fixed(*c->breakeven_cargo_value_usd, 2);
      else
        out.empty();
      out.end_row();
    }
  }
  out.close();
}

} // namespace rongou
