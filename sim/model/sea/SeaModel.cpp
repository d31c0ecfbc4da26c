#include "model/sea/SeaModel.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "engine/Engine.hpp"
#include "base/RandomStream.hpp"

namespace rongou {

namespace {

// The largest roll share: the reader keeps the distribution's parameters at most this and
// draws are clamped to it, so that, rounded down, a roll always leaves a box on board and
// every loop goes on carrying its boxes (blank probabilities outside the seasons are kept at
// most this by the reader too).
constexpr double kMaxRolledShare = 0.95;

} // namespace

std::vector<SeaOffer> sea_offers(const Journal& journal, int lane, Direction direction) {
  std::vector<SeaOffer> offers;
  for (const auto& c : journal.containers)
    if (c.direction == direction && c.lane == lane)
      offers.push_back({c.id, c.created_h});
  return offers;
}

// A loop of `loops:` draws from streams named after it; the section's single loop keeps the
// stream names it had before loops existed, so its draws are unchanged. The eastbound chain's
// names end in "/eastbound": it never draws from a westbound stream.
std::string SeaModel::stream(const char* purpose, const SeaLoop* loop) const {
  std::string name = loop == nullptr || loop->name.empty() ? std::string(purpose) : fmt::format("{}/{}", purpose, loop->name);
  if (direction_ == Direction::Eastbound)
    name += "/eastbound";
  return name;
}

const std::string& SeaModel::loading_port() const {
  return direction_ == Direction::Westbound ? sea_.origin_port : sea_.european_port;
}

const Distribution& SeaModel::first_leg_delay() const {
  return direction_ == Direction::Westbound ? sea_.inland_delay_days : sea_.last_leg_delay_days;
}

const Distribution& SeaModel::final_leg_delay() const {
  return direction_ == Direction::Westbound ? sea_.last_leg_delay_days : sea_.inland_delay_days;
}

SeaModel::SeaModel(const Scenario& scenario, SeaRoute route, const std::vector<SeaOffer>& offers, Journal& journal)
    : SeaModel(scenario, scenario.focus_lane, std::move(route), offers, journal) {}

SeaModel::SeaModel(const Scenario& scenario, int lane, SeaRoute route, const std::vector<SeaOffer>& offers,
                   Journal& journal)
    : scenario_(scenario), sea_(*scenario.sea_of(lane)), lane_(lane),
      seed_(lane == scenario.focus_lane ? scenario.seed : mix_seed(scenario.seed, static_cast<std::uint64_t>(lane))),
      // The focus lane's actors keep the names they had when it was the only sea alternative.
      name_prefix_(lane == scenario.focus_lane ? std::string() : scenario.lanes.at(static_cast<std::size_t>(lane)).name + " "),
      route_(std::move(route)), journal_(journal), first_record_(journal.sea.size()) {
  book(offers);
  for (const auto& leg : route_.legs())
    journal.sea_legs.push_back(leg);
}

SeaModel::SeaModel(const Scenario& scenario, int lane, Direction direction, SeaRoute route,
                   const std::vector<SeaOffer>& offers, Journal& journal)
    : scenario_(scenario), direction_(direction),
      sea_(direction == Direction::Eastbound ? *scenario.sea_of(lane)->eastbound : *scenario.sea_of(lane)), lane_(lane),
      seed_(lane == scenario.focus_lane ? scenario.seed : mix_seed(scenario.seed, static_cast<std::uint64_t>(lane))),
      name_prefix_((lane == scenario.focus_lane ? std::string() : scenario.lanes.at(static_cast<std::size_t>(lane)).name + " ") +
                   (direction == Direction::Eastbound ? "eastbound " : "")),
      route_(std::move(route)), journal_(journal),
      first_record_(direction == Direction::Eastbound ? journal.sea_eastbound.size() : journal.sea.size()) {
  book(offers);
  auto& legs = direction == Direction::Eastbound ? journal.sea_legs_eastbound : journal.sea_legs;
  for (const auto& leg : route_.legs())
    legs.push_back(leg);
}

SeaModel::SeaModel(const Scenario& scenario, int lane, Direction direction, SeaRoute route, Journal& journal)
    : scenario_(scenario), direction_(direction),
      sea_(direction == Direction::Eastbound ? *scenario.sea_of(lane)->eastbound : *scenario.sea_of(lane)), lane_(lane),
      seed_(lane == scenario.focus_lane ? scenario.seed : mix_seed(scenario.seed, static_cast<std::uint64_t>(lane))),
      name_prefix_((lane == scenario.focus_lane ? std::string() : scenario.lanes.at(static_cast<std::size_t>(lane)).name + " ") +
                   (direction == Direction::Eastbound ? "eastbound " : "")),
      route_(std::move(route)), journal_(journal),
      first_record_(direction == Direction::Eastbound ? journal.sea_eastbound.size() : journal.sea.size()), open_(true) {
  set_up_loops();
  auto& legs = direction == Direction::Eastbound ? journal.sea_legs_eastbound : journal.sea_legs;
  for (const auto& leg : route_.legs())
    legs.push_back(leg);
}

void SeaModel::set_up_loops() {
  const std::vector<SeaLoop> loops = sea_.effective_loops();
  loops_.reserve(loops.size());
  for (std::size_t l = 0; l < loops.size(); ++l) {
    const SeaLoop& loop = loops[l];
    const HubLegs* hub = loop.hub.empty() ? nullptr : route_.hub(loop.hub);
    const double platform_h = hub != nullptr ? hub->ocean.nominal_h : route_.ocean.nominal_h;
    int feeder = -1;
    if (hub != nullptr && sea_.feeder) {
      for (std::size_t f = 0; f < feeders_.size(); ++f)
        if (feeders_[f]->hub() == loop.hub)
          feeder = static_cast<int>(f);
      if (feeder < 0) {
        feeder = static_cast<int>(feeders_.size());
        feeders_.push_back(std::make_unique<FeederService>(
            *sea_.feeder, loop.hub, hub->feeder.nominal_h, lane_, seed_, scenario_.horizon_days * 24.0, 0, journal_,
            [this](std::size_t i, double berth_h) { discharge(i, berth_h); }));
      }
    }
    loops_.push_back(LoopQueue{loop, loop.ocean_transit_days ? *loop.ocean_transit_days * 24.0 : platform_h, feeder,
                               {}, PortQueue({})});
  }
}

// Among the first sailing of each loop whose cut-off it makes, the one that reaches the
// European port first by schedule (the last leg is the same for every loop), or the one that
// leaves first; ties go to the earlier departure, then to the loop listed first.
SeaModel::Booking SeaModel::choose(double ready_h) const {
  Booking best;
  double best_key = 0.0;
  double best_departure = 0.0;
  for (std::size_t l = 0; l < loops_.size(); ++l) {
    const LoopQueue& lq = loops_[l];
    const int k = first_sailing_with_cutoff_after(lq.loop, ready_h);
    const double departure = sailing_departure_h(lq.loop, k);
    // A hub loop reaches the European port on the next feeder after it berths at the hub,
    // by schedule.
    const double key = sea_.sailing_choice == SailingChoice::FirstSailing ? departure
                       : lq.feeder < 0 ? departure + lq.ocean_h
                                       : feeders_[static_cast<std::size_t>(lq.feeder)]->scheduled_arrival_h(
                                             departure + lq.ocean_h);
    if (l == 0 || key < best_key || (key == best_key && departure < best_departure)) {
      best = {l, departure - lq.loop.cutoff_hours_before_sailing};
      best_key = key;
      best_departure = departure;
    }
  }
  return best;
}

std::pair<SeaRecord, std::size_t> SeaModel::booked(const SeaOffer& offer) const {
  const double margin_h = sea_.precarriage_margin_hours;
  const double planned_inland_h = route_.inland_nominal_h() + 24.0 * first_leg_delay().expected();
  auto rng = RandomStream::derive(seed_, inland_purpose_, static_cast<std::uint64_t>(offer.container));
  SeaRecord r;
  r.container = offer.container;
  r.lane = lane_;
  r.gate_in_h = offer.gate_in_h;
  r.inland_h = route_.inland_nominal_h() + 24.0 * first_leg_delay().sample(rng);
  Booking booking;
  if (sea_.precarriage == Precarriage::Timed) {
    // The shipper produces for a sailing: it plans the pre-carriage at its expected time
    // (nominal plus the mean inland delay) to reach the port `margin_h` before the cut-off,
    // and the sea twin's gate-in moves later by the slack. The drawn inland delay still
    // applies: a box later than planned by more than the margin misses the cut-off and
    // waits for its loop's next sailing.
    const double earliest_ready_h = offer.gate_in_h + planned_inland_h;
    booking = choose(earliest_ready_h + margin_h);
    r.gate_in_h = booking.cutoff_h - margin_h - planned_inland_h;
  }
  r.port_arrival_h = r.gate_in_h + r.inland_h;
  if (sea_.precarriage == Precarriage::AsReady)
    booking = choose(r.port_arrival_h);
  return {r, booking.loop};
}

void SeaModel::book(const std::vector<SeaOffer>& offers) {
  set_up_loops();
  // Sized once: growing by doubling would briefly hold two copies of the largest sea vector.
  std::vector<std::vector<double>> arrivals(loops_.size());
  std::vector<std::vector<std::size_t>> records(loops_.size());
  sea_records().reserve(sea_records().size() + offers.size());
  if (loops_.size() == 1) {
    arrivals[0].reserve(offers.size());
    records[0].reserve(offers.size());
  }
  for (const auto& offer : offers) {
    auto [r, loop] = booked(offer);
    arrivals[loop].push_back(r.port_arrival_h);
    records[loop].push_back(sea_records().size());
    sea_records().push_back(r);
  }
  std::vector<std::size_t> via_hub(feeders_.size(), 0);
  for (std::size_t l = 0; l < loops_.size(); ++l) {
    if (loops_[l].feeder >= 0)
      via_hub[static_cast<std::size_t>(loops_[l].feeder)] += records[l].size();
    loops_[l].records = std::move(records[l]);
    loops_[l].queue = PortQueue(std::move(arrivals[l]));
  }
  if (!feeders_.empty()) {
    journal_.sea_hub.resize(sea_records().size());
    for (std::size_t f = 0; f < feeders_.size(); ++f)
      feeders_[f]->expect(via_hub[f]);
  }
}

std::size_t SeaModel::offer(const SeaOffer& offer) {
  auto [r, loop] = booked(offer);
  const std::size_t index = sea_records().size();
  loops_[loop].records.push_back(index);
  loops_[loop].queue.add(r.port_arrival_h);
  sea_records().push_back(r);
  return index;
}

void SeaModel::start() {
  for (std::size_t l = 0; l < loops_.size(); ++l) {
    const std::string& name = loops_[l].loop.name;
    engine::spawn("sailings " + name_prefix_ + (name.empty() ? "" : name + " ") + loading_port(), loading_port(),
                  [this, l] { dispatch(l); });
  }
  for (auto& feeder : feeders_) {
    FeederService* f = feeder.get();
    engine::spawn("feeder " + name_prefix_ + f->hub(), f->hub(), [f] { f->dispatch(); });
  }
}

void SeaModel::dispatch(std::size_t loop_index) {
  LoopQueue& lq = loops_[loop_index];
  const SeaLoop& loop = lq.loop;
  const double horizon_h = scenario_.horizon_days * 24.0;
  // Every loop sails through the horizon, so its blank share and load are measured over the
  // whole window, and on until every container booked on it has sailed.
  // Open for booking, a loop goes on sailing while boxes may still be offered (before the horizon).
  for (int k = 0; lq.queue.remaining() > 0 || sailing_departure_h(loop, k) < horizon_h ||
                  (open_ && engine::now_h() < horizon_h);
       ++k) {
    SailingRecord sailing;
    sailing.index = k;
    sailing.lane = lane_;
    sailing.loop = static_cast<int>(loop_index);
    sailing.departure_h = sailing_departure_h(loop, k);
    sailing.cutoff_h = sailing.departure_h - loop.cutoff_hours_before_sailing;
    sailing.capacity_feu = loop.vessel_capacity_feu;
    sailing.scheduled_transit_h = lq.ocean_h;
    // One draw per sailing whether or not it carries anything, so a sailing's delay does not
    // depend on how many containers came before it.
    auto rng = RandomStream::derive(seed_, stream("sea-sailing", &loop), static_cast<std::uint64_t>(k));
    sailing.delay_h = 24.0 * loop.ocean_delay_days.sample(rng);
    std::vector<std::size_t> windows; // sea_delay disruptions this sailing leaves in
    for (std::size_t i = 0; i < scenario_.disruptions.size(); ++i) {
      const auto& d = scenario_.disruptions[i];
      if (d.kind == DisruptionKind::SeaDelay && d.active_at(sailing.departure_h)) {
        sailing.disruption_h += 24.0 * d.extra_days;
        windows.push_back(i);
      }
    }
    sailing.delay_h += sailing.disruption_h;
    auto blank_rng = RandomStream::derive(seed_, stream("sea-blank", &loop), static_cast<std::uint64_t>(k));
    sailing.blanked = blank_rng.uniform01() < loop.blank_probability_at(sailing.departure_h);
    auto rolled_rng = RandomStream::derive(seed_, stream("sea-rolled", &loop), static_cast<std::uint64_t>(k));
    sailing.rolled_share_drawn = std::clamp(loop.rolled_share.sample(rolled_rng), 0.0, kMaxRolledShare);

    engine::sleep_until_h(sailing.cutoff_h);
    if (sailing.blanked) {
      // Nothing is loaded: the boxes at the port stay in line, first come first served, for
      // the loop's next sailing, and are not counted as rolled.
      sailing.capacity_feu = 0;
      sailing.rolled_share_drawn = 0.0;
      sailings().push_back(sailing);
      continue;
    }
    // The carrier rolls its share of the boxes at the port (the last to arrive) even when
    // they would fit; rounded down, so a share below 1 always leaves someone on board.
    const std::size_t waiting = lq.queue.waiting(sailing.cutoff_h);
    const auto carrier_rolls = static_cast<std::size_t>(std::floor(sailing.rolled_share_drawn * static_cast<double>(waiting)));
    const int room = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(loop.vessel_capacity_feu),
                                                            waiting - carrier_rolls));
    auto loading = lq.queue.load(sailing.cutoff_h, room);
    sailing.feu = static_cast<int>(loading.boarded.size());
    sailing.rolled_feu = static_cast<int>(loading.rolled);
    const std::size_t index = sailings().size();
    sailings().push_back(sailing);

