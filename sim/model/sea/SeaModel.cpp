#include "model/sea/SeaModel.hpp"

#include <fmt/format.h>

#include "engine/Engine.hpp"
#include "base/RandomStream.hpp"

namespace rongou {

namespace {

std::vector<double> port_arrivals(const SeaSpec& sea, int lane, std::uint64_t seed, const SeaRoute& route,
                                  const std::vector<SeaOffer>& offers, Journal& journal) {
  // Sized once: growing by doubling would briefly hold two copies of the largest sea vector.
  std::vector<double> arrival;
  arrival.reserve(offers.size());
  journal.sea.reserve(journal.sea.size() + offers.size());
  for (const auto& offer : offers) {
    auto rng = RandomStream::derive(seed, "sea-inland", static_cast<std::uint64_t>(offer.container));
    SeaRecord r;
    r.container = offer.container;
    r.lane = lane;
    r.gate_in_h = offer.gate_in_h;
    r.inland_h = route.inland_nominal_h() + 24.0 * sea.inland_delay_days.sample(rng);
    r.port_arrival_h = r.gate_in_h + r.inland_h;
    arrival.push_back(r.port_arrival_h);
    journal.sea.push_back(r);
  }
  return arrival;
}

} // namespace

std::vector<SeaOffer> westbound_offers(const Journal& journal, int lane) {
  std::vector<SeaOffer> offers;
  for (const auto& c : journal.containers)
    if (c.direction == Direction::Westbound && c.lane == lane)
      offers.push_back({c.id, c.created_h});
  return offers;
}

SeaModel::SeaModel(const Scenario& scenario, SeaRoute route, const std::vector<SeaOffer>& offers, Journal& journal)
    : SeaModel(scenario, scenario.focus_lane, std::move(route), offers, journal) {}

SeaModel::SeaModel(const Scenario& scenario, int lane, SeaRoute route, const std::vector<SeaOffer>& offers,
                   Journal& journal)
    : scenario_(scenario), sea_(*scenario.sea_of(lane)), lane_(lane),
      seed_(lane == scenario.focus_lane ? scenario.seed : mix_seed(scenario.seed, static_cast<std::uint64_t>(lane))),
      // The focus lane's actors keep the names they had when it was the only sea alternative.
      name_prefix_(lane == scenario.focus_lane ? std::string() : scenario.lanes.at(static_cast<std::size_t>(lane)).name + " "),
      route_(std::move(route)), journal_(journal), first_record_(journal.sea.size()),
      queue_(port_arrivals(sea_, lane, seed_, route_, offers, journal)) {
  for (const auto& leg : route_.legs())
    journal.sea_legs.push_back(leg);
}

void SeaModel::start() {
  engine::spawn("sailings " + name_prefix_ + sea_.origin_port, sea_.origin_port, [this] { dispatch(); });
}

void SeaModel::dispatch() {
  const SeaSpec& sea = sea_;
  for (int k = 0; queue_.remaining() > 0; ++k) {
    SailingRecord sailing;
    sailing.index = k;
    sailing.lane = lane_;
    sailing.departure_h = sailing_departure_h(sea, k);
    sailing.cutoff_h = sailing.departure_h - sea.cutoff_hours_before_sailing;
    sailing.capacity_feu = sea.vessel_capacity_feu;
    sailing.scheduled_transit_h = route_.ocean.nominal_h;
    // One draw per sailing whether or not it carries anything, so a sailing's delay does not
    // depend on how many containers came before it.
    auto rng = RandomStream::derive(seed_, "sea-sailing", static_cast<std::uint64_t>(k));
    sailing.delay_h = 24.0 * sea.ocean_delay_days.sample(rng);
    std::vector<std::size_t> windows; // sea_delay disruptions this sailing leaves in
    for (std::size_t i = 0; i < scenario_.disruptions.size(); ++i) {
      const auto& d = scenario_.disruptions[i];
      if (d.kind == DisruptionKind::SeaDelay && d.active_at(sailing.departure_h)) {
        sailing.disruption_h += 24.0 * d.extra_days;
        windows.push_back(i);
      }
    }
    sailing.delay_h += sailing.disruption_h;

    engine::sleep_until_h(sailing.cutoff_h);
    auto loading = queue_.load(sailing.cutoff_h, sea.vessel_capacity_feu);
    sailing.feu = static_cast<int>(loading.boarded.size());
    sailing.rolled_feu = static_cast<int>(loading.rolled);
    const std::size_t index = journal_.sailings.size();
    journal_.sailings.push_back(sailing);

    engine::sleep_until_h(sailing.departure_h);
    std::vector<std::size_t> records;
    for (std::size_t b = 0; b < loading.boarded.size(); ++b) {
      const std::size_t i = loading.boarded[b];
      auto& r = journal_.sea[first_record_ + i];
      r.rolled = loading.times_rolled[b];
      r.sailing = static_cast<int>(index);
      r.sailed_h = engine::now_h();
      r.ocean_delay_h = sailing.delay_h;
      records.push_back(first_record_ + i);
    }
    // Empty sailings are not hits: no container lost time on them.
    for (std::size_t i : windows)
      if (!records.empty())
        journal_.disruption_hits.push_back({static_cast<int>(i), -1, sailing.departure_h, sailing.feu,
                                            24.0 * scenario_.disruptions[i].extra_days, static_cast<int>(index)});
    if (!records.empty())
      engine::spawn(fmt::format("{}voyage-{:04d}", name_prefix_, k), sea.origin_port,
                    [this, index, records = std::move(records)]() mutable { voyage(index, std::move(records)); });
  }
}

void SeaModel::voyage(std::size_t sailing, std::vector<std::size_t> records) {
  const SeaSpec& sea = sea_;
  {
    const auto& s = journal_.sailings[sailing];
    engine::sleep_h(s.scheduled_transit_h + s.delay_h);
  }
  const double berth_h = engine::now_h();
  journal_.sailings[sailing].arrival_h = berth_h;
  // Discharge, customs and the last leg run per container with no shared resource, so they are
  // computed here rather than simulated as further events.
  for (std::size_t i : records) {
    auto& r = journal_.sea[i];
    auto rng = RandomStream::derive(seed_, "sea-europe", static_cast<std::uint64_t>(r.container));
    r.port_arrival_eu_h = berth_h;
    r.port_dwell_h = 24.0 * sea.port_dwell_days.sample(rng);
    r.last_leg_h = route_.last_leg.nominal_h + 24.0 * sea.last_leg_delay_days.sample(rng);
    r.arrived_h = berth_h + r.port_dwell_h + r.last_leg_h;
  }
}

} // namespace rongou
