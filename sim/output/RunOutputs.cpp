#include "output/RunOutputs.hpp"

#include <fmt/format.h>
#include <functional>
#include <optional>

#include "base/ParallelTasks.hpp"

#include "output/ChoiceOutputs.hpp"
#include "output/ComparisonJson.hpp"
#include "output/CsvFiles.hpp"
#include "output/EmissionsCsv.hpp"
#include "output/NetworkCsvFiles.hpp"
#include "output/NetworkJson.hpp"
#include "output/SeaCsvFiles.hpp"
#include "output/SummaryJson.hpp"
#include "output/TextFile.hpp"

namespace rongou {

namespace fs = std::filesystem;

nlohmann::ordered_json run_summary(const Scenario& scenario, const RunResults& results) {
  auto json = build_summary(scenario, results);
  add_comparison(json, scenario, results);
  if (results.choice)
    json["choice"] = choice_json(*results.choice);
  if (results.choice_eastbound)
    json["choice"]["eastbound"] = choice_json(*results.choice_eastbound);
  if (results.choice && !results.choice->routes.empty())
    json["routes"] = routes_json(results.choice->routes);
  return json;
}

void write_run_files(const fs::path& dir, const Scenario& scenario, const Journal& journal, const RunResults& results,
                     const Provenance& provenance) {
  // A network run's per-record files name each row's lane.
  std::vector<std::string> names;
  for (const auto& lane : scenario.lanes)
    names.push_back(lane.name);
  const auto* lanes = scenario.is_network() ? &names : nullptr;
  // Each file is a task of its own, written beside the others: a long run's files are
  // hundreds of MB of text, containers.csv the largest, so it goes first.
  std::vector<std::function<void()>> files;
  const auto file = [&files](std::function<void()> write) { files.push_back(std::move(write)); };
  const std::optional<int> only_lane =
      provenance.detail == DetailLevel::Focus ? std::optional<int>(scenario.focus_lane) : std::nullopt;
  if (provenance.detail != DetailLevel::None) {
    file([&] { write_containers_csv(dir / "containers.csv", journal, only_lane, lanes); });
    file([&] { write_trains_csv(dir / "trains.csv", journal, only_lane, lanes); });
    file([&] { write_events_csv(dir / "events.csv", journal, only_lane); });
  }
  file([&] { write_weekly_csv(dir / "weekly.csv", results); });
  file([&] { write_disruptions_csv(dir / "disruptions.csv", scenario, journal); });
  // Loop columns only when a sea alternative uses them, so single-loop runs keep their files.
  LoopLabels loop_labels;
  bool any_loops = false;
  for (int lane : scenario.sea_lanes()) {
    const SeaSpec& sea = *scenario.sea_of(lane);
    any_loops = any_loops || sea.reports_loops();
    const auto index = static_cast<std::size_t>(lane);
    if (loop_labels.size() <= index)
      loop_labels.resize(index + 1);
    for (const auto& loop : sea.effective_loops())
      loop_labels[index].push_back(loop.label());
  }
  const LoopLabels* loops = any_loops ? &loop_labels : nullptr;
  if (!scenario.sea_lanes().empty()) {
    file([&] { write_sea_csv(dir / "sea.csv", journal, lanes, loops); });
    file([&] { write_sailings_csv(dir / "sailings.csv", journal, lanes, loops); });
    if (!journal.sea_hub.empty())
      file([&] { write_feeder_sailings_csv(dir / "feeder_sailings.csv", journal, lanes); });
  }
  if (results.choice)
    file([&] {
      write_choice_csv(dir / "choice.csv", *results.choice,
                       results.choice_eastbound ? &*results.choice_eastbound : nullptr);
    });
  file([&] { write_pools_csv(dir / "pools.csv", journal.locomotives, PoolFile::Locomotives); });
  file([&] { write_light_runs_csv(dir / "light_runs.csv", journal.locomotives, PoolFile::Locomotives); });
  if (!journal.crews.names.empty()) {
    file([&] { write_pools_csv(dir / "crews.csv", journal.crews, PoolFile::Crews); });
    file([&] { write_light_runs_csv(dir / "crew_rides.csv", journal.crews, PoolFile::Crews); });
  }
  file([&] { write_yards_csv(dir / "yards.csv", journal); });
  if (!journal.wagon_fleets.empty()) {
    file([&] { write_wagons_csv(dir / "wagons.csv", journal); });
    file([&] { write_empty_wagon_trains_csv(dir / "empty_wagon_trains.csv", journal); });
  }
  file([&] { write_routes_csv(dir / "routes.csv", journal); });
  if (results.costs)
    file([&] { write_emissions_csv(dir / "emissions.csv", scenario, results); });
  if (!journal.box_terminals.empty())
    file([&] { write_boxes_csv(dir / "boxes.csv", journal); });
  if (scenario.is_network()) {
    file([&] { write_crossings_csv(dir / "crossings.csv", results); });
    file([&] { write_lanes_csv(dir / "lanes.csv", results); });
    file([&] { write_network_json(dir / "network.json", scenario, journal, results); });
  }
  file([&] { write_provenance_json(dir / "provenance.json", scenario, provenance); });
  if (!scenario.resolved_yaml.empty())
    file([&] {
      write_text_file(dir / "scenario.resolved.yaml",
                      "# The scenario exactly as run: after extends and --set.\n" + scenario.resolved_yaml);
    });
  run_in_parallel(files);
}

void write_run_outputs(const fs::path& dir, const Scenario& scenario, const Journal& journal,
                       const RunResults& results, const Provenance& provenance) {
  write_run_files(dir, scenario, journal, results, provenance);
  write_text_file(dir / "summary.json", run_summary(scenario, results).dump(2) + "\n");
}

} // namespace rongou
