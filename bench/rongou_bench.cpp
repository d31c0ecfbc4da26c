// rongou_bench: speed and memory of the simulator, every figure of docs/performance.md in one
// run. SimGrid allows one engine per process, so every measurement runs in a forked child
// that reports back through a pipe; the parent only loads the scenario and prints.
//
// An "engine event" here is one simcall: an actor handing control to the SimGrid engine
// (sleep, semaphore acquire or release, mutex lock, actor start) and being resumed. It is the
// unit of work of the engine, counted exactly by wrapping ActorImpl::simcall_handle (below),
// and it is what a bare actor doing sleep_for in a loop does once per iteration.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <dlfcn.h>
#include <fcntl.h>
#include <filesystem>
#include <fmt/ranges.h>
#include <fstream>
#include <fmt/format.h>
#include <functional>
#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/Host.hpp>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "results/RunResults.hpp"
#include "run/Simulation.hpp"
#include "output/RunOutputs.hpp"
#include "scenario/ScenarioLoader.hpp"

extern char **environ;

namespace {

// --- the simcall counter -----------------------------------------------------------------
// SimGrid 3.32 has no public counter of simcalls. The engine calls
// ActorImpl::simcall_handle once per simcall through the dynamic linker, so a function of
// the same (mangled) name in this executable is called instead and forwards to SimGrid's.
std::uint64_t simcalls = 0;
constexpr const char *kSimcallHandle = "_ZN7simgrid6kernel5actor9ActorImpl14simcall_handleEi";
} // namespace

extern "C" void _ZN7simgrid6kernel5actor9ActorImpl14simcall_handleEi(void *actor, int times) {
  using Handler = void (*)(void *, int);
  static const auto real = reinterpret_cast<Handler>(dlsym(RTLD_NEXT, kSimcallHandle));
  ++simcalls;
  real(actor, times);
}

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// What a child measured. Plain numbers only: it crosses a pipe.
struct Sample {
  double wall_s = 0.0;   // the measured part (see each measurement)
  double run_s = 0.0;    // of which inside Engine::run (from on_simulation_start)
  double simcalls = 0.0; // engine events
  double trains = 0.0;   // train units run
  double containers = 0.0;
  double journal_events = 0.0;
  double max_rss_kb = 0.0; // peak resident memory of the child process
  bool ok = false;
};

double max_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss);
}

// Runs `measure` in a child process and returns what it measured.
Sample in_child(const std::function<Sample()> &measure) {
  int fds[2];
  if (pipe(fds) != 0)
    throw std::runtime_error("pipe failed");
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid < 0)
    throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(fds[0]);
    Sample s;
    try {
      s = measure();
      s.ok = true;
    } catch (const std::exception &e) {
      std::fprintf(stderr, "rongou_bench: child failed: %s\n", e.what());
    }
    const auto written = write(fds[1], &s, sizeof s);
    _exit(written == sizeof s ? 0 : 1); // skip SimGrid's exit handlers: the engine is not shut down
  }
  close(fds[1]);
  Sample s;
  const auto got = read(fds[0], &s, sizeof s);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (got != sizeof s || !s.ok)
    throw std::runtime_error("a measurement failed (see above)");
  return s;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// The scenario run `years` times as long with `frequency` times the trains a week: each
// service is repeated at departure hours spread over the day, and demand and locomotive pools
// grow with it so trains stay as full and as well hauled as in the baseline. Yards come from
// the platform and do not grow.
rongou::Scenario scaled(const rongou::Scenario &base, int years, int frequency) {
  rongou::Scenario s = base;
  s.horizon_days = 364.0 * years;
  s.rail.services.clear();
  for (const auto &service : base.rail.services)
    for (int k = 0; k < frequency; ++k) {
      auto copy = service;
      if (frequency > 1)
        copy.name = fmt::format("{}-{}", service.name, k + 1);
      copy.departure_hour = std::fmod(service.departure_hour + 24.0 * k / frequency, 24.0);
      s.rail.services.push_back(copy);
    }
  for (auto &[direction, demand] : s.demand)
    demand.feu_per_week *= frequency;
  for (auto &pool : s.rail.locomotives)
    pool.count *= frequency;
  // The same containers go by sea too: vessels grow with them, or the port's backlog would
  // grow without end and each sailing would scan it (a queue that never clears, not a cost
  // of the model's size).
  if (s.sea) {
    s.sea->vessel_capacity_feu *= frequency;
    for (auto &loop : s.sea->loops)
      loop.vessel_capacity_feu *= frequency;
  }
  return s;
}

