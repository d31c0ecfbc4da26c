#include "model/rail/WagonFleet.hpp"

#include <algorithm>
#include <limits>

#include "engine/Engine.hpp"

namespace rongou {

namespace {
constexpr double kNever = std::numeric_limits<double>::infinity();
}

WagonFleet::WagonFleet(int index, const WagonFleetSpec& spec, double run_hours, double run_km, int train_wagons,
                       double measured_from_h, Journal& journal)
    : index_(index), name_(spec.label()), first_node_(spec.first_node), second_node_(spec.second_node),
      count_(spec.count), feu_per_wagon_(std::max(1, spec.feu_per_wagon)), max_idle_h_(spec.max_idle_hours),
      run_h_(run_hours), run_km_(run_km), train_wagons_(std::max(1, train_wagons)),
      measured_from_h_(measured_from_h), journal_(journal) {
  if (journal_.wagon_takes.size() <= static_cast<std::size_t>(index))
    journal_.wagon_takes.resize(static_cast<std::size_t>(index) + 1);
  const int at_first = std::clamp(spec.based_at_first(), 0, count_);
  if (at_first > 0)
    standing_[0].push_back({0.0, at_first, false});
  if (count_ - at_first > 0)
    standing_[1].push_back({0.0, count_ - at_first, false});
  sample(0.0);
}

int WagonFleet::end_at(const std::string& node) const {
  if (node == first_node_)
    return 0;
  if (node == second_node_)
    return 1;
  return -1;
}

int WagonFleet::standing(int end) const {
  int n = 0;
  for (const Batch& b : standing_[end])
    n += b.wagons;
  return n;
}

int WagonFleet::inbound_free(int end) const {
  int n = 0;
  for (const EmptyTrain& t : empties_)
    if (t.to_end == end)
      n += t.wagons - t.promised;
  return n;
}

void WagonFleet::remove_standing(int end, int wagons) {
  auto& batches = standing_[end];
  while (wagons > 0 && !batches.empty()) {
    const int n = std::min(wagons, batches.front().wagons);
    batches.front().wagons -= n;
    wagons -= n;
    if (batches.front().wagons == 0)
      batches.pop_front();
  }
}

void WagonFleet::sample(double time_h) {
  WagonSample s;
  s.fleet = index_;
  s.time_h = time_h;
  for (int end = 0; end < kEnds; ++end)
    s.at_end[end] = standing(end) + held_[end];
  s.on_trains = on_trains_;
  for (const EmptyTrain& t : empties_)
    s.in_empty_trains += t.wagons;
  auto& samples = journal_.wagon_samples;
  // One row per fleet and instant: its state after every change at that instant.
  if (!samples.empty() && samples.back().fleet == index_ && samples.back().time_h == time_h)
    samples.back() = s;
  else
    samples.push_back(s);
}

void WagonFleet::send_empty(int from_end, int wagons, double at_h, bool for_train) {
  remove_standing(from_end, wagons);
  const int to_end = 1 - from_end;
  empties_.push_back({to_end, at_h + run_h_, wagons, 0});
  journal_.empty_wagon_trains.push_back({index_, intern_node_name(end_node(from_end)),
                                         intern_node_name(end_node(to_end)), at_h, at_h + run_h_, wagons, run_km_,
                                         for_train});
  sample(at_h);
}

void WagonFleet::advance(double now_h) {
  // Each step books the earliest thing due by now; what it starts is due later still, or at
  // the same instant and found by the next step. An arrival goes before an idle limit due at
  // the same instant, so the arrived wagons count at their end.
  for (;;) {
    double first_h = kNever;
    int arrival = -1;
    int idle_end = -1;
    for (std::size_t i = 0; i < empties_.size(); ++i)
      if (empties_[i].arrives_h <= now_h && empties_[i].arrives_h < first_h) {
        first_h = empties_[i].arrives_h;
        arrival = static_cast<int>(i);
      }
    for (int end = 0; end < kEnds; ++end)
      for (const Batch& b : standing_[end]) {
        if (b.checked)
          continue;
        if (b.since_h + max_idle_h_ <= now_h && b.since_h + max_idle_h_ < first_h) {
          first_h = b.since_h + max_idle_h_;
          arrival = -1;
          idle_end = end;
        }
        break; // the oldest unchecked batch is due first
      }
    if (arrival >= 0) {
      const EmptyTrain t = empties_[static_cast<std::size_t>(arrival)];
      empties_.erase(empties_.begin() + arrival);
      held_[t.to_end] += t.promised;
      if (t.wagons > t.promised)
        standing_[t.to_end].push_back({t.arrives_h, t.wagons - t.promised, false});
      sample(t.arrives_h);
      continue;
    }
    if (idle_end < 0)
      break;
    for (Batch& b : standing_[idle_end])
      if (!b.checked) {
        b.checked = true;
        break;
      }
    idle_moves(idle_end, first_h);
  }
}

void WagonFleet::idle_moves(int end, double at_h) {
  if (!waiting_[end].empty())
    return; // a train waiting here needs them
  int idle = 0;
  for (const Batch& b : standing_[end])
    if (b.since_h + max_idle_h_ <= at_h)
      idle += b.wagons;
  const int other = 1 - end;
  const int at_other = free_at(other);
  const int here = free_at(end);
  // One more goes while the other end, with those already sent, has fewer than half as many
  // as this end keeps after it leaves.
  int k = 0;
  while (k < idle && k < train_wagons_ && 2 * (at_other + k) < here - (k + 1))
    ++k;
  if (k == 0)
    return;
  send_empty(end, k, at_h, false);
  serve(other, at_h);
}

void WagonFleet::serve(int end, double now_h) {
  while (!waiting_[end].empty()) {
    Claim* claim = waiting_[end].front();
    const int here = standing(end);
    int covered = here;
    double ready_h = now_h;
    std::vector<std::pair<std::size_t, int>> from_trains; // empty trains bound here, in arrival order
    for (std::size_t i = 0; i < empties_.size() && covered < claim->wagons; ++i) {
      EmptyTrain& t = empties_[i];
      if (t.to_end != end || t.wagons == t.promised)
        continue;
      const int n = std::min(t.wagons - t.promised, claim->wagons - covered);
      from_trains.emplace_back(i, n);
      covered += n;
      ready_h = std::max(ready_h, t.arrives_h);
    }
    if (covered < claim->wagons)
      return; // first come first served: those behind it wait too
    const int from_here = std::min(here, claim->wagons);
    remove_standing(end, from_here);
    held_[end] += from_here;
    for (const auto& [i, n] : from_trains)
      empties_[i].promised += n;
    waiting_[end].pop_front();
    claim->ready_h = ready_h;
    claim->grant.grant();
  }
}

void WagonFleet::call_for(int end, double now_h) {
  const int other = 1 - end;
  if (waiting_[end].empty())
    return;
  // Only for the claims here that asked before the first one waiting at the other end.
  const std::uint64_t before =
      waiting_[other].empty() ? std::numeric_limits<std::uint64_t>::max() : waiting_[other].front()->order;
  int needed = 0;
  for (const Claim* c : waiting_[end])
    if (c->order < before)
      needed += c->wagons;
  int short_by = needed - free_at(end);
  int there = standing(other);
  while (short_by > 0 && there > 0) {
    const int n = std::min({short_by, there, train_wagons_});
    send_empty(other, n, now_h, true);
    short_by -= n;
    there -= n;
  }
}

void WagonFleet::settle(double now_h) {
  serve(0, now_h);
  serve(1, now_h);
  // The end whose first waiting train asked first calls first.
  int first = 0;
  if (waiting_[0].empty() || (!waiting_[1].empty() && waiting_[1].front()->order < waiting_[0].front()->order))
    first = 1;
  call_for(first, now_h);
  call_for(1 - first, now_h);
  serve(0, now_h);
  serve(1, now_h);
}

bool WagonFleet::would_wait(int from_end, int wagons) {
  advance(engine::now_h());
  return wagons > 0 && (!waiting_[from_end].empty() || standing(from_end) < wagons);
}

double WagonFleet::take(int from_end, int wagons) {
  if (wagons <= 0)
    return 0.0;
  const double asked_h = engine::now_h();
  advance(asked_h);
  Claim claim;
  claim.wagons = wagons;
  claim.order = next_order_++;
  waiting_[from_end].push_back(&claim);
  settle(asked_h);
  if (!claim.grant.granted())
    claim.grant.wait();
  if (claim.ready_h > engine::now_h())
    engine::sleep_until_h(claim.ready_h);
  // The empty trains it waited for have arrived: booked at their arrival even if the engine's
  // clock, converted to seconds and back, reads a hair earlier.
  const double now_h = std::max(engine::now_h(), claim.ready_h);
  advance(now_h);
  held_[from_end] -= wagons;
  on_trains_ += wagons;
  sample(now_h);
  const double waited_h = now_h - asked_h;
  if (asked_h >= measured_from_h_) {
    PoolTakes& takes = journal_.wagon_takes[static_cast<std::size_t>(index_)];
    ++takes.trains;
    if (waited_h > 0.0) {
      ++takes.waited;
      takes.wait_h += waited_h;
      takes.max_wait_h = std::max(takes.max_wait_h, waited_h);
    }
  }
  idle_moves(0, now_h);
  idle_moves(1, now_h);
  return waited_h;
}

void WagonFleet::give_back(int end, int wagons) {
  if (wagons <= 0)
    return;
  const double now_h = engine::now_h();
  advance(now_h);
  on_trains_ -= wagons;
  auto& batches = standing_[end];
  if (!batches.empty() && batches.back().since_h == now_h && !batches.back().checked)
    batches.back().wagons += wagons;
  else
    batches.push_back({now_h, wagons, false});
  sample(now_h);
  settle(now_h);
  idle_moves(0, now_h);
  idle_moves(1, now_h);
}

void WagonFleet::finish(double end_h) { advance(end_h); }

} // namespace rongou
