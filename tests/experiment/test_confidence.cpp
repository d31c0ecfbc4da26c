#include <cmath>
#include <gtest/gtest.h>

#include "results/Confidence.hpp"

using namespace rongou;

// Published two-sided 95 % critical values of Student's t (any statistics table).
TEST(StudentT, QuantileMatchesPublishedTable) {
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.7062, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 2), 4.3027, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 5), 2.5706, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 10), 2.2281, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 19), 2.0930, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 30), 2.0423, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 1e7), 1.95996, 1e-4); // the normal limit
  EXPECT_NEAR(student_t_quantile(0.995, 4), 4.6041, 1e-4);
}

TEST(StudentT, CdfIsSymmetricAndInvertsTheQuantile) {
  EXPECT_DOUBLE_EQ(student_t_cdf(0.0, 7), 0.5);
  for (double df : {1.0, 2.5, 9.0, 44.3}) {
    EXPECT_NEAR(student_t_cdf(1.3, df) + student_t_cdf(-1.3, df), 1.0, 1e-12);
    EXPECT_NEAR(student_t_cdf(student_t_quantile(0.975, df), df), 0.975, 1e-10);
    EXPECT_NEAR(student_t_quantile(0.025, df), -student_t_quantile(0.975, df), 1e-9);
  }
}

TEST(StudentT, QuantileFallsWithDegreesOfFreedom) {
  double previous = student_t_quantile(0.975, 1);
  for (int df = 2; df < 60; ++df) {
    const double q = student_t_quantile(0.975, df);
    EXPECT_LT(q, previous);
    previous = q;
  }
}

TEST(MeanCi, FromDefinition) {
  const MeanCi ci = mean_ci95({1.0, 2.0, 3.0}); // sd 1
  EXPECT_DOUBLE_EQ(ci.mean, 2.0);
  EXPECT_NEAR(ci.half_width, 4.302653 / std::sqrt(3.0), 1e-6);
  EXPECT_TRUE(std::isnan(mean_ci95({5.0}).half_width));
  EXPECT_DOUBLE_EQ(mean_ci95({4.0, 4.0, 4.0}).half_width, 0.0);
}

TEST(Differences, WelchMatchesHandComputation) {
  const std::vector<double> a = {10, 12, 14};      // mean 12, var 4
  const std::vector<double> b = {1, 2, 3, 4, 5};   // mean 3, var 2.5
  const DifferenceCi d = welch_difference(a, b);
  const double va = 4.0 / 3, vb = 2.5 / 5;
  const double df = (va + vb) * (va + vb) / (va * va / 2 + vb * vb / 4);
  EXPECT_DOUBLE_EQ(d.difference, 9.0);
  EXPECT_NEAR(d.df, df, 1e-12);
  EXPECT_NEAR(d.half_width, student_t_quantile(0.975, df) * std::sqrt(va + vb), 1e-9);
  EXPECT_TRUE(d.significant);
  EXPECT_FALSE(welch_difference({1, 2, 3}, {1.5, 2.5, 2.0}).significant);
}

TEST(Differences, PairingRemovesSharedNoise) {
  // Large spread across replications, a constant small shift within each pair: only the
  // paired interval can see it.
  const std::vector<double> a = {10.1, 20.1, 30.1, 40.1, 15.1};
  const std::vector<double> b = {10.0, 20.0, 30.0, 40.0, 15.0};
  EXPECT_FALSE(welch_difference(a, b).significant);
  const DifferenceCi paired = paired_difference(a, b);
  EXPECT_NEAR(paired.difference, 0.1, 1e-9);
  EXPECT_TRUE(paired.significant);
}
