#pragma once
// The columns both ends add to containers.csv and sea.csv with `doors:` (docs/outputs.md):
// the same stages, in the same order, for either mode.
#include "journal/DoorRecords.hpp"
#include "journal/OptionalHours.hpp"
#include "output/CsvWriter.hpp"

namespace rongou {

// Header fields after a comma; `rail` adds the cut-off column.
inline void door_header(CsvWriter& out, bool rail) {
  out.raw(",door_ready_h,loading_h,export_clearance_h,terminal_closed_h,unloading_h,import_clearance_h,"
          "last_mile_wait_h,last_mile_h,delivered_h,door_to_door_days");
  if (rail)
    out.raw(",trains_missed_at_cutoff");
}

// A container's fields: empty where it is not modelled (another lane) or has not arrived.
inline void door_fields(CsvWriter& out, const DoorRecord& d, double gate_in_h, const OptionalHours& arrived_h,
                        bool rail) {
  if (d.modelled && arrived_h) {
    const double delivered_h = *arrived_h + d.destination_h();
    out.hours(gate_in_h - d.origin_h()).hours(d.loading_h).hours(d.export_clearance_h).hours(d.terminal_closed_h);
    out.hours(d.unloading_h).hours(d.import_clearance_h).hours(d.last_mile_wait_h).hours(d.last_mile_h);
    out.hours(delivered_h).fixed((delivered_h - gate_in_h + d.origin_h()) / 24.0, 4);
  } else {
    for (int i = 0; i < 10; ++i)
      out.empty();
  }
  if (rail)
    out.integer(d.trains_missed_at_cutoff);
}

} // namespace rongou
