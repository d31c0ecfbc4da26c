#pragma once
// The shippers of one direction's market of the focus lane (`choice:`; eastbound with
// `choice.directions` naming it), as one actor deciding in
// daily batches: at the start of each day every container gated in that day is given its
// commodity class and picks a rail route (one, or those of `choice.routes` westbound) or sea
// by a multinomial logit over generalised costs, or by fixed shares (`choice.split: shares`)
// (GeneralisedCost.hpp), with expectations of door-to-door days from the deliveries of each
// mode within the window (DeliveryWindow.hpp), the initial ones until the window first holds
// enough, and the last ones held while it holds too few (a mode that stopped delivering).
// Rail is booked: a shipper sees the boxes already booked and the coming departures' slots,
// and expects its box to wait for the departure it gets (RailBooking.hpp). A rail box still
// waiting after departures it was booked on re-chooses sea when the scenario says so.
// Rail boxes stay in the rail model's origin queue (which passes over the others); sea boxes
// are booked on the lane's sea model as they are chosen. See docs/choice.md.
//
// Random draws: "choice-class" (the class) and "choice" (the logit draw) per container id,
// streams of their own, so the rail and sea models draw exactly as before; eastbound
// "choice-class/eastbound" and "choice/eastbound", so the westbound draws stay as they are.
#include <optional>
#include <string>
#include <vector>

#include "base/RandomStream.hpp"
#include "journal/Journal.hpp"
#include "model/choice/DeliveryWindow.hpp"
#include "model/choice/GeneralisedCost.hpp"
#include "model/choice/RailBooking.hpp"
#include "model/sea/SeaModel.hpp"
#include "scenario/PriceChanges.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

class ModeChoice {
public:
  // After the rail model made the containers and the lane's sea model of `direction` (open
  // for booking) recorded its legs. Sizes journal.choices and gives each of the lane's
  // containers of `direction` its class.
  ModeChoice(const Scenario& scenario, Direction direction, Journal& journal, SeaModel& sea, std::string host);

  void start();

private:
  struct Alternative {
    ChosenMode mode = ChosenMode::Rail;
    FreightSchedule freight; // this direction's price, with the price windows
    double fixed_usd = 0.0;
    std::vector<double> co2_kg_by_class;
    ExpectedDays initial;
    ExpectedDays expected; // what shippers expect now
    DeliveryWindow window;
    std::vector<std::size_t> in_flight; // rail: container ids; sea: journal.sea indices
    // Rail only: the route (ChoiceSpec::routes index), its own freight if it has one, and its
    // trains' planned departures, in time order.
    std::size_t route = 0;
    std::optional<double> freight_usd;
    std::vector<RailDeparture> departures;
  };
  void run();
  // Moves delivered containers into the windows; re-offers to sea the rail boxes left behind too often.
  void review(double now_h);
  // Door-to-door days so far of the boxes each alternative has on its way (for DeliveryWindow::stats).
  std::vector<std::vector<double>> ages_on_the_way(double now_h) const;
  // Boxes that chose rail alternative `rail` and wait at the origin for their train.
  int rail_boxes_waiting(const Alternative& rail) const;
  // Days from gate-in at `gate_in_h` to the departure of `rail` a box booked now gets behind `ahead` boxes.
  double booked_wait_days(const Alternative& rail, double now_h, double gate_in_h, int ahead) const;
  // The hour the box left (rail) or was booked to leave (rechosen for sea): rail's expectations count from it.
  double rail_departure_h(std::size_t container) const;
  void decide(int container, const std::vector<ExpectedDays>& expected, double now_h, std::vector<int>& ahead);
  // The probability of each alternative, given their generalised costs and which rail routes can be booked.
  std::vector<double> probabilities(const std::vector<double>& totals, const std::vector<bool>& bookable) const;
  AlternativeTerms terms(const Alternative& alt, int commodity, double gate_in_h, const ExpectedDays& expected) const;
  void send_by_sea(int container, double gate_in_h);
  // This direction's sea records (journal.sea or journal.sea_eastbound).
  const std::vector<SeaRecord>& sea_records() const;
  // A stream's name: the purpose, "/eastbound" appended eastbound.
  std::string stream(const char* purpose) const;

  const Scenario& scenario_;
  const ChoiceSpec& spec_;
  Direction direction_ = Direction::Westbound;
  StreamPurpose choice_purpose_{stream("choice")}; // after direction_; drawn from once per container
  const std::vector<CommodityClass>& classes_; // of this direction's market
  const CostSpec& costs_;
  Journal& journal_;
  SeaModel& sea_model_;
  std::string host_;
  int lane_ = 0;
  std::vector<int> containers_; // the lane's of this direction, by gate-in
  std::vector<Alternative> alternatives_; // the rail routes in order, then sea
  std::size_t sea_ = 0;                     // sea's index in alternatives_
  std::vector<double> booked_h_;            // by container id: the departure a rail box was booked on
};

} // namespace rongou
