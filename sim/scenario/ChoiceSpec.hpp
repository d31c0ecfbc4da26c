#pragma once
// Shippers choose (`choice:`): the focus lane's westbound demand is the market on its
// origin-destination pair, shared by rail and sea. Each container belongs to a commodity
// class and picks one mode by a multinomial logit over generalised costs, with expectations
// of door-to-door time taken from the run's own recent deliveries. See docs/choice.md.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rongou {

struct CommodityClass {
  std::string name;
  double share = 0.0;             // of the lane's westbound containers, (0, 1]; all classes sum to 1
  double cargo_value_usd = 0.0;   // per FEU, > 0
  double tonnes_per_feu = 0.0;    // > 0, for tonne-km CO2
  double value_of_time_pct_per_day = 0.0; // % of the cargo value lost per day in transit
  double reliability_weight = 0.0; // weight on the days a p95 transit lies beyond the mean
  double subsidy_usd_per_feu = 0.0; // paid on top of the lane's subsidies when such a box goes by rail
  double value_of_time_fraction_per_day() const { return value_of_time_pct_per_day / 100.0; }
};

// What a mode's door-to-door days are expected to be before the window holds enough deliveries.
struct ExpectedDays {
  double mean_days = 0.0;
  double p95_days = 0.0;
};

enum class Counterfactual { None, NoSubsidy };

struct ChoiceSpec {
  std::vector<CommodityClass> classes;
  // Whether the focus lane's eastbound containers choose too (`choice.directions` names
  // eastbound; it needs `sea.eastbound`). Westbound always chooses.
  bool eastbound = false;
  // The eastbound market's classes (`choice.eastbound_classes`); empty: the westbound ones.
  std::vector<CommodityClass> eastbound_classes;
  const std::vector<CommodityClass>& classes_of_eastbound() const {
    return eastbound_classes.empty() ? classes : eastbound_classes;
  }
  double logit_scale_usd = 0.0;   // > 0: the cost difference that multiplies odds by e
  double window_days = 28.0;      // > 0: deliveries of this long ago and since make the expectations
  int min_deliveries = 10;        // in the window before it replaces the initial expectations
  ExpectedDays initial_rail;
  ExpectedDays initial_sea;
  // A rail box still waiting after this many departures since the one it was booked on
  // re-chooses sea; 0: it waits for a train.
  int rechoose_sea_after_left_behind = 0;
  // Rail slots open for booking this many days before departure: a box whose first free
  // departure is further from its gate-in cannot book rail. 0: any departure can be booked.
  double booking_horizon_days = 0.0;
  // A subsidy as a share of the day's rail freight, capped per FEU (on top of the flat one).
  double subsidy_share_of_freight = 0.0;
  std::optional<double> subsidy_cap_usd_per_feu;
  // `run` also simulates the same scenario and seeds without any rail subsidy.
  Counterfactual counterfactual = Counterfactual::None;

  int class_index(const std::string& name) const {
    for (std::size_t i = 0; i < classes.size(); ++i)
      if (classes[i].name == name)
        return static_cast<int>(i);
    return -1;
  }
};

const char* to_string(Counterfactual c);

} // namespace rongou
