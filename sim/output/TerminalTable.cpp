#include "output/TerminalTable.hpp"

#include <fmt/format.h>

namespace rongou {

std::string format_terminal_table(const Scenario& scenario, const RunResults& results) {
  const RailMetrics& rail = results.rail;
  const auto& w = rail.by_direction.at(Direction::Westbound);
  const auto& e = rail.by_direction.at(Direction::Eastbound);
  std::string t;
  t += fmt::format("rongou  {}  seed {}  {} days (first {} days are warm-up, not counted)\n", scenario.name,
                   scenario.seed, scenario.horizon_days, scenario.warmup_days);
  t += fmt::format("{:<38}{:>14}{:>14}\n", "rail", "westbound", "eastbound");
  auto row = [&](const std::string& label, const std::string& a, const std::string& b) {
    t += fmt::format("{:<38}{:>14}{:>14}\n", label, a, b);
  };
  auto num = [](double v, int decimals = 1) { return fmt::format("{:.{}f}", v, decimals); };
  row("trains a week", num(w.trains.per_week), num(e.trains.per_week));
  row("mean load (FEU per train)", num(w.mean_train_load_feu), num(e.mean_train_load_feu));
  row("containers delivered", fmt::format("{}/{}", w.containers_delivered, w.containers_offered),
      fmt::format("{}/{}", e.containers_delivered, e.containers_offered));
  row("door-to-door days: mean", num(w.transit_days.mean), num(e.transit_days.mean));
  row("                   p50 / p95", fmt::format("{} / {}", num(w.transit_days.p50), num(w.transit_days.p95)),
      fmt::format("{} / {}", num(e.transit_days.p50), num(e.transit_days.p95)));
  row("hours per container: running", num(w.mean_nominal_running_h), num(e.mean_nominal_running_h));
  row("  waiting for a train at origin", num(w.mean_waits.departure), num(e.mean_waits.departure));
  row("  gauge change (queue + handling)", num(w.mean_waits.gauge_change), num(e.mean_waits.gauge_change));
  row("  waiting for a locomotive", num(w.mean_waits.locomotive), num(e.mean_waits.locomotive));
  row("  border dwell", num(w.mean_waits.border), num(e.mean_waits.border));
  row("  running delay", num(w.mean_waits.running_delay), num(e.mean_waits.running_delay));
  if (!rail.disruptions.empty())
    row("  disruptions (closures, slowdowns)", num(w.mean_waits.disruption), num(e.mean_waits.disruption));
  auto empties = [&](Direction d) {
    return num(rail.empty_feu_per_week.count(d) ? rail.empty_feu_per_week.at(d) : 0.0);
  };
  row("empty FEU sent back a week", empties(Direction::Westbound), empties(Direction::Eastbound));
  if (!rail.disruptions.empty()) {
    t += "disruptions                           trains hit  containers  train-hours lost\n";
    for (const auto& d : rail.disruptions) {
      const std::string label = fmt::format("{} {} d{:g}-{:g}", d.kind, d.where, d.from_day, d.to_day);
      if (d.kind == "sea_delay")
        t += fmt::format("  {:<36}{:>10}{:>12}{:>18}\n", label, fmt::format("{} sailings", d.sailings_hit),
                         d.containers_hit, fmt::format("{} sailing-h", num(d.sailing_hours)));
      else if (d.kind == "price")
        t += fmt::format("  {:<36}{:>10}{:>12}{:>18}\n", label, "-", d.containers_hit,
                         fmt::format("{:+.0f} USD/FEU", d.containers_hit > 0 ? d.extra_usd / d.containers_hit : 0.0));
      else
        t += fmt::format("  {:<36}{:>10}{:>12}{:>18}\n", label, d.trains_hit, d.containers_hit, num(d.train_hours));
    }
  }
  return t;
}

} // namespace rongou
