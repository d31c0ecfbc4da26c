#include "output/CsvFiles.hpp"

#include "output/CsvWriter.hpp"
#include "output/DoorColumns.hpp"

namespace rongou {

void write_containers_csv(const std::filesystem::path& file, const Journal& journal, std::optional<int> only_lane,
                          const std::vector<std::string>* lanes) {
  CsvWriter out(file);
  const bool boxes = !journal.box_terminals.empty();
  out.raw("container,direction,train,gate_in_h,departed_h,arrived_h,transit_days,wait_departure_h,"
          "wait_gauge_change_h,wait_locomotive_h,wait_border_h,running_delay_h,running_nominal_h,wait_disruption_h,wait_track_h");
  if (boxes)
    out.raw(",wait_box_h");
  const bool crews = !journal.crews.names.empty();
  if (crews)
    out.raw(",wait_crew_h");
  const bool wagons = !journal.wagon_fleets.empty();
  if (wagons)
    out.raw(",wait_wagon_h");
  if (journal.incidents)
    out.raw(",wait_incident_h");
  if (journal.inspections)
    out.raw(",wait_inspection_h");
  if (journal.ferries)
    out.raw(",wait_ferry_h");
  const bool doors = !journal.rail_doors.empty();
  if (doors)
    door_header(out, true);
  out.raw(lanes ? ",lane\n" : "\n");
  for (const auto& c : journal.containers) {
    if ((only_lane && c.lane != *only_lane) || !journal.rides_rail(c))
      continue;
    out.integer(c.id).text(to_string(c.direction));
    if (c.train >= 0)
      out.text(journal.trains[static_cast<std::size_t>(c.train)].id);
    else
      out.empty();
    out.hours(c.created_h).hours(c.departed_h).hours(c.arrived_h);
    if (c.arrived_h)
      out.fixed(c.transit_h() / 24.0, 4);
    else
      out.empty();
    out.hours(c.waits.departure).hours(c.waits.gauge_change).hours(c.waits.locomotive).hours(c.waits.border);
    out.hours(c.waits.running_delay).hours(c.nominal_running_h).hours(c.waits.disruption).hours(c.waits.track);
    if (boxes)
      out.hours(c.waits.box);
    if (crews)
      out.hours(c.waits.crew);
    if (wagons)
      out.hours(c.waits.wagon);
    if (journal.incidents)
      out.hours(c.waits.incident);
    if (journal.inspections)
      out.hours(c.waits.inspection);
    if (journal.ferries)
      out.hours(c.waits.ferry);
    if (doors)
      door_fields(out, journal.rail_doors[static_cast<std::size_t>(c.id)], c.created_h, c.arrived_h, true);
    if (lanes)
      out.text(lanes->at(static_cast<std::size_t>(c.lane)));
    out.end_row();
  }
  out.close();
}

void write_trains_csv(const std::filesystem::path& file, const Journal& journal, std::optional<int> only_lane,
                      const std::vector<std::string>* lanes) {
  CsvWriter out(file);
  out.raw("train,service,direction,split_from,origin,destination,feu,planned_departure_h,departed_h,arrived_h,"
          "transit_days,late_departure_h,wait_locomotive_h,gauge_change_queue_h,gauge_change_total_h,border_h,"
          "running_delay_h,running_nominal_h,wait_disruption_h,wait_track_h");
  const bool boxes = !journal.box_terminals.empty();
  if (boxes)
    out.raw(",empty_feu");
  if (journal.departure_rules)
    out.raw(",held_at_origin_h");
  const bool crews = !journal.crews.names.empty();
  if (crews)
    out.raw(",wait_crew_h");
  const bool wagons = !journal.wagon_fleets.empty();
  if (wagons)
    out.raw(",wait_wagon_h");
  if (journal.incidents)
    out.raw(",incidents,wait_incident_h");
  if (journal.ferries)
    out.raw(",wait_ferry_h");
  out.raw(lanes ? ",lane\n" : "\n");
  for (const auto& t : journal.trains) {
    if (only_lane && t.lane != *only_lane)
      continue;
    out.text(t.id).text(t.service).text(to_string(t.direction));
    out.text(t.parent >= 0 ? std::string_view(journal.trains[static_cast<std::size_t>(t.parent)].id) : "");
    out.text(t.origin).text(t.destination).integer(t.feu);
    out.hours(t.planned_departure_h).hours(t.departed_h).hours(t.arrived_h);
    if (t.arrived_h && t.departed_h)
      out.fixed((*t.arrived_h - *t.departed_h) / 24.0, 4);
    else
      out.empty();
    if (t.departed_h)
      out.hours(*t.departed_h - t.planned_departure_h);
    else
      out.empty();
    out.hours(t.waits.locomotive).hours(t.gauge_change_queue_h).hours(t.waits.gauge_change).hours(t.waits.border);
    out.hours(t.waits.running_delay).hours(t.nominal_running_h).hours(t.waits.disruption).hours(t.waits.track);
    if (boxes)
      out.integer(t.empty_feu);
    if (journal.departure_rules)
      out.hours(t.held_h);
    if (crews)
      out.hours(t.waits.crew);
    if (wagons)
      out.hours(t.waits.wagon);
    if (journal.incidents)
      out.integer(t.incidents).hours(t.waits.incident);
    if (journal.ferries)
      out.hours(t.waits.ferry);
    if (lanes)
      out.text(lanes->at(static_cast<std::size_t>(t.lane)));
    out.end_row();
  }
  out.close();
}

void write_events_csv(const std::filesystem::path& file, const Journal& journal, std::optional<int> only_lane) {
  CsvWriter out(file);
  out.raw("train,time_h,node,event\n");
  for (const auto& e : journal.events) {
    const TrainRecord& train = journal.trains[static_cast<std::size_t>(e.train)];
    if (only_lane && train.lane != *only_lane)
      continue;
    out.text(train.id).hours(e.time_h).text(e.node_name());
    out.text(to_string(e.kind));
    out.end_row();
  }
  out.close();
}

void write_weekly_csv(const std::filesystem::path& file, const RunResults& results) {
  CsvWriter out(file);
  // With a demand calendar: the containers offered each week and the calendar's index.
  const bool demand = results.rail.demand_calendar;
  out.raw(fmt::format("week,direction,trains_dispatched,feu_dispatched,trains_arrived,feu_arrived,empty_feu_dispatched,"
                      "empty_feu_backlog{}\n",
                      demand ? ",feu_offered,demand_index" : ""));
  for (const auto& w : results.rail.weekly) {
    out.integer(w.week).text(to_string(w.direction)).integer(w.trains_dispatched).integer(w.feu_dispatched);
    out.integer(w.trains_arrived).integer(w.feu_arrived).integer(w.empty_feu_dispatched).integer(w.empty_feu_backlog);
    if (demand)
      out.integer(w.feu_offered).text(fmt::format("{:.3f}", w.demand_index));
    out.end_row();
  }
  out.close();
}

void write_disruptions_csv(const std::filesystem::path& file, const Scenario& scenario, const Journal& journal) {
  CsvWriter out(file);
  // With a calendar: which calendar item made each window (empty for the scenario's own).
  const bool calendar = !scenario.calendar.closures.empty() || !scenario.calendar.weather.empty();
  out.raw(fmt::format("disruption,kind,where,from_day,to_day,train,met_h,feu,wait_h{}\n", calendar ? ",origin" : ""));
  for (const auto& hit : journal.disruption_hits) {
    const auto& d = scenario.disruptions.at(static_cast<std::size_t>(hit.disruption));
    out.integer(hit.disruption).text(to_string(d.kind)).text(d.where());
    out.text(fmt::format("{}", d.from_day)).text(fmt::format("{}", d.to_day));
    std::string who;
    if (hit.sailing >= 0) { // a sailing of a lane other than the focus lane is named with its lane
      const SailingRecord& sailing = journal.sailings.at(static_cast<std::size_t>(hit.sailing));
      const bool focus = sailing.lane == scenario.focus_lane;
      who = fmt::format("{}sailing-{:04d}",
                        focus ? std::string() : scenario.lanes.at(static_cast<std::size_t>(sailing.lane)).name + "-",
                        sailing.index);
    } else {
      who = journal.trains[static_cast<std::size_t>(hit.train)].id;
    }
    out.text(who).hours(hit.time_h).integer(hit.feu);
    out.hours(hit.wait_h);
    if (calendar)
      out.text(d.origin);
    out.end_row();
  }
  out.close();
}

void write_pools_csv(const std::filesystem::path& file, const PoolJournal& records, PoolFile kind) {
  CsvWriter out(file);
  const bool crews = kind == PoolFile::Crews;
  out.raw(crews ? "time_h,district,size,first_end,at_first_end,second_end,at_second_end,riding_back,on_trains\n"
                : "time_h,pool,size,first_end,at_first_end,second_end,at_second_end,running_light,hauling,withdrawn\n");
  for (const auto& p : records.samples) {
    const auto i = static_cast<std::size_t>(p.pool);
    out.hours(p.time_h).text(records.names[i]).integer(records.sizes[i]);
    out.text(records.ends[i].first).integer(p.at_end[0]).text(records.ends[i].second).integer(p.at_end[1]);
    out.integer(p.light).integer(p.hauling);
    if (!crews)
      out.integer(p.withdrawn);
    out.end_row();
  }
  out.close();
}

void write_light_runs_csv(const std::filesystem::path& file, const PoolJournal& records, PoolFile kind) {
  CsvWriter out(file);
  out.raw(kind == PoolFile::Crews ? "district,from,to,departed_h,arrived_h,km,for_train\n"
                                  : "pool,from,to,departed_h,arrived_h,km,for_train\n");
  for (const auto& run : records.light_runs) {
    out.text(records.names[static_cast<std::size_t>(run.pool)]);
    out.text(interned_node_name(run.from)).text(interned_node_name(run.to));
    out.hours(run.departed_h).hours(run.arrived_h).hours(run.km).integer(run.for_train ? 1 : 0);
    out.end_row();
  }
  out.close();
}

void write_wagons_csv(const std::filesystem::path& file, const Journal& journal) {
  CsvWriter out(file);
  out.raw("time_h,fleet,size,first_end,at_first_end,second_end,at_second_end,on_trains,in_empty_trains\n");
  for (const auto& s : journal.wagon_samples) {
    const auto& fleet = journal.wagon_fleets[static_cast<std::size_t>(s.fleet)];
    out.hours(s.time_h).text(fleet.name).integer(fleet.count);
    out.text(fleet.first_end).integer(s.at_end[0]).text(fleet.second_end).integer(s.at_end[1]);
    out.integer(s.on_trains).integer(s.in_empty_trains);
    out.end_row();
  }
  out.close();
}

void write_empty_wagon_trains_csv(const std::filesystem::path& file, const Journal& journal) {
  CsvWriter out(file);
  out.raw("fleet,from,to,departed_h,arrived_h,wagons,km,hours,for_train\n");
  for (const auto& t : journal.empty_wagon_trains) {
    out.text(journal.wagon_fleets[static_cast<std::size_t>(t.fleet)].name);
    out.text(interned_node_name(t.from)).text(interned_node_name(t.to));
    out.hours(t.departed_h).hours(t.arrived_h).integer(t.wagons).hours(t.km).hours(t.arrived_h - t.departed_h);
    out.integer(t.for_train ? 1 : 0);
    out.end_row();
  }
  out.close();
}

void write_yards_csv(const std::filesystem::path& file, const Journal& journal) {
  CsvWriter out(file);
  out.raw("time_h,yard,trains_queued,trains_on_tracks\n");
  for (const auto& y : journal.yard_samples) {
    out.hours(y.time_h).text(y.yard_name()).integer(y.trains_queued).integer(y.trains_on_tracks);
    out.end_row();
  }
  out.close();
}

void write_boxes_csv(const std::filesystem::path& file, const Journal& journal) {
  CsvWriter out(file);
  out.raw("time_h,terminal,empty,loaded_out,inbound_loaded,turning,inbound_empty,waiting,leased,off_hired,"
          "sent_empty\n");
  for (const auto& b : journal.box_samples) {
    out.hours(b.time_h).text(journal.box_terminals.at(static_cast<std::size_t>(b.terminal)).node).integer(b.empty);
    out.integer(b.loaded_out).integer(b.inbound_loaded).integer(b.turning).integer(b.inbound_empty);
    out.integer(b.waiting).integer(b.leased).integer(b.off_hired).integer(b.sent_empty);
    out.end_row();
  }
  out.close();
}

void write_routes_csv(const std::filesystem::path& file, const Journal& journal) {
  CsvWriter out(file);
  out.raw("service,direction,stop,node,km,country,border,gauge_change\n");
  for (const auto& r : journal.route_nodes) {
    out.text(r.service).text(to_string(r.direction)).integer(r.stop).text(r.node).fixed(r.km, 1).text(r.country);
    out.integer(r.border ? 1 : 0).integer(r.gauge_change ? 1 : 0);
    out.end_row();
  }
  out.close();
}

} // namespace rongou