// One run of the model as `rongou run` does it, minus process start: simulate() and the
// results, and (if `out` is set) the output files.
Sample model_run(const rongou::Scenario &scenario, const std::filesystem::path &out = {}) {
  Clock::time_point run_start;
  simgrid::s4u::Engine::on_simulation_start_cb([&run_start] { run_start = Clock::now(); });
  simcalls = 0;
  const auto t0 = Clock::now();
  const rongou::Journal journal = rongou::simulate(scenario);
  Sample s;
  s.run_s = seconds_since(run_start);
  const auto results = rongou::compute_run_results(scenario, journal);
  if (!out.empty()) {
    std::filesystem::create_directories(out);
    rongou::write_run_outputs(out, scenario, journal, results);
  }
  s.wall_s = seconds_since(t0);
  s.simcalls = static_cast<double>(simcalls);
  s.trains = static_cast<double>(journal.trains.size());
  s.containers = static_cast<double>(journal.containers.size());
  s.journal_events = static_cast<double>(journal.events.size());
  s.max_rss_kb = max_rss_kb();
  return s;
}

// A bare engine on the same platform, configured as the model's Session (quiet, 256 KiB
// stacks), running only the actors `start` creates on its first host.
Sample bare_engine_run(const std::string &platform_file, const std::function<void(simgrid::s4u::Host *)> &start) {
  int argc = 2;
  std::string program = "bare";
  std::string quiet = "--log=root.thres:critical";
  char *argv[] = {program.data(), quiet.data(), nullptr};
  simgrid::s4u::Engine engine(&argc, argv);
  simgrid::s4u::Engine::set_config("contexts/stack-size:256");
  engine.load_platform(platform_file);
  start(engine.get_all_hosts().front());
  simcalls = 0;
  const auto t0 = Clock::now();
  engine.run();
  Sample s;
  s.wall_s = s.run_s = seconds_since(t0);
  s.simcalls = static_cast<double>(simcalls);
  return s;
}

// The engine's floor: one actor sleeping `events` times.
Sample bare_run(const std::string &platform_file, std::uint64_t events) {
  return bare_engine_run(platform_file, [events](simgrid::s4u::Host *host) {
    simgrid::s4u::Actor::create("bare", host, [events] {
      for (std::uint64_t i = 0; i < events; ++i)
        simgrid::s4u::this_actor::sleep_for(1.0);
    });
  });
}

// The engine's floor with the model's actor count: a dispatcher starts `actors` actors one
// after the other, each sleeping its share of `events` times. What the engine alone costs for
// as many actor starts, stacks and context switches as the model has.
Sample bare_actors_run(const std::string &platform_file, std::uint64_t events, std::uint64_t actors) {
  const std::uint64_t each = std::max<std::uint64_t>(1, events / std::max<std::uint64_t>(1, actors) - 1);
  return bare_engine_run(platform_file, [actors, each](simgrid::s4u::Host *host) {
    simgrid::s4u::Actor::create("dispatcher", host, [host, actors, each] {
      for (std::uint64_t a = 0; a < actors; ++a) {
        simgrid::s4u::Actor::create("unit", host, [each] {
          for (std::uint64_t i = 0; i < each; ++i)
            simgrid::s4u::this_actor::sleep_for(1.0);
        });
        simgrid::s4u::this_actor::sleep_for(1.0);
      }
    });
  });
}

