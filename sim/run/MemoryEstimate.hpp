#pragma once
// How much memory a run needs, estimated from the scenario before anything is simulated, so
// that a scenario the machine cannot hold is refused with the figures instead of dying of
// bad_alloc after minutes (docs/hardening.md has the calibration).
#include <cstddef>
#include <cstdint>
#include <optional>

#include "scenario/Scenario.hpp"

namespace rongou {

struct MemoryEstimate {
  double trains = 0;     // train units over the horizon
  double events = 0;     // journal train events
  double containers = 0; // containers (rail and sea)
  double extra_sea_records = 0; // westbound containers of non-focus lanes with a sea alternative,
                                // and the focus lane's eastbound ones with `sea.eastbound`
  double choice_records = 0; // with `choice:`, every container of the run (the records are by id)
  double bytes = 0;      // peak resident memory of one simulation
  // The heap the run itself will take (its journal, trains and queues): `bytes` beyond the
  // process, SimGrid and the platform, and the few MB by which the fit to peak resident
  // memory falls short of a short run's heap.
  double heap_bytes() const;
};

MemoryEstimate estimate_memory(const Scenario& scenario);

// What this process may still take, in bytes: MemAvailable of /proc/meminfo (or free pages
// from sysconf), at most the cgroup's limit less its usage and RLIMIT_AS / RLIMIT_DATA.
std::optional<double> available_memory_bytes();

// Throws InputError "this needs about N GB, M GB available" when min(replications, jobs)
// simulations of `scenario` at once (plus the parent's share of `replications`) need more
// than is available.
void require_memory(const Scenario& scenario, std::size_t replications, unsigned jobs);

} // namespace rongou
