#include "model/choice/ModeChoice.hpp"

#include <algorithm>
#include <cmath>

#include "base/RandomStream.hpp"
#include "engine/Engine.hpp"
#include "scenario/EmissionEstimate.hpp"

namespace rongou {

namespace {

// The class a uniform draw picks by the classes' shares (the last one takes what rounding leaves).
std::uint8_t class_of(const std::vector<CommodityClass>& classes, double u) {
  double cumulative = 0.0;
  for (std::size_t k = 0; k < classes.size(); ++k) {
    cumulative += classes[k].share;
    if (u < cumulative)
      return static_cast<std::uint8_t>(k);
  }
  return static_cast<std::uint8_t>(classes.size() - 1);
}

} // namespace

ModeChoice::ModeChoice(const Scenario& scenario, Direction direction, Journal& journal, SeaModel& sea,
                       std::string host)
    : scenario_(scenario), spec_(*scenario.choice), direction_(direction),
      classes_(direction == Direction::Eastbound ? spec_.classes_of_eastbound() : spec_.classes),
      costs_(*scenario.costs), journal_(journal), sea_model_(sea), host_(std::move(host)), lane_(scenario.focus_lane) {
  journal_.choices.resize(journal_.containers.size());
  const StreamPurpose class_purpose(stream("choice-class"));
  for (const auto& c : journal_.containers)
    if (c.lane == lane_ && c.direction == direction_) {
      containers_.push_back(c.id);
      auto rng = RandomStream::derive(scenario.seed, class_purpose, static_cast<std::uint64_t>(c.id));
      auto& record = journal_.choices[static_cast<std::size_t>(c.id)];
      record.commodity = class_of(classes_, rng.uniform01());
      record.mode = ChosenMode::Undecided;
    }

  const double window_h = 24.0 * spec_.window_days;
  // A year past the horizon: a box booked near the end still finds its train.
  const double until_days = scenario.horizon_days + 365.0;
  const bool routed = direction_ == Direction::Westbound && !spec_.routes.empty();
  const std::size_t rail_routes = direction_ == Direction::Westbound ? spec_.rail_routes() : 1;
  for (std::size_t r = 0; r < rail_routes; ++r) {
    const ChoiceRoute* spec_route = routed ? &spec_.routes[r] : nullptr;
    const ExpectedDays initial = spec_route ? spec_route->initial : spec_.initial_rail;
    Alternative rail{ChosenMode::Rail, FreightSchedule(scenario, lane_, "rail", direction_), 0.0, {}, initial, initial, DeliveryWindow(window_h), {}, r, {}, {}};
    // The route's length for CO2 and its breaks of gauge for the fees: its first service's.
    RailRouteInfo route;
    for (std::size_t i = 0; i < scenario.rail.services.size(); ++i) {
      const auto& svc = scenario.rail.services[i];
      if (svc.lane != lane_ || svc.direction != direction_ || svc.background ||
          (routed && spec_.route_of_service(i) != r))
        continue;
      if (auto it = journal_.rail_routes.find(svc.name); it != journal_.rail_routes.end()) {
        route = it->second;
        break;
      }
    }
    rail.fixed_usd = costs_.rail.handling_usd_per_feu_origin + costs_.rail.handling_usd_per_feu_destination +
                     costs_.rail.gauge_change_usd_per_feu_per_yard * route.gauge_changes;
    if (spec_route) {
      rail.fixed_usd += spec_route->extra_usd_per_feu + spec_route->risk_premium_usd_per_feu;
      rail.freight_usd = spec_route->freight_usd_per_feu;
    }
    for (const auto& commodity : classes_)
      rail.co2_kg_by_class.push_back(co2_kg_per_feu(costs_, "rail", route.length_km, commodity.tonnes_per_feu));
    rail.departures = planned_departures(scenario, lane_, direction_, until_days,
                                         routed ? std::optional<std::size_t>(r) : std::nullopt);
    alternatives_.push_back(std::move(rail));
  }
  Alternative by_sea{ChosenMode::Sea, FreightSchedule(scenario, lane_, "sea", direction_), 0.0, {}, spec_.initial_sea, spec_.initial_sea, DeliveryWindow(window_h), {}, 0, {}, {}};
  by_sea.fixed_usd = costs_.sea.inland_haulage_usd_per_feu + costs_.sea.last_leg_usd_per_feu +
                     costs_.sea.handling_usd_per_feu_origin_port + costs_.sea.handling_usd_per_feu_destination_port;
  const auto& sea_legs = direction_ == Direction::Eastbound ? journal_.sea_legs_eastbound : journal_.sea_legs;
  for (const auto& commodity : classes_) {
    double sea_kg = 0.0;
    for (const auto& leg : sea_legs)
      if (leg.lane == lane_ && (leg.via.empty() || leg.via == "direct"))
        sea_kg += co2_kg_per_feu(costs_, leg.mode, leg.distance_km, commodity.tonnes_per_feu);
    by_sea.co2_kg_by_class.push_back(sea_kg);
  }
  sea_ = alternatives_.size();
  alternatives_.push_back(std::move(by_sea));
  booked_h_.assign(journal_.containers.size(), 0.0);
}

void ModeChoice::start() {
  const std::string name = direction_ == Direction::Eastbound ? "shippers eastbound " : "shippers ";
  engine::spawn(name + host_, host_, [this] { run(); });
}

const std::vector<SeaRecord>& ModeChoice::sea_records() const {
  return direction_ == Direction::Eastbound ? journal_.sea_eastbound : journal_.sea;
}

std::string ModeChoice::stream(const char* purpose) const {
  return direction_ == Direction::Eastbound ? std::string(purpose) + "/eastbound" : std::string(purpose);
}

void ModeChoice::run() {
  const auto days = static_cast<int>(scenario_.horizon_days);
  std::size_t next = 0;
  for (int day = 0; day < days; ++day) {
    const double now_h = 24.0 * day;
    engine::sleep_until_h(now_h);
    review(now_h);
    ChoiceDay sample;
    sample.day = day;
    std::vector<ExpectedDays> expected;
    const auto overdue = ages_on_the_way(now_h);
    for (std::size_t a = 0; a < alternatives_.size(); ++a) {
      auto& alt = alternatives_[a];
      const WindowStats stats = alt.window.stats(now_h, overdue[a]);
      // Too few deliveries (the start of the run, or a mode that stopped delivering): the
      // expectations last held stay, the initial ones until the window first filled.
      if (stats.deliveries >= spec_.min_deliveries)
        alt.expected = ExpectedDays{stats.mean_days, stats.p95_days};
      expected.push_back(alt.expected);
      if (a == 0 || a == sea_)
        (a == 0 ? sample.rail_deliveries : sample.sea_deliveries) = stats.deliveries;
    }
    std::vector<int> ahead;
    for (std::size_t a = 0; a < sea_; ++a)
      ahead.push_back(rail_boxes_waiting(alternatives_[a]));
    // The first rail route as a box gated in at the start of the day would have booked it.
    const ExpectedDays rail_today =
        booked_expectation(expected[0], booked_wait_days(alternatives_[0], now_h, now_h, ahead[0]));
    sample.rail_mean_days = rail_today.mean_days;
    sample.rail_p95_days = rail_today.p95_days;
    sample.sea_mean_days = expected[sea_].mean_days;
    sample.sea_p95_days = expected[sea_].p95_days;
    (direction_ == Direction::Eastbound ? journal_.choice_days_eastbound : journal_.choice_days).push_back(sample);
    // Every container gated in today decides now, before any train or sailing can take it.
    const double end_h = now_h + 24.0;
    for (; next < containers_.size() &&
           journal_.containers[static_cast<std::size_t>(containers_[next])].created_h < end_h;
         ++next)
      decide(containers_[next], expected, now_h, ahead);
  }
}

void ModeChoice::review(double now_h) {
  for (std::size_t a = 0; a < sea_; ++a) {
    auto& rail = alternatives_[a];
    std::size_t kept = 0;
    for (std::size_t id : rail.in_flight) {
      const auto& c = journal_.containers[id];
      auto& record = journal_.choices[id];
      if (c.arrived_h && *c.arrived_h <= now_h) {
        rail.window.add(*c.arrived_h, (*c.arrived_h - rail_departure_h(id)) / 24.0);
        continue;
      }
      // Departures of its route that left without it since the one it was booked on
      // (cancelled, held, or full with boxes the booking did not foresee).
      const auto missed = [&] {
        const double booked_h = booked_h_[id];
        return std::count_if(rail.departures.begin(), rail.departures.end(),
                             [&](const RailDeparture& d) { return d.at_h >= booked_h && d.at_h < now_h; });
      };
      if (spec_.rechoose_sea_after_left_behind > 0 && !record.boarded &&
          missed() >= spec_.rechoose_sea_after_left_behind) {
        record.rechosen = true;
        send_by_sea(static_cast<int>(id), now_h);
        continue;
      }
      rail.in_flight[kept++] = id;
    }
    rail.in_flight.resize(kept);
  }
  auto& sea = alternatives_[sea_];
  std::size_t kept = 0;
  for (std::size_t i : sea.in_flight) {
    const SeaRecord& r = sea_records()[i];
    if (r.arrived_h && *r.arrived_h <= now_h) {
      const double gate_in_h = journal_.containers[static_cast<std::size_t>(r.container)].created_h;
      // A box that chose rail and was left behind until it went by sea is what choosing rail
      // gave its shipper: its days from the departure it was booked on count for its route.
      const auto id = static_cast<std::size_t>(r.container);
      if (journal_.choices[id].rechosen)
        alternatives_[journal_.choices[id].route].window.add(*r.arrived_h, (*r.arrived_h - rail_departure_h(id)) / 24.0);
      else
        sea.window.add(*r.arrived_h, (*r.arrived_h - gate_in_h) / 24.0);
      continue;
    }
    sea.in_flight[kept++] = i;
  }
  sea.in_flight.resize(kept);
}

std::vector<std::vector<double>> ModeChoice::ages_on_the_way(double now_h) const {
  std::vector<std::vector<double>> ages(alternatives_.size());
  // Rail's are counted from departure, as its deliveries are: a box still waiting for its
  // train is in the booked wait, not overdue.
  for (std::size_t a = 0; a < sea_; ++a)
    for (std::size_t id : alternatives_[a].in_flight)
      if (journal_.choices[id].boarded)
        ages[a].push_back((now_h - rail_departure_h(id)) / 24.0);
  for (std::size_t i : alternatives_[sea_].in_flight) {
    const auto id = static_cast<std::size_t>(sea_records()[i].container);
    // A box that chose rail and went by sea after its trains left it is still its route's.
    if (journal_.choices[id].rechosen)
      ages[journal_.choices[id].route].push_back((now_h - rail_departure_h(id)) / 24.0);
    else
      ages[sea_].push_back((now_h - journal_.containers[id].created_h) / 24.0);
  }
  return ages;
}

AlternativeTerms ModeChoice::terms(const Alternative& alt, int commodity, double gate_in_h,
                                   const ExpectedDays& expected) const {
  AlternativeTerms t;
  t.freight_usd = alt.freight_usd ? *alt.freight_usd : alt.freight.usd_at(gate_in_h);
  // The lane's subsidies of this direction, and the class's own.
  t.subsidy_usd = alt.mode == ChosenMode::Rail ? rail_subsidy_usd_at(scenario_, lane_, gate_in_h, commodity, direction_)
                                               : 0.0;
  t.fixed_usd = alt.fixed_usd;
  t.co2_kg = alt.co2_kg_by_class[static_cast<std::size_t>(commodity)];
  t.co2_usd_per_tonne = costs_.co2_usd_per_tonne;
  t.expected_days = expected.mean_days;
  t.expected_p95_days = expected.p95_days;
  return t;
}

int ModeChoice::rail_boxes_waiting(const Alternative& rail) const {
  const auto& in_flight = rail.in_flight;
  return static_cast<int>(
      std::count_if(in_flight.begin(), in_flight.end(), [&](std::size_t id) { return !journal_.choices[id].boarded; }));
}

double ModeChoice::booked_wait_days(const Alternative& rail, double now_h, double gate_in_h, int ahead) const {
  const double ready_h = gate_in_h + scenario_.rail_cutoff_hours(lane_);
  const auto at_h = booked_departure_h(rail.departures, now_h, ready_h, ahead);
  return at_h ? (*at_h - gate_in_h) / 24.0 : 0.0; // no tracked train of this direction: nothing to wait for
}

double ModeChoice::rail_departure_h(std::size_t container) const {
  const auto& c = journal_.containers[container];
  if (journal_.choices[container].boarded)
    return c.created_h + c.waits.box + c.waits.departure;
  return std::max(c.created_h, booked_h_[container]);
}

std::vector<double> ModeChoice::probabilities(const std::vector<double>& totals, const std::vector<bool>& bookable) const {
  std::vector<double> p(totals.size(), 0.0);
  if (spec_.split == ChoiceSplit::Shares) {
    // Eastbound has one rail route: it takes the westbound routes' shares together.
    std::vector<double> shares = spec_.shares;
    if (shares.size() != totals.size()) {
      const double sea = shares.back();
      shares = {1.0 - sea, sea};
    }
    double sum = 0.0;
    for (std::size_t a = 0; a < p.size(); ++a)
      sum += bookable[a] ? shares[a] : 0.0;
    for (std::size_t a = 0; a < p.size(); ++a)
      p[a] = sum > 0.0 && bookable[a] ? shares[a] / sum : 0.0;
    if (sum <= 0.0)
      p[sea_] = 1.0; // every rail route with a share is booked out
    return p;
  }
  std::vector<double> open;
  for (std::size_t a = 0; a < totals.size(); ++a)
    if (bookable[a])
      open.push_back(totals[a]);
  const auto logit = logit_probabilities(open, spec_.logit_scale_usd);
  for (std::size_t a = 0, k = 0; a < totals.size(); ++a)
    if (bookable[a])
      p[a] = logit[k++];
  return p;
}

void ModeChoice::decide(int container, const std::vector<ExpectedDays>& expected, double now_h,
                        std::vector<int>& ahead) {
  auto& record = journal_.choices[static_cast<std::size_t>(container)];
  const double gate_in_h = journal_.containers[static_cast<std::size_t>(container)].created_h;
  const CommodityClass& commodity = classes_[record.commodity];
  std::vector<GeneralisedCost> costs;
  std::vector<double> totals;
  std::vector<double> wait_days(sea_, 0.0);
  std::vector<bool> bookable(alternatives_.size(), true);
  for (std::size_t a = 0; a < alternatives_.size(); ++a) {
    ExpectedDays seen = expected[a];
    if (a < sea_) {
      wait_days[a] = booked_wait_days(alternatives_[a], now_h, gate_in_h, ahead[a]);
      seen = booked_expectation(expected[a], wait_days[a]);
      // The route's slots within the booking horizon all taken: the shipper cannot book it.
      bookable[a] = spec_.booking_horizon_days <= 0.0 || wait_days[a] <= spec_.booking_horizon_days;
    }
    costs.push_back(generalised_cost(commodity, terms(alternatives_[a], record.commodity, gate_in_h, seen)));
    totals.push_back(costs.back().total());
  }
  auto rng = RandomStream::derive(scenario_.seed, choice_purpose_, static_cast<std::uint64_t>(container));
  const std::size_t chosen = pick(probabilities(totals, bookable), rng.uniform01());
  record.generalised_usd = static_cast<float>(totals[chosen]);
  record.cost_usd = static_cast<float>(costs[chosen].money_usd);
  if (chosen < sea_) {
    record.mode = ChosenMode::Rail;
    record.route = static_cast<std::uint8_t>(chosen) & 0x3F;
    record.subsidy_usd = static_cast<float>(costs[chosen].subsidy_usd);
    alternatives_[chosen].in_flight.push_back(static_cast<std::size_t>(container));
    booked_h_[static_cast<std::size_t>(container)] = gate_in_h + 24.0 * wait_days[chosen];
    ++ahead[chosen];
  } else {
    send_by_sea(container, gate_in_h);
  }
}

void ModeChoice::send_by_sea(int container, double gate_in_h) {
  auto& record = journal_.choices[static_cast<std::size_t>(container)];
  if (record.rechosen) {
    // It pays sea's money cost from now on, and no rail subsidy.
    const auto t = terms(alternatives_[sea_], record.commodity, gate_in_h, alternatives_[sea_].initial);
    record.cost_usd = static_cast<float>(generalised_cost(classes_[record.commodity], t).money_usd);
    record.subsidy_usd = 0.0F;
  }
  record.mode = ChosenMode::Sea;
  alternatives_[sea_].in_flight.push_back(sea_model_.offer({container, gate_in_h}));
}

} // namespace rongou
