#include "run/MemoryEstimate.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

#include "journal/ChoiceRecords.hpp"
#include "journal/DoorRecords.hpp"
#include "journal/SeaRecords.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou {

namespace {

// Bytes of peak resident memory per unit, fitted to peak RSS measured with /usr/bin/time -v
// (docs/hardening.md gives the runs and the fit).
constexpr double kFixedBytes = 38e6;       // the process, SimGrid and the platform
// What the fit leaves out of a short run's heap (trains under way, queues, the door stages'
// arrivals): without the reserve, a baseline year peaked at 51,000 kB against an estimate
// of 46 MB (`/usr/bin/time -f %M`).
constexpr double kHeapAllowanceBytes = 8e6;
constexpr double kBytesPerContainer = 180; // journal record, sea record, live state
constexpr double kBytesPerTrainStop = 120; // events and waits of a train at a stop
// A westbound container of a lane other than the focus lane with a sea alternative of its
// own: its SeaRecord (88 bytes), its port arrival time and its place in the port queue. The
// focus lane's sea records are inside kBytesPerContainer, which was fitted with them.
constexpr double kBytesPerExtraSeaRecord = 88 + 8 + 16;
// With doors: (focus lane) a DoorRecord per container and per sea record, and while the
// destination stages are worked out, one flow's arrivals, vehicle jobs and trips.
constexpr double kBytesPerDoorRecord = sizeof(DoorRecord);
constexpr double kBytesPerDoorArrival = 64 + 16 + 16 + 8;
// With a hub loop (SeaSpec::feeder): a HubRecord beside every sea record up to the lane's last,
// and a place in the feeder's list at the hub (arrival time and record index).
constexpr double kBytesPerHubRecord = sizeof(HubRecord) + 16;
// With `choice:`: a ChoiceRecord per container of the run (the vector is by container id, every
// lane and direction), the departure the choosing actor booked it on (by id too), and, while
// the choice results are computed, the index of its sea record; one ChoiceDay a day. When
// eastbound shippers choose too, their actor keeps its own booked departures and days.
constexpr double kBytesPerChoiceRecord = sizeof(ChoiceRecord) + sizeof(double) + sizeof(int);
constexpr double kBytesPerChoiceDay = sizeof(ChoiceDay);
// The parent keeps each replication's summary.json parsed (about 4 kB of text); an allowance,
// not a measurement.
constexpr double kParentBytesPerReplication = 60e3;

} // namespace

double MemoryEstimate::heap_bytes() const { return std::max(0.0, bytes - kFixedBytes) + kHeapAllowanceBytes; }

MemoryEstimate estimate_memory(const Scenario& scenario) {
  MemoryEstimate e;
  const double weeks = scenario.horizon_days / 7.0;
  for (std::size_t i = 0; i < scenario.lanes.size(); ++i) {
    const Lane& lane = scenario.lanes[i];
    for (const auto& [direction, demand] : lane.demand) {
      e.containers += demand.feu_per_week * weeks;
      if (direction == Direction::Westbound && lane.sea && static_cast<int>(i) != scenario.focus_lane)
        e.extra_sea_records += demand.feu_per_week * weeks;
      // The focus lane's eastbound sea chain (`sea.eastbound`): a sea record per eastbound container.
      if (direction == Direction::Eastbound && static_cast<int>(i) == scenario.focus_lane && scenario.sea &&
          scenario.sea->eastbound)
        e.extra_sea_records += demand.feu_per_week * weeks;
    }
  }
  double stops = 0;
  for (const auto& service : scenario.rail.services) {
    // A background train's seasonal index averages about 1 over a year: its mean is used.
    double season = 1.0;
    if (service.background && !service.background->seasonal_index.empty()) {
      season = 0.0;
      for (double f : service.background->seasonal_index)
        season += f / 12.0;
    }
    const double per_week = service.background ? service.background->trains_per_week * season
                                                : static_cast<double>(service.departure_weekdays.size());
    const double trains = per_week * weeks;
    e.trains += trains;
    stops += trains * static_cast<double>(service.route.size());
  }
  e.events = stops;
  e.bytes = kFixedBytes + kBytesPerContainer * e.containers + kBytesPerTrainStop * stops +
            kBytesPerExtraSeaRecord * e.extra_sea_records;
  // Hub records: when any lane uses a feeder, one beside every westbound sea record (an upper bound).
  bool hub = false;
  double sea_records = 0.0;
  for (int lane : scenario.sea_lanes()) {
    hub = hub || scenario.sea_of(lane)->uses_hub();
    for (const auto& [direction, demand] : scenario.lanes.at(static_cast<std::size_t>(lane)).demand)
      if (direction == Direction::Westbound)
        sea_records += demand.feu_per_week * weeks;
  }
  if (hub)
    e.bytes += kBytesPerHubRecord * sea_records;
  if (scenario.choice) {
    e.choice_records = e.containers;
    const double markets = scenario.choice->eastbound ? 2.0 : 1.0;
    e.bytes += (kBytesPerChoiceRecord + (markets - 1.0) * sizeof(double)) * e.choice_records +
               markets * kBytesPerChoiceDay * scenario.horizon_days;
  }
  if (scenario.doors) {
    const auto& demand = scenario.focus().demand;
    double focus = 0.0, westbound = 0.0;
    for (const auto& [direction, d] : demand) {
      focus += d.feu_per_week * weeks;
      if (direction == Direction::Westbound)
        westbound = d.feu_per_week * weeks;
    }
    // Every container has a rail record (the vector is by id); the largest flow is westbound.
    e.bytes += kBytesPerDoorRecord * (e.containers + (scenario.sea ? westbound : 0.0)) +
               kBytesPerDoorArrival * std::max(westbound, focus - westbound);
  }
  return e;
}

namespace {

std::optional<double> number_in(const char* file) {
  std::ifstream in(file);
  double value = 0;
  if (in >> value)
    return value;
  return std::nullopt; // absent, or "max"
}

std::optional<double> mem_available() {
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

} // namespace

std::optional<double> available_memory_bytes() {
  std::optional<double> available = mem_available();
  auto at_most = [&](std::optional<double> limit) {
    if (limit && *limit >= 0 && (!available || *limit < *available))
      available = limit;
  };
  // A container's memory limit (cgroup v2, then v1); MemAvailable is the host's.
  for (const auto& [limit_file, usage_file] :
       {std::pair{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"},
        std::pair{"/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.usage_in_bytes"}}) {
    const auto limit = number_in(limit_file), usage = number_in(usage_file);
    if (limit && usage && *limit < 1e18)
      at_most(*limit - *usage);
  }
  // ulimit -v and -d.
  for (int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    rlimit r{};
    if (::getrlimit(resource, &r) == 0 && r.rlim_cur != RLIM_INFINITY)
      at_most(static_cast<double>(r.rlim_cur));
  }
  return available;
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
