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

void write_run_outputs(const fs::path& out_dir, const Scenario& scenario, const Journal& journal,
                       const RailMetrics& metrics) {
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
    write_disruptions_csv(staged / "disruptions.csv", scenario, journal);
    if (scenario.sea) {
      write_sea_csv(staged / "sea.csv", journal);
      write_sailings_csv(staged / "sailings.csv", journal);
    }
    auto json = build_summary(scenario, metrics);
    add_comparison(json, scenario, journal);
    auto summary = fmt::output_file((staged / "summary.json").string());
    summary.print("{}\n", json.dump(2));
    summary.close();
    if (!scenario.resolved_yaml.empty()) {
      auto resolved = fmt::output_file((staged / "scenario.resolved.yaml").string());
      resolved.print("# The scenario exactly as run: after extends and --set.\n{}", scenario.resolved_yaml);
      resolved.close();
    }
    replace_directory(staged, target);
  } catch (...) {
    fs::remove_all(staged);
    throw;
  }
}

} // namespace rongou
