#include <cmath>
#include <gtest/gtest.h>

#include "results/MorrisScreening.hpp"

using namespace rongou;

TEST(MorrisDesign, EveryStepMovesOneParameterByDeltaOnTheGrid) {
  const MorrisDesign d = morris_design(5, 12, 4, 99);
  ASSERT_EQ(d.points.size(), 6u * 12u);
  EXPECT_DOUBLE_EQ(d.delta, 4.0 / 6.0);
  for (std::size_t i = 0; i < d.points.size(); ++i) {
    for (double v : d.points[i]) {
      EXPECT_GE(v, 0.0);
      EXPECT_LE(v, 1.0);
      EXPECT_NEAR(v * 3.0, std::round(v * 3.0), 1e-12); // one of the 4 levels
    }
    if (d.moved[i] == d.parameters)
      continue;
    for (std::size_t j = 0; j < d.parameters; ++j)
      EXPECT_NEAR(d.points[i][j] - d.points[i - 1][j], j == d.moved[i] ? d.step[i] : 0.0, 1e-12);
  }
  // Each trajectory moves every parameter once.
  for (std::size_t t = 0; t < 12; ++t) {
    std::vector<int> seen(5, 0);
    for (std::size_t i = t * 6 + 1; i < t * 6 + 6; ++i)
      ++seen[d.moved[i]];
    EXPECT_EQ(seen, std::vector<int>(5, 1));
  }
}

TEST(MorrisDesign, DependsOnTheSeedOnly) {
  EXPECT_EQ(morris_design(3, 4, 4, 5).points, morris_design(3, 4, 4, 5).points);
  EXPECT_NE(morris_design(3, 4, 4, 5).points, morris_design(3, 4, 4, 6).points);
  EXPECT_THROW(morris_design(3, 4, 3, 5), std::invalid_argument);
}

TEST(MorrisEffects, SeparateInfluentialFromInertInputs) {
  // y = 8 x0 + 3 x1² + 0 x2 + 2 x0 x3: x0 influential (and interacting), x1 non-linear,
  // x2 inert, x3 only through its interaction.
  const MorrisDesign d = morris_design(4, 20, 4, 2026);
  std::vector<double> y;
  for (const auto& x : d.points)
    y.push_back(8 * x[0] + 3 * x[1] * x[1] + 0 * x[2] + 2 * x[0] * x[3]);
  const auto e = morris_effects(d, y);
  EXPECT_DOUBLE_EQ(e[2].mu_star, 0.0);
  EXPECT_DOUBLE_EQ(e[2].sigma, 0.0);
  EXPECT_GT(e[0].mu_star, e[1].mu_star);
  EXPECT_GT(e[1].mu_star, e[3].mu_star);
  EXPECT_GT(e[3].mu_star, e[2].mu_star);
  // Linear in x0 up to the interaction: effects between 8 and 10.
  EXPECT_GE(e[0].mu, 8.0 - 1e-9);
  EXPECT_LE(e[0].mu, 10.0 + 1e-9);
  EXPECT_GT(e[1].sigma, 0.0); // x1² has different slopes at different levels
  EXPECT_EQ(e[0].effects, 20u);
}

TEST(MorrisEffects, APurelyLinearInputHasItsSlopeAndNoSpread) {
  const MorrisDesign d = morris_design(2, 6, 6, 1);
  std::vector<double> y;
  for (const auto& x : d.points)
    y.push_back(-4 * x[0] + 1);
  const auto e = morris_effects(d, y);
  EXPECT_NEAR(e[0].mu, -4.0, 1e-12);
  EXPECT_NEAR(e[0].mu_star, 4.0, 1e-12);
  EXPECT_NEAR(e[0].sigma, 0.0, 1e-12);
  y[1] = std::nan(""); // a failed point drops the effects it takes part in
  EXPECT_LT(morris_effects(d, y)[0].effects + morris_effects(d, y)[1].effects, 12u);
}
