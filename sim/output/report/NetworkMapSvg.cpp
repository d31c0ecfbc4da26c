#include "output/report/NetworkMapSvg.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

#include "output/MarkupText.hpp"
#include "output/report/Chart.hpp"

namespace rongou::report {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kMapWidth = 900;  // the map's drawing area, px
constexpr int kMargin = 50;
constexpr int kLegendWidth = 420;
constexpr double kMinStroke = 1.5; // px, a lane of hardly any trains
constexpr double kMaxStroke = 12.0; // px, the busiest lane

struct Point {
  double x = 0.0, y = 0.0;
};

class Projection {
public:
  explicit Projection(const NetworkData& network) {
    bool any = false;
    for (const auto& n : network.nodes) {
      if (!n.lat || !n.lon)
        continue;
      lat_min_ = any ? std::min(lat_min_, *n.lat) : *n.lat;
      lat_max_ = any ? std::max(lat_max_, *n.lat) : *n.lat;
      lon_min_ = any ? std::min(lon_min_, *n.lon) : *n.lon;
      lon_max_ = any ? std::max(lon_max_, *n.lon) : *n.lon;
      any = true;
    }
    const double middle = (lat_min_ + lat_max_) / 2.0;
    x_scale_ = std::cos(middle * kPi / 180.0);
    const double width_deg = std::max((lon_max_ - lon_min_) * x_scale_, 1e-6);
    const double height_deg = std::max(lat_max_ - lat_min_, 1e-6);
    // Fit the wider of the two spans into the drawing area; a map of one point is a dot in it.
    px_per_deg_ = std::min(kMapWidth / width_deg, 2.0 * kMapWidth / height_deg);
    if (lon_max_ == lon_min_ && lat_max_ == lat_min_)
      px_per_deg_ = 1.0;
    height_ = static_cast<int>(std::ceil(height_deg * px_per_deg_));
    height_ = std::clamp(height_, 200, 2 * kMapWidth);
  }
  Point at(double lat, double lon) const {
    return {kMargin + (lon - lon_min_) * x_scale_ * px_per_deg_, kMargin + (lat_max_ - lat) * px_per_deg_};
  }
  int map_height() const { return height_; }

private:
  double lat_min_ = 0.0, lat_max_ = 0.0, lon_min_ = 0.0, lon_max_ = 0.0;
  double x_scale_ = 1.0, px_per_deg_ = 1.0;
  int height_ = 200;
};

std::string percent(double fraction) { return fmt::format("{:.0f} %", 100.0 * fraction); }

} // namespace

const char* utilisation_colour(double utilisation) {
  if (utilisation < kUtilisationAmber)
    return "#2e9e44";
  if (utilisation < kUtilisationRed)
    return "#e6a100";
  return "#d62828";
}

