#include "run/MemoryEstimate.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <string>
#include <unistd.h>

#include "scenario/Diagnostics.hpp"

namespace rongou {

namespace {

// Bytes of peak resident memory per unit, fitted to peak RSS measured with /usr/bin/time -v
// (docs/hardening.md gives the runs and the fit).
constexpr double kFixedBytes = 40e6;          // the process, SimGrid and the platform
constexpr double kBytesPerContainer = 600;    // journal record, sea record, live state
constexpr double kBytesPerTrainStop = 400;    // events and waits of a train at a stop
constexpr double kParentBytesPerReplication = 60e3; // the parent keeps each summary.json

} // namespace

MemoryEstimate estimate_memory(const Scenario& scenario) {
  MemoryEstimate e;
  const double weeks = scenario.horizon_days / 7.0;
  for (const auto& [direction, demand] : scenario.demand)
    e.containers += demand.feu_per_week * weeks;
  double stops = 0;
  for (const auto& service : scenario.rail.services) {
    const double trains = static_cast<double>(service.departure_weekdays.size()) * weeks;
    e.trains += trains;
    stops += trains * static_cast<double>(service.route.size());
  }
  e.events = stops;
  e.bytes = kFixedBytes + kBytesPerContainer * e.containers + kBytesPerTrainStop * stops;
  return e;
}

std::optional<double> available_memory_bytes() {
  std::ifstream meminfo("/proc/meminfo");
  for (std::string key; meminfo >> key;) {
    double kib = 0;
    meminfo >> kib;
    if (key == "MemAvailable:")
      return kib * 1024.0;
    meminfo.ignore(256, '\n');
  }
  const long pages = ::sysconf(_SC_AVPHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
  if (pages > 0 && page > 0)
    return static_cast<double>(pages) * static_cast<double>(page);
  return std::nullopt;
}

void require_memory(const Scenario& scenario, std::size_t replications, unsigned jobs) {
  const MemoryEstimate one = estimate_memory(scenario);
  const double at_once = static_cast<double>(std::max<std::size_t>(1, std::min<std::size_t>(replications, jobs)));
  const double parent = replications > 1 ? kParentBytesPerReplication * static_cast<double>(replications) : 0.0;
  const double needed = one.bytes * at_once + parent;
  const auto available = available_memory_bytes();
  if (!available || needed <= *available)
    return;
  throw InputError(fmt::format(
      "{}: this needs about {:.1f} GB, {:.1f} GB available ({:.3g} containers and {:.3g} trains over {} days{}); "
      "shorten horizon_days, lower the demand or the trains a week{}",
      scenario.source_file, needed / 1e9, *available / 1e9, one.containers, one.trains, scenario.horizon_days,
      at_once > 1 ? fmt::format(", {} simulations at once", at_once) : "",
      replications > 1 ? ", or run fewer replications or --jobs at once" : ""));
}

} // namespace rongou
