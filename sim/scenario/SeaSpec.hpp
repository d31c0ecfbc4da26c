#pragma once
// The sea route of a scenario (`sea:`): how a westbound container goes Chengdu -> Shanghai ->
// a European port -> Lodz instead of by rail. Units are in the field names; the chain is
// described in docs/sea.md.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/Distribution.hpp"

namespace rongou {

enum class InlandMode { Rail, Barge };      // Chengdu -> Shanghai
enum class LastLegMode { Rail, Road };      // European port -> Lodz
const char* to_string(InlandMode mode);
const char* to_string(LastLegMode mode);

// When the shipper sends the sea twin to the port (docs/sea.md#pre-carriage).
enum class Precarriage { AsReady, Timed };
// Which sailing a container is booked on, among those of every loop it can make.
enum class SailingChoice { EarliestArrival, FirstSailing };
const char* to_string(Precarriage rule);
const char* to_string(SailingChoice rule);

// Days of the run in which a loop's sailings are blanked with another probability (Chinese
// New Year): from_day inclusive, to_day exclusive, by departure time.
struct BlankSailingSeason {
  double from_day = 0.0;
  double to_day = 0.0;
  double probability = 0.0;
};

// One weekly service (loop) from the origin port to the European port.
struct SeaLoop {
  // Names its random streams and actors; empty for the single loop of the section's own keys,
  // whose streams and actors keep the names they had before loops existed.
  std::string name;
  std::vector<int> sailing_weekdays;         // 0 = Monday; day 0 of a run is a Monday
  double sailing_hour = 12.0;                // time of day the vessel leaves, hours
  double cutoff_hours_before_sailing = 48.0; // a container must be at the port by then
  int vessel_capacity_feu = 1000;            // slots for this cargo flow on each sailing
  std::optional<double> ocean_transit_days;  // scheduled; unset: platform distance / speed
  Distribution ocean_delay_days = Distribution::fixed(0.0); // schedule unreliability, per sailing
  double blank_sailing_probability = 0.0;                   // per sailing, outside the seasons
  std::vector<BlankSailingSeason> blank_sailing_seasons;    // first matching season wins
  // Share of the containers at the port by the cut-off that the carrier rolls anyway
  // (overbooking), one draw per sailing, clamped to [0, 1].
  Distribution rolled_share = Distribution::fixed(0.0);
  // A platform port node the mother vessel discharges at instead of the European port; the
  // section's `feeder` takes the boxes on from there (docs/sea.md#hub-and-feeder). Empty: the
  // loop calls at the European port itself. With a hub, ocean_transit_days (or the platform
  // distance) is the transit origin port -> hub.
  std::string hub;

  // In outputs: the name, or "single" for the section's single loop.
  std::string label() const { return name.empty() ? "single" : name; }

  double blank_probability_at(double departure_h) const {
    for (const auto& s : blank_sailing_seasons)
      if (departure_h >= s.from_day * 24.0 && departure_h < s.to_day * 24.0)
        return s.probability;
    return blank_sailing_probability;
  }
};

struct SeaSpec {
  // Platform nodes. The origin and destination are the first and last nodes of the lane's
  // westbound services (the loader sets them) so that both modes carry the same containers
  // between the same two terminals.
  std::string origin = "Chengdu";
  std::string barge_port = "Chongqing"; // where rail meets the Yangtze barge
  std::string origin_port = "Shanghai";  // scenario: any platform port node
  std::string european_port = "Gdansk"; // scenario: gdansk | hamburg | rotterdam, or a port node
  std::string destination = "Lodz";

  InlandMode inland_mode = InlandMode::Rail;
  // Time beyond the nominal running time of the inland leg: terminal waits, transshipment
  // onto the barge, slow running.
  Distribution inland_delay_days = Distribution::fixed(0.0);

  std::vector<int> sailing_weekdays;      // 0 = Monday; day 0 of a run is a Monday
  double sailing_hour = 12.0;             // time of day the vessel leaves, hours
  double cutoff_hours_before_sailing = 48.0; // a container must be at the port by then
  int vessel_capacity_feu = 1000;         // slots for this cargo flow on each sailing
  std::optional<double> ocean_transit_days; // scheduled; unset: platform distance / speed
  Distribution ocean_delay_days = Distribution::fixed(0.0); // schedule unreliability, per sailing
  Distribution port_dwell_days = Distribution::fixed(0.0);  // European port: discharge, customs, release

  LastLegMode last_leg_mode = LastLegMode::Rail;
  Distribution last_leg_delay_days = Distribution::fixed(0.0); // beyond the nominal running time

  // `feeder:`: the service from a loop's hub to the European port, a timetable read into a
  // SeaLoop named "feeder" (sailings, hour, cut-off at the hub, slots for this flow per
  // sailing, transit or the platform's hub -> port distance, delay per sailing). Set only
  // when some loop names a hub (the reader refuses either without the other).
  std::optional<SeaLoop> feeder;

  // `loops:`; empty when the section describes its single loop with the keys above (the
  // reader refuses a section that mixes the two).
  std::vector<SeaLoop> loops;
  Precarriage precarriage = Precarriage::AsReady;
  SailingChoice sailing_choice = SailingChoice::EarliestArrival;
  double precarriage_margin_hours = 12.0; // timed: the box reaches the port this long before the cut-off

  // The loops containers choose among: `loops`, or the single loop of the keys above.
  std::vector<SeaLoop> effective_loops() const {
    if (!loops.empty())
      return loops;
    SeaLoop single;
    single.sailing_weekdays = sailing_weekdays;
    single.sailing_hour = sailing_hour;
    single.cutoff_hours_before_sailing = cutoff_hours_before_sailing;
    single.vessel_capacity_feu = vessel_capacity_feu;
    single.ocean_transit_days = ocean_transit_days;
    single.ocean_delay_days = ocean_delay_days;
    return {single};
  }
  // `eastbound:`: the chain the other way, European terminal -> `european_port` -> ocean ->
  // `origin_port` -> Chinese terminal, for the lane's eastbound containers (focus lane only).
  // Every key keeps its westbound geography: `inland_*` is the Chinese side (the on-carriage
  // eastbound), `last_leg_*` the European side (the pre-carriage), `port_dwell_days` is spent at
  // the port of discharge, the timetable is that of sailings from the European port. Unset:
  // no eastbound sea chain (docs/sea.md#eastbound).
  std::shared_ptr<SeaSpec> eastbound;

  // Loop columns and keys are written only for scenarios that use loops or timed
  // pre-carriage, so the outputs of a single-loop scenario stay as they were.
  bool reports_loops() const { return !loops.empty() || precarriage != Precarriage::AsReady; }
  // Hub columns and keys are written only for scenarios with a feeder, for the same reason.
  bool uses_hub() const { return feeder.has_value(); }
};

} // namespace rongou
