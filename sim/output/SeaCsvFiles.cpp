#include "output/SeaCsvFiles.hpp"

#include "output/CsvWriter.hpp"
#include "output/DoorColumns.hpp"

namespace rongou {

namespace {
const std::string& loop_label(const LoopLabels& loops, const SailingRecord& s) {
  return loops.at(static_cast<std::size_t>(s.lane)).at(static_cast<std::size_t>(s.loop));
}
} // namespace

void write_sea_csv(const std::filesystem::path& file, const Journal& journal, const std::vector<std::string>* lanes,
                   const LoopLabels* loops) {
  // One row per westbound container: a format string per row would cost a quarter of a
  // baseline run's instructions (docs/performance.md).
  CsvWriter out(file);
  out.raw("container,gate_in_h,port_arrival_h,sailing,rolled,sailed_h,port_arrival_eu_h,arrived_h,transit_days,"
          "inland_h,port_wait_h,ocean_h,ocean_delay_h,port_dwell_h,last_leg_h");
  const bool doors = !journal.sea_doors.empty();
  if (doors)
    door_header(out, false);
  out.raw(lanes ? ",lane" : "");
  out.raw(loops ? ",loop,precarriage_shift_h" : "");
  // Hub columns only when some loop discharges at a hub (Journal::sea_hub is filled then).
  const bool hub = !journal.sea_hub.empty();
  out.raw(hub ? ",hub_arrival_h,hub_wait_h,feeder_sailing,feeder_departure_h,feeder_h\n" : "\n");
  for (std::size_t i = 0; i < journal.sea.size(); ++i) {
    const SeaRecord& r = journal.sea[i];
    const HubRecord* h = hub && i < journal.sea_hub.size() && journal.sea_hub[i].hub_arrival_h ? &journal.sea_hub[i]
                                                                                                : nullptr;
    out.integer(r.container).hours(r.gate_in_h).hours(r.port_arrival_h);
    if (r.sailing >= 0)
      out.integer(r.sailing);
    else
      out.empty();
    out.integer(r.rolled).hours(r.sailed_h).hours(r.port_arrival_eu_h).hours(r.arrived_h);
    if (r.arrived_h)
      out.fixed(r.transit_h() / 24.0, 4);
    else
      out.empty();
    out.hours(r.inland_h);
    if (r.sailed_h)
      out.hours(*r.sailed_h - r.port_arrival_h);
    else
      out.empty();
    // Via a hub, ocean_h ends when the mother vessel berths at the hub.
    if (h != nullptr && r.sailed_h)
      out.hours(*h->hub_arrival_h - *r.sailed_h);
    else if (r.sailed_h && r.port_arrival_eu_h)
      out.hours(*r.port_arrival_eu_h - *r.sailed_h);
    else
      out.empty();
    out.hours(r.ocean_delay_h).hours(r.port_dwell_h).hours(r.last_leg_h);
    if (doors)
      door_fields(out, journal.sea_doors[i], r.gate_in_h, r.arrived_h, false);
    if (lanes)
      out.text(lanes->at(static_cast<std::size_t>(r.lane)));
    if (loops) {
      if (r.sailing >= 0)
        out.text(loop_label(*loops, journal.sailings[static_cast<std::size_t>(r.sailing)]));
      else
        out.empty();
      out.hours(r.gate_in_h - journal.containers.at(static_cast<std::size_t>(r.container)).created_h);
    }
    if (hub) {
      if (h != nullptr) {
        out.hours(h->hub_arrival_h);
        if (h->feeder_departure_h)
          out.hours(h->hub_wait_h()).integer(h->feeder_sailing).hours(h->feeder_departure_h);
        else
          out.empty().empty().empty();
        if (h->feeder_departure_h && r.port_arrival_eu_h)
          out.hours(*r.port_arrival_eu_h - *h->feeder_departure_h);
        else
          out.empty();
      } else {
        out.empty().empty().empty().empty().empty();
      }
    }
    out.end_row();
  }
  out.close();
}

namespace {
// The columns a loop's sailing and a feeder's share, from the index to the arrival.
void sailing_fields(CsvWriter& out, std::size_t index, const SailingRecord& s) {
  out.integer(static_cast<long long>(index)).hours(s.cutoff_h).hours(s.departure_h).integer(s.feu);
  out.integer(s.capacity_feu).integer(s.rolled_feu).hours(s.scheduled_transit_h).hours(s.delay_h);
  out.hours(s.arrival_h);
}
} // namespace

void write_sailings_csv(const std::filesystem::path& file, const Journal& journal, const std::vector<std::string>* lanes,
                        const LoopLabels* loops) {
  CsvWriter out(file);
  out.raw("sailing,cutoff_h,departure_h,feu,capacity_feu,rolled_feu,scheduled_transit_h,delay_h,arrival_h");
  out.raw(lanes ? ",lane,lane_sailing" : "");
  out.raw(loops ? ",loop,blanked,rolled_share_drawn\n" : "\n");
  for (std::size_t i = 0; i < journal.sailings.size(); ++i) {
    const auto& s = journal.sailings[i];
    sailing_fields(out, i, s);
    if (lanes)
      out.text(lanes->at(static_cast<std::size_t>(s.lane))).integer(s.index);
    if (loops)
      out.text(loop_label(*loops, s)).integer(s.blanked ? 1 : 0).fixed(s.rolled_share_drawn, 4);
    out.end_row();
  }
  out.close();
}

void write_feeder_sailings_csv(const std::filesystem::path& file, const Journal& journal,
                               const std::vector<std::string>* lanes) {
  CsvWriter out(file);
  out.raw("feeder_sailing,cutoff_h,departure_h,feu,capacity_feu,left_feu,scheduled_transit_h,delay_h,arrival_h");
  out.raw(lanes ? ",lane\n" : "\n");
  for (std::size_t i = 0; i < journal.feeder_sailings.size(); ++i) {
    const auto& s = journal.feeder_sailings[i];
    sailing_fields(out, i, s);
    if (lanes)
      out.text(lanes->at(static_cast<std::size_t>(s.lane)));
    out.end_row();
  }
  out.close();
}

} // namespace rongou
