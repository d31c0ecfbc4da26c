#pragma once
// What a shipper booking a rail slot sees: the coming departures of the lane's services of
// its direction with their slots, the boxes already booked and not yet boarded, and so the
// departure its own box gets, first come first served. Pure (no engine), tested on its own.
// Formula: docs/choice.md#booking-a-slot.
#include <optional>
#include <vector>

#include "scenario/Scenario.hpp"
#include "scenario/ChoiceSpec.hpp"

namespace rongou {

struct RailDeparture {
  double at_h = 0.0; // planned departure, hours since the start of the run
  int slots = 0;     // FEU the train is formed with
};

// The planned departures of `lane`'s tracked services of `direction` (on `route` of
// ChoiceSpec::routes only, when given), in time order, from the start of the run to
// `until_days` (beyond the horizon, so a box booked late still finds a train).
std::vector<RailDeparture> planned_departures(const Scenario& scenario, int lane, Direction direction,
                                              double until_days, std::optional<std::size_t> route = std::nullopt);

// The departure a box ready at `ready_h` (gate-in plus the booking cut-off) is booked on, when
// `ahead` boxes booked before it are still waiting at `from_h`: the boxes ahead fill the
// departures from `from_h` on in order, and the box gets the first departure at or after
// `ready_h` by which the slots counted from `from_h` exceed `ahead`. None if the timetable
// has no such departure.
std::optional<double> booked_departure_h(const std::vector<RailDeparture>& departures, double from_h,
                                         double ready_h, int ahead);

// Rail's expectation for a box booked to leave `booked_wait_days` after its gate-in: the days
// the window's deliveries took from their departure on (mean and p95), plus the booked wait.
// The spread (p95 - mean) is what happens after departure; the wait is known when booking.
ExpectedDays booked_expectation(const ExpectedDays& from_departure, double booked_wait_days);

} // namespace rongou