// Runs a program to completion; returns its wall time, or a negative value if it failed.
double time_process(const std::vector<std::string> &args) {
  std::vector<char *> argv;
  for (const auto &a : args)
    argv.push_back(const_cast<char *>(a.c_str()));
  argv.push_back(nullptr);
  const auto t0 = Clock::now();
  pid_t pid = 0;
  posix_spawn_file_actions_t quiet; // its report is not part of the bench's output
  posix_spawn_file_actions_init(&quiet);
  posix_spawn_file_actions_addopen(&quiet, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  const int spawned = posix_spawn(&pid, argv[0], &quiet, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&quiet);
  if (spawned != 0)
    return -1.0;
  int status = 0;
  waitpid(pid, &status, 0);
  const double wall = seconds_since(t0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? wall : -1.0;
}

bool rongou_has_replications(const std::string &rongou) {
  FILE *help = popen((rongou + " run --help 2>&1").c_str(), "r");
  if (!help)
    return false;
  std::string text;
  char chunk[512];
  while (std::fgets(chunk, sizeof chunk, help))
    text += chunk;
  pclose(help);
  return text.find("--replications") != std::string::npos && text.find("--jobs") != std::string::npos;
}

// `replications` runs of the scenario, seeds 1..N, on `jobs` worker processes that each fork
// a child per run (one engine per process): what a replication pool without exec costs.
double forked_replications(const rongou::Scenario &scenario, int replications, int jobs) {
  std::fflush(stdout);
  const auto t0 = Clock::now();
  std::vector<pid_t> workers;
  for (int w = 0; w < jobs; ++w) {
    const pid_t pid = fork();
    if (pid == 0) {
      for (int r = w; r < replications; r += jobs) {
        const pid_t child = fork();
        if (child == 0) {
          auto s = scenario;
          s.seed = static_cast<std::uint64_t>(r + 1);
          const auto journal = rongou::simulate(s);
          const auto results = rongou::compute_run_results(s, journal);
          _exit(results.rail.by_direction.empty() ? 1 : 0);
        }
        int status = 0;
        waitpid(child, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
          _exit(1);
      }
      _exit(0);
    }
    workers.push_back(pid);
  }
  bool ok = true;
  for (pid_t pid : workers) {
    int status = 0;
    waitpid(pid, &status, 0);
    ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  if (!ok)
    throw std::runtime_error("a forked replication failed");
  return seconds_since(t0);
}


// A whole process as the user runs it: wall time, CPU time (user + system, its waited-for
// children such as gnuplot included), peak memory and minor page faults, from wait4.
struct ProcessRun {
  double wall_s = -1.0; // negative: it failed
  double cpu_s = 0.0;
  double max_rss_mb = 0.0;
  double minor_faults = 0.0;
};

pid_t spawn_quiet(const std::vector<std::string> &args) {
  std::vector<char *> argv;
  for (const auto &a : args)
    argv.push_back(const_cast<char *>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  posix_spawn_file_actions_t quiet; // what it prints is not part of the bench's output
  posix_spawn_file_actions_init(&quiet);
  posix_spawn_file_actions_addopen(&quiet, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  const int spawned = posix_spawnp(&pid, argv[0], &quiet, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&quiet);
  return spawned == 0 ? pid : -1;
}

ProcessRun finish(pid_t pid, Clock::time_point t0) {
  ProcessRun r;
  if (pid < 0)
    return r;
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return r;
  r.wall_s = seconds_since(t0);
  r.cpu_s = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
            1e-6 * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  r.max_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  r.minor_faults = static_cast<double>(usage.ru_minflt);
  return r;
}

ProcessRun measure_process(const std::vector<std::string> &args) {
  const auto t0 = Clock::now();
  const ProcessRun r = finish(spawn_quiet(args), t0);
  if (r.wall_s < 0)
    throw std::runtime_error(fmt::format("{} failed", fmt::join(args, " ")));
  return r;
}

// Several copies of processes started at once; the wall time is until the last one ends.
double measure_together(const std::vector<std::vector<std::string>> &commands) {
  const auto t0 = Clock::now();
  std::vector<pid_t> pids;
  for (const auto &args : commands)
    pids.push_back(spawn_quiet(args));
  bool ok = true;
  for (pid_t pid : pids)
    ok = finish(pid, t0).wall_s >= 0 && ok;
  if (!ok)
    throw std::runtime_error("a process run side by side failed");
  return seconds_since(t0);
}

// Medians of two commands run alternately A B A B ..., so both see the same load.
struct SideBySide {
  ProcessRun a, b; // medians, field by field
};

ProcessRun median_run(const std::vector<ProcessRun> &runs) {
  auto field = [&runs](double ProcessRun::*f) {
    std::vector<double> v;
    for (const auto &r : runs)
      v.push_back(r.*f);
    return median(v);
  };
  return {field(&ProcessRun::wall_s), field(&ProcessRun::cpu_s), field(&ProcessRun::max_rss_mb),
          field(&ProcessRun::minor_faults)};
}

SideBySide side_by_side(const std::vector<std::string> &a, const std::vector<std::string> &b, int repeats) {
  std::vector<ProcessRun> as, bs;
  for (int i = 0; i < repeats; ++i) {
    as.push_back(measure_process(a));
    bs.push_back(measure_process(b));
  }
  return {median_run(as), median_run(bs)};
}

std::size_t csv_rows(const std::filesystem::path &file) {
  std::ifstream in(file);
  std::size_t lines = 0;
  for (std::string line; std::getline(in, line);)
    ++lines;
  return lines > 0 ? lines - 1 : 0;
}

// One row of the targets table.
void target_row(const char *id, const std::string &what, const std::string &figure, const std::string &reference,
                double ratio, const std::string &target, int holds) {
  fmt::print("{:<4}{:<66}{:>12}{:>14}{:>9}{:>10}  {}\n", id, what, figure, reference,
             ratio > 0 ? fmt::format("{:.2f}x", ratio) : std::string("-"), target,
             holds < 0 ? "-" : holds ? "yes" : "no");
}


struct TargetSetup {
  std::string scenario;
  std::string rongou;
  std::string peer; // empty: T1 and T2 are not measured
  std::string python;
  std::string network_scenario;
  std::filesystem::path work;
  int repeats = 5;
  int replications = 8;
  bool quick = false;
};

// T1..T5 (docs/performance.md#the-targets-t1t5-against-the-simpy-peer): every ratio from processes run side by side in this
// bench run, medians of `repeats`.
void print_targets(const TargetSetup &t) {
  const int years = t.quick ? 2 : 10;
  const std::string horizon = fmt::format("horizon_days={}", 364 * years);
  const auto run_out = [&t](const std::string &name) { return (t.work / name).string(); };
  const std::vector<std::string> long_run{t.rongou, "run", t.scenario, "--set", horizon, "--out", run_out("t1"),
                                          "--force", "--quiet", "--no-report"};
  const std::vector<std::string> year_run{t.rongou, "run", t.scenario, "--out", run_out("year"),
                                          "--force", "--quiet", "--no-report"};
  const bool have_peer = !t.peer.empty() && std::filesystem::exists(t.peer);
  const auto peer_run = [&t](int peer_years) {
    return std::vector<std::string>{t.python, t.peer, "--years", std::to_string(peer_years)};
  };
  fmt::print("targets: each ratio from runs side by side (A B A B ...), medians of {}; wall time unless "
             "said\n",
             t.repeats);
  fmt::print("{:<4}{:<66}{:>12}{:>14}{:>9}{:>10}  {}\n", "", "figure", "rongou", "reference", "ratio", "target",
             "holds");

  // T1 and T4: a long baseline run per simulated year against the peer and the bare SimGrid program.
  ProcessRun long_rongou;
  if (have_peer) {
    const auto t1 = side_by_side(long_run, peer_run(years), t.repeats);
    long_rongou = t1.a;
    const double ratio = t1.b.wall_s / t1.a.wall_s;
    target_row("T1", fmt::format("s per simulated year ({} years / {}, --no-report)", years, years),
               fmt::format("{:.3f}", t1.a.wall_s / years), fmt::format("{:.3f} peer", t1.b.wall_s / years), ratio,
               ">= 6x", ratio >= 6.0);
    target_row("", "  the same in CPU time (user + system)", fmt::format("{:.3f}", t1.a.cpu_s / years),
               fmt::format("{:.3f} peer", t1.b.cpu_s / years), t1.b.cpu_s / t1.a.cpu_s, "", -1);
  } else {
    fmt::print("T1  not measured: no peer model (bench/run --peer PATH)\n");
  }

  // T2: the default run, report included, against the peer's one year.
  const std::vector<std::string> default_run{t.rongou, "run", t.scenario, "--out", run_out("t2"), "--force",
                                             "--quiet"};
  if (have_peer) {
    const auto t2 = side_by_side(default_run, peer_run(1), t.repeats);
    const double ratio = t2.b.wall_s / t2.a.wall_s;
    target_row("T2", "s of the default `rongou run` (report) vs peer 1 year", fmt::format("{:.3f}", t2.a.wall_s),
               fmt::format("{:.3f} peer", t2.b.wall_s), ratio, ">= 1.5x", ratio >= 1.5);
    target_row("", "  the same in CPU time (gnuplot included)", fmt::format("{:.3f}", t2.a.cpu_s),
               fmt::format("{:.3f} peer", t2.b.cpu_s), t2.b.cpu_s / t2.a.cpu_s, "", -1);
  } else {
    fmt::print("T2  not measured: no peer model\n");
  }

  // T3: two jobs against one, and two independent runs at once against one.
  {
    const auto reps = std::to_string(t.replications);
    const auto jobs = [&](const char *j) {
      return std::vector<std::string>{t.rongou, "run", t.scenario, "--replications", reps, "--jobs", j, "--out",
                                      run_out(fmt::format("t3-jobs{}", j)), "--force", "--quiet", "--no-report"};
    };
    const auto t3 = side_by_side(jobs("2"), jobs("1"), t.repeats);
    const double ratio = t3.b.wall_s / t3.a.wall_s;
    target_row("T3", fmt::format("replications a second, --jobs 2 vs 1 ({} each)", t.replications),
               fmt::format("{:.2f}/s", t.replications / t3.a.wall_s),
               fmt::format("{:.2f}/s", t.replications / t3.b.wall_s), ratio, ">= 1.8x", ratio >= 1.8);
    std::vector<double> one, two;
    for (int i = 0; i < t.repeats; ++i) {
      one.push_back(measure_together({year_run}));
      auto second = year_run;
      second[4] = run_out("year-2");
      two.push_back(measure_together({year_run, second}));
    }
    const double together = 2.0 * median(one) / median(two);
    target_row("", "runs a second, two at once vs one (baseline year)", fmt::format("{:.2f}/s", 2.0 / median(two)),
               fmt::format("{:.2f}/s", 1.0 / median(one)), together, ">= 1.8x", together >= 1.8);
    if (long_rongou.wall_s < 0)
      long_rongou = median_run({measure_process(long_run)});
    target_row("", "minor page faults per simulated year", fmt::format("{:.0f}", long_rongou.minor_faults / years),
               "", 0.0, "", -1);
  }

  // T4: per simulated year beside the bare SimGrid program's whole process.
  {
    const auto floor_program = std::filesystem::path(t.rongou).parent_path() / "rongou_simgrid_floor";
    if (std::filesystem::exists(floor_program)) {
      const auto t4 = side_by_side(long_run, {floor_program.string()}, t.repeats);
      target_row("T4", "s per simulated year vs empty SimGrid program (process)",
                 fmt::format("{:.3f}", t4.a.wall_s / years), fmt::format("{:.3f} bare", t4.b.wall_s),
                 t4.a.wall_s / years / t4.b.wall_s, "none", -1);
    } else {
      fmt::print("T4  not measured: {} not built\n", floor_program.string());
    }
  }

  // T5: the network scenario per train and per tracked container against the baseline (CPU
  // time: both run one year), and its peak memory over ten years.
  {
    const std::vector<std::string> network_run{t.rongou, "run", t.network_scenario, "--out", run_out("network"),
                                               "--force", "--quiet", "--no-report"};
    const auto t5 = side_by_side(network_run, year_run, t.repeats);
    const double network_trains = static_cast<double>(csv_rows(t.work / "network" / "trains.csv"));
    const double network_boxes = static_cast<double>(csv_rows(t.work / "network" / "containers.csv"));
    const double base_trains = static_cast<double>(csv_rows(t.work / "year" / "trains.csv"));
    const double base_boxes = static_cast<double>(csv_rows(t.work / "year" / "containers.csv"));
    const double per_train = t5.a.cpu_s / network_trains, base_per_train = t5.b.cpu_s / base_trains;
    const double per_box = t5.a.cpu_s / network_boxes, base_per_box = t5.b.cpu_s / base_boxes;
    target_row("T5", fmt::format("CPU ms per train unit, network ({:.0f}) vs baseline ({:.0f})", network_trains,
                                 base_trains),
               fmt::format("{:.3f}", per_train * 1e3), fmt::format("{:.3f} base", base_per_train * 1e3),
               per_train / base_per_train, "<= 1.2x", per_train / base_per_train <= 1.2);
    target_row("", fmt::format("CPU ms per tracked container, network ({:.0f}) vs baseline ({:.0f})", network_boxes,
                               base_boxes),
               fmt::format("{:.4f}", per_box * 1e3), fmt::format("{:.4f} base", base_per_box * 1e3),
               per_box / base_per_box, "<= 1.2x", per_box / base_per_box <= 1.2);
    auto network_long = network_run;
    network_long.insert(network_long.begin() + 3, {"--set", horizon});
    const auto big = measure_process(network_long);
    target_row("", fmt::format("peak memory of {} years of the network, MB", years),
               fmt::format("{:.0f}", big.max_rss_mb), "", 0.0, "< 1536", big.max_rss_mb < 1536.0);
  }
  fmt::print("\n");
}

const char *verdict(bool met) { return met ? "met" : "MISSED"; }

} // namespace

int main(int argc, char **argv) {
  CLI::App app{"rongou_bench: speed and memory of the rongou simulator (docs/performance.md)"};
  std::string scenario_file = "scenarios/baseline-2018.yaml";
  std::string rongou = "build-bench/rongou";
  std::string work = "build-bench/bench-out";
  int repeats = 5;
  int replications = 200;
  int process_runs = 20;
  bool quick = false;
  std::vector<std::string> only{"targets"};
  std::string peer;
  std::string python = "/usr/bin/python3";
  std::string network_scenario = "scenarios/network-2021.yaml";
  int target_replications = 8;
  app.add_option("--scenario", scenario_file, "baseline scenario");
  app.add_option("--rongou", rongou, "the rongou executable, for whole-process and --replications timings");
  app.add_option("--work", work, "scratch folder for outputs");
  app.add_option("--repeats", repeats, "runs per in-process figure (the median is printed)");
  app.add_option("--replications", replications, "replications per --jobs figure (1000 for the target itself)");
  app.add_option("--process-runs", process_runs, "whole-process runs timed");
  app.add_flag("--quick", quick, "tiny configuration, a smoke test of the bench itself");
  app.add_option("--only", only,
                 "sections to run: targets (the default), year, event, replications, memory, growth");
  app.add_option("--peer", peer, "the SimPy peer model (simpy_corridor.py) for T1 and T2");
  app.add_option("--python", python, "the Python that runs the peer (it needs SimPy 2)");
  app.add_option("--network-scenario", network_scenario, "the network scenario of T5");
  app.add_option("--target-replications", target_replications, "replications per --jobs run of T3");
  CLI11_PARSE(app, argc, argv);
  if (quick) {
    repeats = 1;
    replications = 4;
    target_replications = 2;
    process_runs = 2;
  }

  const auto want = [&only](const char *section) {
    return only.empty() || std::find(only.begin(), only.end(), section) != only.end();
  };
  try {
    const rongou::Scenario base = rongou::load_scenario(scenario_file);
    const std::filesystem::path out = std::filesystem::absolute(work);
    std::filesystem::create_directories(out);
    if (!dlsym(RTLD_DEFAULT, kSimcallHandle))
      throw std::runtime_error("cannot find SimGrid's simcall handler to count engine events");

    fmt::print("rongou bench  scenario {}  ({} days, {} services)\n\n", scenario_file, base.horizon_days,
               base.rail.services.size());

    if (want("targets"))
      print_targets({scenario_file, rongou, peer, python, network_scenario, out, repeats, target_replications, quick});
    const bool detail = std::any_of(only.begin(), only.end(), [](const std::string &o) { return o != "targets"; });
    if (!detail) {
      std::filesystem::remove_all(out);
      return 0;
    }

    // 1. One baseline year in-process, and as a whole process.
    std::vector<double> wall, run;
    Sample year;
    for (int i = 0; i < repeats; ++i) {
      year = in_child([&] { return model_run(base); });
      wall.push_back(year.wall_s);
      run.push_back(year.run_s);
    }
    const double year_s = median(wall);
    const double year_run_s = median(run);
    fmt::print("baseline year, in-process (simulate + metrics, median of {}):  {:.4f} s\n", repeats, year_s);
    fmt::print("  of which Engine::run {:.4f} s;  {} train units, {} containers, {} journal events, "
               "{} engine events (simcalls)\n",
               year_run_s, year.trains, year.containers, year.journal_events, year.simcalls);
    std::vector<double> with_outputs;
    for (int i = 0; i < repeats; ++i)
      with_outputs.push_back(in_child([&] { return model_run(base, out / "year"); }).wall_s);
    fmt::print("  with the output files written: {:.4f} s\n", median(with_outputs));

    double process_s = -1.0;
    if (std::filesystem::exists(rongou) && want("year")) {
      std::vector<double> times;
      for (int i = 0; i < process_runs; ++i) {
        const double t =
            time_process({rongou, "run", scenario_file, "--out", (out / "process").string(), "--quiet", "--no-report"});
        if (t < 0)
          throw std::runtime_error(rongou + " run failed");
        times.push_back(t);
      }
      process_s = median(times);
      fmt::print("baseline year, whole `rongou run` process, outputs written (median of {}, min {:.4f}):  {:.4f} s\n",
                 process_runs, *std::min_element(times.begin(), times.end()), process_s);
      // The floor under it: the same process up to the simulation (start, dynamic loading,
      // scenario, platform) and no further.
      std::vector<double> floor;
      for (int i = 0; i < process_runs; ++i) {
        const double t = time_process({rongou, "validate", scenario_file, "--quiet"});
        if (t < 0)
          throw std::runtime_error(rongou + " validate failed");
        floor.push_back(t);
      }
      fmt::print("  floor: `rongou validate` of the same scenario (process start, loading, platform; no "
                 "simulation), median of {}:  {:.4f} s\n",
                 process_runs, median(floor));
      // And under that, an empty program linked with SimGrid, built next to rongou.
      const auto empty = std::filesystem::path(rongou).parent_path() / "rongou_simgrid_floor";
      if (std::filesystem::exists(empty)) {
        std::vector<double> bare_process;
        for (int i = 0; i < process_runs; ++i)
          bare_process.push_back(time_process({empty.string()}));
        fmt::print("  floor: an empty program linked with SimGrid (bench/simgrid_floor.cpp), median of {}:  "
                   "{:.4f} s\n",
                   process_runs, median(bare_process));
      }
    } else if (want("year")) {
      fmt::print("baseline year, whole process: skipped ({} not found)\n", rongou);
    }

    double ratio = 0.0;
    if (want("event")) {
      // 2. Model cost per engine event against a bare sleep/wake loop of as many events.
      const auto events = static_cast<std::uint64_t>(year.simcalls);
      std::vector<double> bare;
      for (int i = 0; i < repeats; ++i)
        bare.push_back(in_child([&] { return bare_run(base.platform_file, events); }).run_s);
      const double bare_s = median(bare);
      const double model_per_event = year_run_s / year.simcalls;
      const double bare_per_event = bare_s / static_cast<double>(events);
      ratio = model_per_event / bare_per_event;
      fmt::print("\nper engine event, inside Engine::run:  model {:.3f} us,  bare actor sleep loop {:.3f} us "
                 "({} events, {:.4f} s),  ratio {:.2f}\n",
                 model_per_event * 1e6, bare_per_event * 1e6, events, bare_s, ratio);
      std::vector<double> bare_actors;
      Sample actors_sample;
      for (int i = 0; i < repeats; ++i) {
        actors_sample = in_child([&] {
          return bare_actors_run(base.platform_file, events, static_cast<std::uint64_t>(year.trains));
        });
        bare_actors.push_back(actors_sample.run_s);
      }
      const double bare_actors_per_event = median(bare_actors) / actors_sample.simcalls;
      fmt::print("  bare engine with the model's {} actors started one after the other ({} events, {:.4f} s): "
                 "{:.3f} us an event, model ratio to it {:.2f}\n",
                 year.trains, actors_sample.simcalls, median(bare_actors), bare_actors_per_event * 1e6,
                 model_per_event / bare_actors_per_event);
      const double whole_ratio = year_s / year.simcalls / bare_per_event;
      fmt::print("  whole simulate + metrics per engine event: {:.3f} us, ratio {:.2f}\n", year_s / year.simcalls * 1e6,
                 whole_ratio);
    }

    // 3. Replications a second with 1 and 2 jobs.
    const bool native = std::filesystem::exists(rongou) && rongou_has_replications(rongou);
    if (want("replications"))
      fmt::print("\nreplications of the baseline year, {} each, {}:\n", replications,
                 native ? "`rongou run --replications N --jobs J`"
                        : "forked in the bench (rongou has no --replications yet): a worker per job forks one "
                          "child per replication, simulate + metrics, no files");
    double per_second_2 = 0.0;
    for (int jobs : {1, 2}) {
      if (!want("replications"))
        break;
      double t = 0.0;
      if (native) {
        t = time_process({rongou, "run", scenario_file, "--replications", std::to_string(replications), "--jobs",
                          std::to_string(jobs), "--out", (out / "replications").string(), "--quiet",
                          "--no-report"});
        if (t < 0)
          throw std::runtime_error(rongou + " run --replications failed");
      } else {
        t = forked_replications(base, replications, jobs);
      }
      const double per_second = replications / t;
      if (jobs == 2)
        per_second_2 = per_second;
      fmt::print("  --jobs {}:  {:.2f} s,  {:.1f} replications/s,  1,000 would take {:.1f} s\n", jobs, t, per_second,
                 1000.0 / per_second);
    }

    // 4. Peak memory of ten years at four times the trains.
    Sample big;
    if (want("memory")) {
      big = in_child([&] { return model_run(scaled(base, 10, 4), out / "memory"); });
      fmt::print("\n10 years x4 trains a week (outputs written): peak RSS {:.1f} MB, {:.2f} s, {} train units, "
                 "{} containers, {} engine events\n",
                 big.max_rss_kb / 1024.0, big.wall_s, big.trains, big.containers, big.simcalls);
      fmt::print("  (baseline year for comparison: peak RSS {:.1f} MB)\n", year.max_rss_kb / 1024.0);
    }

    // 5. Growth with horizon and with trains a week.
    if (want("growth")) {
      fmt::print("\ngrowth (simulate + metrics, median of {}):\n", repeats);
      fmt::print("  {:<22}{:>10}{:>12}{:>14}{:>16}{:>16}\n", "case", "time s", "trains", "events", "us per train",
                 "us per event");
    }
    double worst_growth = 0.0;
    auto series = [&](const char *label, const std::vector<int> &factors, bool horizon) {
      double first_per_event = 0.0;
      for (int f : factors) {
        const auto s = horizon ? scaled(base, f, 1) : scaled(base, 1, f);
        std::vector<double> t;
        Sample last;
        for (int i = 0; i < repeats; ++i) {
          last = in_child([&] { return model_run(s); });
          t.push_back(last.wall_s);
        }
        const double m = median(t);
        const double per_event = m / last.simcalls;
        if (first_per_event == 0.0)
          first_per_event = per_event;
        worst_growth = std::max(worst_growth, per_event / first_per_event);
        fmt::print("  {:<22}{:>10.4f}{:>12}{:>14}{:>16.1f}{:>16.3f}\n", fmt::format("{} x{}", label, f), m, last.trains,
                   last.simcalls, m / last.trains * 1e6, per_event * 1e6);
      }
    };
    if (want("growth")) {
      series("horizon, years", quick ? std::vector<int>{1, 2} : std::vector<int>{1, 2, 4, 8}, true);
      series("trains a week", quick ? std::vector<int>{1, 2} : std::vector<int>{1, 2, 4, 8}, false);
    }

    fmt::print("\nfigures against the earlier rounds' targets\n");
    if (process_s > 0 && want("year"))
      fmt::print("  whole process, baseline year < 0.055 s (2x a 0.11 s SimPy model):  {:.4f} s  {}\n", process_s,
                 verdict(process_s < 0.055));
    if (want("event"))
      fmt::print("  model within 1.5x of the bare engine per event:  {:.2f}x  {}\n", ratio, verdict(ratio <= 1.5));
    if (want("replications"))
      fmt::print("  1,000 baseline-year replications < 60 s with 2 jobs:  {:.1f} s  {}\n", 1000.0 / per_second_2,
                 verdict(1000.0 / per_second_2 < 60.0));
    if (want("memory"))
      fmt::print("  10 years x4 under 200 MB:  {:.1f} MB  {}\n", big.max_rss_kb / 1024.0,
                 verdict(big.max_rss_kb / 1024.0 < 200.0));
    if (want("growth"))
      fmt::print("  no worse than linear (cost per event at most 1.25x the x1 case):  {:.2f}x  {}\n", worst_growth,
                 verdict(worst_growth <= 1.25));
    std::filesystem::remove_all(out);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "rongou_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
