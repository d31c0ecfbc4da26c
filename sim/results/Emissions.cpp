#include "results/Emissions.hpp"

#include "scenario/EmissionEstimate.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace rongou {

namespace {

bool measured(const Scenario& s, double h) { return h >= s.warmup_days * 24.0 && h < s.horizon_days * 24.0; }

const CostSpec& spec_of(const Scenario& s, int lane) {
  const auto& costs = s.costs_of(lane);
  if (!costs)
    throw std::logic_error("the lane has no costs section");
  return *costs;
}

// Data-quality tags: a leg computed from a factor the scenario set itself is `primary`; else
// its default's tag (docs/emissions.md#data-quality).
std::string tagged(bool provided, const char* otherwise) { return provided ? "primary" : otherwise; }

// The grid a country's electric train-km count at, as the scenario names it.
std::string grid_key(const EmissionSpec& e, const std::string& country) {
  return e.grids.count(country) ? "grids." + country : std::string("grids.other");
}

// A train's energy: its figures, the grid it runs on (any grid: `country` empty) and diesel.
bool train_factors_provided(const EmissionSpec& e, const std::string& country, bool diesel) {
  if (e.is_provided("rail") || (diesel && e.is_provided("fuels.diesel")))
    return true;
  if (!country.empty())
    return e.is_provided(grid_key(e, country));
  return std::any_of(e.provided.begin(), e.provided.end(), [](const std::string& k) { return k.rfind("grids.", 0) == 0; });
}

std::string vehicle_quality(const EmissionSpec& e, const TransportLeg& leg) {
  if (leg.mode == "sea")
    return e.ship_quality(leg.is_feeder());
  if (leg.mode == "rail" || leg.mode == "inland_rail") {
    const auto& grid = e.grid(e.rail.unrouted_country);
    return tagged(train_factors_provided(e, e.rail.unrouted_country, grid.electric_share < 1.0), "modelled");
  }
  if (leg.mode == "barge")
    return tagged(e.is_provided("barge") || e.is_provided("fuels." + e.barge_carrier), "assumed");
  if (leg.mode == "road")
    return tagged(e.is_provided("road") || e.is_provided("fuels." + e.road_carrier), "assumed");
  return "assumed";
}

std::string hub_quality(const EmissionSpec& e, const std::string& hub, const char* otherwise) {
  return tagged(e.is_provided("hubs." + hub), otherwise);
}

// Legs summed per container, then divided by the number of containers: kept in the order
// they first appear, keyed by kind and ends. A leg is found by its key once (slot) and then
// added to by its index, as every container of a train adds the same legs.
class LegSums {
public:
  std::size_t slot(const std::string& kind, const std::string& from, const std::string& to,
                   const std::string& quality) {
    const std::string key = kind + '\n' + from + '\n' + to;
    auto it = index_.find(key);
    if (it == index_.end()) {
      it = index_.emplace(key, legs_.size()).first;
      legs_.push_back({kind, from, to, 0.0, 0.0, 0.0, 0.0, quality});
    }
    return it->second;
  }
  void add(std::size_t slot, double km, double tonnes, const Co2e& co2e, double weight = 1.0) {
    EmissionLeg& leg = legs_[slot];
    leg.km += weight * km;
    leg.tonne_km += weight * km * tonnes;
    leg.wtw_kg += weight * co2e.wtw_kg;
    leg.ttw_kg += weight * co2e.ttw_kg;
  }
  void add(const std::string& kind, const std::string& from, const std::string& to, double km, double tonnes,
           const Co2e& co2e, const std::string& quality, double weight = 1.0) {
    add(slot(kind, from, to, quality), km, tonnes, co2e, weight);
  }
  std::vector<EmissionLeg> means(int containers) const {
    std::vector<EmissionLeg> out = legs_;
    if (containers > 1)
      for (auto& leg : out) {
        leg.km /= containers;
        leg.tonne_km /= containers;
        leg.wtw_kg /= containers;
        leg.ttw_kg /= containers;
      }
    return out;
  }

private:
  std::map<std::string, std::size_t> index_;
  std::vector<EmissionLeg> legs_;
};

Co2e hub(const HubFactor& f) { return {f.wtw_kg_co2e_per_feu, f.ttw_kg_co2e_per_feu}; }

// Train units' CO2e over their runs, and the run's empty running per loaded cargo tonne-km.
class TrainEnergy {
public:
  TrainEnergy(const Scenario& scenario, const Journal& journal, const CostSpec& costs)
      : scenario_(scenario), journal_(journal), costs_(costs) {
    for (const auto& r : journal.route_nodes)
      routes_[r.service].push_back(&r);
    // Empty running: trains without loads, empty wagon trains and light locomotives that set
    // off in the measured window, with the loaded trains' mix of traction and grids; borne by
    // the cargo tonne-km of the loaded trains of the same window (ISO 14083: empty trips
    // belong to the transport operation category of the loaded ones).
    double cargo_tkm = 0.0;
    Co2e empty;
    for (std::size_t i = 0; i < journal.trains.size(); ++i) {
      const TrainRecord& t = journal.trains[i];
      if (!t.departed_h || !measured(scenario, *t.departed_h))
        continue;
      const Run run = this->run(i);
      if (t.feu > 0) {
        cargo_tkm += t.feu * costs.tonnes_per_feu * run.km;
        mix_km_ += run.km;
        mix_electric_km_ += run.electric_km;
        mix_electric_g_km_ += run.electric_g_km;
      } else {
        empty += run.co2e;
      }
    }
    const auto& r = costs.emissions.rail;
    for (const auto& w : journal.empty_wagon_trains)
      if (measured(scenario, w.departed_h)) {
        const auto& fleet = journal.wagon_fleets.at(static_cast<std::size_t>(w.fleet));
        empty += scaled(mixed_train_km(r.locomotive_tonnes + w.wagons * fleet.feu_per_wagon * r.wagon_tare_tonnes_per_feu, 1.0), w.km);
      }
    for (const auto& l : journal.locomotives.light_runs)
      if (measured(scenario, l.departed_h))
        empty += scaled(mixed_train_km(r.locomotive_tonnes, 0.0), l.km);
    empty_per_cargo_tkm_ = cargo_tkm > 0.0 ? scaled(empty, 1.0 / cargo_tkm) : Co2e{};
  }