    engine::sleep_until_h(sailing.departure_h);
    std::vector<std::size_t> records;
    for (std::size_t b = 0; b < loading.boarded.size(); ++b) {
      const std::size_t i = lq.records[loading.boarded[b]];
      auto& r = sea_records()[i];
      r.rolled = loading.times_rolled[b];
      r.sailing = static_cast<int>(index);
      r.sailed_h = engine::now_h();
      r.ocean_delay_h = sailing.delay_h;
      records.push_back(i);
    }
    // Empty sailings are not hits: no container lost time on them. The hits name westbound
    // sailings (journal.sailings); an eastbound sailing is delayed all the same.
    for (std::size_t i : windows)
      if (!records.empty() && direction_ == Direction::Westbound)
        journal_.disruption_hits.push_back({static_cast<int>(i), -1, sailing.departure_h, sailing.feu,
                                            24.0 * scenario_.disruptions[i].extra_days, static_cast<int>(index)});
    if (!records.empty())
      engine::spawn(fmt::format("{}{}voyage-{:04d}", name_prefix_, loop.name.empty() ? "" : loop.name + " ", k),
                    loading_port(),
                    [this, index, records = std::move(records)]() mutable { voyage(index, std::move(records)); });
  }
}

void SeaModel::voyage(std::size_t sailing, std::vector<std::size_t> records) {
  {
    const auto& s = sailings()[sailing];
    engine::sleep_h(s.scheduled_transit_h + s.delay_h);
  }
  const double berth_h = engine::now_h();
  sailings()[sailing].arrival_h = berth_h;
  // A hub loop's boxes wait at the hub for the feeder, which discharges them at the European port.
  const int feeder = loops_[static_cast<std::size_t>(sailings()[sailing].loop)].feeder;
  if (feeder >= 0) {
    for (std::size_t i : records)
      feeders_[static_cast<std::size_t>(feeder)]->arrive(i, berth_h);
    return;
  }
  for (std::size_t i : records)
    discharge(i, berth_h);
}

void SeaModel::discharge(std::size_t i, double berth_h) {
  const SeaSpec& sea = sea_;
  // Discharge, customs and the last leg run per container with no shared resource, so they are
  // computed here rather than simulated as further events.
  auto& r = sea_records()[i];
  auto rng = RandomStream::derive(seed_, europe_purpose_, static_cast<std::uint64_t>(r.container));
  r.port_arrival_eu_h = berth_h;
  r.port_dwell_h = 24.0 * sea.port_dwell_days.sample(rng);
  r.last_leg_h = route_.last_leg.nominal_h + 24.0 * final_leg_delay().sample(rng);
  r.arrived_h = berth_h + r.port_dwell_h + r.last_leg_h;
}

} // namespace rongou
