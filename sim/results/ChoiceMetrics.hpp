#pragma once
// What the shippers of one direction's market of the focus lane chose (`choice:`): a pure
// function of the scenario and the journal. Containers gated in inside the measured window count, by
// the mode they went by in the end (a rail box that re-chose sea counts as sea).
#include <optional>
#include <string>
#include <vector>

#include "journal/Journal.hpp"
#include "results/Statistics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// What one mode carried of a class: counts, and means over its delivered containers.
struct ModeCarried {
  int feu = 0;                    // chose it (delivered or not)
  int delivered_feu = 0;
  double mean_generalised_cost_usd = 0.0; // as judged when choosing, over every box that chose it
  double mean_door_to_door_days = 0.0;    // of those delivered
};

struct ClassChoice {
  std::string name;
  int feu = 0;
  double rail_share = 0.0; // of feu, by FEU
  ModeCarried rail;
  ModeCarried sea;
};

// One week's choices of a class (rows of choice.csv).
struct ChoiceWeek {
  int week = 0;
  std::string commodity;
  int rail_feu = 0;
  int sea_feu = 0;
  int overflow_feu = 0;           // of those, left behind by at least one full train
  double expected_rail_days = 0.0; // mean over the week's days of the expectations used
  double expected_sea_days = 0.0;
};

// What the lane's subsidies bought, against the same scenario and seeds without them.
struct SubsidyEffect {
  double paid_usd = 0.0;             // to shippers of measured boxes that went by rail
  double rail_feu_added = 0.0;       // rail FEU with subsidy less without
  std::optional<double> usd_per_feu_added; // paid / added; none when nothing was added
  double logistics_cost_change_usd = 0.0;  // money cost of the chosen modes before subsidy, with less without
};

// What one alternative of a market split among routes (`choice.routes`) carried: each rail
// route, then sea. Boxes count by where they went in the end (a rail box that re-chose sea is sea's).
struct RouteCarried {
  std::string name;
  int feu = 0;                       // chose it (delivered or not)
  double share_feu = 0.0;            // of the market's FEU
  double distance_km = 0.0;          // of the route (sea: every leg, door to door)
  SampleSummary door_to_door_days;   // of those delivered (terminal to terminal without doors:)
  double mean_money_usd = 0.0;       // freight, handling, fees, risk premium, CO2 price; before subsidy
  double mean_subsidy_usd = 0.0;
  double mean_generalised_cost_usd = 0.0; // as judged when choosing
  double co2e_kg_per_feu = 0.0;      // well to wheel, at the tonnes of the boxes it carried
};

struct ChoiceMetrics {
  int feu = 0;              // offered to the market in the window
  int rail_feu = 0;
  int sea_feu = 0;
  int delivered_feu = 0;    // by the mode each went by
  int in_system_feu = 0;    // not delivered by the end of the run
  double rail_share_feu = 0.0;
  double rail_share_tonnes = 0.0;
  double rail_share_value = 0.0;
  int overflow_feu = 0;     // left behind by at least one full train
  int rechosen_feu = 0;     // of those, went by sea instead
  int rolled_sea_feu = 0;   // sea boxes rolled at least once (they waited for a later sailing)
  double subsidy_paid_usd = 0.0;
  double logistics_cost_usd = 0.0; // money before subsidy + inventory cost of the days taken, summed
  std::vector<ClassChoice> by_class;
  std::vector<ChoiceWeek> weeks;
  std::optional<SubsidyEffect> subsidy; // with a no-subsidy counterfactual
  std::vector<RouteCarried> routes;     // westbound with `choice.routes` only
};

// Of `direction`'s market (eastbound: empty unless its shippers choose).
ChoiceMetrics compute_choice_metrics(const Scenario& scenario, const Journal& journal,
                                     Direction direction = Direction::Westbound);

// `with` against `without` (the same scenario and seeds, no rail subsidy).
SubsidyEffect subsidy_effect(const ChoiceMetrics& with, const ChoiceMetrics& without);

// The scenario with every rail subsidy of the focus lane removed (flat and eastbound flat,
// share of freight, by class of either direction).
Scenario without_subsidy(Scenario scenario);

} // namespace rongou