NetworkMap draw_network_map(const NetworkData& network) {
  NetworkMap map;
  const Projection projection(network);
  std::map<std::string, Point> where;
  for (const auto& n : network.nodes) {
    if (n.lat && n.lon)
      where[n.name] = projection.at(*n.lat, *n.lon);
    else
      ++map.nodes_without_coordinates;
  }
  map.nodes_drawn = where.size();

  const int legend_rows = static_cast<int>(network.lanes.size()) + 8;
  const int width = 2 * kMargin + kMapWidth + kLegendWidth;
  const int height = std::max(2 * kMargin + projection.map_height(), 2 * kMargin + 22 * legend_rows);
  std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
                     "font-family=\"DejaVu Sans,Arial,sans-serif\" font-size=\"12\">\n",
                     width, height);
  svg += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", width, height);

  // Lanes: one path per lane (a subpath per route), widest underneath.
  double busiest = 0.0;
  for (const auto& l : network.lanes)
    busiest = std::max(busiest, l.westbound_per_week + l.eastbound_per_week);
  std::vector<std::size_t> order(network.lanes.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  auto per_week = [&](std::size_t i) { return network.lanes[i].westbound_per_week + network.lanes[i].eastbound_per_week; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return per_week(a) > per_week(b); });
  auto stroke = [&](double trains) {
    return busiest > 0.0 ? kMinStroke + (kMaxStroke - kMinStroke) * trains / busiest : kMinStroke;
  };
  constexpr std::size_t kColours = std::size(kPalette);
  svg += "<g fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n";
  for (std::size_t i : order) {
    const auto& l = network.lanes[i];
    std::string d;
    for (const auto& route : l.routes) {
      bool first = true;
      for (const auto& node : route) {
        const auto p = where.find(node);
        if (p == where.end())
          continue;
        d += fmt::format("{}{:.1f} {:.1f} ", first ? "M" : "L", p->second.x, p->second.y);
        first = false;
      }
    }
    if (d.empty())
      d = "M0 0"; // a lane with no placed node: an empty path keeps one path per lane
    else
      d.pop_back();
    svg += fmt::format("<path class=\"lane\" data-lane=\"{}\" d=\"{}\" stroke=\"{}\" stroke-width=\"{:.1f}\" "
                       "stroke-opacity=\"{}\"><title>{}: {:.1f} trains a week westbound, {:.1f} eastbound</title></path>\n",
                       xml_escape(l.name), d, kPalette[i % kColours], stroke(per_week(i)), l.focus ? "0.9" : "0.55",
                       xml_escape(l.name), l.westbound_per_week, l.eastbound_per_week);
  }
  svg += "</g>\n";

  // Nodes: small squares and their names.
  svg += "<g>\n";
  for (const auto& n : network.nodes) {
    const auto p = where.find(n.name);
    if (p == where.end())
      continue;
    svg += fmt::format("<rect class=\"node\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"6\" height=\"6\" fill=\"#333333\">"
                       "<title>{}</title></rect>\n",
                       p->second.x - 3, p->second.y - 3, xml_escape(n.name));
    // Junctions are named in their square's title only: on a continent-wide map their names
    // would cover the terminals and crossings the map is read for.
    if (n.kind == "junction")
      continue;
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#222222\">{}</text>\n", p->second.x + 8,
                       p->second.y - 8, xml_escape(n.name));
  }
  svg += "</g>\n";

  // Servers: a circle each, a yard beside its node's crossing.
  svg += "<g stroke=\"#333333\" stroke-width=\"1\">\n";
  std::map<std::string, int> at_node;
  for (const auto& s : network.servers) {
    const auto p = where.find(s.node);
    if (p == where.end())
      continue;
    const int k = at_node[s.node]++;
    svg += fmt::format("<circle class=\"server\" data-node=\"{}\" data-kind=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"7\" "
                       "fill=\"{}\"><title>{} {}: utilisation {}, {} units, {:.1f} trains a day, mean wait {:.1f} h"
                       "</title></circle>\n",
                       xml_escape(s.node), s.kind, p->second.x + 16.0 * k, p->second.y + 12, utilisation_colour(s.utilisation),
                       xml_escape(s.node), s.kind, percent(s.utilisation), s.units, s.trains_per_day, s.mean_wait_hours);
  }
  svg += "</g>\n";

  // Legend.
  const int lx = 2 * kMargin + kMapWidth;
  int ly = kMargin;
  svg += "<g class=\"legend\">\n";
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">Lanes (line width: trains a week)</text>\n", lx, ly);
  for (std::size_t i = 0; i < network.lanes.size(); ++i) {
    const auto& l = network.lanes[i];
    ly += 22;
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{:.1f}\"/>\n", lx,
                       ly - 4, lx + 30, ly - 4, kPalette[i % kColours], std::min(stroke(per_week(i)), 10.0));
    svg += fmt::format("<text x=\"{}\" y=\"{}\">{}{}: {:.0f} a week</text>\n", lx + 38, ly, xml_escape(l.name),
                       l.focus ? " (focus)" : l.background ? " (background)" : "", per_week(i));
  }
  ly += 34;
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">Crossings and yards: utilisation</text>\n", lx, ly);
  const std::pair<double, const char*> bands[] = {{0.0, "below 60 %"}, {kUtilisationAmber, "60 % to 85 %"},
                                                  {kUtilisationRed, "85 % and above"}};
  for (const auto& [u, label] : bands) {
    ly += 22;
    svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"{}\" stroke=\"#333333\"/>\n", lx + 15, ly - 4,
                       utilisation_colour(u));
    svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", lx + 38, ly, label);
  }
  ly += 22;
  svg += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#555555\">A yard is drawn beside its node's crossing.</text>\n",
                     lx, ly);
  svg += "</g>\n</svg>\n";
  map.svg = std::move(svg);
  return map;
}

} // namespace rongou::report
