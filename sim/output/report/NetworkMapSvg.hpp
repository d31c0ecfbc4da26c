#pragma once
// The schematic network map of the report, written as SVG by rongou itself (no gnuplot):
// nodes placed by longitude and latitude (equirectangular, east-west distances scaled by the
// cosine of the map's middle latitude), each lane a path along its routes with a stroke as
// wide as its trains a week warrant, each border crossing and gauge-change yard a circle
// coloured by utilisation (green below 60 %, amber below 85 %, red from 85 %), and a legend.
// Every name is escaped for XML (output/MarkupText.hpp). Nodes without coordinates are left out
// of the map (and routes skip them).
#include <string>

#include "output/report/NetworkData.hpp"

namespace rongou::report {

// Utilisation bands of the map, as fractions.
inline constexpr double kUtilisationAmber = 0.60;
inline constexpr double kUtilisationRed = 0.85;
const char* utilisation_colour(double utilisation);

struct NetworkMap {
  std::string svg;           // a standalone SVG document
  std::size_t nodes_drawn = 0;
  std::size_t nodes_without_coordinates = 0;
};

NetworkMap draw_network_map(const NetworkData& network);

} // namespace rongou::report
