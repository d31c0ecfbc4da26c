#include "engine/Engine.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/Host.hpp>
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
// Regular actors spawned and not ended: the engine kills the daemons as soon as the last one
// has ended, and tearing_down() must know.
int regular_actors = 0;
bool tearing_down_now = false;
} // namespace

bool tearing_down() { return tearing_down_now; }

namespace {
// SimGrid mallocs each actor's stack. Once a train has ended, small allocations settle in the
// hole its stack left, the next stack no longer fits there and goes on top: in a long run the
// heap keeps the touched pages of thousands of dead stacks (10 years at 4x the trains: about
// 200 MB of 400). Handing free pages back now and then keeps resident memory near what is in
// use (docs/performance.md). Mapping every stack on its own instead (a fixed
// M_MMAP_THRESHOLD) does the same but costs a third more CPU in a baseline year.
// A trim walks every free chunk of the heap, and the heap grows with the trains alive at once
// (thousands when queues grow all year): trimming after a fixed number of new actors would make
// the cost per train grow with the traffic. After as many new actors as are alive, at least
// kActorsBetweenTrims, the trims cost a bounded amount per actor at any traffic.
void release_free_pages_now_and_then() {
#if defined(__GLIBC__)
  constexpr int kActorsBetweenTrims = 64;
  static int created = 0;
  if (++created >= std::max(kActorsBetweenTrims, regular_actors)) {
    created = 0;
    // Under its reserve the run keeps its pages: a trim would hand them back to be faulted
    // in again.
    if (heap_over_reserve())
      malloc_trim(0);
  }
#endif
}
} // namespace

void spawn(const std::string& name, const std::string& host, std::function<void()> body) {
  auto* h = simgrid::s4u::Engine::get_instance()->host_by_name(host);
  ++regular_actors;
  simgrid::s4u::Actor::create(name, h, [body = std::move(body)]() {
    struct Ended {
      ~Ended() {
        if (--regular_actors == 0)
          tearing_down_now = true;
      }
    } ended; // also when the body ends by an exception
    body();
  });
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
  // Every train is an actor with a stack of its own. SimGrid's default of 8 MiB is mapped and
  // unmapped for each of the hundreds of trains a year, which cost about as much as the rest
  // of the run (docs/performance.md); trains keep shallow stacks, and the guard page stays.
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
  tearing_down_now = false;
  if (deadlocked)
    throw SimulationError("simulation deadlocked: every train is waiting" + deadlock_waits);
}

} // namespace rongou::engine