  // One km of an empty run with the loaded trains' traction mix (all diesel without any).
  Co2e mixed_train_km(double gross_tonnes, double per_train_km) const {
    const double share = mix_km_ > 0.0 ? mix_electric_km_ / mix_km_ : 0.0;
    const double grid = mix_electric_km_ > 0.0 ? mix_electric_g_km_ / mix_electric_km_ : 0.0;
    return train_km(costs_.emissions, gross_tonnes, share, grid, per_train_km);
  }

  // A stretch of a run in one country under one traction: a rail leg of the outputs.
  struct Section {
    std::string from;
    std::string to;
    std::string country;
    double electric_share = 0.0;
    double km = 0.0;
    Co2e co2e; // the whole train's
  };
  struct Run {
    std::vector<Section> sections;
    double km = 0.0;
    double electric_km = 0.0;   // km x electric share
    double electric_g_km = 0.0; // electric km x grid g per kWh
    double gross_tonnes = 0.0;
    Co2e co2e; // the whole train's
  };

  // Train unit `index`'s run from its origin to its destination along its service's route.
  Run run(std::size_t index) const {
    const TrainRecord& t = journal_.trains[index];
    const auto& r = costs_.emissions.rail;
    int slots = t.feu + t.empty_feu;
    for (const auto& svc : scenario_.rail.services)
      if (svc.name == t.service)
        slots = std::max(slots, svc.max_feu);
    Run out;
    out.gross_tonnes = r.locomotive_tonnes + slots * r.wagon_tare_tonnes_per_feu +
                       (t.feu + t.empty_feu) * r.box_tare_tonnes + t.feu * costs_.tonnes_per_feu;
    const bool diesel_only = std::find(r.diesel_under_wires.begin(), r.diesel_under_wires.end(), t.service) !=
                             r.diesel_under_wires.end();
    const auto it = routes_.find(t.service);
    bool inside = false;
    if (it != routes_.end()) {
      const auto& stops = it->second;
      for (std::size_t s = 0; s + 1 < stops.size(); ++s) {
        if (stops[s]->node == t.origin)
          inside = true;
        if (inside && stops[s]->node == t.destination)
          break;
        if (!inside)
          continue;
        // A segment across a border counts in the country of its first node.
        const double km = stops[s + 1]->km - stops[s]->km;
        const GridFactor& grid = costs_.emissions.grid(stops[s]->country);
        const double share = stops[s]->electrified_to_next && !diesel_only ? grid.electric_share : 0.0;
        out.km += km;
        out.electric_km += share * km;
        out.electric_g_km += share * km * grid.wtw_g_co2e_per_kwh;
        const Co2e co2e = scaled(train_km(costs_.emissions, out.gross_tonnes, share, grid.wtw_g_co2e_per_kwh), km);
        out.co2e += co2e;
        if (out.sections.empty() || out.sections.back().country != stops[s]->country ||
            out.sections.back().electric_share != share)
          out.sections.push_back({stops[s]->node, stops[s]->node, stops[s]->country, share, 0.0, Co2e{}});
        Section& section = out.sections.back();
        section.to = stops[s + 1]->node;
        section.km += km;
        section.co2e += co2e;
      }
    }
    if (!inside) { // a unit off its service's recorded route: its km, by diesel
      out.km = t.km;
      out.co2e = scaled(train_km(costs_.emissions, out.gross_tonnes, 0.0, 0.0), t.km);
      out.sections = {{t.origin, t.destination, "", 0.0, t.km, out.co2e}};
    }
    return out;
  }

