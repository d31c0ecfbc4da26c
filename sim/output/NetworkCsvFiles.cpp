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
          "wait_locomotive_h,wait_border_h,running_delay_h,wait_disruption_h\n");
  for (const auto& lane : results.rail.lanes) {
    for (Direction direction : kDirections) {
      const auto it = lane.by_direction.find(direction);
      if (it == lane.by_direction.end())
        continue;
      const DirectionMetrics& d = it->second;
      out.text(lane.name).integer(lane.background ? 1 : 0).integer(lane.focus ? 1 : 0).text(to_string(direction));
      out.integer(d.trains.dispatched).integer(d.trains.arrived).fixed(d.trains.per_week, 2);
      if (lane.background) { // no tracked containers: no container figures
        for (int i = 0; i < 10; ++i)
          out.empty();
      } else {
        out.integer(d.containers_offered).integer(d.containers_delivered);
        out.fixed(d.transit_days.mean, 3).fixed(d.transit_days.p95, 3);
        out.hours(d.mean_waits.departure).hours(d.mean_waits.gauge_change).hours(d.mean_waits.locomotive);
        out.hours(d.mean_waits.border).hours(d.mean_waits.running_delay).hours(d.mean_waits.disruption);
      }
      out.end_row();
    }
  }
  out.close();
}

} // namespace rongou
