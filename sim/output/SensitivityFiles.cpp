#include "output/SensitivityFiles.hpp"

#include <cmath>
#include <fmt/format.h>

#include "output/CsvField.hpp"
#include "output/SummaryJson.hpp"
#include "output/TextFile.hpp"

namespace rongou {

namespace {
std::string cell(double v) { return std::isnan(v) ? std::string() : fmt::format("{}", rounded(v)); }
} // namespace

std::string sensitivity_csv(const std::vector<SensitivityRow>& rows) {
  std::string csv = "parameter,metric,base_value,low_value,high_value,metric_base,metric_low,metric_high,elasticity,"
                    "morris_mu,morris_mu_star,morris_sigma,morris_effects\n";
  for (const auto& r : rows)
    csv += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(r.parameter), csv_field(r.metric),
                       cell(r.base_value), cell(r.low_value), cell(r.high_value), cell(r.metric_base),
                       cell(r.metric_low), cell(r.metric_high), cell(r.elasticity), cell(r.morris.mu),
                       cell(r.morris.mu_star), cell(r.morris.sigma), r.morris.effects);
  return csv;
}

void write_sensitivity_csv(const std::filesystem::path& dir, const std::vector<SensitivityRow>& rows) {
  write_text_file(dir / "sensitivity.csv", sensitivity_csv(rows));
}

} // namespace rongou
