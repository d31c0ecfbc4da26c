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

namespace {

using Tasks = std::vector<std::function<void()>>;

// What the files of one run share: the lane names a network run's rows carry, the sea loops'
// labels, and the lane a focused run keeps. Lives until every task that refers to it has run.
struct RunFiles {
  RunFiles(const fs::path& dir, const Scenario& scenario, const Journal& journal, const Provenance& provenance)
      : dir(dir), scenario(scenario), journal(journal), provenance(provenance) {
    for (const auto& lane : scenario.lanes)
      lane_names.push_back(lane.name);
    if (provenance.detail == DetailLevel::Focus)
      only_lane = scenario.focus_lane;
    // Loop columns only when a sea alternative uses them, so single-loop runs keep their files.
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
    if (any_loops)
      loops = &loop_labels;
  }
  RunFiles(const RunFiles&) = delete;
  RunFiles& operator=(const RunFiles&) = delete;

  // A network run's per-record files name each row's lane.
  const std::vector<std::string>* lanes() const { return scenario.is_network() ? &lane_names : nullptr; }

  // The files made from the journal alone, containers.csv (the largest) first: a long run's
  // files are hundreds of MB of text.
  void add_journal_files(Tasks& files) const {
    const auto file = [&files](std::function<void()> write) { files.push_back(std::move(write)); };
    if (provenance.detail != DetailLevel::None) {
      file([this] { write_containers_csv(dir / "containers.csv", journal, only_lane, lanes()); });
      file([this] { write_trains_csv(dir / "trains.csv", journal, only_lane, lanes()); });
      file([this] { write_events_csv(dir / "events.csv", journal, only_lane); });
    }
    file([this] { write_disruptions_csv(dir / "disruptions.csv", scenario, journal); });
    if (!scenario.sea_lanes().empty()) {
      file([this] { write_sea_csv(dir / "sea.csv", journal, lanes(), loops); });
      file([this] { write_sailings_csv(dir / "sailings.csv", journal, lanes(), loops); });
      if (!journal.sea_hub.empty())
        file([this] { write_feeder_sailings_csv(dir / "feeder_sailings.csv", journal, lanes()); });
    }
    file([this] { write_pools_csv(dir / "pools.csv", journal.locomotives, PoolFile::Locomotives); });
    file([this] { write_light_runs_csv(dir / "light_runs.csv", journal.locomotives, PoolFile::Locomotives); });
    if (!journal.crews.names.empty()) {
      file([this] { write_pools_csv(dir / "crews.csv", journal.crews, PoolFile::Crews); });
      file([this] { write_light_runs_csv(dir / "crew_rides.csv", journal.crews, PoolFile::Crews); });
    }
    file([this] { write_yards_csv(dir / "yards.csv", journal); });
    if (!journal.wagon_fleets.empty()) {
      file([this] { write_wagons_csv(dir / "wagons.csv", journal); });
      file([this] { write_empty_wagon_trains_csv(dir / "empty_wagon_trains.csv", journal); });
    }
    file([this] { write_routes_csv(dir / "routes.csv", journal); });
    if (!journal.box_terminals.empty())
      file([this] { write_boxes_csv(dir / "boxes.csv", journal); });
    file([this] { write_provenance_json(dir / "provenance.json", scenario, provenance); });
    if (!scenario.resolved_yaml.empty())
      file([this] {
        write_text_file(dir / "scenario.resolved.yaml",
                        "# The scenario exactly as run: after extends and --set.\n" + scenario.resolved_yaml);
      });
  }

  // The files that format `results` (summary.json aside).
  void add_result_files(Tasks& files, const RunResults& results) const {
    const auto file = [&files](std::function<void()> write) { files.push_back(std::move(write)); };
    file([this, &results] { write_weekly_csv(dir / "weekly.csv", results); });
    if (results.choice)
      file([this, &results] {
        write_choice_csv(dir / "choice.csv", *results.choice,
                         results.choice_eastbound ? &*results.choice_eastbound : nullptr);
      });
    if (results.costs)
      file([this, &results] { write_emissions_csv(dir / "emissions.csv", scenario, results); });
    if (scenario.is_network()) {
      file([this, &results] { write_crossings_csv(dir / "crossings.csv", results); });
      file([this, &results] { write_lanes_csv(dir / "lanes.csv", results); });
      file([this, &results] { write_network_json(dir / "network.json", scenario, journal, results); });
    }
  }

  const fs::path& dir;
  const Scenario& scenario;
  const Journal& journal;
  const Provenance& provenance;
  std::vector<std::string> lane_names;
  std::optional<int> only_lane;
  LoopLabels loop_labels;
  const LoopLabels* loops = nullptr;
};

} // namespace

RunResults write_run_files(const fs::path& dir, const Scenario& scenario, const Journal& journal,
                           const std::function<RunResults()>& compute, const Provenance& provenance) {
  const RunFiles run(dir, scenario, journal, provenance);
  // The results are computed beside the journal's files, which do not need them: on two
  // processors the computing takes no time of its own.
  RunResults results;
  Tasks first{[&] { results = compute(); }};
  run.add_journal_files(first);
  run_in_parallel(first);
  Tasks then;
  run.add_result_files(then, results);
  run_in_parallel(then);
  return results;
}

RunResults write_run_outputs(const fs::path& dir, const Scenario& scenario, const Journal& journal,
                             const std::function<RunResults()>& compute, const Provenance& provenance) {
  RunResults results = write_run_files(dir, scenario, journal, compute, provenance);
  write_text_file(dir / "summary.json", run_summary(scenario, results).dump(2) + "\n");
  return results;
}

void write_run_outputs(const fs::path& dir, const Scenario& scenario, const Journal& journal,
                       const RunResults& results, const Provenance& provenance) {
  write_run_outputs(dir, scenario, journal, [&results] { return results; }, provenance);
}

} // namespace rongou
