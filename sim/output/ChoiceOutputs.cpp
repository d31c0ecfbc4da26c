#include "output/ChoiceOutputs.hpp"

#include "output/CsvWriter.hpp"
#include "output/SummaryJson.hpp"

namespace rongou {

namespace {

nlohmann::ordered_json carried_json(const ModeCarried& m) {
  return {{"feu", m.feu},
          {"delivered_feu", m.delivered_feu},
          {"mean_generalised_cost_usd", rounded(m.mean_generalised_cost_usd, 1)},
          {"mean_door_to_door_days", rounded(m.mean_door_to_door_days, 2)}};
}

} // namespace

nlohmann::ordered_json choice_json(const ChoiceMetrics& m) {
  nlohmann::ordered_json j;
  j["feu"] = m.feu;
  j["rail_feu"] = m.rail_feu;
  j["sea_feu"] = m.sea_feu;
  j["delivered_feu"] = m.delivered_feu;
  j["in_system_feu"] = m.in_system_feu;
  j["rail_share"] = {{"feu", rounded(m.rail_share_feu)},
                     {"tonnes", rounded(m.rail_share_tonnes)},
                     {"value", rounded(m.rail_share_value)}};
  for (const auto& c : m.by_class)
    j["by_class"][c.name] = {{"feu", c.feu},
                             {"rail_share", rounded(c.rail_share)},
                             {"rail", carried_json(c.rail)},
                             {"sea", carried_json(c.sea)}};
  j["overflow_feu"] = m.overflow_feu;
  j["rechosen_feu"] = m.rechosen_feu;
  j["rolled_sea_feu"] = m.rolled_sea_feu;
  j["subsidy"]["paid_usd"] = rounded(m.subsidy_paid_usd, 0);
  if (m.subsidy) {
    j["subsidy"]["rail_feu_added"] = rounded(m.subsidy->rail_feu_added, 1);
    if (m.subsidy->usd_per_feu_added)
      j["subsidy"]["usd_per_feu_added"] = rounded(*m.subsidy->usd_per_feu_added, 0);
    else
      j["subsidy"]["usd_per_feu_added"] = nullptr;
    j["subsidy"]["logistics_cost_change_usd"] = rounded(m.subsidy->logistics_cost_change_usd, 0);
  }
  return j;
}

nlohmann::ordered_json routes_json(const std::vector<RouteCarried>& routes) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& r : routes)
    j[r.name] = {{"feu", r.feu},
                 {"share_feu", rounded(r.share_feu)},
                 {"distance_km", rounded(r.distance_km, 0)},
                 {"door_to_door_days", sample_json(r.door_to_door_days)},
                 {"cost_usd_per_feu", rounded(r.mean_money_usd, 0)},
                 {"subsidy_usd_per_feu", rounded(r.mean_subsidy_usd, 0)},
                 {"generalised_cost_usd_per_feu", rounded(r.mean_generalised_cost_usd, 0)},
                 {"co2e_kg_per_feu", rounded(r.co2e_kg_per_feu, 0)}};
  return j;
}

void write_choice_csv(const std::filesystem::path& file, const ChoiceMetrics& westbound,
                      const ChoiceMetrics* eastbound) {
  CsvWriter out(file);
  out.raw("week,direction,class,rail_feu,sea_feu,overflow_feu,rail_share,expected_rail_days,expected_sea_days\n");
  const auto rows = [&](const ChoiceMetrics& m, const char* direction) {
    for (const auto& w : m.weeks) {
      const int total = w.rail_feu + w.sea_feu;
      out.integer(w.week).text(direction).text(w.commodity).integer(w.rail_feu).integer(w.sea_feu).integer(w.overflow_feu);
      out.fixed(total > 0 ? static_cast<double>(w.rail_feu) / total : 0.0, 4);
      out.fixed(w.expected_rail_days, 2).fixed(w.expected_sea_days, 2);
      out.end_row();
    }
  };
  rows(westbound, "westbound");
  if (eastbound != nullptr)
    rows(*eastbound, "eastbound");
  out.close();
}

} // namespace rongou
