#include "model/rail/LocomotivePool.hpp"

#include <algorithm>
#include <limits>

#include "engine/Engine.hpp"

namespace rongou {

namespace {
constexpr double kNever = std::numeric_limits<double>::infinity();
}

LocomotivePool::LocomotivePool(int index, const LocomotivePoolSpec& spec, double light_run_hours, double light_run_km,
                               double measured_from_h, PoolJournal& journal)
    : index_(index), name_(spec.label()), first_node_(spec.first_node), second_node_(spec.second_node),
      servicing_h_(spec.servicing_hours), serviced_everywhere_(spec.serviced_at_every_end), max_idle_h_(spec.max_idle_hours), light_h_(light_run_hours),
      light_km_(light_run_km), measured_from_h_(measured_from_h), journal_(journal) {
  if (journal_.takes.size() <= static_cast<std::size_t>(index))
    journal_.takes.resize(static_cast<std::size_t>(index) + 1);
  const int at_first = spec.based_at_first();
  for (int end = 0; end < kEnds; ++end)
    depot_[end] = spec.is_depot(end);
  units_.resize(static_cast<std::size_t>(spec.count));
  for (int u = 0; u < spec.count; ++u) {
    units_[static_cast<std::size_t>(u)].end = u < at_first ? 0 : 1;
    ++standing_at_[u < at_first ? 0 : 1];
  }
  sample(0.0);
}

int LocomotivePool::end_at(const std::string& node) const {
  if (node == first_node_)
    return 0;
  if (node == second_node_)
    return 1;
  return -1;
}

void LocomotivePool::set_state(int u, State state, int end) {
  Unit& unit = units_[static_cast<std::size_t>(u)];
  switch (unit.state) {
  case State::Standing:
    --standing_at_[unit.end];
    break;
  case State::Light:
    running_light_.erase(std::find(running_light_.begin(), running_light_.end(), u));
    break;
  case State::Hauling:
    --hauling_;
    break;
  case State::Withdrawn:
    --withdrawn_;
    break;
  }
  unit.state = state;
  unit.end = end;
  switch (state) {
  case State::Standing:
    ++standing_at_[end];
    break;
  case State::Light:
    running_light_.push_back(u);
    break;
  case State::Hauling:
    ++hauling_;
    break;
  case State::Withdrawn:
    ++withdrawn_;
    break;
  }
}

void LocomotivePool::sample(double time_h) {
  PoolSample s;
  s.pool = index_;
  s.time_h = time_h;
  s.at_end[0] = standing_at_[0];
  s.at_end[1] = standing_at_[1];
  s.hauling = hauling_;
  s.withdrawn = withdrawn_;
  for (const int i : running_light_) {
    const Unit& u = units_[static_cast<std::size_t>(i)];
    if (time_h < u.light_from_h)
      ++s.at_end[1 - u.end]; // still being serviced where it sets off from
    else if (time_h < u.ready_h)
      ++s.light;
    else
      ++s.at_end[u.end];
  }
  journal_.samples.push_back(s);
}

int LocomotivePool::free_at(int end, int except) const {
  int n = 0;
  for (std::size_t u = 0; u < units_.size(); ++u) {
    const Unit& unit = units_[u];
    if (static_cast<int>(u) == except || unit.promised || unit.end != end)
      continue;
    if (unit.state == State::Standing || unit.state == State::Light)
      ++n;
  }
  return n;
}

double LocomotivePool::ready_at_end(const Unit& u, int end, double now_h) const {
  if (u.promised)
    return kNever;
  if (u.state == State::Standing)
    return u.end == end ? std::max(u.ready_h, now_h) : std::max(u.ready_h, now_h) + light_h_;
  if (u.state == State::Light && u.end == end)
    return std::max(u.ready_h, now_h);
  return kNever; // hauling, out of service, or running light the other way
}

void LocomotivePool::send_light(int u, int end, double now_h, bool for_train) {
  Unit& unit = units_[static_cast<std::size_t>(u)];
  const double sets_off_h = std::max(unit.ready_h, now_h);
  const int from_end = unit.end;
  set_state(u, State::Light, end);
  unit.light_from_h = sets_off_h;
  unit.ready_h = sets_off_h + light_h_;
  unit.idle_checked = false;
  unit.departure_booked = sets_off_h <= now_h;
  next_due_h_ = std::min(next_due_h_, sets_off_h);
  journal_.light_runs.push_back({index_, intern_node_name(end_node(from_end)), intern_node_name(end_node(end)),
                                 sets_off_h, unit.ready_h, light_km_, for_train});
  if (sets_off_h <= now_h)
    sample(now_h); // a later departure is sampled when it is booked (advance)
}

void LocomotivePool::advance(double now_h) {
  if (now_h < next_due_h_)
    return; // nothing can be due yet: most asks find the pool as it was
  // Each step books the earliest thing due by now; what it starts is due later still, or at
  // the same instant and found by the next step.
  for (;;) {
    double first_h = kNever;
    double next_h = kNever; // the earliest thing due at all, by now or later
    int first = -1;
    enum class Due { Departure, Arrival, IdleLimit } due = Due::Arrival;
    for (std::size_t i = 0; i < units_.size(); ++i) {
      const Unit& u = units_[i];
      if (u.state == State::Light) {
        // A run that set off later than it was decided is sampled when it sets off.
        if (!u.departure_booked) {
          next_h = std::min(next_h, u.light_from_h);
          if (u.light_from_h < first_h && u.light_from_h <= now_h) {
            first_h = u.light_from_h;
            first = static_cast<int>(i);
            due = Due::Departure;
          }
        }
        next_h = std::min(next_h, u.ready_h);
        if (u.ready_h < first_h && u.ready_h <= now_h) {
          first_h = u.ready_h;
          first = static_cast<int>(i);
          due = Due::Arrival;
        }
      } else if (u.state == State::Standing && !u.promised && !u.idle_checked) {
        const double limit_h = u.ready_h + max_idle_h_;
        next_h = std::min(next_h, limit_h);
        if (limit_h < first_h && limit_h <= now_h) {
          first_h = limit_h;
          first = static_cast<int>(i);
          due = Due::IdleLimit;
        }
      }
    }
    if (first < 0) {
      next_due_h_ = next_h;
      break;
    }
    Unit& u = units_[static_cast<std::size_t>(first)];
    switch (due) {
    case Due::Departure:
      u.departure_booked = true;
      sample(first_h);
      break;
    case Due::Arrival:
      set_state(first, State::Standing, u.end);
      u.idle_checked = false;
      sample(first_h);
      break;
    case Due::IdleLimit: {
      const int other = 1 - u.end;
      if (!is_depot(u.end) || (is_depot(other) && needs_one(other, u.end, first)))
        send_light(first, other, first_h, false);
      else
        u.idle_checked = true; // stays at its depot; rebalance() may still move it
      break;
    }
    }
  }
}

bool LocomotivePool::needs_one(int end, int from_end, int leaving) const {
  // Fewer than half: an end short of locomotives gets one back before trains there wait for a
  // light run, and two ends about equal never send one to and fro.
  return 2 * free_at(end) < free_at(from_end, leaving);
}

void LocomotivePool::rebalance(double now_h) {
  if (!is_depot(0) || !is_depot(1))
    return;
  for (int end = 0; end < kEnds; ++end) {
    const int other = 1 - end;
    for (;;) {
      // needs_one(other, end, leaving) for any unit free to leave `end`, which counts itself
      // there: asked first, as most calls find the ends balanced and need no search.
      int free[kEnds] = {0, 0};
      for (const Unit& u : units_)
        if (!u.promised && (u.state == State::Standing || u.state == State::Light))
          ++free[u.end];
      if (2 * free[other] >= free[end] - 1)
        break;
      // The one standing idle the longest past its limit.
      int longest = -1;
      for (std::size_t i = 0; i < units_.size(); ++i) {
        const Unit& u = units_[i];
        if (u.state != State::Standing || u.promised || u.end != end || u.ready_h + max_idle_h_ > now_h)
          continue;
        if (longest < 0 || u.ready_h < units_[static_cast<std::size_t>(longest)].ready_h)
          longest = static_cast<int>(i);
      }
      if (longest < 0)
        break;
      send_light(longest, other, now_h, false);
    }
  }
}

bool LocomotivePool::hand_to_waiting(int u, double now_h) {
  Unit& unit = units_[static_cast<std::size_t>(u)];
  while (!withdrawing_.empty()) {
    Claim* claim = withdrawing_.front();
    withdrawing_.pop_front();
    if (claim->deadline_h < now_h)
      continue; // gives up at this instant; it leaves the queue on its own
    set_state(u, State::Withdrawn, unit.end);
    claim->unit = u;
    claim->grant.grant();
    sample(now_h);
    return true;
  }
  for (const int end : {unit.end, 1 - unit.end}) {
    if (waiting_[end].empty())
      continue;
    Claim* claim = waiting_[end].front();
    waiting_[end].pop_front();
    if (end != unit.end)
      send_light(u, end, now_h, true);
    unit.promised = true;
    claim->unit = u;
    claim->ready_h = std::max(unit.ready_h, now_h);
    claim->grant.grant();
    return true;
  }
  return false;
}

bool LocomotivePool::would_wait(int from_end) {
  const double now_h = engine::now_h();
  advance(now_h);
  if (!waiting_[from_end].empty())
    return true;
  for (const Unit& u : units_)
    if (ready_at_end(u, from_end, now_h) <= now_h)
      return false;
  return true;
}

LocomotivePool::Taken LocomotivePool::acquire(int from_end) {
  std::vector<Taken> one = acquire(from_end, 1);
  return std::move(one.front());
}

std::vector<LocomotivePool::Taken> LocomotivePool::acquire(int from_end, int n) {
  const double asked_h = engine::now_h();
  advance(asked_h);
  // All `n` are claimed at once: those that can be had are promised now (the nearest first),
  // and the rest queue, so that several running light to this end set off together.
  std::vector<Claim> claims(static_cast<std::size_t>(n));
  for (Claim& claim : claims) {
    int best = -1;
    double best_h = kNever;
    if (waiting_[from_end].empty())
      for (std::size_t i = 0; i < units_.size(); ++i) {
        const double at_h = ready_at_end(units_[i], from_end, asked_h);
        if (at_h < best_h) {
          best_h = at_h;
          best = static_cast<int>(i);
        }
      }
    if (best < 0) {
      waiting_[from_end].push_back(&claim);
      continue;
    }
    Unit& unit = units_[static_cast<std::size_t>(best)];
    if (unit.state == State::Standing && unit.end != from_end)
      send_light(best, from_end, asked_h, true);
    unit.promised = true;
    claim.unit = best;
    claim.ready_h = best_h;
  }
  double ready_h = asked_h;
  for (Claim& claim : claims) {
    if (claim.unit < 0)
      claim.grant.wait();
    ready_h = std::max(ready_h, claim.ready_h);
  }
  if (ready_h > engine::now_h())
    engine::sleep_until_h(ready_h);
  const double now_h = engine::now_h();
  if (asked_h >= measured_from_h_) {
    PoolTakes& takes = journal_.takes[static_cast<std::size_t>(index_)];
    ++takes.trains;
    if (now_h > asked_h) {
      ++takes.waited;
      takes.wait_h += now_h - asked_h;
      takes.max_wait_h = std::max(takes.max_wait_h, now_h - asked_h);
    }
  }
  advance(now_h);
  std::vector<Taken> taken;
  taken.reserve(claims.size());
  for (const Claim& claim : claims) {
    Unit& unit = units_[static_cast<std::size_t>(claim.unit)];
    set_state(claim.unit, State::Hauling, unit.end);
    unit.promised = false;
    taken.push_back(Taken(*this, claim.unit, 1 - from_end));
  }
  sample(now_h);
  rebalance(now_h);
  return taken;
}

void LocomotivePool::give_back(int u, int end) { give_back(std::span<const int>(&u, 1), end); }

void LocomotivePool::give_back(std::span<const int> units, int end) {
  const double now_h = engine::now_h();
  advance(now_h);
  for (const int u : units) {
    Unit& unit = units_[static_cast<std::size_t>(u)];
    set_state(u, State::Standing, end);
    unit.ready_h = now_h + (is_depot(end) || serviced_everywhere_ ? servicing_h_ : 0.0);
    unit.promised = false;
    unit.idle_checked = false;
    next_due_h_ = std::min(next_due_h_, unit.ready_h + max_idle_h_);
  }
  sample(now_h);
  for (const int u : units)
    hand_to_waiting(u, now_h);
  rebalance(now_h);
}

void LocomotivePool::release(std::vector<Taken>& taken) {
  std::vector<int> units;
  int end = 0;
  for (Taken& t : taken)
    if (t.pool_ == this) {
      units.push_back(t.unit_);
      end = t.to_end_;
      t.pool_ = nullptr; // given back here, not by its destructor
    }
  taken.clear();
  if (!units.empty())
    give_back(units, end);
}

LocomotivePool::Withdrawal LocomotivePool::withdraw(int n, double until_h) {
  Withdrawal withdrawal(*this);
  for (int k = 0; k < n; ++k) {
    const double now_h = engine::now_h();
    advance(now_h);
    // Out of service from where there are most to spare.
    int taken = -1;
    for (std::size_t i = 0; i < units_.size(); ++i) {
      const Unit& u = units_[i];
      if (u.state != State::Standing || u.promised)
        continue;
      if (taken < 0 || free_at(u.end) > free_at(units_[static_cast<std::size_t>(taken)].end))
        taken = static_cast<int>(i);
    }
    if (taken >= 0) {
      set_state(taken, State::Withdrawn, units_[static_cast<std::size_t>(taken)].end);
      sample(now_h);
      withdrawal.units_.push_back(taken);
      continue;
    }
    Claim claim;
    claim.deadline_h = until_h;
    withdrawing_.push_back(&claim);
    if (!claim.grant.wait(until_h)) {
      const auto it = std::find(withdrawing_.begin(), withdrawing_.end(), &claim);
      if (it != withdrawing_.end())
        withdrawing_.erase(it);
      break; // the window is over
    }
    withdrawal.units_.push_back(claim.unit);
  }
  return withdrawal;
}

void LocomotivePool::return_to_service(const std::vector<int>& units) {
  const double now_h = engine::now_h();
  advance(now_h);
  for (const int u : units) {
    Unit& unit = units_[static_cast<std::size_t>(u)];
    set_state(u, State::Standing, unit.end);
    unit.ready_h = std::max(unit.ready_h, now_h);
    unit.promised = false;
    unit.idle_checked = false;
    next_due_h_ = std::min(next_due_h_, unit.ready_h + max_idle_h_);
    sample(now_h);
    hand_to_waiting(u, now_h);
  }
  rebalance(now_h);
}

void LocomotivePool::finish(double end_h) { advance(end_h); }

LocomotivePool::Taken& LocomotivePool::Taken::operator=(Taken&& other) noexcept {
  if (this != &other) {
    release();
    pool_ = std::exchange(other.pool_, nullptr);
    unit_ = other.unit_;
    to_end_ = other.to_end_;
  }
  return *this;
}

LocomotivePool::Taken::~Taken() {
  if (pool_ != nullptr && !engine::tearing_down())
    release();
}

void LocomotivePool::Taken::release() {
  if (pool_ == nullptr)
    return;
  std::exchange(pool_, nullptr)->give_back(unit_, to_end_);
}

LocomotivePool::Withdrawal::~Withdrawal() {
  if (!engine::tearing_down())
    end();
}

void LocomotivePool::Withdrawal::end() {
  if (ended_)
    return;
  ended_ = true;
  pool_->return_to_service(units_);
}

} // namespace rongou
