#pragma once
// The sea route of a scenario (`sea:`): how a westbound container goes Chengdu -> Shanghai ->
// a European port -> Lodz instead of by rail. Units are in the field names; the chain is
// described in docs/sea.md.
#include <optional>
#include <string>
#include <vector>

#include "base/Distribution.hpp"

namespace rongou {

enum class InlandMode { Rail, Barge };      // Chengdu -> Shanghai
enum class LastLegMode { Rail, Road };      // European port -> Lodz
const char* to_string(InlandMode mode);
const char* to_string(LastLegMode mode);

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
};

} // namespace rongou
