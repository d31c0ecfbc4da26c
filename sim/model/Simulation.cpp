#include "model/Simulation.hpp"

#include <memory>

#include "corridor/PlatformReader.hpp"
#include "log/Log.hpp"
#include "model/Engine.hpp"
#include "rail/RailModel.hpp"

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
  session_for(scenario.platform_file);
  Diagnostics diagnostics;
  PreparedRun run;
  run.corridor = read_corridor_from_engine(scenario.platform_file, diagnostics);
  diagnostics.throw_if_any();
  run.plans = build_route_plans(scenario, run.corridor, diagnostics);
  diagnostics.throw_if_any();
  return run;
}

namespace {
void record_routes(const Scenario& scenario, const PreparedRun& run, Journal& journal) {
  for (std::size_t s = 0; s < run.plans.size(); ++s) {
    double km = 0.0;
    const auto& stops = run.plans[s].stops;
    for (std::size_t i = 0; i < stops.size(); ++i) {
      const Node* node = run.corridor.node(stops[i].node);
      journal.route_nodes.push_back({run.plans[s].service, scenario.rail.services[s].direction, static_cast<int>(i),
                                     stops[i].node, km, node ? node->country : std::string(),
                                     node && node->is("border"), stops[i].changes_gauge});
      if (stops[i].next)
        km += stops[i].next->distance_km;
    }
  }
}
} // namespace

Journal simulate(const Scenario& scenario) {
  PreparedRun prepared = prepare_run(scenario);
  Journal journal;
  record_routes(scenario, prepared, journal);
  RailModel rail(scenario, prepared.corridor, std::move(prepared.plans), journal);
  rail.start();
  spdlog::info("simulating {} (seed {}, {} days)", scenario.name, scenario.seed, scenario.horizon_days);
  log::set_sim_clock(engine::now_h);
  try {
    session_for(scenario.platform_file).run();
  } catch (...) {
    log::clear_sim_clock();
    throw;
  }
  log::clear_sim_clock();
  spdlog::info("simulated {} trains, {} containers, {} train events", journal.trains.size(), journal.containers.size(),
               journal.events.size());
  return journal;
}

} // namespace rongou
