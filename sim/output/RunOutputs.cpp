#include "output/RunOutputs.hpp"

#include <fmt/format.h>
#include <fmt/os.h>
#include <unistd.h>

#include "output/CsvFiles.hpp"
#include "output/SummaryJson.hpp"

namespace rongou {

namespace fs = std::filesystem;

void replace_directory(const fs::path& staged, const fs::path& target) {
  const fs::path aside = target.string() + fmt::format(".old-{}", ::getpid());
  const bool had_previous = fs::exists(target);
  if (had_previous)
    fs::rename(target, aside);
  fs::rename(staged, target);
  if (had_previous)
    fs::remove_all(aside);
}

void write_run_outputs(const fs::path& out_dir, const Scenario& scenario, const Journal& journal,
                       const RailMetrics& metrics, const Provenance& provenance) {
  const fs::path target = fs::absolute(out_dir).lexically_normal();
  fs::create_directories(target.parent_path());
  const fs::path staged = target.string() + fmt::format(".tmp-{}", ::getpid());
  fs::remove_all(staged);
  fs::create_directories(staged);
  try {
    write_containers_csv(staged / "containers.csv", journal);
    write_trains_csv(staged / "trains.csv", journal);
    write_events_csv(staged / "events.csv", journal);
    write_weekly_csv(staged / "weekly.csv", metrics);
    write_pools_csv(staged / "pools.csv", journal);
    write_yards_csv(staged / "yards.csv", journal);
    write_routes_csv(staged / "routes.csv", journal);
    write_provenance_json(staged / "provenance.json", scenario, provenance);
    // The report shows the scenario that produced the run, so it travels with the results.
    if (!scenario.source_file.empty() && fs::is_regular_file(scenario.source_file))
      fs::copy_file(scenario.source_file, staged / "scenario.yaml");
    auto summary = fmt::output_file((staged / "summary.json").string());
    summary.print("{}\n", build_summary(scenario, metrics).dump(2));
    summary.close();
    replace_directory(staged, target);
  } catch (...) {
    fs::remove_all(staged);
    throw;
  }
}

} // namespace rongou
