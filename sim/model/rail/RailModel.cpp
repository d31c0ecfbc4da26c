#include "model/rail/RailModel.hpp"

#include <algorithm>
#include <set>
#include <fmt/format.h>

#include "engine/Engine.hpp"
#include "model/rail/BackgroundTimetable.hpp"
#include "model/rail/DisruptionWindow.hpp"
#include "model/rail/Timetable.hpp"
#include "model/rail/Train.hpp"

namespace rongou {

namespace {

// A section (locomotives), district (crews) or fleet's stretch (wagons) along the first plan
// that starts one at a stop whose `start` member is `index` and ends it where `end` is: its
// nominal running time, length and shortest length limit.
struct SectionRun {
  double hours = 0.0;
  double km = 0.0;
  int limit_feu = 0;
};
SectionRun section_run(const std::vector<RoutePlan>& plans, int RouteStop::*start, int RouteStop::*end, int index) {
  SectionRun run;
  for (const auto& plan : plans) {
    const auto first = std::find_if(plan.stops.begin(), plan.stops.end(),
                                    [&](const RouteStop& s) { return s.*start == index; });
    if (first == plan.stops.end())
      continue;
    run.limit_feu = first->next->max_train_feu;
    for (auto stop = first; (*stop).*end != index; ++stop) {
      run.hours += stop->next->nominal_hours();
      run.km += stop->next->distance_km;
      run.limit_feu = std::min(run.limit_feu, stop->next->max_train_feu);
    }
    break;
  }
  return run;
}

} // namespace

RailModel::RailModel(const Scenario& scenario, const Corridor& corridor, std::vector<RoutePlan> plans,
                     Journal& journal, DisruptionPlan disruptions)
    : scenario_(scenario), corridor_(corridor), plans_(std::move(plans)), journal_(journal),
      disruptions_(std::move(disruptions)) {
  services_ = plans_.size();
  for (std::size_t i = 0; i < disruptions_.items.size(); ++i)
    for (std::size_t service = 0; service < disruptions_.items[i].detoured.size(); ++service)
      if (const auto& detoured = disruptions_.items[i].detoured[service]) {
        const auto& own = plans_[service].stops;
        std::size_t shared = 0;
        while (shared + 1 < own.size() && shared + 1 < detoured->stops.size() &&
               own[shared + 1].node == detoured->stops[shared + 1].node)
          ++shared;
        detour_branches_[plans_.size()] = shared;
        detoured_plans_[{static_cast<int>(i), service}] = plans_.size();
        plans_.push_back(*detoured);
      }
  // A locomotive runs light, a crew rides back and empty wagons run along their section as
  // the first service that crosses it does, in its nominal running time.
  auto add_pool = [&](std::vector<std::unique_ptr<LocomotivePool>>& pools, const LocomotivePoolSpec& spec,
                      int RouteStop::*acquire, int RouteStop::*release, PoolJournal& records) {
    const int p = static_cast<int>(pools.size());
    const SectionRun run = section_run(plans_, acquire, release, p);
    pools.push_back(
        std::make_unique<LocomotivePool>(p, spec, run.hours, run.km, scenario.warmup_days * 24.0, records));
    records.names.push_back(spec.label());
    records.sizes.push_back(spec.count);
    records.ends.emplace_back(spec.first_node, spec.second_node);
  };
  for (const auto& spec : scenario.rail.locomotives)
    add_pool(pools_, spec, &RouteStop::acquire_pool, &RouteStop::release_pool, journal.locomotives);
  for (const auto& district : scenario.rail.crews)
    add_pool(crews_, district.as_pool(), &RouteStop::acquire_crews, &RouteStop::release_crews, journal.crews);
  for (std::size_t f = 0; f < scenario.rail.wagons.size(); ++f) {
    const auto& spec = scenario.rail.wagons[f];
    // Empty wagon trains are as long as the section's shortest length limit allows.
    const SectionRun run = section_run(plans_, &RouteStop::wagons_take, &RouteStop::wagons_return, static_cast<int>(f));
    const int per_wagon = std::max(1, spec.feu_per_wagon);
    fleets_.push_back(std::make_unique<WagonFleet>(static_cast<int>(f), spec, run.hours, run.km,
                                                   (run.limit_feu + per_wagon - 1) / per_wagon,
                                                   scenario.warmup_days * 24.0, journal));
    journal.wagon_fleets.push_back({spec.label(), spec.first_node, spec.second_node, spec.count, per_wagon});
  }
  for (const auto& plan : plans_) {
    auto& nodes = stop_nodes_.emplace_back();
    for (const auto& stop : plan.stops)
      nodes.push_back(intern_node_name(stop.node));
  }
  for (const auto& plan : plans_)
    for (const auto& stop : plan.stops) {
      if (stop.changes_gauge && !yards_.count(stop.node))
        yards_[stop.node] = std::make_unique<GaugeChangeYard>(stop.node, *corridor.node(stop.node)->yard, journal);
      if (stop.crosses_border && !crossings_.count(stop.node))
        crossings_[stop.node] = std::make_unique<BorderCrossingServer>(stop.node, *corridor.node(stop.node)->crossing);
    }
  // By node name (both maps are ordered), so outputs list them the same way every run.
  std::set<std::string> server_nodes;
  for (const auto& [node, _] : crossings_)
    server_nodes.insert(node);
  for (const auto& [node, _] : yards_)
    server_nodes.insert(node);
  for (const auto& node : server_nodes) {
    const Node* n = corridor.node(node);
    if (crossings_.count(node))
      journal.servers.push_back({node, ServerKind::Crossing, n->crossing->positions, n->crossing->trains_per_day});
    // A yard works as many trains at once as it has tracks and crane gangs for: the units its
    // utilisation is measured against.
    if (yards_.count(node)) {
      const auto& y = *n->yard;
      const int gang = std::max(1, std::min(y.cranes_per_train, y.cranes));
      journal.servers.push_back({node, ServerKind::Yard, std::min(y.tracks, y.cranes / gang), 0.0});
    }
  }

  // Track sections after the node servers, by segment id: the segment is the server's name.
  for (const auto& plan : plans_) {
    auto& tracks = stop_tracks_.emplace_back(plan.stops.size(), nullptr);
    for (std::size_t i = 0; i + 1 < plan.stops.size(); ++i) {
      const Segment* segment = plan.stops[i].next;
      if (segment == nullptr || !segment->limits_trains())
        continue;
      auto& section = tracks_[segment->id];
      if (!section)
        section = std::make_unique<TrackSection>(*segment);
      tracks[i] = section.get();
    }
  }
  for (const auto& [id, section] : tracks_) {
    const Segment& s = section->segment();
    journal.servers.push_back({id, ServerKind::Track, s.single_track ? section->blocks() : 2,
                               s.headway_minutes > 0.0 ? 24.0 * 60.0 / s.headway_minutes : 0.0});
  }

  // Ferry lines after the track sections, each port trains board at by name: the port is the
  // server's name. A ferry's capacity is per sailing, not trains at once: no units.
  std::set<std::string> ferry_ports;
  for (std::size_t f = 0; f < scenario.rail.ferries.size(); ++f) {
    const FerrySpec& spec = scenario.rail.ferries[f];
    ferries_.push_back(std::make_unique<FerryLine>(
        spec, *corridor.segment_between(spec.first_port, spec.second_port),
        RandomStream::derive(scenario.seed, "ferry weather " + spec.name, f)));
  }
  for (const auto& plan : plans_)
    for (const auto& stop : plan.stops)
      if (stop.ferry >= 0)
        ferry_ports.insert(stop.node);
  for (const auto& port : ferry_ports)
    journal.servers.push_back({port, ServerKind::Ferry, 0, 0.0});
  journal.ferries = !ferry_ports.empty();

  // Conservative on purpose: any closure or slowdown touching a node keeps trains stopping
  // there, so disruptions always act where and when they did with one sleep per segment.
  auto disrupted = [this](const std::string& node) {
    for (const auto& d : disruptions_.items) {
      if (d.spec.kind != DisruptionKind::Closure && d.spec.kind != DisruptionKind::Slowdown)
        continue;
      if (d.spec.node == node || (d.segment != nullptr && (d.segment->from == node || d.segment->to == node)))
        return true;
    }
    return false;
  };
  // Where a detour leaves a service's route, a train under way stops to be rerouted.
  std::vector<std::vector<bool>> branches(plans_.size());
  for (const auto& [key, detoured] : detoured_plans_) {
    auto& at = branches[key.second];
    at.resize(plans_[key.second].stops.size(), false);
    at[detour_branches_.at(detoured)] = true;
  }
  for (std::size_t p = 0; p < plans_.size(); ++p) {
    const auto& stops = plans_[p].stops;
    auto& through = passes_through_.emplace_back(stops.size(), false);
    for (std::size_t i = 1; i + 1 < stops.size(); ++i)
      through[i] = !stops[i].border_dwell_hours && !stops[i].crosses_border && !stops[i].changes_gauge &&
                   stops[i].release_pool < 0 && stops[i].acquire_pool < 0 && stops[i].release_crews < 0 &&
                   stops[i].acquire_crews < 0 && stops[i].wagons_take < 0 && stops[i].wagons_return < 0 &&
                   stops[i].inspection < 0 && stops[i].ferry < 0 &&
                   !disrupted(stops[i].node) && !disrupted(stops[i + 1].node) &&
                   !stops[i].next->limits_trains() && // planned through when the train is there
                   (branches[p].empty() || !branches[p][i]);
  }

  // Containers of both directions share one id space: ids are indices into the journal.
  // Drawn before they are recorded so the journal is sized once: growing it by doubling
  // briefly holds two copies, the peak memory of a long run.
  // Lane 0 draws from the scenario's seed as a single-corridor run always has; every other
  // lane from a seed of its own.
  std::map<std::pair<int, Direction>, std::vector<double>> gate_in_by_lane;
  std::size_t total = 0;
  for (std::size_t lane = 0; lane < scenario.lanes.size(); ++lane)
    for (Direction d : kDirections) {
      const auto& lane_demand = scenario.lanes[lane].demand;
      const auto demand = lane_demand.find(d);
      if (demand == lane_demand.end())
        continue;
      const std::uint64_t seed = lane == 0 ? scenario.seed : mix_seed(scenario.seed, lane);
      auto& gate_in = gate_in_by_lane[{static_cast<int>(lane), d}];
      gate_in = generate_gate_in_hours(demand->second, scenario.horizon_days, seed, d, scenario.calendar);
      total += gate_in.size();
    }
  journal.containers.reserve(journal.containers.size() + total);
  // Same for train events, from an estimate (about 3.5 a stop on the baseline): pages reserved
  // but never written cost no memory, and a low estimate only falls back to doubling.
  std::size_t events = 0;
  for (std::size_t s = 0; s < services_; ++s) {
    const RailService& service = scenario.rail.services[s];
    const double trains = service.background ? service.background->trains_per_week * scenario.horizon_days / 7.0
                                             : static_cast<double>(planned_departures_h(service, scenario.horizon_days).size());
    events += static_cast<std::size_t>(trains) * (4 * plans_[s].stops.size() + 4);
  }
  journal.events.reserve(journal.events.size() + events);
  all_gate_in_h_.reserve(total);
  for (const auto& [lane_direction, gate_in] : gate_in_by_lane) {
    const auto [lane, d] = lane_direction;
    std::vector<int> ids;
    for (double t : gate_in) {
      ContainerRecord c;
      c.id = static_cast<int>(journal.containers.size());
      c.direction = d;
      c.lane = static_cast<std::uint16_t>(lane);
      c.created_h = t;
      ids.push_back(c.id);
      all_gate_in_h_.push_back(t);
      journal.containers.push_back(c);
    }
    // A market split among rail routes (`choice.routes`) has a queue per route, each passing
    // over the boxes booked on another.
    const std::size_t routes = scenario.choice && lane == scenario.focus_lane && d == Direction::Westbound
                                   ? scenario.choice->rail_routes()
                                   : 1;
    for (std::size_t route = 1; route < routes; ++route)
      origin_queues_.emplace(QueueKey{lane, d, route}, OriginQueue(ids, &all_gate_in_h_));
    origin_queues_.emplace(QueueKey{lane, d, 0}, OriginQueue(std::move(ids), &all_gate_in_h_));
  }
  if (scenario.boxes)
    start_boxes();
  if (scenario.doors)
    journal.rail_doors.resize(journal.containers.size()); // the cut-off's misses, during the run
  for (const auto& service : scenario.rail.services)
    journal.departure_rules = journal.departure_rules || (!service.background && service.departure_rule.active());
  journal.incidents = scenario.rail.incidents.has_value();
  journal.inspections = !scenario.rail.inspections.empty();
}

void RailModel::start_boxes() {
  // A lane's loads in a direction start where its services in that direction do.
  std::map<std::pair<int, Direction>, std::string> origins;
  for (const auto& svc : scenario_.rail.services)
    if (!svc.background && !svc.route.empty())
      origins.emplace(std::pair{svc.lane, svc.direction}, svc.route.front());
  std::map<std::pair<int, Direction>, std::vector<int>> ids;
  for (const auto& c : journal_.containers)
    ids[{c.lane, c.direction}].push_back(c.id);
  boxes_ = std::make_unique<BoxStocks>(scenario_, journal_, all_gate_in_h_, origins, ids);
  for (std::size_t s = 0; s < services_; ++s) {
    const bool tracked = !scenario_.rail.services[s].background;
    box_terminals_.emplace_back(tracked ? boxes_->terminal(plans_[s].stops.front().node) : -1,
                                tracked ? boxes_->terminal(plans_[s].stops.back().node) : -1);
  }
}

void RailModel::boxes_arrived(std::size_t service, int loaded, int empties) {
  if (!boxes_ || box_terminals_[service].second < 0)
    return;
  boxes_->arrive(box_terminals_[service].second, loaded, empties, engine::now_h());
}

int RailModel::register_train(TrainRecord record) {
  journal_.trains.push_back(std::move(record));
  return static_cast<int>(journal_.trains.size()) - 1;
}

void RailModel::record_event(int train, NodeIndex node, TrainEventKind kind) {
  const double now = engine::now_h();
  while (!later_events_.empty() && later_events_.top().event.time_h <= now) {
    journal_.events.push_back(later_events_.top().event);
    later_events_.pop();
  }
  journal_.events.emplace_back(train, kind, now, node);
}

void RailModel::record_later(int train, double time_h, NodeIndex node, TrainEventKind kind) {
  // Always followed by an event of the same train at a later time, which releases it.
  later_events_.push({TrainEvent(train, kind, time_h, node), later_recorded_++});
}

void RailModel::follow_choices(int lane, Direction direction) {
  for (auto& [key, queue] : origin_queues_)
    if (std::get<0>(key) == lane && std::get<1>(key) == direction)
      queue.follow_choices(&journal_.choices, std::get<2>(key));
}

void RailModel::start() {
  for (std::size_t i = 0; i < disruptions_.items.size(); ++i) {
    const auto& d = disruptions_.items[i];
    if (d.spec.kind == DisruptionKind::Capacity || d.spec.kind == DisruptionKind::Locomotives)
      engine::spawn_daemon(fmt::format("disruption {}", i), plans_.front().stops.front().node,
                           [this, i] { run_disruption_window(*this, static_cast<int>(i)); });
  }
  for (std::size_t s = 0; s < services_; ++s)
    engine::spawn("timetable " + scenario_.rail.services[s].name, plans_[s].stops.front().node,
                  [this, s] { dispatch(s); });
}

void RailModel::finish(double end_h) {
  for (auto& pool : pools_)
    pool->finish(end_h);
  for (auto& pool : crews_)
    pool->finish(end_h);
  for (auto& fleet : fleets_)
    fleet->finish(end_h);
  std::stable_sort(journal_.wagon_samples.begin(), journal_.wagon_samples.end(),
                   [](const WagonSample& a, const WagonSample& b) { return a.time_h < b.time_h; });
  std::stable_sort(journal_.empty_wagon_trains.begin(), journal_.empty_wagon_trains.end(),
                   [](const EmptyWagonTrain& a, const EmptyWagonTrain& b) { return a.departed_h < b.departed_h; });
  if (boxes_)
    boxes_->finish(end_h);
  for (std::size_t f = 0; f < ferries_.size(); ++f) {
    const auto sailings = ferries_[f]->sailings_until(end_h, static_cast<int>(f));
    journal_.ferry_sailings.insert(journal_.ferry_sailings.end(), sailings.begin(), sailings.end());
  }
  for (PoolJournal* records : {&journal_.locomotives, &journal_.crews}) {
    // A pool books its moves when it is next asked, after other pools' later changes were
    // recorded: put the samples back in time order (stable: same-time changes keep theirs).
    std::stable_sort(records->samples.begin(), records->samples.end(),
                     [](const PoolSample& a, const PoolSample& b) { return a.time_h < b.time_h; });
    // Decided when a train asked or a unit was given back, some set off later.
    std::stable_sort(records->light_runs.begin(), records->light_runs.end(),
                     [](const LightRun& a, const LightRun& b) { return a.departed_h < b.departed_h; });
  }
}

void RailModel::dispatch(std::size_t service_index) {
  const RailService& service = scenario_.rail.services[service_index];
  const RoutePlan& plan = plans_[service_index];
  auto queue = origin_queues_.find(
      QueueKey{service.lane, service.direction, scenario_.choice ? scenario_.choice->route_of_service(service_index) : 0});
  int sequence = 0;
  const std::vector<double> departures = service.background
                                             ? background_departures_h(service, scenario_.horizon_days, scenario_.seed)
                                             : planned_departures_h(service, scenario_.horizon_days);
  const bool ruled = !service.background && service.departure_rule.active();
  for (std::size_t slot = 0; slot < departures.size(); ++slot) {
    const double planned_h = departures[slot];
    engine::sleep_until_h(planned_h);
    double leave_h = planned_h;
    if (ruled) {
      const Release release =
          hold_at_origin(service_index, queue != origin_queues_.end() ? &queue->second : nullptr, planned_h);
      leave_h = release.at_h;
      // One train at a time per service: slots passed while it was held are its own.
      while (slot + 1 < departures.size() && departures[slot + 1] <= leave_h)
        ++slot;
      if (release.cancelled) {
        const double ready_by_h = leave_h - scenario_.rail_cutoff_hours(service.lane);
        const int there = queue != origin_queues_.end()
                              ? static_cast<int>(std::min<std::size_t>(queue->second.waiting(ready_by_h),
                                                                       static_cast<std::size_t>(service.max_feu)))
                              : 0;
        journal_.cancelled_trains.push_back({service.name, service.direction, service.lane, planned_h, leave_h, there});
        continue;
      }
    }
    // A closure that cancels trains: this one does not run, and its containers stay in the
    // origin's queue for the next train that does. Its number is used all the same, so the
    // trains after it draw what they would have drawn.
    if (const int closed = disruptions_.closure_on_route(leave_h, plan, 0, ClosurePolicy::Cancel); closed >= 0) {
      ++sequence;
      journal_.closure_cancellations.push_back({closed, service.name, service.lane, planned_h});
      continue;
    }
    const bool boxed = boxes_ && box_terminals_[service_index].first >= 0;
    if (boxed)
      boxes_->advance(leave_h); // who has a box by now
    std::vector<int> boarded;
    // Booking cut-off (doors:): on board only if at the terminal, with its box, this long before.
    const double cutoff_h = scenario_.rail_cutoff_hours(service.lane);
    if (queue != origin_queues_.end()) {
      boarded = queue->second.board(leave_h - cutoff_h, service.max_feu);
      if (static_cast<int>(boarded.size()) == service.max_feu)
        queue->second.count_left_behind(leave_h - cutoff_h);
      if (cutoff_h > 0.0)
        count_cutoff_misses(queue->second, service.max_feu - static_cast<int>(boarded.size()), leave_h);
    }
    for (int id : boarded) {
      auto& c = journal_.containers[static_cast<std::size_t>(id)];
      c.waits.departure = leave_h - c.created_h - c.waits.box;
    }
    const int loaded = static_cast<int>(boarded.size());
    const int empties = boxed ? boxes_->depart(box_terminals_[service_index].first,
                                               box_terminals_[service_index].second, loaded,
                                               service.max_feu - loaded, leave_h)
                              : 0;
    TrainRecord record;
    record.id = fmt::format("{}-{:04d}", service.name, ++sequence);
    record.service = service.name;
    record.direction = service.direction;
    record.lane = service.lane;
    record.background = service.background.has_value();
    record.origin = plan.stops.front().node;
    record.destination = plan.stops.back().node;
    record.planned_departure_h = planned_h;
    record.held_h = leave_h - planned_h;
    record.feu = service.background ? service.background->load_feu : loaded;
    record.empty_feu = empties;
    const int feu = record.feu + empties; // empties ride (and are handled) as any box
    const int index = register_train(record);
    auto rng = RandomStream::derive(scenario_.seed, "train-" + service.name, static_cast<std::uint64_t>(sequence));
    // A closure that reroutes trains: the train takes the detour round the closed place as it
    // leaves, or under way at the detour's branch (Train::reroute_round_closures).
    engine::spawn(record.id, record.origin,
                  Train(*this, service_index, service_index, index, std::move(boarded), feu, 0, rng));
  }
}

void RailModel::count_cutoff_misses(const OriginQueue& queue, int room, double leave_h) {
  // The next containers in line that the train had room for and that were ready by its
  // departure, but not by its cut-off.
  for (int id : queue.queued(static_cast<std::size_t>(std::max(room, 0))))
    if (all_gate_in_h_[static_cast<std::size_t>(id)] <= leave_h)
      ++journal_.rail_doors[static_cast<std::size_t>(id)].trains_missed_at_cutoff;
}

} // namespace rongou
