#include "engine/Engine.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <fmt/format.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/Host.hpp>
#include <simgrid/s4u/Semaphore.hpp>
#include <xbt/log.h>

#include "base/InputError.hpp"
#include "base/HeapReserve.hpp"
#include "engine/WaitingNote.hpp"

namespace rongou::engine {

double now_h() { return simgrid::s4u::Engine::get_clock() / kSecondsPerHour; }
void sleep_h(double hours) {
  if (hours > 0.0)
    simgrid::s4u::this_actor::sleep_for(hours * kSecondsPerHour);
}
void sleep_until_h(double t_h) {
  if (t_h * kSecondsPerHour > simgrid::s4u::Engine::get_clock())
    simgrid::s4u::this_actor::sleep_until(t_h * kSecondsPerHour);
}
double clock_s() { return simgrid::s4u::Engine::get_clock(); }
void sleep_until_s(double t_s) {
  if (t_s > simgrid::s4u::Engine::get_clock())
    simgrid::s4u::this_actor::sleep_until(t_s);
}

namespace {
constexpr int kActorStackKiB = 256;
bool deadlocked = false;
std::string deadlock_waits; // who waited for what, taken before the engine unwinds the actors
// Bodies spawned (not daemons) and not ended: once the last has ended the run is over, the
// engine kills the daemons, and tearing_down() must know.
int running_bodies = 0;
bool tearing_down_now = false;
} // namespace

bool tearing_down() { return tearing_down_now; }

namespace {
// A long run frees much of what it allocates as it goes (a train's containers and claims, a
// sailing's records), and the heap, past its reserve, keeps the freed pages resident. Handing
// free pages back now and then keeps resident memory near what is in use: 10 years of
// network-2021 peak at 604-618 MB with it, 725 MB without (docs/performance.md).
// A trim walks every free chunk of the heap, and the heap grows with the bodies running at once
// (thousands of trains when queues grow all year): trimming after a fixed number of spawns
// would make the cost per train grow with the traffic. After as many spawns as bodies are
// running, at least kSpawnsBetweenTrims, the trims cost a bounded amount per train at any
// traffic.
void release_free_pages_now_and_then() {
#if defined(__GLIBC__)
  constexpr int kSpawnsBetweenTrims = 64;
  static int spawned = 0;
  if (++spawned >= std::max(kSpawnsBetweenTrims, running_bodies)) {
    spawned = 0;
    // Under its reserve the run keeps its pages: a trim would hand them back to be faulted
    // in again.
    if (heap_over_reserve())
      malloc_trim(0);
  }
#endif
}
} // namespace

namespace {
// An actor that runs one spawned body after another. SimGrid mallocs each actor's stack and
// mprotects a guard page at its start and end: at network scale (15,000 trains a year) those
// calls, and the heap they split into thousands of mappings, were a quarter of a run
// (docs/performance.md). A runner whose body has ended waits on its host for the next one
// instead, keeping its stack.
struct Runner {
  simgrid::s4u::SemaphorePtr wake = simgrid::s4u::Semaphore::create(0);
  std::function<void()> body;
};

// Runners waiting for a body, by the host they run on. A body runs on the host it was spawned
// for, as an actor of its own would: the engine books each sleep on its actor's host, and
// that decides the order of wake-ups due at the same instant.
std::unordered_map<const simgrid::s4u::Host*, std::vector<Runner*>> idle_runners;

bool any_runner_waits() {
  return std::any_of(idle_runners.begin(), idle_runners.end(), [](const auto& host) { return !host.second.empty(); });
}

void run_bodies(Runner& runner, const simgrid::s4u::Host* host) {
  for (;;) {
    {
      struct Ended {
        ~Ended() {
          if (--running_bodies == 0)
            tearing_down_now = true;
        }
      } ended; // also when the body ends by an exception
      const auto body = std::move(runner.body);
      body();
    }
    if (running_bodies == 0) {
      // The last body has ended: the run is over. With no runner waiting the engine stops the
      // daemons itself once this actor ends, as it would for an actor per body; waiting
      // runners would keep it going, so they go too, with the daemons, in this same instant.
      if (any_runner_waits())
        simgrid::s4u::Actor::kill_all();
      return;
    }
    idle_runners[host].push_back(&runner);
    runner.wake->acquire();
  }
}
} // namespace

// A body handed to a waiting runner starts where a new actor would: the release that wakes
// the runner, like the creation of an actor, puts it on the engine's run list ahead of the
// spawning actor, in one engine call.
void spawn(const std::string& name, const std::string& host, std::function<void()> body) {
  auto* h = simgrid::s4u::Engine::get_instance()->host_by_name(host);
  ++running_bodies;
  if (auto& waiting = idle_runners[h]; !waiting.empty()) {
    Runner* runner = waiting.back();
    waiting.pop_back();
    runner->body = std::move(body);
    runner->wake->release();
  } else {
    // The runner keeps the name of its first body: SimGrid's name for the actor, never shown.
    simgrid::s4u::Actor::create(name, h, [h, body = std::move(body)]() mutable {
      Runner runner;
      runner.body = std::move(body);
      run_bodies(runner, h);
    });
  }
  release_free_pages_now_and_then();
}

void spawn_daemon(const std::string& name, const std::string& host, std::function<void()> body) {
  auto* h = simgrid::s4u::Engine::get_instance()->host_by_name(host);
  simgrid::s4u::Actor::create(name, h, [body = std::move(body)]() {
    simgrid::s4u::Actor::self()->daemonize();
    body();
  });
}

Session::Session(const std::string& platform_file) {
  if (!std::filesystem::exists(platform_file))
    throw InputError(fmt::format("{}: platform file not found", platform_file));
  // SimGrid's XML scanner exits the process on input it cannot read (a directory, say)
  // instead of throwing, so only regular files go to it.
  if (!std::filesystem::is_regular_file(platform_file))
    throw InputError(fmt::format("{}: platform is not a regular file", platform_file));
  int argc = 2;
  std::string program = "rongou";
  // SimGrid's own chatter (configuration changes, the deadlock banner) is not for our users;
  // deadlocks are reported through on_deadlock below.
  std::string quiet = "--log=root.thres:critical";
#ifdef RONGOU_SANITIZE
  // AddressSanitizer cannot follow SimGrid's hand-made stack switches (Debian's SimGrid is
  // not built with sanitizer support); system threads it understands (docs/hardening.md).
  argc = 3;
  std::string factory = "--cfg=contexts/factory:thread";
  char* argv[] = {program.data(), quiet.data(), factory.data(), nullptr};
#else
  char* argv[] = {program.data(), quiet.data(), nullptr};
#endif
  engine_ = std::make_unique<simgrid::s4u::Engine>(&argc, argv);
  // Every runner (see spawn) has a stack of its own, which SimGrid allocates with a guard
  // page. Its default of 8 MiB costs about as much as the rest of a run in faults on the stack
  // (docs/performance.md); trains keep shallow stacks, and the guard page stays.
  simgrid::s4u::Engine::set_config("contexts/stack-size:" + std::to_string(kActorStackKiB));
  try {
    engine_->load_platform(platform_file);
  } catch (const std::exception& e) {
    throw InputError(fmt::format("{}: malformed platform: {}", platform_file, e.what()));
  }
  deadlocked = false;
  simgrid::s4u::Engine::on_deadlock_cb([]() {
    deadlocked = true;
    tearing_down_now = true;
    deadlock_waits = describe_waiting_actors();
  });
}

Session::~Session() = default;

void Session::run() {
  tearing_down_now = false;
  engine_->run();
  // Every runner has ended: the ones left waiting were stopped with the run.
  idle_runners.clear();
  tearing_down_now = false;
  if (deadlocked)
    throw SimulationError("simulation deadlocked: every train is waiting" + deadlock_waits);
}

} // namespace rongou::engine
