#pragma once
// Both ends of a container's journey (`doors:`): the stages outside the two terminals, one
// record per container and mode. Kept beside the container and sea records, not in them: a
// run without `doors:` holds none.
namespace rongou {

// Hours, per stage. loading, export_clearance, unloading (without the wait for a closed
// terminal), import_clearance and last_mile are the container's own draws, equal for its rail
// and sea twin; terminal_closed and last_mile_wait come out of the mode's arrivals.
struct DoorRecord {
  bool modelled = false;         // the container is the focus lane's and has arrived
  double loading_h = 0.0;        // at the shipper's door, and haulage to the origin terminal
  double export_clearance_h = 0.0;
  double terminal_closed_h = 0.0; // arrived while a closure held the destination terminal
  double unloading_h = 0.0;
  double import_clearance_h = 0.0;
  double last_mile_wait_h = 0.0; // for a truck (first come, first served)
  double last_mile_h = 0.0;      // drive to the consignee's door
  int trains_missed_at_cutoff = 0; // rail: trains with room it was at the terminal for, inside their cut-off
  double origin_h() const { return loading_h + export_clearance_h; }
  // From arrival at the destination terminal to the consignee's door.
  double destination_h() const {
    return terminal_closed_h + unloading_h + import_clearance_h + last_mile_wait_h + last_mile_h;
  }
  double total_h() const { return origin_h() + destination_h(); }
};

} // namespace rongou
