#include "output/report/NetworkMapChart.hpp"

#include <fmt/format.h>

#include "output/report/NetworkMapSvg.hpp"

namespace rongou::report {

ChartFiles NetworkMapChart::write(const RunData& run, const std::filesystem::path& dir) const {
  ChartFiles files;
  if (!run.network) {
    files.note = "No network map: this results folder has no network.json (a run of several lanes writes one).";
    return files;
  }
  const NetworkMap map = draw_network_map(*run.network);
  if (map.nodes_drawn == 0) {
    files.note = "No network map: no node of network.json has a latitude and longitude (platform props lat, lon).";
    return files;
  }
  write_text_file(dir / (id() + ".svg"), map.svg);
  files.plotted = true;
  files.data.push_back("network.json");
  files.note = fmt::format("Nodes placed by longitude and latitude (equirectangular). Line width: trains a week of "
                           "each lane, both directions. Circles: border crossings and gauge-change yards, green below "
                           "{:.0f} %, amber below {:.0f} %, red from {:.0f} % utilisation over the measured window.",
                           100 * kUtilisationAmber, 100 * kUtilisationRed, 100 * kUtilisationRed);
  if (map.nodes_without_coordinates > 0)
    files.note += fmt::format(" {} node(s) without coordinates are left out.", map.nodes_without_coordinates);
  return files;
}

} // namespace rongou::report
