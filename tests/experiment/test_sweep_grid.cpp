#include <gtest/gtest.h>
#include <map>
#include <set>

#include "experiment/SweepGrid.hpp"
#include "scenario/Diagnostics.hpp"

using namespace rongou;

TEST(SweepGrid, SplitsValuesOutsideBracketsAndQuotes) {
  const SweepAxis axis = parse_sweep_axis("x.y=[Mon,Wed],{dist: fixed, value: 2},'a,b',4");
  EXPECT_EQ(axis.key, "x.y");
  EXPECT_EQ(axis.values, (std::vector<std::string>{"[Mon,Wed]", "{dist: fixed, value: 2}", "'a,b'", "4"}));
  EXPECT_THROW(parse_sweep_axis("x.y=1,,2"), InputError);
  EXPECT_THROW(parse_sweep_axis("=1"), InputError);
}

TEST(SweepGrid, RowMajorWithTheFirstAxisSlowest) {
  const std::vector<SweepAxis> axes = {{"a", {"1", "2"}}, {"b", {"x", "y", "z"}}};
  ASSERT_EQ(grid_size(axes), 6u);
  EXPECT_EQ(point_values(axes, 0), (std::vector<std::string>{"1", "x"}));
  EXPECT_EQ(point_values(axes, 2), (std::vector<std::string>{"1", "z"}));
  EXPECT_EQ(point_values(axes, 3), (std::vector<std::string>{"2", "x"}));
  EXPECT_EQ(point_assignments(axes, 5), (std::vector<std::string>{"a=2", "b=z"}));
  std::set<std::vector<std::string>> all;
  for (std::size_t i = 0; i < 6; ++i)
    all.insert(point_values(axes, i));
  EXPECT_EQ(all.size(), 6u);
}

TEST(SweepGrid, ShardsPartitionThePoints) {
  for (std::size_t n = 1; n <= 6; ++n) {
    std::map<std::size_t, int> owners;
    for (std::size_t k = 1; k <= n; ++k)
      for (std::size_t p = 0; p < 23; ++p)
        if (Shard{k, n}.holds(p))
          ++owners[p];
    ASSERT_EQ(owners.size(), 23u) << n;
    for (const auto& [p, count] : owners)
      EXPECT_EQ(count, 1) << "point " << p << " of " << n << " shards";
  }
}

TEST(SweepGrid, ShardArgument) {
  const Shard s = parse_shard("2/8");
  EXPECT_EQ(s.k, 2u);
  EXPECT_EQ(s.n, 8u);
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/", "/2", "1/0"})
    EXPECT_THROW(parse_shard(bad), InputError) << bad;
}