  const Co2e& empty_per_cargo_tonne_km() const { return empty_per_cargo_tkm_; }
  const std::vector<const RouteNodeRecord*>* route(const std::string& service) const {
    const auto it = routes_.find(service);
    return it == routes_.end() ? nullptr : &it->second;
  }

private:
  const Scenario& scenario_;
  const Journal& journal_;
  const CostSpec& costs_;
  std::map<std::string, std::vector<const RouteNodeRecord*>> routes_;
  Co2e empty_per_cargo_tkm_;
  double mix_km_ = 0.0, mix_electric_km_ = 0.0, mix_electric_g_km_ = 0.0; // loaded trains' runs
};

} // namespace

double ModeEmissions::wtw_kg_per_feu() const {
  double sum = 0.0;
  for (const auto& l : legs)
    sum += l.wtw_kg;
  return sum;
}
double ModeEmissions::ttw_kg_per_feu() const {
  double sum = 0.0;
  for (const auto& l : legs)
    sum += l.ttw_kg;
  return sum;
}
double ModeEmissions::tonne_km_per_feu() const {
  double sum = 0.0;
  for (const auto& l : legs)
    if (l.kind != "empty_running") // the loaded cargo's tonne-km, counted once
      sum += l.tonne_km;
  return sum;
}
double ModeEmissions::km_per_feu() const {
  double sum = 0.0;
  for (const auto& l : legs)
    if (l.kind != "empty_running")
      sum += l.km;
  return sum;
}
double ModeEmissions::wtw_g_per_tonne_km() const {
  const double tkm = tonne_km_per_feu();
  return tkm > 0.0 ? wtw_kg_per_feu() * 1000.0 / tkm : 0.0;
}
double ModeEmissions::wtw_kg_per_tonne() const { return tonnes_per_feu > 0.0 ? wtw_kg_per_feu() / tonnes_per_feu : 0.0; }
double ModeEmissions::ttw_kg_per_tonne() const { return tonnes_per_feu > 0.0 ? ttw_kg_per_feu() / tonnes_per_feu : 0.0; }

