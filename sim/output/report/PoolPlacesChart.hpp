#pragma once
// Where each traction section's locomotives, or each crew district's crews, were over the run:
// at either end (standing, being serviced or resting) and moving between them without a train
// (running light, riding back as passengers). Data: pools.csv, or crews.csv.
#include "output/report/Chart.hpp"

namespace rongou::report {

class PoolPlacesChart : public Chart {
public:
  enum class Units { Locomotives, Crews };
  explicit PoolPlacesChart(Units units) : units_(units) {}
  std::string id() const override { return units_ == Units::Crews ? "crews" : "locomotives"; }
  std::string title() const override {
    return units_ == Units::Crews ? "Crews at each end, per crew district"
                                  : "Locomotives at each depot, per traction section";
  }
  ChartFiles write(const RunData& run, const std::filesystem::path& dir) const override;

private:
  Units units_;
};

} // namespace rongou::report
