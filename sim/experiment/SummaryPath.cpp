#include "experiment/SummaryPath.hpp"

#include <sstream>

namespace rongou {

std::optional<double> number_at(const nlohmann::ordered_json& summary, const std::string& path) {
  const nlohmann::ordered_json* node = &summary;
  std::stringstream parts(path);
  for (std::string part; std::getline(parts, part, '.');) {
    if (!node->is_object() || !node->contains(part))
      return std::nullopt;
    node = &(*node)[part];
  }
  if (!node->is_number())
    return std::nullopt;
  return node->get<double>();
}

} // namespace rongou
