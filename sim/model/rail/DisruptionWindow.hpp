#pragma once
// A capacity or locomotive disruption as a daemon actor: at the window's start it takes the
// tracks, cranes or locomotives out of service (queueing for them like trains, so work under
// way finishes first) and gives them back at the window's end.
namespace rongou {

class RailModel;

void run_disruption_window(RailModel& model, int index);

} // namespace rongou
