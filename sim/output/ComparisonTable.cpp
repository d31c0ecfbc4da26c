#include "output/ComparisonTable.hpp"

#include <cmath>
#include <fmt/format.h>

namespace rongou {

std::string format_comparison_table(const Scenario& scenario, const RunResults& results) {
  if (!scenario.sea || !results.sea)
    return {};
  std::string t;
  auto row = [&](const std::string& label, const std::string& a, const std::string& b) {
    t += fmt::format("{:<38}{:>14}{:>14}\n", label, a, b);
  };
  auto num = [](double v, int decimals = 1) { return fmt::format("{:.{}f}", v, decimals); };
  auto usd = [](double v) { return fmt::format("{:.0f}", v == 0.0 ? 0.0 : v); }; // no "-0"

  // The comparison is for the Chengdu -> Lodz direction: rail westbound.
  const SampleSummary& rail = results.rail.by_direction.at(Direction::Westbound).transit_days;
  const SeaMetrics& sea = *results.sea;

  // A rail flow against a sea flow: delivered, mean days and percentiles (`tail`: p99, max).
  auto transit_rows = [&](const std::string& heading, const char* days, const SampleSummary& by_rail,
                          const SeaMetrics& by_sea, bool tail) {
    const SampleSummary& d = by_sea.transit_days;
    t += "\n";
    row(heading, "rail", "sea");
    row("containers delivered", std::to_string(by_rail.count), std::to_string(by_sea.containers_delivered));
    row(fmt::format("{} days: mean", days), num(by_rail.mean), num(d.mean));
    row("                   p50 / p95", fmt::format("{} / {}", num(by_rail.p50), num(by_rail.p95)),
        fmt::format("{} / {}", num(d.p50), num(d.p95)));
    if (tail)
      row("                   p99 / max", fmt::format("{} / {}", num(by_rail.p99), num(by_rail.max)),
          fmt::format("{} / {}", num(d.p99), num(d.max)));
  };
  transit_rows(fmt::format("Chengdu -> Lodz, rail vs sea ({})", scenario.sea->european_port), "door-to-door", rail,
               sea, true);
  if (scenario.sea->reports_loops()) {
    const auto pct = [](double share) { return fmt::format("{:.1f} %", 100.0 * share); };
    row("sea: wait at the origin port, days", "-", num(sea.port_wait_h / 24.0));
    row("sea: blank sailings (sailings / slots)", "-",
        fmt::format("{} / {}", pct(sea.blank_sailing_share), pct(sea.blank_capacity_share)));
    row("sea: containers rolled at least once", "-", pct(sea.rolled_share));
  }
  if (scenario.sea->uses_hub())
    row("sea: wait at the hub for a feeder, d", "-", num(sea.hub_wait_h / 24.0));
  // A cost comparison: the breakdown per FEU, CO2e and the breakeven (`leases`: a leasing row).
  const auto cost_rows = [&](const CostComparison& c, bool leases) {
    const ModeCost& r = c.rail;
    const ModeCost& s = *c.sea;
    row("USD per FEU: freight", usd(r.freight), usd(s.freight));
    row("  subsidy", usd(r.subsidy), usd(s.subsidy));
    row("  inland and last-leg haulage", usd(r.haulage), usd(s.haulage));
    row("  terminal handling", usd(r.handling), usd(s.handling));
    row("  gauge change", usd(r.gauge_change), usd(s.gauge_change));
    if (r.empty_repositioning > 0.0)
      row("  empty repositioning", usd(r.empty_repositioning), usd(s.empty_repositioning));
    if (leases)
      row("  box leasing and off-hire", usd(r.box_leasing), usd(s.box_leasing));
    row(fmt::format("  inventory (cargo ${:.0f})", c.cargo_value_usd), usd(r.inventory), usd(s.inventory));
    row("  CO2 price", usd(r.co2), usd(s.co2));
    row("  total", usd(r.total()), usd(s.total()));
    row("CO2e kg per FEU, well-to-wheel", num(r.emissions.wtw_kg_per_feu(), 0), num(s.emissions.wtw_kg_per_feu(), 0));
    row("  tank-to-wheel", num(r.emissions.ttw_kg_per_feu(), 0), num(s.emissions.ttw_kg_per_feu(), 0));
    row("  g per tonne-km (WTW)", num(r.emissions.wtw_g_per_tonne_km(), 1), num(s.emissions.wtw_g_per_tonne_km(), 1));
    if (c.breakeven_cargo_value_usd) {
      const bool rail_faster = r.mean_transit_days < s.mean_transit_days;
      t += fmt::format("breakeven cargo value: ${:.0f} per FEU ({} is cheaper above it, {} below)\n",
                       *c.breakeven_cargo_value_usd, rail_faster ? "rail" : "sea", rail_faster ? "sea" : "rail");
    } else {
      // No positive breakeven: whichever mode is cheaper for worthless cargo stays cheaper.
      const double gap = r.total_without_inventory() - s.total_without_inventory();
      t += fmt::format("breakeven cargo value: none ({} at every cargo value)\n",
                       gap == 0.0 && r.mean_transit_days == s.mean_transit_days ? "the modes cost the same"
                       : gap < 0.0 || (gap == 0.0 && r.mean_transit_days < s.mean_transit_days) ? "rail is cheaper"
                                                                                                : "sea is cheaper");
    }
    t += fmt::format("at this scenario's cargo value (${:.0f} per FEU): {} is cheaper by ${:.0f} per FEU\n",
                     c.cargo_value_usd, c.cheaper_mode(), std::abs(r.total() - s.total()));
  };
  if (results.costs && results.costs->sea)
    cost_rows(*results.costs, scenario.boxes.has_value());
  // The eastbound chain, after the whole westbound comparison, with its own costs.
  if (!scenario.sea->eastbound || !results.sea_eastbound)
    return t;
  // Terminal to terminal both: the eastbound sea chain has no door stages.
  const SampleSummary& rail_east = results.doors ? results.doors->rail_eastbound.terminal_to_terminal_days
                                                 : results.rail.by_direction.at(Direction::Eastbound).transit_days;
  transit_rows(fmt::format("eastbound, rail vs sea (from {})", scenario.sea->european_port), "terminal-to-terminal",
               rail_east, *results.sea_eastbound, false);
  if (results.costs_eastbound && results.costs_eastbound->sea)
    cost_rows(*results.costs_eastbound, false); // the leases are westbound's
  return t;
}

} // namespace rongou
