#include "output/EmissionsCsv.hpp"

#include <string>

#include "output/CsvWriter.hpp"

namespace rongou {

namespace {

void write_mode(CsvWriter& out, const std::string& lane, const char* mode, const ModeEmissions& e) {
  int leg = 0;
  for (const auto& l : e.legs) {
    const double per_tonne = e.tonnes_per_feu > 0.0 ? 1.0 / e.tonnes_per_feu : 0.0;
    out.text(lane).text(mode).integer(leg++).text(l.kind).text(l.from).text(l.to).fixed(l.km, 1).fixed(l.tonne_km, 1);
    out.fixed(l.wtw_kg, 3).fixed(l.ttw_kg, 3).fixed(l.wtw_kg * per_tonne, 3).fixed(l.ttw_kg * per_tonne, 3);
    if (l.tonne_km > 0.0)
      out.fixed(l.wtw_kg * 1000.0 / l.tonne_km, 2);
    else
      out.text("");
    out.text(l.quality);
    out.end_row();
  }
}

void write_lane(CsvWriter& out, const std::string& lane, const CostComparison& c) {
  write_mode(out, lane, "rail", c.rail.emissions);
  if (c.sea)
    write_mode(out, lane, "sea", c.sea->emissions);
}

} // namespace

void write_emissions_csv(const std::filesystem::path& file, const Scenario& scenario, const RunResults& results) {
  CsvWriter out(file);
  out.raw("lane,mode,leg,kind,from,to,km,tonne_km,wtw_kg_co2e_per_feu,ttw_kg_co2e_per_feu,wtw_kg_co2e_per_tonne,"
          "ttw_kg_co2e_per_tonne,wtw_g_co2e_per_tonne_km,quality\n");
  const auto lane_name = [&](std::size_t lane) {
    return lane < scenario.lanes.size() ? scenario.lanes[lane].name : std::string();
  };
  const auto focus = static_cast<std::size_t>(scenario.focus_lane);
  if (results.costs)
    write_lane(out, lane_name(focus), *results.costs);
  for (std::size_t lane = 0; lane < results.lanes.size(); ++lane)
    if (lane != focus && results.lanes[lane].costs)
      write_lane(out, lane_name(lane), *results.lanes[lane].costs);
  out.close();
}

} // namespace rongou
