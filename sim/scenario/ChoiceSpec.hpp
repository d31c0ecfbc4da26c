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

// One rail route the westbound shippers can book (`choice.routes`): some of the focus lane's
// westbound services, with what the route costs beyond the lane's rail prices. The first route
// is the focus route, the one `modes.rail` and the lane's rail results describe.
struct ChoiceRoute {
  std::string name;
  std::vector<std::size_t> services; // indices into rail.services
  ExpectedDays initial;              // as choice.initial_days.rail, for this route
  std::optional<double> freight_usd_per_feu; // instead of the lane's rail freight (price windows then do not apply)
  double extra_usd_per_feu = 0.0;        // port, ferry and transshipment charges the lane's prices leave out
  double risk_premium_usd_per_feu = 0.0; // insurance or a premium for sanction and closure risk
};

// How a box picks among the alternatives: the logit over generalised costs, or fixed shares.
enum class ChoiceSplit { Logit, Shares };

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
  // The westbound rail routes (`choice.routes`); empty: the lane's westbound services are one
  // route. Eastbound boxes always have one rail route.
  std::vector<ChoiceRoute> routes;
  ChoiceSplit split = ChoiceSplit::Logit;
  // With ChoiceSplit::Shares: the probability of each westbound rail route (one when `routes`
  // is empty), then of sea; they sum to 1.
  std::vector<double> shares;

  // The number of westbound rail routes (at least one).
  std::size_t rail_routes() const { return routes.empty() ? 1 : routes.size(); }
  // The route a westbound service of the focus lane runs; 0 for any other.
  std::size_t route_of_service(std::size_t service) const {
    for (std::size_t r = 0; r < routes.size(); ++r)
      for (std::size_t s : routes[r].services)
        if (s == service)
          return r;
    return 0;
  }

  int class_index(const std::string& name) const {
    for (std::size_t i = 0; i < classes.size(); ++i)
      if (classes[i].name == name)
        return static_cast<int>(i);
    return -1;
  }
};

const char* to_string(Counterfactual c);

} // namespace rongou
