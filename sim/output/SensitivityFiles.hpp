#pragma once
// sensitivity.csv of `rongou sensitivity`: one row per parameter and metric. Formatting only;
// columns in docs/experiments.md.
#include <filesystem>
#include <string>
#include <vector>

#include "results/SensitivityTable.hpp"

namespace rongou {

std::string sensitivity_csv(const std::vector<SensitivityRow>& rows);
void write_sensitivity_csv(const std::filesystem::path& dir, const std::vector<SensitivityRow>& rows);

} // namespace rongou
