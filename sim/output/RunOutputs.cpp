#include "output/RunOutputs.hpp"

#include <fmt/format.h>
#include <fmt/os.h>
#include <unistd.h>

#include "output/ComparisonJson.hpp"
#include "output/CsvFiles.hpp"
#include "output/SeaCsvFiles.hpp"
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

nlohmann::ordered_json run_summary(const Scenario& scenario, const RunResults& results) {
  auto json = build_summary(scenario, results);
  add_comparison(json, scenario, results);
  return json;
}

void write_run_files(const fs::path& dir, const Scenario& scenario, const Journal& journal, const RunResults& results,
                     const Provenance& provenance) {
  write_containers_csv(dir / "containers.csv", journal);
  write_trains_csv(dir / "trains.csv", journal);
  write_events_csv(dir / "events.csv", journal);
  write_weekly_csv(dir / "weekly.csv", results);
  write_disruptions_csv(dir / "disruptions.csv", scenario, journal);
  if (scenario.sea) {
    write_sea_csv(dir / "sea.csv", journal);
    write_sailings_csv(dir / "sailings.csv", journal);
  }
  write_pools_csv(dir / "pools.csv", journal);
  write_yards_csv(dir / "yards.csv", journal);
  write_routes_csv(dir / "routes.csv", journal);
  write_provenance_json(dir / "provenance.json", scenario, provenance);
  if (!scenario.resolved_yaml.empty()) {
    auto resolved = fmt::output_file((dir / "scenario.resolved.yaml").string());
    resolved.print("# The scenario exactly as run: after extends and --set.\n{}", scenario.resolved_yaml);
  }
}

void write_run_outputs(const fs::path& out_dir, const Scenario& scenario, const Journal& journal,
                       const RunResults& results, const Provenance& provenance) {
  const fs::path target = fs::absolute(out_dir).lexically_normal();
  fs::create_directories(target.parent_path());
  const fs::path staged = target.string() + fmt::format(".tmp-{}", ::getpid());
  fs::remove_all(staged);
  fs::create_directories(staged);
  try {
    write_run_files(staged, scenario, journal, results, provenance);
    auto summary = fmt::output_file((staged / "summary.json").string());
    summary.print("{}\n", run_summary(scenario, results).dump(2));
    summary.close();
    replace_directory(staged, target);
  } catch (...) {
    fs::remove_all(staged);
    throw;
  }
}

} // namespace rongou
