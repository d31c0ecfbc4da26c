#pragma once
// What the shippers of a lane with `choice:` decided, kept beside the container records
// (whose size is bound) and indexed like them by container id. Compact: one per container.
#include <cstdint>

namespace rongou {

enum class ChosenMode : std::uint8_t { Rail = 0, Sea = 1, Undecided = 2 };

struct ChoiceRecord {
  std::uint8_t commodity = kNoClass; // ChoiceSpec::classes index; kNoClass: not a choosing box
  ChosenMode mode = ChosenMode::Rail;  // where it went in the end (rail for boxes that do not choose)
  bool rechosen : 1 = false;           // left behind by full trains, it went by sea instead
  bool boarded : 1 = false;            // a rail box taken by a train (so it can no longer re-choose)
  std::uint8_t route : 6 = 0;          // ChoiceSpec::routes index of a rail box (0 without routes)
  std::uint8_t left_behind = 0;        // trains that left full while it waited for one (saturates)
  float generalised_usd = 0.0F;        // of the mode it took, as judged when choosing
  float cost_usd = 0.0F;               // money cost of that mode before subsidy (freight, handling, haulage, gauge change, CO2)
  float subsidy_usd = 0.0F;            // paid to its shipper, when it went by rail
  static constexpr std::uint8_t kNoClass = 0xFF;
  bool chooses() const { return commodity != kNoClass; }
};
static_assert(sizeof(ChoiceRecord) <= 16, "one per container");

// The expectations the shippers of the lane used on one day: mean and p95 door-to-door days
// of the deliveries of each mode in the window, or the initial ones while too few.
struct ChoiceDay {
  int day = 0;
  double rail_mean_days = 0.0;
  double rail_p95_days = 0.0;
  double sea_mean_days = 0.0;
  double sea_p95_days = 0.0;
  int rail_deliveries = 0; // in the window
  int sea_deliveries = 0;
};

} // namespace rongou
