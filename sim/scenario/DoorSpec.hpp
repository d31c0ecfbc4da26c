#pragma once
// Both ends of both modes (`doors:`): the stages between the shipper's door and the origin
// terminal, and between the destination terminal and the consignee's door, defined once and
// applied alike to the rail and the sea journey of the focus lane's containers, so that the
// two modes are measured between the same two doors. docs/model.md, docs/scenarios.md.
#include "base/Distribution.hpp"

namespace rongou {

enum class LastMileMode { Road, Rail };
const char* to_string(LastMileMode mode);

// Destination terminal -> consignee: a first-come-first-served queue of containers for
// `trucks` vehicles, each busy for the round trip (twice the drive).
struct LastMileSpec {
  LastMileMode mode = LastMileMode::Road;
  int trucks = 1;
  Distribution drive_hours; // one way, terminal -> door, per container
};

struct DoorSpec {
  // Origin: the shipper's door to the origin terminal's gate.
  Distribution loading_hours;          // loading at the door and haulage to the terminal
  Distribution export_clearance_hours; // export declaration and release
  // A container must be at the rail terminal this long before its train leaves to board it
  // (the sea's own cut-off is sea.cutoff_hours_before_sailing).
  double cutoff_hours = 0.0;
  // Destination: the terminal (rail terminal, or the inland terminal the sea's last leg ends
  // at) to the consignee's door.
  Distribution unloading_hours;        // off the train or the last-leg vehicle
  Distribution import_clearance_hours; // T1 transit from the EU entry closed, clearance inland
  LastMileSpec last_mile;
};

} // namespace rongou
