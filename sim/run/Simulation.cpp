#include "run/Simulation.hpp"

#include <map>
#include <memory>
#include <stdexcept>

#include "model/corridor/PlatformReader.hpp"
#include "base/Log.hpp"
#include "engine/Engine.hpp"
#include "base/HeapReserve.hpp"
#include "model/rail/CapacityAdditions.hpp"
#include "model/rail/RailModel.hpp"
#include "model/choice/ModeChoice.hpp"
#include "model/doors/DoorStages.hpp"
#include "model/sea/SeaModel.hpp"
#include "run/MemoryEstimate.hpp"

namespace rongou {

namespace {
// The engine lives as long as the process: SimGrid keeps global state after a run, and a
// second engine in the same process would inherit the first one's clock.
engine::Session& session_for(const std::string& platform_file) {
  static std::unique_ptr<engine::Session> session;
  static std::string loaded;
  if (!session) {
    session = std::make_unique<engine::Session>(platform_file);
    loaded = platform_file;
  } else if (loaded != platform_file) {
    throw engine::SimulationError("one process can load one platform; run each scenario in its own process");
  }
  return *session;
}
} // namespace

PreparedRun prepare_run(const Scenario& scenario) {
  Diagnostics diagnostics;
  PreparedRun run = check_against_platform(scenario, diagnostics);
  diagnostics.throw_if_any();
  return run;
}

PreparedRun check_against_platform(const Scenario& scenario, Diagnostics& diagnostics) {
  PreparedRun run;
  try {
    session_for(scenario.platform_file);
  } catch (const InputError& e) {
    // Point at the `platform:` key that named the file.
    Diagnostic d{scenario.source_file, 0, 0, "platform", e.what()};
    const Origin& origin = scenario.sources.lookup("platform");
    if (!origin.source.empty())
      d.file = origin.source;
    if (auto it = scenario.positions.find("platform"); it != scenario.positions.end() && origin.has_marks) {
      d.line = it->second.line;
      d.column = it->second.column;
    }
    diagnostics.add(std::move(d));
    return run;
  }
  const std::size_t before = diagnostics.items().size();
  run.corridor = read_corridor_from_engine(scenario.platform_file, diagnostics);
  if (diagnostics.items().size() > before)
    return run; // routes checked against a broken corridor would only repeat its faults
  apply_capacity_additions(scenario, run.corridor, diagnostics);
  run.plans = build_route_plans(scenario, run.corridor, diagnostics);
  for (int lane : scenario.sea_lanes())
    run.sea.emplace_back(lane, build_sea_route(scenario, lane, run.corridor, diagnostics));
  if (scenario.sea && scenario.sea->eastbound)
    run.sea_eastbound = build_sea_route(scenario, scenario.focus_lane, run.corridor, diagnostics, Direction::Eastbound);
  if (diagnostics.items().size() == before) // disruptions are placed on well-formed routes only
    run.disruptions = build_disruption_plan(scenario, run.corridor, run.plans, diagnostics);
  return run;
}

namespace {
void record_routes(const Scenario& scenario, const PreparedRun& run, Journal& journal) {
  std::map<std::string, NodePlace> places; // by name
  for (std::size_t s = 0; s < run.plans.size(); ++s) {
    RailRouteInfo info; // what the cost model needs of each route
    info.length_km = run.plans[s].length_km;
    for (const auto& stop : run.plans[s].stops)
      info.gauge_changes += stop.changes_gauge ? 1 : 0;
    journal.rail_routes[scenario.rail.services[s].name] = info;
    double km = 0.0;
    const auto& stops = run.plans[s].stops;
    for (std::size_t i = 0; i < stops.size(); ++i) {
      const Node* node = run.corridor.node(stops[i].node);
      journal.route_nodes.push_back({run.plans[s].service, scenario.rail.services[s].lane,
                                     scenario.rail.services[s].direction, static_cast<int>(i),
                                     stops[i].node, km, node ? node->country : std::string(),
                                     node && node->is("border"), stops[i].changes_gauge,
                                     stops[i].next != nullptr && stops[i].next->electrified});
      if (stops[i].next)
        km += stops[i].next->distance_km;
      if (node != nullptr)
        places.emplace(stops[i].node, NodePlace{stops[i].node, node->country, node->lat, node->lon,
                                                node->is("border"), node->yard.has_value(), node->is("terminal")});
    }
  }
  for (auto& [_, place] : places)
    journal.places.push_back(std::move(place));
}
} // namespace

Journal simulate(const Scenario& scenario) {
  // The engine's clock runs on from one run to the next (session_for): a second run in this
  // process would start where the first ended. Refused rather than silently shifted.
  static bool simulated = false;
  if (simulated)
    throw std::logic_error("a second simulation in one process: SimGrid allows one engine per process, so each "
                           "run needs a process of its own (as replications, sweeps and tests fork one)");
  simulated = true;
  // Memory the run will need, taken at once: far cheaper than a page fault at a time.
  reserve_heap(static_cast<std::size_t>(estimate_memory(scenario).heap_bytes()));
  PreparedRun prepared = prepare_run(scenario);
  Journal journal;
  record_routes(scenario, prepared, journal);
  RailModel rail(scenario, prepared.corridor, std::move(prepared.plans), journal, std::move(prepared.disruptions));
  // Each sea chain carries the very containers the rail model generated on its lane (same ids,
  // same gate-in times): the two modes are compared pair by pair. The focus lane's model is
  // made and started first, as when it was the only one.
  // With `choice:`, the focus lane's containers go by one mode each: its sea model is open for
  // booking and the shippers' actor routes every container at run time.
  std::vector<std::unique_ptr<SeaModel>> sea;
  std::unique_ptr<ModeChoice> shippers;
  for (auto& [lane, route] : prepared.sea) {
    if (scenario.choice && lane == scenario.focus_lane) {
      sea.push_back(std::make_unique<SeaModel>(scenario, lane, Direction::Westbound, std::move(route), journal));
      const auto& origin = scenario.sea->origin_port;
      shippers = std::make_unique<ModeChoice>(scenario, Direction::Westbound, journal, *sea.back(), origin);
      rail.follow_choices(lane, Direction::Westbound);
    } else {
      sea.push_back(std::make_unique<SeaModel>(scenario, lane, std::move(route), sea_offers(journal, lane, Direction::Westbound), journal));
    }
  }
  // The eastbound chain is made and started after every westbound one and draws from streams
  // of its own, so without eastbound choice the westbound results are those of a run without
  // it. When eastbound shippers choose too, it is open for booking and their own actor routes
  // each container (eastbound trains then carry only their boxes, which the line's westbound
  // trains meet).
  std::unique_ptr<ModeChoice> eastbound_shippers;
  if (prepared.sea_eastbound && scenario.choice && scenario.choice->eastbound) {
    sea.push_back(std::make_unique<SeaModel>(scenario, scenario.focus_lane, Direction::Eastbound,
                                             std::move(*prepared.sea_eastbound), journal));
    eastbound_shippers = std::make_unique<ModeChoice>(scenario, Direction::Eastbound, journal, *sea.back(),
                                                      scenario.sea->eastbound->european_port);
    rail.follow_choices(scenario.focus_lane, Direction::Eastbound);
  } else if (prepared.sea_eastbound) {
    sea.push_back(std::make_unique<SeaModel>(scenario, scenario.focus_lane, Direction::Eastbound,
                                             std::move(*prepared.sea_eastbound),
                                             sea_offers(journal, scenario.focus_lane, Direction::Eastbound), journal));
  }
  // First: each day's containers choose before any train or sailing of that day.
  if (shippers)
    shippers->start();
  if (eastbound_shippers)
    eastbound_shippers->start();
  rail.start();
  for (auto& model : sea)
    model->start();
  spdlog::info("simulating {} (seed {}, {} days)", scenario.name, scenario.seed, scenario.horizon_days);
  log::set_sim_clock(engine::now_h);
  try {
    session_for(scenario.platform_file).run();
  } catch (...) {
    log::clear_sim_clock();
    throw;
  }
  log::clear_sim_clock();
  rail.finish(engine::now_h());
  record_doors(scenario, journal);
  spdlog::info("simulated {} trains, {} containers, {} train events", journal.trains.size(), journal.containers.size(),
               journal.events.size());
  return journal;
}

} // namespace rongou