ModeEmissions rail_emissions(const Scenario& scenario, const Journal& journal, int lane, Direction direction) {
  const CostSpec& c = spec_of(scenario, lane);
  const auto& e = c.emissions;
  ModeEmissions out;
  out.tonnes_per_feu = c.tonnes_per_feu;
  const TrainEnergy energy(scenario, journal, c);
  LegSums sums;
  const std::string terminal_quality = hub_quality(e, "terminal", "assumed");
  int containers = 0;
  // What one container adds, in order: the same for every container whose last train unit
  // is the same (its chain of units, route and yards follow from it), so found once.
  struct LegAdd {
    std::size_t slot;
    double km, tonnes;
    Co2e co2e;
  };
  std::map<int, std::vector<LegAdd>> adds_by_last_unit;
  std::map<std::size_t, TrainEnergy::Run> runs; // by train index, each computed once
  const auto legs_of = [&](int last_unit) {
    std::vector<LegAdd> adds;
    const auto add = [&](const std::string& kind, const std::string& from, const std::string& to, double km,
                         double tonnes, const Co2e& co2e, const std::string& quality) {
      adds.push_back({sums.slot(kind, from, to, quality), km, tonnes, co2e});
    };
    std::vector<std::size_t> chain; // the train units it rode, first to last
    for (int t = last_unit; t >= 0; t = journal.trains[static_cast<std::size_t>(t)].parent)
      chain.push_back(static_cast<std::size_t>(t));
    std::reverse(chain.begin(), chain.end());
    const TrainRecord& first = journal.trains[chain.front()];
    const TrainRecord& last = journal.trains[chain.back()];
    add("terminal", first.origin, first.origin, 0.0, 0.0, hub(e.terminal), terminal_quality);
    double km = 0.0;
    for (std::size_t i = 0; i < chain.size(); ++i) {
      const TrainRecord& unit = journal.trains[chain[i]];
      auto it = runs.find(chain[i]);
      if (it == runs.end())
        it = runs.emplace(chain[i], energy.run(chain[i])).first;
      const TrainEnergy::Run& run = it->second;
      for (const auto& section : run.sections)
        add("rail", section.from, section.to, section.km, c.tonnes_per_feu,
            scaled(section.co2e, 1.0 / std::max(unit.feu, 1)),
            tagged(train_factors_provided(e, section.country.empty() ? "other" : section.country,
                                          section.electric_share < 1.0),
                   "modelled"));
      km += run.km;
    }
    // Every break-of-gauge yard on its service's route transships it, whether its train was
    // split there into new units or went on as one.
    if (const auto* stops = energy.route(first.service))
      for (const auto* stop : *stops)
        if (stop->gauge_change)
          add("gauge_change", stop->node, stop->node, 0.0, 0.0, hub(e.gauge_change),
              hub_quality(e, "gauge_change", "assumed"));
    add("empty_running", first.origin, last.destination, km, c.tonnes_per_feu,
        scaled(energy.empty_per_cargo_tonne_km(), c.tonnes_per_feu * km),
        tagged(train_factors_provided(e, "", true), "modelled"));
    add("terminal", last.destination, last.destination, 0.0, 0.0, hub(e.terminal), terminal_quality);
    return adds;
  };
  for (const auto& container : journal.containers) {
    if (container.direction != direction || container.lane != lane || !container.arrived_h ||
        !measured(scenario, container.created_h) || container.train < 0)
      continue;
    ++containers;
    auto it = adds_by_last_unit.find(container.train);
    if (it == adds_by_last_unit.end())
      it = adds_by_last_unit.emplace(container.train, legs_of(container.train)).first;
    for (const LegAdd& a : it->second)
      sums.add(a.slot, a.km, a.tonnes, a.co2e);
  }
  out.legs = sums.means(containers);
  return out;
}

