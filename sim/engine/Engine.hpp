#pragma once
// The one place that talks to the SimGrid engine's clock and actor creation, so that a
// SimGrid upgrade (SimGrid 4 renames Actor::create and the zone factories) touches one file.
// Simulated time is kept in seconds by SimGrid; the model speaks hours.
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace simgrid::s4u {
class Engine;
}

namespace rongou::engine {

inline constexpr double kSecondsPerHour = 3600.0;

double now_h();
void sleep_h(double hours);
void sleep_until_h(double t_h);

// The engine's clock in seconds, for a train that runs several segments in one sleep: adding
// each segment's hours to it as separate sleeps would (later_s) gives every node it passes
// the very time the engine would have shown there, and the same arrival time at the end.
double clock_s();
inline double later_s(double t_s, double hours) { return hours > 0.0 ? t_s + hours * kSecondsPerHour : t_s; }
inline double hours_at(double t_s) { return t_s / kSecondsPerHour; }
void sleep_until_s(double t_s);

// Runs `body` from now as an actor on `host` would. A body that ends lets its actor wait on
// that host for the next body spawned there instead of ending: actors (and their stacks) are
// made only when every one on the host is busy. The run ends when the last body has ended.
void spawn(const std::string& name, const std::string& host, std::function<void()> body);
// An actor that lives only while bodies run: the engine stops it when the last has ended.
void spawn_daemon(const std::string& name, const std::string& host, std::function<void()> body);

// Owns the per-process SimGrid engine. SimGrid allows one engine per process: a second run
// needs a new process (see experiment/).
class Session {
public:
  explicit Session(const std::string& platform_file);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Runs until the last body spawned has ended. Throws SimulationError if the actors deadlock,
  // naming what each waiting actor waits for (see WaitingNote).
  void run();

private:
  std::unique_ptr<simgrid::s4u::Engine> engine_;
};

class SimulationError : public std::runtime_error {
public:
  explicit SimulationError(const std::string& what) : std::runtime_error(what) {}
};

// True while the engine kills the actors left at the end of a run: the daemons once the last
// regular actor has ended, every actor of a deadlock. Their stacks unwind, and scope guards
// must then give nothing back: the run is over, and nothing may happen or be recorded after it.
bool tearing_down();

} // namespace rongou::engine
