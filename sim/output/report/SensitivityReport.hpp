#pragma once
// The report of `rongou sensitivity`: per metric, the elasticities as bars and the Morris
// plane (μ* against σ, one labelled point per parameter). Scripts and data go to
// DIR/report/, the page to DIR/report.html.
#include <filesystem>
#include <string>
#include <vector>

#include "results/SensitivityTable.hpp"

namespace rongou::report {

// Throws std::runtime_error when gnuplot is missing or fails.
std::filesystem::path write_sensitivity_report(const std::filesystem::path& dir, const std::string& scenario,
                                               const std::vector<SensitivityParameter>& parameters,
                                               const std::vector<std::string>& metrics,
                                               const std::vector<SensitivityRow>& rows);

} // namespace rongou::report
