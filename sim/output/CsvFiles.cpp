#include "output/CsvFiles.hpp"

#include <fmt/format.h>
#include <fmt/os.h>
#include <optional>

namespace rongou {

namespace {

std::string hours(double h) { return fmt::format("{:.3f}", h); }
std::string hours(const std::optional<double>& h) { return h ? hours(*h) : std::string(); }

} // namespace

void write_containers_csv(const std::filesystem::path& file, const Journal& journal) {
  auto out = fmt::output_file(file.string());
  out.print("container,direction,train,gate_in_h,departed_h,arrived_h,transit_days,wait_departure_h,"
            "wait_gauge_change_h,wait_locomotive_h,wait_border_h,running_delay_h,running_nominal_h,wait_disruption_h\n");
  for (const auto& c : journal.containers) {
    const std::string train =
        c.train >= 0 ? journal.trains[static_cast<std::size_t>(c.train)].id : std::string();
    out.print("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", c.id, to_string(c.direction), train, hours(c.created_h),
              hours(c.departed_h), hours(c.arrived_h), c.arrived_h ? fmt::format("{:.4f}", c.transit_h() / 24.0) : "",
              hours(c.waits.departure), hours(c.waits.gauge_change), hours(c.waits.locomotive),
              hours(c.waits.border), hours(c.waits.running_delay), hours(c.nominal_running_h),
              hours(c.waits.disruption));
  }
}

void write_trains_csv(const std::filesystem::path& file, const Journal& journal) {
  auto out = fmt::output_file(file.string());
  out.print("train,service,direction,split_from,origin,destination,feu,planned_departure_h,departed_h,arrived_h,"
            "transit_days,late_departure_h,wait_locomotive_h,gauge_change_queue_h,gauge_change_total_h,border_h,"
            "running_delay_h,running_nominal_h,wait_disruption_h\n");
  for (const auto& t : journal.trains) {
    const std::string parent = t.parent >= 0 ? journal.trains[static_cast<std::size_t>(t.parent)].id : "";
    const std::string transit =
        (t.arrived_h && t.departed_h) ? fmt::format("{:.4f}", (*t.arrived_h - *t.departed_h) / 24.0) : "";
    const std::string late = t.departed_h ? hours(*t.departed_h - t.planned_departure_h) : "";
    out.print("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", t.id, t.service, to_string(t.direction),
              parent, t.origin, t.destination, t.feu, hours(t.planned_departure_h), hours(t.departed_h),
              hours(t.arrived_h), transit, late, hours(t.waits.locomotive), hours(t.gauge_change_queue_h),
              hours(t.waits.gauge_change), hours(t.waits.border), hours(t.waits.running_delay),
              hours(t.nominal_running_h), hours(t.waits.disruption));
  }
}

void write_events_csv(const std::filesystem::path& file, const Journal& journal) {
  auto out = fmt::output_file(file.string());
  out.print("train,time_h,node,event\n");
  for (const auto& e : journal.events)
    out.print("{},{},{},{}\n", journal.trains[static_cast<std::size_t>(e.train)].id, hours(e.time_h), e.node,
              to_string(e.kind));
}

void write_weekly_csv(const std::filesystem::path& file, const RailMetrics& metrics) {
  auto out = fmt::output_file(file.string());
  out.print("week,direction,trains_dispatched,feu_dispatched,trains_arrived,feu_arrived,empty_feu_dispatched,"
            "empty_feu_backlog\n");
  for (const auto& w : metrics.weekly)
    out.print("{},{},{},{},{},{},{},{}\n", w.week, to_string(w.direction), w.trains_dispatched, w.feu_dispatched,
              w.trains_arrived, w.feu_arrived, w.empty_feu_dispatched, w.empty_feu_backlog);
}

void write_disruptions_csv(const std::filesystem::path& file, const Scenario& scenario, const Journal& journal) {
  auto out = fmt::output_file(file.string());
  out.print("disruption,kind,where,from_day,to_day,train,met_h,feu,wait_h\n");
  for (const auto& hit : journal.disruption_hits) {
    const auto& d = scenario.disruptions.at(static_cast<std::size_t>(hit.disruption));
    out.print("{},{},{},{},{},{},{},{},{}\n", hit.disruption, to_string(d.kind), d.where(), d.from_day, d.to_day,
              journal.trains[static_cast<std::size_t>(hit.train)].id, hours(hit.time_h), hit.feu, hours(hit.wait_h));
  }
}

void write_pools_csv(const std::filesystem::path& file, const Journal& journal) {
  auto out = fmt::output_file(file.string());
  out.print("time_h,pool,size,available,hauling,returning\n");
  for (const auto& p : journal.pool_samples) {
    const auto i = static_cast<std::size_t>(p.pool);
    out.print("{},{},{},{},{},{}\n", hours(p.time_h), journal.pool_names[i], journal.pool_sizes[i], p.available,
              p.hauling, p.returning);
  }
}

void write_yards_csv(const std::filesystem::path& file, const Journal& journal) {
  auto out = fmt::output_file(file.string());
  out.print("time_h,yard,trains_queued,trains_on_tracks\n");
  for (const auto& y : journal.yard_samples)
    out.print("{},{},{},{}\n", hours(y.time_h), y.yard, y.trains_queued, y.trains_on_tracks);
}

void write_routes_csv(const std::filesystem::path& file, const Journal& journal) {
  auto out = fmt::output_file(file.string());
  out.print("service,direction,stop,node,km,country,border,gauge_change\n");
  for (const auto& r : journal.route_nodes)
    out.print("{},{},{},{},{:.1f},{},{},{}\n", r.service, to_string(r.direction), r.stop, r.node, r.km, r.country,
              r.border ? 1 : 0, r.gauge_change ? 1 : 0);
}

} // namespace rongou
