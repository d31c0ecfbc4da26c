#include "model/rail/Train.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "engine/Engine.hpp"
#include "engine/WaitingNote.hpp"
#include "model/rail/RailModel.hpp"

namespace rongou {

Train::Train(RailModel& model, std::size_t service, std::size_t plan, int record, std::vector<int> containers,
             int feu, std::size_t start_stop, RandomStream rng)
    : model_(model), service_(service), plan_(plan), record_(record), containers_(std::move(containers)), feu_(feu),
      start_stop_(start_stop), rng_(rng),
      incident_rng_(RandomStream::derive(model.scenario().seed, "incidents", static_cast<std::uint64_t>(record))) {}

TrainRecord& Train::record() { return model_.journal().trains[static_cast<std::size_t>(record_)]; }

void Train::event(std::size_t stop, TrainEventKind kind) {
  model_.record_event(record_, model_.stop_node(plan_, stop), kind);
}

void Train::charge(double hours, double WaitHours::*cause) {
  if (hours <= 0.0)
    return;
  record().waits.*cause += hours;
  owed_.*cause += hours;
}

void Train::settle_containers() {
  auto& containers = model_.journal().containers;
  for (int id : containers_) {
    auto& c = containers[static_cast<std::size_t>(id)];
    c.waits += owed_;
    c.nominal_running_h += owed_nominal_h_;
  }
  owed_ = WaitHours{};
  owed_nominal_h_ = 0.0;
}

void Train::operator()() {
  // The plan can change under way (a detour round a closure ahead): read it afresh.
  const auto stops = [this]() -> const std::vector<RouteStop>& { return model_.plan(plan_).stops; };
  LocomotivePool::Taken locomotive; // of the section under way, handed back at its last node
  std::vector<LocomotivePool::Taken> crews; // of the district under way, handed back at its last node
  int locomotive_pool = -1, crew_district = -1; // what they belong to
  for (std::size_t stop = start_stop_;;) {
    const bool arrived_here = stop != start_stop_;
    if (arrived_here) {
      event(stop, TrainEventKind::Arrive);
      passed(stop, true);
      if (stops()[stop].release_pool >= 0) {
        locomotive.release(); // at this end from now on: serviced here, or running back
        event(stop, TrainEventKind::LocomotiveReleased);
      }
      if (stops()[stop].release_crews >= 0)
        model_.crews(stops()[stop].release_crews).release(crews); // resting here from now on, or riding back
      dwell_at_border(stop);
      leave_held_containers(stop);
      // At a gauge change the wagons are given back once the boxes are off them (change_gauge).
      if (stops()[stop].wagons_return >= 0 && !stops()[stop].changes_gauge)
        give_back_wagons();
    }
    if (stops()[stop].next == nullptr) {
      leave_crossing();
      finish(stop);
      return;
    }
    if (arrived_here && stops()[stop].changes_gauge)
      change_gauge(stop);
    leave_crossing(); // if the yard did not take it: processing is over
    take_held_containers(stop);
    reroute_round_closures(stop, locomotive, locomotive_pool, crews, crew_district);
    hold_for_closures(stop);
    // Before a crossing position or a locomotive: a train short of wagons ties up neither.
    if (stops()[stop].wagons_take >= 0)
      take_wagons(stop);
    if (stops()[stop + 1].admitted_on_approach)
      enter_crossing(stop, stop + 1);
    if (stops()[stop].acquire_pool >= 0) {
      locomotive = attach_locomotive(stop, stops()[stop].acquire_pool, stops()[stop].acquire_end);
      locomotive_pool = stops()[stop].acquire_pool;
    }
    if (stops()[stop].acquire_crews >= 0) {
      crews = take_crews(stop, stops()[stop].acquire_crews, stops()[stop].acquire_crews_end, stops()[stop].crews_per_train);
      crew_district = stops()[stop].acquire_crews;
    }
    passed(stop, false);
    stop = stops()[stop].ferry >= 0 ? sail(stop) : run_to_next(stop);
  }
}

std::size_t Train::sail(std::size_t stop) {
  const auto& stops = model_.plan(plan_).stops;
  FerryLine& line = model_.ferry(stops[stop].ferry);
  const double arrived_h = engine::now_h();
  if (!record().departed_h) {
    record().departed_h = arrived_h;
    for (int id : containers_)
      model_.journal().containers[static_cast<std::size_t>(id)].departed_h = arrived_h;
  }
  const int end = line.end_at(stops[stop].node);
  const auto parts = line.board(end, arrived_h, feu_);
  double left_h = arrived_h;
  {
    const engine::WaitingNote note(record().id, "the " + line.spec().name + " ferry at " + stops[stop].node);
    for (const auto& part : parts) // in sailing order: the last one decides
      left_h = line.wait_for(end, part.sailing);
  }
  event(stop, TrainEventKind::Depart);
  const double sailing_h = line.sailing_hours();
  const double unloading_h = line.spec().unloading_hours;
  record().nominal_running_h += sailing_h;
  owed_nominal_h_ += sailing_h;
  record().km += stops[stop].next->distance_km;
  charge(left_h - arrived_h + unloading_h, &WaitHours::ferry);
  ServerVisit v;
  v.arrived_h = arrived_h;
  v.started_h = left_h;
  v.left_h = left_h + sailing_h + unloading_h;
  v.train = record_;
  v.feu = static_cast<std::int16_t>(feu_);
  v.node = model_.stop_node(plan_, stop);
  v.queued_at = v.node;
  v.kind = ServerKind::Ferry;
  v.direction = record().direction;
  model_.journal().server_visits.push_back(v);
  spdlog::debug("{} crossed by ferry from {} on {} sailing(s): waited {:.1f} h", record().id, stops[stop].node,
                parts.size(), left_h - arrived_h);
  engine::sleep_until_h(v.left_h);
  return stop + 1;
}

LocomotivePool::Taken Train::attach_locomotive(std::size_t stop, int pool_index, int end) {
  LocomotivePool& pool = model_.pool(pool_index);
  event(stop, TrainEventKind::LocomotiveWait);
  const double asked_h = engine::now_h();
  LocomotivePool::Taken locomotive;
  {
    engine::WaitingNote note;
    if (pool.would_wait(end))
      note = engine::WaitingNote(record().id, "a locomotive of section " + pool.name() + " at " + pool.end_node(end));
    locomotive = pool.acquire(end);
  }
  const double waited = engine::now_h() - asked_h;
  if (waited > 0.0)
    spdlog::debug("{} waited {:.1f} h at {} for a locomotive of {}", record().id, waited,
                  model_.plan(plan_).stops[stop].node, pool.name());
  charge(waited, &WaitHours::locomotive);
  hit(model_.disruptions().locomotive_cut(asked_h, pool_index), asked_h, waited);
  event(stop, TrainEventKind::LocomotiveAttached);
  return locomotive;
}

std::vector<LocomotivePool::Taken> Train::take_crews(std::size_t stop, int district, int end, int relays) {
  LocomotivePool& pool = model_.crews(district);
  const double asked_h = engine::now_h();
  std::vector<LocomotivePool::Taken> crews;
  {
    engine::WaitingNote note;
    if (pool.would_wait(end))
      note = engine::WaitingNote(record().id, "crews of district " + pool.name() + " at " + pool.end_node(end));
    crews = pool.acquire(end, relays);
  }
  const double waited = engine::now_h() - asked_h;
  if (waited > 0.0)
    spdlog::debug("{} waited {:.1f} h at {} for {} crews of {}", record().id, waited,
                  model_.plan(plan_).stops[stop].node, relays, pool.name());
  charge(waited, &WaitHours::crew);
  return crews;
}

void Train::take_wagons(std::size_t stop) {
  const RouteStop& here = model_.plan(plan_).stops[stop];
  WagonFleet& fleet = model_.wagons(here.wagons_take);
  const int wagons = fleet.wagons_for(feu_);
  double waited = 0.0;
  {
    engine::WaitingNote note;
    if (fleet.would_wait(here.wagons_take_end, wagons))
      note = engine::WaitingNote(record().id, "wagons of fleet " + fleet.name() + " at " + here.node);
    waited = fleet.take(here.wagons_take_end, wagons);
  }
  if (waited > 0.0)
    spdlog::debug("{} waited {:.1f} h at {} for {} wagons of {}", record().id, waited, here.node, wagons,
                  fleet.name());
  charge(waited, &WaitHours::wagon);
  wagon_fleet_ = here.wagons_take;
  wagons_ = wagons;
  wagons_to_end_ = 1 - here.wagons_take_end;
}

void Train::give_back_wagons() {
  if (wagon_fleet_ < 0)
    return;
  model_.wagons(wagon_fleet_).give_back(wagons_to_end_, wagons_);
  wagon_fleet_ = -1;
  wagons_ = 0;
}

std::size_t Train::run_to_next(std::size_t stop) {
  const auto& stops = model_.plan(plan_).stops;
  if (!record().departed_h) {
    record().departed_h = engine::now_h();
    for (int id : containers_)
      model_.journal().containers[static_cast<std::size_t>(id)].departed_h = engine::now_h();
  }
  // Segments up to the next node where something happens run as one sleep; the delays are
  // drawn and charged segment by segment, in the order one sleep per segment drew them.
  // A track section starts only where a train stops (RailModel::passes_through), so it is
  // planned at the engine's time, in the order trains reach it.
  double clock_s = engine::clock_s();
  for (const std::size_t first = stop;;) {
    const Segment& segment = *stops[stop].next;
    const double at_h = engine::hours_at(clock_s);
    const double nominal_h = segment.nominal_hours();
    const double delay_h = nominal_h * model_.scenario().rail.running_delay_fraction.sample(rng_);
    double slowdown_h = 0.0;
    if (const int slow = model_.disruptions().slowdown_on(at_h, &segment); slow >= 0) {
      const double factor = model_.disruptions().items[static_cast<std::size_t>(slow)].spec.speed_factor;
      slowdown_h = nominal_h / factor - nominal_h;
      charge(slowdown_h, &WaitHours::disruption);
      hit(slow, at_h, slowdown_h);
    }
    record().nominal_running_h += nominal_h;
    owed_nominal_h_ += nominal_h;
    charge(delay_h, &WaitHours::running_delay);
    record().km += segment.distance_km;
    // An incident stops the train on the line: it holds its block of a single track meanwhile.
    const double running_h = nominal_h + delay_h + slowdown_h + incidents_on(stop);
    double track_wait_h = 0.0;
    if (TrackSection* section = model_.track(plan_, stop)) {
      const TrackSection::Passage passage = section->pass(at_h, stops[stop].node, running_h);
      track_wait_h = passage.wait_h;
      charge(track_wait_h, &WaitHours::track);
      pass_track(stop, *section, at_h, passage);
      // It leaves the node when it enters the first block: a time-distance diagram shows the
      // wait there at the node, and the waits at loops on the way.
      if (stop == first && passage.entered_h > at_h)
        model_.record_later(record_, passage.entered_h, model_.stop_node(plan_, stop), TrainEventKind::Depart);
      else if (stop == first)
        event(stop, TrainEventKind::Depart);
    } else if (stop == first) {
      event(stop, TrainEventKind::Depart);
    }
    clock_s = engine::later_s(clock_s, running_h + track_wait_h);
    ++stop;
    if (!model_.passes_through(plan_, stop))
      break;
    const double through_h = engine::hours_at(clock_s);
    model_.record_later(record_, through_h, model_.stop_node(plan_, stop), TrainEventKind::Arrive);
    model_.record_later(record_, through_h, model_.stop_node(plan_, stop), TrainEventKind::Depart);
  }
  engine::sleep_until_s(clock_s);
  return stop;
}

double Train::incidents_on(std::size_t stop) {
  const auto& incidents = model_.scenario().rail.incidents;
  const double expected = model_.plan(plan_).stops[stop].expected_incidents;
  if (!incidents || expected <= 0.0)
    return 0.0;
  const auto count = incident_rng_.poisson(expected);
  double stopped_h = 0.0;
  for (std::uint64_t i = 0; i < count; ++i)
    stopped_h += incidents->duration_hours.sample(incident_rng_);
  record().incidents += static_cast<int>(count);
  charge(stopped_h, &WaitHours::incident);
  return stopped_h;
}

int Train::hit(int disruption, double since_h, double wait_h) {
  if (disruption < 0 || wait_h <= 0.0)
    return -1;
  auto& hits = model_.journal().disruption_hits;
  hits.push_back({disruption, record_, since_h, static_cast<int>(containers_.size()), wait_h});
  return static_cast<int>(hits.size()) - 1;
}

void Train::hold_for_closures(std::size_t stop) {
  // Checked before taking the next section's locomotive, so a held train ties none up.
  const auto& plan = model_.plan(plan_);
  const auto& stops = plan.stops;
  const auto& disruptions = model_.disruptions();
  // Not left yet: a closure whose policy keeps trains at their origin holds it here, whether
  // the closed place is the next segment or a week's run away.
  if (stop == start_stop_ && !record().departed_h)
    for (int closed = disruptions.closure_on_route(engine::now_h(), plan, stop, ClosurePolicy::HoldAtOrigin);
         closed >= 0; closed = disruptions.closure_on_route(engine::now_h(), plan, stop, ClosurePolicy::HoldAtOrigin))
      hold_until_reopened(stop, closed);
  for (int closed = disruptions.closure_blocking(engine::now_h(), stops[stop].node, stops[stop + 1].node);
       closed >= 0; closed = disruptions.closure_blocking(engine::now_h(), stops[stop].node, stops[stop + 1].node))
    hold_until_reopened(stop, closed);
}

void Train::reroute_round_closures(std::size_t stop, LocomotivePool::Taken& locomotive, int locomotive_pool,
                                   std::vector<LocomotivePool::Taken>& crews, int crew_district) {
  if (plan_ != service_) // already on a detour
    return;
  const int closed = model_.disruptions().closure_on_route(engine::now_h(), model_.plan(plan_), stop,
                                                           ClosurePolicy::Reroute);
  if (closed < 0)
    return;
  const auto detoured = model_.detoured_plan(closed, service_);
  // Past the detour's branch, or a closure with no detour for this service: it holds there.
  if (!detoured || stop > model_.detour_branch(*detoured))
    return;
  const RoutePlan& from = model_.plan(plan_);
  const RoutePlan& to = model_.plan(*detoured);
  // What the train holds for a section the detour leaves before its end goes back now, at
  // the end it was headed to: no pool runs on a detour's own sections.
  const auto released_ahead = [&](int RouteStop::*release, int index) {
    for (std::size_t i = stop + 1; i < to.stops.size(); ++i)
      if (to.stops[i].*release == index)
        return true;
    return false;
  };
  if (locomotive && !released_ahead(&RouteStop::release_pool, locomotive_pool)) {
    locomotive.release();
    event(stop, TrainEventKind::LocomotiveReleased);
  }
  if (!crews.empty() && !released_ahead(&RouteStop::release_crews, crew_district))
    model_.crews(crew_district).release(crews);
  if (wagon_fleet_ >= 0 && !released_ahead(&RouteStop::wagons_return, wagon_fleet_))
    give_back_wagons();
  model_.journal().closure_reroutes.push_back(
      {closed, record_, to.length_km - from.length_km, nominal_hours(to) - nominal_hours(from)});
  plan_ = *detoured;
}

void Train::hold_until_reopened(std::size_t stop, int closed) {
  const auto& plan = model_.disruptions();
  const Disruption& spec = plan.items[static_cast<std::size_t>(closed)].spec;
  const double since_h = engine::now_h();
  {
    const engine::WaitingNote note(record().id, "the end of closure " + spec.path);
    engine::sleep_until_h(spec.to_h());
  }
  charge(engine::now_h() - since_h, &WaitHours::disruption);
  const int booked = hit(closed, since_h, engine::now_h() - since_h);
  if (booked < 0)
    return;
  model_.journal().disruption_hits[static_cast<std::size_t>(booked)].held_at = model_.stop_node(plan_, stop);
  if (const auto where = plan.passing(closed, model_.plan(plan_), stop))
    pass_watches_.push_back({booked, where->stop, where->on_arrival});
}

void Train::passed(std::size_t stop, bool on_arrival) {
  if (pass_watches_.empty())
    return;
  auto& hits = model_.journal().disruption_hits;
  std::erase_if(pass_watches_, [&](const PassWatch& w) {
    if (w.stop != stop || w.on_arrival != on_arrival)
      return false;
    hits[static_cast<std::size_t>(w.hit)].passed_h = engine::now_h();
    return true;
  });
}

void Train::record_visit(std::size_t stop, ServerKind kind, double arrived_h, double queue_h, double service_h) {
  ServerVisit v;
  v.arrived_h = arrived_h;
  v.started_h = arrived_h + queue_h;
  v.left_h = v.started_h + service_h;
  v.train = record_;
  v.feu = static_cast<std::int16_t>(feu_);
  v.node = model_.stop_node(plan_, stop);
  v.queued_at = v.node;
  v.kind = kind;
  v.direction = record().direction;
  model_.journal().server_visits.push_back(v);
}

void Train::pass_track(std::size_t stop, const TrackSection& section, double arrived_h,
                       const TrackSection::Passage& passage) {
  ServerVisit v;
  v.arrived_h = arrived_h;
  v.started_h = arrived_h + passage.wait_h;
  // A single track's blocks are busy while the train runs through them; a double track with a
  // headway is busy, for the train's direction, for the headway after it entered.
  const Segment& segment = section.segment();
  v.left_h = segment.single_track ? passage.left_h : v.started_h + segment.headway_minutes / 60.0;
  v.train = record_;
  v.feu = static_cast<std::int16_t>(feu_);
  v.node = section.name();
  v.queued_at = model_.stop_node(plan_, stop);
  v.kind = ServerKind::Track;
  v.direction = record().direction;
  model_.journal().server_visits.push_back(v);
}

void Train::enter_crossing(std::size_t stop, std::size_t crossing_stop) {
  const auto& node = model_.plan(plan_).stops[crossing_stop].node;
  crossing_visit_ = ServerVisit{};
  crossing_visit_.arrived_h = engine::now_h();
  crossing_visit_.train = record_;
  crossing_visit_.feu = static_cast<std::int16_t>(feu_);
  crossing_visit_.node = model_.stop_node(plan_, crossing_stop);
  crossing_visit_.queued_at = model_.stop_node(plan_, stop);
  crossing_visit_.kind = ServerKind::Crossing;
  crossing_visit_.direction = record().direction;
  {
    const engine::WaitingNote note(record().id, "a processing position at the " + node + " crossing");
    *crossing_position_ = model_.crossing(node).admit(record().direction);
  }
  crossing_visit_.started_h = engine::now_h();
  charge(crossing_visit_.started_h - crossing_visit_.arrived_h, &WaitHours::border);
}

void Train::leave_crossing() {
  if (!*crossing_position_)
    return;
  crossing_position_->release();
  crossing_visit_.left_h = engine::now_h();
  model_.journal().server_visits.push_back(crossing_visit_);
}

void Train::cross_border(std::size_t stop) {
  const auto& stops = model_.plan(plan_).stops;
  event(stop, TrainEventKind::BorderStart);
  if (!stops[stop].admitted_on_approach)
    enter_crossing(stop, stop);
  const double processing_h = model_.crossing(stops[stop].node).processing_hours(record().direction);
  charge(processing_h, &WaitHours::border);
  engine::sleep_h(processing_h);
  event(stop, TrainEventKind::BorderEnd);
}

void Train::dwell_at_border(std::size_t stop) {
  if (model_.plan(plan_).stops[stop].crosses_border) {
    cross_border(stop);
    return;
  }
  const auto& dwell = model_.plan(plan_).stops[stop].border_dwell_hours;
  if (!dwell)
    return;
  event(stop, TrainEventKind::BorderStart);
  const double hours = dwell->sample(rng_);
  charge(hours, &WaitHours::border);
  engine::sleep_h(hours);
  event(stop, TrainEventKind::BorderEnd);
}

void Train::leave_held_containers(std::size_t stop) {
  const int inspection = model_.plan(plan_).stops[stop].inspection;
  if (inspection < 0 || containers_.empty())
    return;
  const InspectionSpec& spec = model_.scenario().rail.inspections[static_cast<std::size_t>(inspection)];
  settle_containers(); // what the boxes waited so far, before some leave the train
  const double now = engine::now_h();
  auto& journal = model_.journal();
  std::vector<int> kept;
  kept.reserve(containers_.size());
  // A stream per box and node: whether a box is held does not depend on its train or on the
  // other boxes.
  const StreamPurpose purpose("inspection " + spec.node);
  for (int id : containers_) {
    RandomStream rng = RandomStream::derive(model_.scenario().seed, purpose, static_cast<std::uint64_t>(id));
    if (!(rng.uniform01() < spec.share)) {
      kept.push_back(id);
      continue;
    }
    const double ready_h = now + spec.hold_hours.sample(rng);
    InspectionHoldRecord held;
    held.container = id;
    held.inspection = inspection;
    held.from_train = record_;
    held.detached_h = now;
    held.ready_h = ready_h;
    const int index = static_cast<int>(journal.inspection_holds.size());
    journal.inspection_holds.push_back(held);
    model_.inspection_holds().hold(inspection, record().lane, record().direction, ready_h, {id, index, now});
  }
  feu_ -= static_cast<int>(containers_.size() - kept.size());
  containers_ = std::move(kept);
}

void Train::take_held_containers(std::size_t stop) {
  const auto& here = model_.plan(plan_).stops[stop];
  if (here.inspection < 0 || record().background)
    return;
  // Room: the wagons the service forms its trains with, within the length limit of the line
  // ahead; a train running on a fleet's wagons (rail.wagons) and not taking new ones here has
  // only the slots of those.
  int most = std::min(model_.scenario().rail.services[service_].max_feu, here.next->max_train_feu);
  if (wagon_fleet_ >= 0 && here.wagons_take < 0)
    most = std::min(most, model_.wagons(wagon_fleet_).feu_on(wagons_));
  const auto boarding = model_.inspection_holds().board(here.inspection, record().lane, record().direction,
                                                        engine::now_h(), most - feu_);
  if (boarding.empty())
    return;
  settle_containers(); // the boxes aboard owe what the train waited so far; the new ones do not
  const double now = engine::now_h();
  auto& journal = model_.journal();
  for (const auto& held : boarding) {
    auto& c = journal.containers[static_cast<std::size_t>(held.container)];
    c.waits.inspection += now - held.detached_h;
    auto& hold = journal.inspection_holds[static_cast<std::size_t>(held.record)];
    hold.to_train = record_;
    hold.boarded_h = now;
    containers_.push_back(held.container);
  }
  feu_ += static_cast<int>(boarding.size());
}

void Train::change_gauge(std::size_t stop) {
  const auto& stops = model_.plan(plan_).stops;
  event(stop, TrainEventKind::YardQueue);
  const double queued_h = engine::now_h();
  // A train that crossed here waits for a track on its crossing position, given back when
  // the train has its track: its passage through the crossing ends then.
  const bool on_crossing_position = static_cast<bool>(*crossing_position_);
  YardVisit visit;
  {
    const engine::WaitingNote note(record().id, "a track at the " + stops[stop].node + " yard");
    visit = model_.yard(stops[stop].node).transship(feu_, on_crossing_position ? crossing_position_.get() : nullptr);
  }
  if (on_crossing_position) {
    crossing_visit_.left_h = queued_h + visit.queue_h;
    model_.journal().server_visits.push_back(crossing_visit_);
  }
  record_visit(stop, ServerKind::Yard, queued_h, visit.queue_h, visit.handling_h);
  record().gauge_change_queue_h += visit.queue_h;
  hit(model_.disruptions().capacity_at(queued_h, stops[stop].node), queued_h, visit.queue_h);
  spdlog::debug("{} changed gauge at {}: queued {:.1f} h, handled in {:.1f} h", record().id, stops[stop].node,
                visit.queue_h, visit.handling_h);
  charge(visit.queue_h + visit.handling_h, &WaitHours::gauge_change);
  event(stop, TrainEventKind::YardEnd);
  // The boxes are off the incoming wagons: those go back to their fleet here, and the boxes
  // wait in the yard's stacks, not on a track, for the next network's wagons (take_wagons).
  give_back_wagons();

  // Re-form to the next network's length limit: the first part keeps this train; each
  // further part leaves as a new train unit from this yard.
  // A background train splits its load the same way, with no container to move.
  const auto limit = static_cast<std::size_t>(stops[stop].next->max_train_feu);
  const auto feu = static_cast<std::size_t>(feu_);
  if (feu <= limit)
    return;
  settle_containers(); // the parts go on as trains of their own
  const bool tracked = !record().background;
  // A tracked train's boxes are its containers, then any empties: positions past the
  // containers are empties, so a part may carry fewer containers than boxes.
  auto box = [this](std::size_t position) {
    return containers_.begin() + static_cast<std::ptrdiff_t>(std::min(position, containers_.size()));
  };
  std::vector<int> kept;
  if (tracked)
    kept.assign(box(0), box(limit));
  for (std::size_t first = limit, part = 2; first < feu; first += limit, ++part) {
    const std::size_t last = std::min(first + limit, feu);
    std::vector<int> moved;
    if (tracked)
      moved.assign(box(first), box(last));
    TrainRecord child;
    child.id = fmt::format("{}.{}", record().id, part);
    child.service = record().service;
    child.direction = record().direction;
    child.lane = record().lane;
    child.background = record().background;
    child.parent = record_;
    child.origin = stops[stop].node;
    child.destination = record().destination;
    child.planned_departure_h = engine::now_h();
    child.departed_h = engine::now_h();
    const int child_feu = static_cast<int>(last - first);
    child.feu = tracked ? static_cast<int>(moved.size()) : child_feu;
    child.empty_feu = child_feu - child.feu;
    const int child_index = model_.register_train(child);
    event(stop, TrainEventKind::Split);
    auto child_rng = RandomStream::derive(model_.scenario().seed, child.id);
    engine::spawn(child.id, stops[stop].node,
                  Train(model_, service_, plan_, child_index, std::move(moved), child_feu, stop, child_rng));
  }
  containers_ = std::move(kept);
  feu_ = static_cast<int>(limit);
}

void Train::finish(std::size_t stop) {
  const double now = engine::now_h();
  record().arrived_h = now;
  record().containers_arrived = static_cast<int>(containers_.size());
  settle_containers();
  auto& containers = model_.journal().containers;
  for (int id : containers_) {
    auto& c = containers[static_cast<std::size_t>(id)];
    c.arrived_h = now;
    c.train = record_;
  }
  model_.journal().end_h = std::max(model_.journal().end_h, now);
  if (!record().background)
    model_.boxes_arrived(service_, static_cast<int>(containers_.size()), feu_ - static_cast<int>(containers_.size()));
  spdlog::debug("{} arrived at {} with {} FEU", record().id, model_.plan(plan_).stops[stop].node,
                containers_.size());
  event(stop, TrainEventKind::Finish);
}

} // namespace rongou
