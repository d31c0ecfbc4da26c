#include "scenario/EmissionSpec.hpp"

#include <stdexcept>

namespace rongou {

EmissionSpec::EmissionSpec() {
  // EN 16258 diesel with 5 % biofuel: 3.04 (TTW) and 3.80 (WTW) kg CO2e per kg, 0.832 kg per litre.
  fuels["diesel"] = {2.53, 3.16};
  // Electricity generation, life cycle, 2023 (Ember); KZ, RU, BY assumed (docs/reference-data.md).
  grids["CN"] = {582.0, 1.0};
  grids["PL"] = {662.0, 1.0};
  grids["DE"] = {381.0, 1.0};
  grids["KZ"] = {640.0, 1.0};
  grids["RU"] = {440.0, 1.0};
  grids["BY"] = {430.0, 1.0};
  other_grid = {481.0, 1.0}; // world average 2023 (Ember)
}

const FuelFactor& EmissionSpec::fuel(const std::string& carrier) const {
  const auto it = fuels.find(carrier);
  if (it == fuels.end())
    throw std::logic_error("unknown energy carrier '" + carrier + "'"); // the reader refuses it first
  return it->second;
}

const GridFactor& EmissionSpec::grid(const std::string& country) const {
  const auto it = grids.find(country);
  return it == grids.end() ? other_grid : it->second;
}

} // namespace rongou
