#pragma once
// The feeder from a hub to the European port (docs/sea.md#hub-and-feeder): a dispatcher actor
// like a loop's, sleeping to each feeder cut-off and sailing. Boxes reach the hub when their
// mother vessel berths there (arrive()); at a cut-off the feeder takes those at the hub before
// it, first come first served, up to its slots for this flow, and leaves the rest for its next
// sailing. The wait at the hub therefore comes from the feeder's timetable and capacity. Each
// loaded sailing is followed by a voyage actor that berths at the European port after the
// scheduled transit plus the sailing's delay (one draw per sailing from "sea-feeder/<hub>").
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "journal/Journal.hpp"
#include "scenario/SeaSpec.hpp"

namespace rongou {

class FeederService {
public:
  // `transit_h` is the scheduled hub -> European port transit; `on_berth(record, berth_h)`
  // finishes a box's chain at the European port. `expected` boxes are booked via this hub:
  // the feeder sails through the horizon and on until all of them have left the hub.
  FeederService(const SeaLoop& feeder, std::string hub, double transit_h, int lane, std::uint64_t seed,
                double horizon_h, std::size_t expected, Journal& journal,
                std::function<void(std::size_t, double)> on_berth);

  // The boxes booked via this hub, known once the booking is done.
  void expect(std::size_t boxes) { expected_ = boxes; }
  // Record `record` of journal.sea is discharged at the hub now (its mother vessel berthed).
  void arrive(std::size_t record, double now_h);
  // The dispatcher's body (the caller spawns it as an actor at the hub).
  void dispatch();
  // When a box ready at the hub at `ready_h` reaches the European port by schedule: the next
  // feeder whose cut-off is after it, plus the scheduled transit (the booking's estimate).
  double scheduled_arrival_h(double ready_h) const;

  const std::string& hub() const { return hub_; }
  double transit_h() const { return transit_h_; }

private:
  void voyage(std::size_t sailing, std::vector<std::size_t> records);

  SeaLoop feeder_;
  std::string hub_;
  double transit_h_ = 0.0;
  int lane_ = 0;
  std::uint64_t seed_ = 0;
  double horizon_h_ = 0.0;
  std::size_t expected_ = 0;
  std::size_t boarded_ = 0;
  Journal& journal_;
  std::function<void(std::size_t, double)> on_berth_;
  // (hub arrival, journal.sea index) of the boxes at the hub, in order of arrival; `next_` is
  // the first not yet boarded.
  std::vector<std::pair<double, std::size_t>> waiting_;
  std::size_t next_ = 0;
};

} // namespace rongou