ModeEmissions sea_emissions(const Scenario& scenario, const Journal& journal, int lane, Direction direction) {
  const CostSpec& c = spec_of(scenario, lane);
  const auto& e = c.emissions;
  ModeEmissions out;
  out.tonnes_per_feu = c.tonnes_per_feu;
  // Boxes per route (direct, or via a hub) among those measured, for the legs' weights.
  int containers = 0;
  std::map<std::string, int> via_count;
  std::vector<std::string> loop_via; // per loop of the lane: "direct" or its hub
  for (const auto& loop : scenario.sea_of(lane)->effective_loops())
    loop_via.push_back(loop.hub.empty() ? "direct" : loop.hub);
  const bool westbound = direction == Direction::Westbound;
  const std::vector<SeaRecord>& records = westbound ? journal.sea : journal.sea_eastbound;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const SeaRecord& r = records[i];
    // Measured by the rail twin's gate-in, as SeaMetrics.
    const double offered_h = journal.containers.at(static_cast<std::size_t>(r.container)).created_h;
    if (r.lane != lane || !r.arrived_h || !measured(scenario, offered_h))
      continue;
    ++containers;
    const bool via_hub = westbound && i < journal.sea_hub.size() && journal.sea_hub[i].hub_arrival_h;
    ++via_count[via_hub ? loop_via.at(static_cast<std::size_t>(journal.sailings.at(static_cast<std::size_t>(r.sailing)).loop))
                        : std::string("direct")];
  }
  // The legs every box takes count in full; a route's legs by the share of the measured boxes
  // that took it (all of them direct when no loop uses a hub, or when none was measured).
  const auto share = [&](const std::string& via) {
    if (via.empty())
      return 1.0;
    if (containers == 0)
      return via == "direct" ? 1.0 : 0.0;
    const auto it = via_count.find(via);
    return it == via_count.end() ? 0.0 : static_cast<double>(it->second) / containers;
  };
  std::vector<const TransportLeg*> legs;
  for (const auto& leg : westbound ? journal.sea_legs : journal.sea_legs_eastbound)
    if (leg.lane == lane)
      legs.push_back(&leg);
  if (legs.empty())
    return out;
  const std::string& destination = legs.back()->to;
  LegSums sums;
  const std::string terminal_quality = hub_quality(e, "terminal", "assumed");
  sums.add("terminal", legs.front()->from, legs.front()->from, 0.0, 0.0, hub(e.terminal), terminal_quality);
  for (std::size_t i = 0; i < legs.size(); ++i) {
    const TransportLeg& leg = *legs[i];
    const double w = share(leg.via);
    if (w <= 0.0)
      continue;
    const Co2e co2e = leg.mode == "sea" ? ship_leg(c, leg.distance_km, leg.is_feeder())
                                        : vehicle_leg(c, leg.mode, leg.distance_km, c.tonnes_per_feu);
    sums.add(leg.mode, leg.from, leg.to, leg.distance_km, c.tonnes_per_feu, co2e, vehicle_quality(e, leg), w);
    if (leg.to == destination) {
      if (leg.mode == "inland_rail" || leg.mode == "rail")
        sums.add("terminal", leg.to, leg.to, 0.0, 0.0, hub(e.terminal), terminal_quality, w);
      continue;
    }
    // Between two legs: a port where a ship or barge is loaded or unloaded, else a terminal.
    const std::string next_mode = i + 1 < legs.size() ? legs[i + 1]->mode : std::string();
    const bool water = leg.mode == "sea" || leg.mode == "barge" || next_mode == "sea" || next_mode == "barge";
    sums.add(water ? "port" : "terminal", leg.to, leg.to, 0.0, 0.0, hub(water ? e.port : e.terminal),
             water ? hub_quality(e, "port", "default") : terminal_quality, w);
  }
  out.legs = sums.means(1);
  return out;
}


} // namespace rongou
