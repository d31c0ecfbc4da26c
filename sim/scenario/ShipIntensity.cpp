#include "scenario/ShipIntensity.hpp"

#include <stdexcept>

namespace rongou {

namespace {

// Asia - North Europe, 13,000-TEU ship: HHLA's example chain (EcoTransIT), 1,739 kg CO2 per
// container over 19,879 km.
constexpr double kAsiaNorthEuropeLarge = 87.5;
// Smaller ships by the published ratio of short-sea container ships (up to 2,999 TEU) to
// deep-sea ones (3,000 TEU and up), 29.703 / 15.36 g CO2e per tonne-km (Defra). No lane-specific
// cell was found: every lane takes the same value per class, and a bigger ship never a higher one.
constexpr double kShortSeaRatio = 29.703 / 15.36;
constexpr double kSmall = 169.2; // kAsiaNorthEuropeLarge x kShortSeaRatio, rounded to 0.1 g
static_assert(kSmall > kAsiaNorthEuropeLarge * kShortSeaRatio - 0.05 && kSmall < kAsiaNorthEuropeLarge * kShortSeaRatio + 0.05);

} // namespace

const std::vector<std::string>& ship_trade_lanes() {
  static const std::vector<std::string> lanes{"asia_north_europe", "asia_mediterranean", "intra_asia", "intra_europe"};
  return lanes;
}

const std::vector<std::string>& ship_size_classes() {
  static const std::vector<std::string> classes{"0-999", "1000-1999", "2000-7999", "8000-14499", "14500+"};
  return classes;
}

ShipIntensity default_ship_intensity(const std::string& trade_lane, const std::string& size_class) {
  const auto& lanes = ship_trade_lanes();
  const auto& classes = ship_size_classes();
  bool lane_known = false;
  for (const auto& l : lanes)
    lane_known = lane_known || l == trade_lane;
  std::size_t index = classes.size();
  for (std::size_t i = 0; i < classes.size(); ++i)
    if (classes[i] == size_class)
      index = i;
  if (!lane_known || index == classes.size()) // the reader refuses both first
    throw std::logic_error("no ship intensity for lane '" + trade_lane + "' and class '" + size_class + "'");
  if (index <= 1)
    return {kSmall, "assumed"};
  if (trade_lane == "asia_north_europe" && size_class == "8000-14499")
    return {kAsiaNorthEuropeLarge, "default"};
  return {kAsiaNorthEuropeLarge, "assumed"};
}

} // namespace rongou
