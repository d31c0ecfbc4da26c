#include "results/SideBySide.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace rongou {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

// The 95 % half-width summary.json keeps beside a value: in the ci95 object of its parent,
// or, for an element of a numeric array, in the parent's ci95 array of the same name.
double half_width_at(const Json& summary, const KeyPath& path) {
  if (path.empty())
    return std::nan("");
  KeyPath sibling(path.begin(), path.end() - 1);
  sibling.push_back("ci95");
  sibling.push_back(path.back());
  if (const auto v = number_at(summary, sibling))
    return *v;
  if (path.size() >= 2) {
    KeyPath of_array(path.begin(), path.end() - 2);
    of_array.push_back("ci95");
    of_array.push_back(path[path.size() - 2]);
    of_array.push_back(path.back());
    if (const auto v = number_at(summary, of_array))
      return *v;
  }
  return std::nan("");
}

std::string column_name(const ResultsFolder& folder) {
  const auto& s = folder.summary;
  if (s.is_object() && s.contains("scenario") && s["scenario"].is_string())
    return s["scenario"].get<std::string>();
  return folder.dir.filename().string();
}

// Scenario names, made unique by the folder's name and then by position.
std::vector<std::string> unique_names(const std::vector<ResultsFolder>& folders) {
  std::vector<std::string> names;
  for (const auto& f : folders)
    names.push_back(column_name(f));
  std::map<std::string, int> uses;
  for (const auto& n : names)
    ++uses[n];
  for (std::size_t i = 0; i < names.size(); ++i)
    if (uses[names[i]] > 1) {
      fs::path dir = folders[i].dir;
      if (dir.filename().empty())
        dir = dir.parent_path();
      names[i] = dir.filename().string();
    }
  std::map<std::string, int> seen;
  for (auto& n : names)
    if (++seen[n] > 1)
      n = fmt::format("{}#{}", n, seen[n]);
  return names;
}

} // namespace

bool SideBySideRow::changed() const {
  for (std::size_t i = 1; i < values.size(); ++i) {
    if (values[i].has_value() != values[0].has_value())
      return true;
    if (values[i] && values[i]->mean != values[0]->mean)
      return true;
  }
  return false;
}

const SideBySideRow* SideBySide::find(const std::string& path) const {
  for (const auto& r : rows)
    if (r.path == path)
      return &r;
  return nullptr;
}

SideBySide side_by_side(const std::vector<ResultsFolder>& folders) {
  SideBySide t;
  const auto names = unique_names(folders);
  std::vector<KeyPath> paths;
  std::map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < folders.size(); ++i) {
    SideBySideColumn c;
    c.name = names[i];
    c.dir = folders[i].dir;
    c.replications = std::max<std::size_t>(1, folders[i].reps.size());
    t.columns.push_back(c);
    for (auto& p : statistic_paths(folders[i].summary))
      if (index_of.emplace(dotted(p), paths.size()).second)
        paths.push_back(std::move(p));
  }
  // Each folder against the first: column minus reference.
  std::vector<std::map<std::string, DifferenceCi>> changes(folders.size());
  for (std::size_t i = 1; i < folders.size(); ++i) {
    const Comparison c = compare_results(folders[i], folders[0]);
    t.columns[i].method = c.method;
    for (const auto& row : c.rows)
      changes[i][row.path] = row.difference;
  }
  for (const auto& path : paths) {
    SideBySideRow row;
    row.path = dotted(path);
    for (const auto& f : folders) {
      const auto v = number_at(f.summary, path);
      row.values.push_back(v ? std::optional<ValueCi>(ValueCi{*v, half_width_at(f.summary, path)}) : std::nullopt);
    }
    row.changes.resize(folders.size());
    row.largest_relative_change = std::nan("");
    for (std::size_t i = 1; i < folders.size(); ++i) {
      const auto it = changes[i].find(row.path);
      if (it == changes[i].end())
        continue;
      row.changes[i] = it->second;
      const double scale = std::max(std::abs(row.values[0]->mean), std::abs(row.values[i]->mean));
      const double relative = scale > 0.0 ? std::abs(it->second.difference) / scale : 0.0;
      if (std::isnan(row.largest_relative_change) || relative > row.largest_relative_change) {
        row.largest_relative_change = relative;
        row.largest_change_column = i;
      }
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::vector<KeyResult> key_results(const SideBySide& table) {
  std::vector<KeyResult> keys{
      {"modes.rail.transit_days.mean", "rail door to door, mean"},
      {"modes.rail.transit_days.p95", "rail door to door, p95"},
      {"modes.sea.transit_days.mean", "sea door to door, mean"},
      {"modes.sea.transit_days.p95", "sea door to door, p95"},
      {"modes.rail.cost_usd_per_feu.total", "rail cost per FEU"},
      {"modes.sea.cost_usd_per_feu.total", "sea cost per FEU"},
      {"comparison.breakeven_cargo_value_usd", "breakeven cargo value"},
      {"modes.rail.co2_kg_per_feu", "rail CO2e per FEU, WTW"},
      {"modes.sea.co2_kg_per_feu", "sea CO2e per FEU, WTW"},
      {"choice.rail_share.feu", "rail share of the market"},
  };
  // A market split among routes (`choice.routes`): each route's share, door-to-door days, cost
  // and CO2e, the routes in the order the folders first give them.
  const std::string routes = "routes.", share = ".share_feu";
  for (const auto& r : table.rows)
    if (r.path.starts_with(routes) && r.path.ends_with(share)) {
      const std::string name = r.path.substr(routes.size(), r.path.size() - routes.size() - share.size());
      const std::string at = routes + name;
      keys.push_back({r.path, fmt::format("{}: share of the market", name)});
      keys.push_back({at + ".door_to_door_days.mean", fmt::format("{}: door to door, mean", name)});
      keys.push_back({at + ".door_to_door_days.p95", fmt::format("{}: door to door, p95", name)});
      keys.push_back({at + ".cost_usd_per_feu", fmt::format("{}: cost per FEU", name)});
      keys.push_back({at + ".co2e_kg_per_feu", fmt::format("{}: CO2e per FEU, WTW", name)});
    }
  const std::string waits = "rail.waits_hours.";
  for (const auto& r : table.rows)
    if (r.path.starts_with(waits) && r.path.find('.', waits.size()) == std::string::npos) {
      std::string cause = r.path.substr(waits.size());
      std::replace(cause.begin(), cause.end(), '_', ' ');
      keys.push_back({r.path, fmt::format("rail wait: {}", cause)});
    }
  std::vector<KeyResult> present;
  for (auto& k : keys)
    if (table.find(k.path))
      present.push_back(std::move(k));
  return present;
}

std::vector<const SideBySideRow*> changed_most(const SideBySide& table, std::size_t count) {
  std::vector<const SideBySideRow*> rows;
  for (const auto& r : table.rows)
    if (!std::isnan(r.largest_relative_change) && r.largest_relative_change > 0.0)
      rows.push_back(&r);
  std::stable_sort(rows.begin(), rows.end(), [](const SideBySideRow* a, const SideBySideRow* b) {
    return a->largest_relative_change > b->largest_relative_change;
  });
  if (rows.size() > count)
    rows.resize(count);
  return rows;
}

} // namespace rongou
