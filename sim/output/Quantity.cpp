#include "output/Quantity.hpp"

#include <cmath>
#include <fmt/format.h>
#include <vector>

namespace rongou {

namespace {

std::string unit_of_name(const std::string& name) {
  const auto has = [&](const char* part) { return name.find(part) != std::string::npos; };
  if (has("usd"))
    return "US$";
  if (name.ends_with("share"))
    return "%";
  if (name == "per_week" || name.ends_with("_per_week"))
    return "/week";
  if (name == "days" || name.ends_with("_days") || name.starts_with("days_"))
    return "d";
  if (name == "hours" || name.ends_with("_hours") || name.starts_with("hours_") || name.ends_with("_h"))
    return "h";
  if (has("kg"))
    return "kg";
  if (has("ratio"))
    return "x";
  if (has("feu"))
    return "FEU";
  return "";
}

std::string grouped(double rounded_value) {
  const std::string digits = fmt::format("{:.0f}", std::abs(rounded_value));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return out;
}

// Decimals for a magnitude, chosen once per number.
int decimals_for(double magnitude) {
  if (magnitude >= 1000.0 || magnitude == std::floor(magnitude))
    return 0;
  if (magnitude >= 10.0)
    return 1;
  if (magnitude >= 1.0)
    return 2;
  return 3;
}

std::string unsigned_text(double magnitude) {
  const int decimals = decimals_for(magnitude);
  if (decimals == 0)
    return grouped(std::round(magnitude));
  return fmt::format("{:.{}f}", magnitude, decimals);
}

} // namespace

std::string unit_of(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start)) {
    parts.push_back(path.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(path.substr(start));
  for (auto it = parts.rbegin(); it != parts.rend(); ++it)
    if (auto unit = unit_of_name(*it); !unit.empty())
      return unit;
  return "";
}

std::string human_number(double value, const std::string& unit) {
  if (std::isnan(value))
    return "–";
  const double v = unit == "%" ? 100.0 * value : value;
  const std::string text = unsigned_text(std::abs(v));
  return (v < 0.0 && text.find_first_not_of("0.,") != std::string::npos ? "-" : "") + text;
}

std::string human_change(double change, const std::string& unit) {
  if (std::isnan(change))
    return "–";
  const double v = unit == "%" ? 100.0 * change : change;
  const std::string text = unsigned_text(std::abs(v));
  if (text.find_first_not_of("0.,") == std::string::npos)
    return "0";
  return (v < 0.0 ? "-" : "+") + text;
}

} // namespace rongou
