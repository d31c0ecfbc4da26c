#include "output/ReplicatedTable.hpp"

#include <fmt/format.h>
#include <string_view>

#include "output/ColumnFit.hpp"

namespace rongou {

namespace {

using Json = nlohmann::ordered_json;

// A value and the half-width of its interval, read from `parent[key]` and
// `parent.ci95[key]`; "-" where the aggregate has no such number.
std::string with_ci(const Json& parent, std::string_view key, int decimals = 1) {
  const std::string k(key);
  if (!parent.is_object() || !parent.contains(k) || !parent[k].is_number())
    return "-";
  std::string out = fmt::format("{:.{}f}", parent[k].get<double>(), decimals);
  if (parent.contains("ci95") && parent["ci95"].contains(k) && parent["ci95"][k].is_number())
    out += fmt::format(" +-{:.{}f}", parent["ci95"][k].get<double>(), decimals);
  return out;
}

const Json& child(const Json& parent, std::string_view key) {
  static const Json none;
  const std::string k(key);
  return parent.is_object() && parent.contains(k) ? parent[k] : none;
}

void leaves(const Json& node, const std::string& path, std::string& out) {
  if (!node.is_object())
    return;
  for (const auto& [key, value] : node.items()) {
    if (key == "ci95")
      continue;
    const std::string here = path + "." + key;
    if (value.is_object())
      leaves(value, here, out);
    else if (value.is_number())
      out += fmt::format("  {:<44} {:>10.4g}{}\n", here, value.get<double>(),
                         node.contains("ci95") && node["ci95"].contains(key) && node["ci95"][key].is_number()
                             ? fmt::format(" +- {:.4g}", node["ci95"][key].get<double>())
                             : std::string());
  }
}

std::string lane_table(const Json& lanes) {
  std::string t = fmt::format("{:<30}{:>14}{:>14}{:>16}{:>16}\n", "lanes", "trains/wk W", "trains/wk E",
                              "door-to-door W", "door-to-door E");
  for (const auto& [name, lane] : lanes.items()) {
    const bool focus = child(lane, "focus").is_boolean() && lane["focus"].get<bool>();
    const bool background = child(lane, "background").is_boolean() && lane["background"].get<bool>();
    const std::string label = fit_column(name, 18) + (focus ? " (focus)" : background ? " (bg)" : "");
    const Json& trains = child(lane, "trains");
    const Json& directions = child(lane, "directions");
    t += fmt::format("{:<30}{:>14}{:>14}{:>16}{:>16}\n", label, with_ci(child(trains, "westbound"), "per_week"),
                     with_ci(child(trains, "eastbound"), "per_week"),
                     with_ci(child(child(directions, "westbound"), "transit_days"), "mean"),
                     with_ci(child(child(directions, "eastbound"), "transit_days"), "mean"));
  }
  return t;
}

std::string server_table(const Json& servers, const char* kind) {
  std::string t;
  for (const auto& [node, m] : servers.items())
    t += fmt::format("{:<22}{:<9}{:>12}{:>14}{:>16}{:>16}\n", fit_column(node, 21), kind, with_ci(m, "trains_per_day"),
                     with_ci(m, "utilisation", 2), with_ci(child(m, "wait_hours"), "mean"),
                     with_ci(m, "max_queue_trains"));
  return t;
}

} // namespace

std::string format_replicated_table(const Json& summary) {
  std::string out = fmt::format("{}  seed {}  {} of {} replications  {} days (first {} warm-up)\n",
                                summary.value("scenario", ""), summary.value("seed", std::uint64_t{0}),
                                summary.value("replications", 0), summary.value("replications_requested", 0),
                                summary.value("horizon_days", 0.0), summary.value("warmup_days", 0.0));
  leaves(child(summary, "modes"), "modes", out);
  leaves(child(child(summary, "rail"), "trains"), "rail.trains", out);
  leaves(child(child(summary, "rail"), "waits_hours"), "rail.waits_hours", out);
  leaves(child(summary, "comparison"), "comparison", out);
  if (summary.contains("lanes") && summary["lanes"].is_object()) {
    out += fmt::format("\nfocus lane: {}\n", summary.value("focus_lane", ""));
    out += lane_table(summary["lanes"]);
    out += fmt::format("\n{:<22}{:<9}{:>12}{:>14}{:>16}{:>16}\n", "crossings and yards", "kind", "trains/d",
                       "utilisation", "wait h", "queue");
    out += server_table(child(summary, "crossings"), "crossing");
    out += server_table(child(summary, "yards"), "yard");
    out += server_table(child(summary, "tracks"), "track");
  }
  out += "  (+- : half-width of the 95 % confidence interval across replications)\n";
  return out;
}

} // namespace rongou
